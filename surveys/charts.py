"""Line charts and sparklines drawn as SVG on the server: no script, and they print. The table
beside each chart is the accessible truth; the chart is a picture of it, told apart without
colour (each line has its own marker and dash) and described in words."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 150, 16, 36  # room for the axis labels and the line labels
LABEL_GAP = 14  # the least distance between two line labels at the end
DASHES = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 5"]
MARKERS = ["circle", "square", "triangle", "diamond", "cross", "bar"]


@dataclass
class Point:
    year: int
    share: Decimal
    x: float
    y: float
    marker: str = ""


@dataclass
class Line:
    district: object
    index: int
    points: list[Point] = field(default_factory=list)
    label_y: float = 0

    @property
    def dash(self) -> str:
        return DASHES[self.index % len(DASHES)]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def end(self) -> Point:
        return self.points[-1]


def percent(share) -> str:
    return _("%(share)s %%") % {"share": number_format(share, 1)}


def change_sentence(finding: str, points: list) -> str:
    """ "Feel unsafe outdoors late in the evening: 41 % in 2018, up from 32 % in 2016." from the
    last two of `points` ((year, share) pairs, oldest first)."""
    year, share = points[-1]
    if len(points) < 2:
        return _("%(finding)s: %(share)s in %(year)s.") % {
            "finding": finding,
            "share": percent(share),
            "year": year,
        }
    before_year, before = points[-2]
    values = {
        "finding": finding,
        "share": percent(share),
        "year": year,
        "before": percent(before),
        "before_year": before_year,
    }
    if share > before:
        return _("%(finding)s: %(share)s in %(year)s, up from %(before)s in %(before_year)s.") % (
            values
        )
    if share < before:
        return (
            _("%(finding)s: %(share)s in %(year)s, down from %(before)s in %(before_year)s.")
            % values
        )
    return _("%(finding)s: %(share)s in %(year)s, as in %(before_year)s.") % values


def line_chart(question, series: list[tuple]) -> dict:
    """`series`: (district, [(year, share), …] oldest first) for each district with figures."""
    years = sorted({year for _district, points in series for year, _share in points})
    highest = max((share for _district, points in series for _year, share in points), default=0)
    top_value = min(100, max(20, -(-int(highest) // 10) * 10 + 10))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year):
        if len(years) == 1:
            return LEFT + plot_width / 2
        return LEFT + plot_width * (year - years[0]) / (years[-1] - years[0])

    def y(share):
        return TOP + plot_height * (1 - float(share) / top_value)

    lines = []
    for index, (district, points) in enumerate(series):
        line = Line(district=district, index=index)
        for year, share in points:
            point = Point(year=year, share=share, x=x(year), y=y(share))
            point.marker = _marker(MARKERS[index % len(MARKERS)], point.x, point.y)
            line.points.append(point)
        lines.append(line)
    _place_labels(lines)
    step = 10 if top_value <= 50 else 20
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "lines": lines,
        "grid": [{"y": y(value), "label": f"{value} %"} for value in range(0, top_value + 1, step)],
        "years": [{"x": x(year), "year": year} for year in years],
        "baseline": y(0),
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "description": " ".join(
            change_sentence(str(district.title), points) for district, points in series
        ),
    }


def sparkline(points: list[tuple], width: int = 96, height: int = 28) -> str:
    """The `points` attribute of a small polyline over the years, 0–100 % high."""
    if len(points) < 2:
        return ""
    first, last = points[0][0], points[-1][0]
    span = (last - first) or 1
    return " ".join(
        f"{2 + (width - 4) * (year - first) / span:.1f},"
        f"{2 + (height - 4) * (1 - float(share) / 100):.1f}"
        for year, share in points
    )


def _place_labels(lines: list[Line]) -> None:
    """Each line's name at its end, moved apart where ends lie close together."""
    ordered = sorted(lines, key=lambda line: line.end.y)
    previous = None
    for line in ordered:
        line.label_y = line.end.y + 4
        if previous is not None and line.label_y < previous + LABEL_GAP:
            line.label_y = previous + LABEL_GAP
        previous = line.label_y


def _marker(kind: str, x: float, y: float, r: float = 4.5) -> str:
    """An SVG path of the marker `kind` centred on (x, y)."""
    if kind == "circle":
        return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0"
    if kind == "square":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r}v{2 * r}h{-2 * r}z"
    if kind == "triangle":
        return f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y + r:.1f}H{x - r - 1:.1f}z"
    if kind == "diamond":
        return (
            f"M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y:.1f}"
            f"L{x:.1f},{y + r + 1:.1f}L{x - r - 1:.1f},{y:.1f}z"
        )
    if kind == "cross":
        a = r / 3
        return (
            f"M{x - a:.1f},{y - r:.1f}h{2 * a:.1f}v{r - a:.1f}h{r - a:.1f}v{2 * a:.1f}"
            f"h{a - r:.1f}v{r - a:.1f}h{-2 * a:.1f}v{a - r:.1f}h{a - r:.1f}v{-2 * a:.1f}"
            f"h{r - a:.1f}z"
        )
    return f"M{x - r:.1f},{y - r / 2.5:.1f}h{2 * r}v{2 * r / 2.5:.1f}h{-2 * r}z"  # bar
