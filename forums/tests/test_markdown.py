from html.parser import HTMLParser

import pytest

from forums.markdown import ALLOWED_TAGS, render_markdown

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](  javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    '[x](http://example.org" onmouseover="alert(1))',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="x:expression(alert(1))">x</p>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<link rel=stylesheet href=javascript:alert(1)>",
    '<base href="javascript:alert(1)//">',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="#" onclick="alert(1)">x</a>',
    "<b><i>unclosed <script>alert(1)",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <img src=x onerror=alert(1)>",
    "- <svg/onload=alert(1)>",
    "<!--<script>alert(1)//-->",
    '<a href="&#x26;#x6A;avascript:alert(1)">x</a>',
    "<video><source onerror=alert(1)></video>",
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]


class Markup(HTMLParser):
    """What a browser would build from the HTML: every element and its attributes."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def test_there_are_at_least_forty_vectors():
    assert len(VECTORS) >= 40


@pytest.mark.parametrize("vector", VECTORS)
def test_no_vector_reaches_the_page_as_markup(vector):
    html = render_markdown(vector)
    for tag, attrs in Markup(html).elements:
        assert tag in ALLOWED_TAGS, html
        assert set(attrs) <= {"href", "rel", "start"}, html
        href = (attrs.get("href") or "").strip().lower()
        assert not href or href.startswith(("http://", "https://", "mailto:")), html


def test_links_are_marked_as_user_content():
    html = render_markdown("[Kommunen](https://www.botkyrka.se)")
    assert html == (
        '<p><a href="https://www.botkyrka.se" rel="nofollow ugc noopener">Kommunen</a></p>\n'
    )


def test_the_allowed_markdown_renders():
    html = render_markdown("*kursiv* **fet**\n\n- ett\n- två\n\n1. a\n\n> citat\n\n`kod`")
    for tag in ("<em>", "<strong>", "<ul>", "<ol>", "<blockquote>", "<code>"):
        assert tag in html


def test_raw_html_is_shown_as_text():
    assert render_markdown("<b>fet</b>") == "<p>&lt;b&gt;fet&lt;/b&gt;</p>\n"
