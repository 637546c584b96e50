"""Pictures and a document for the demo, drawn here rather than downloaded: a view of each
district, the hall of a storsamling, and the minutes of the past storsamling as a PDF. They go
through Wagtail's image and document models, so renditions and links are real."""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image

WIDTH, HEIGHT = 1600, 700
PALETTES = [  # sky, far buildings, near buildings, windows, ground, trees
    ("#a8d0e6", "#6b7a8f", "#374785", "#f8e9a1", "#7fb069", "#2f6f3e"),
    ("#f7c59f", "#8d6a9f", "#4f3b78", "#fff1c1", "#9bc53d", "#386641"),
    ("#cde7f0", "#7d98a1", "#485665", "#f2e8cf", "#a7c957", "#386641"),
    ("#ffe5d9", "#9d8189", "#6d597a", "#fff3b0", "#8ab17d", "#2a9d8f"),
    ("#d8e2dc", "#84a59d", "#3d5a80", "#fefae0", "#90be6d", "#43aa8b"),
    ("#e0fbfc", "#98c1d9", "#3d5a80", "#ffd166", "#83c5be", "#006d77"),
]


def _jpeg(picture: Picture.Image) -> BytesIO:
    data = BytesIO()
    picture.save(data, "JPEG", quality=85, optimize=True)
    data.seek(0)
    return data


def _district_view(name: str, palette: tuple) -> Picture.Image:
    """A skyline by a lake or a square: buildings, lit windows, trees; the same for a name."""
    sky, far, near, window, ground, tree = palette
    rng = random.Random(name)  # noqa: S311 - a drawing, not a secret
    picture = Picture.new("RGB", (WIDTH, HEIGHT), sky)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((1250, 80, 1390, 220), fill="#fff7d6")
    horizon = 470
    for colour, low, high, width in ((far, 140, 320, (70, 140)), (near, 90, 250, (90, 190))):
        x = -20
        while x < WIDTH:
            w = rng.randint(*width)
            h = rng.randint(low, high)
            draw.rectangle((x, horizon - h, x + w, horizon), fill=colour)
            if colour == near:
                for wy in range(horizon - h + 18, horizon - 20, 34):
                    for wx in range(x + 12, x + w - 18, 28):
                        if rng.random() < 0.55:
                            draw.rectangle((wx, wy, wx + 12, wy + 16), fill=window)
            x += w + rng.randint(6, 30)
    draw.rectangle((0, horizon, WIDTH, HEIGHT), fill=ground)
    for _tree in range(14):
        tx = rng.randint(0, WIDTH)
        ty = rng.randint(horizon + 30, HEIGHT - 40)
        r = rng.randint(28, 60)
        draw.rectangle((tx - 5, ty, tx + 5, ty + r), fill="#5b4636")
        draw.ellipse((tx - r, ty - r * 1.4, tx + r, ty + r * 0.4), fill=tree)
    return picture


def _meeting_hall() -> Picture.Image:
    """Rows of people in a hall, facing a speaker at a lectern."""
    rng = random.Random("storsamling")  # noqa: S311
    picture = Picture.new("RGB", (WIDTH, HEIGHT), "#f3ead8")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, WIDTH, 160), fill="#d9c7a7")
    draw.rectangle((650, 170, 950, 330), fill="#0b5d4b")  # the screen
    draw.rectangle((760, 360, 840, 460), fill="#6b4f3a")  # the lectern
    draw.ellipse((775, 300, 825, 350), fill="#8d5524")
    colours = ["#c68642", "#8d5524", "#e0ac69", "#f1c27d", "#5a3825", "#ffdbac"]
    shirts = ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#6d597a", "#457b9d"]
    for row, y in enumerate(range(470, HEIGHT + 60, 70)):
        for x in range(40 + (row % 2) * 45, WIDTH, 90):
            draw.ellipse((x - 40, y - 10, x + 40, y + 70), fill=rng.choice(shirts))
            draw.ellipse((x - 22, y - 52, x + 22, y - 8), fill=rng.choice(colours))
    return picture


def image_ensure(title: str, draw, focal=None) -> Image:
    """The demo's image of that title, drawn and uploaded once."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    filename = title.lower().replace(" ", "-").replace("ö", "o").replace("å", "a") + ".jpg"
    image = Image(title=title, file=ImageFile(_jpeg(draw()), name=filename))
    if focal:
        image.focal_point_x, image.focal_point_y, image.focal_point_width = focal
        image.focal_point_height = focal[2]
    image.save()
    return image


def district_image(name: str, number: int) -> Image:
    return image_ensure(
        f"Vy över {name}",
        lambda: _district_view(name, PALETTES[number % len(PALETTES)]),
        focal=(800, 380, 600),
    )


def meeting_hall_image() -> Image:
    return image_ensure("Storsamling i Folkets hus", _meeting_hall, focal=(800, 300, 500))


def _pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with real text (selectable, read by screen readers), in Helvetica."""

    def text(value: str) -> bytes:
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return escaped.encode("cp1252")

    content = b"BT /F1 18 Tf 56 780 Td (" + text(title) + b") Tj ET\n"
    y = 740
    for line in lines:
        content += b"BT /F1 11 Tf 56 %d Td (" % y + text(line) + b") Tj ET\n"
        y -= 18
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (sv) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
        b"<< /Title (" + text(title) + b") >>",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return pdf


def minutes_document(title: str, lines: list[str]) -> Document:
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    upload = SimpleUploadedFile("protokoll-storsamling-fittja.pdf", _pdf(title, lines))
    document = Document(title=title, file=upload)
    document.save()
    return document
