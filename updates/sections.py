"""What newer apps show on the safety work's page (/trygghet/), without updates knowing them.

updates is older than the apps that build on it, so it never imports them (DESIGN.md); it
offers this registry instead. The registry is a Wagtail hook, so an app fills it in its
wagtail_hooks.py, which Wagtail loads before the first hook is read:

    @hooks.register(INDEX_SECTIONS)
    def survey_pages_section(index_page):
        return IndexSection(template="surveys/includes/...", values={"survey_pages": [...]})

The function returns None when it has nothing to show. A section is shown below the page's
introduction, in the part that is kept for every anonymous reader, so it may depend on
published content only, never on who reads.
"""

from dataclasses import dataclass

from wagtail import hooks

INDEX_SECTIONS = "updates_index_sections"


@dataclass(frozen=True)
class IndexSection:
    template: str  # included with `values` beside the page's own context
    values: dict


def index_sections(index_page) -> list[IndexSection]:
    sections = (section_for(index_page) for section_for in hooks.get_hooks(INDEX_SECTIONS))
    return [section for section in sections if section is not None]
