"""Server-drawn SVG charts: coordinates computed here, drawn by the template. No chart
library, no JavaScript, and every chart comes with the same numbers as text.

Coordinates reach the template as ready-made strings: a float printed by the template
is localised (a decimal comma in some languages would break the SVG), which also costs
a locale lookup per number, hundreds per chart."""

from dataclasses import dataclass

from django.utils import dateformat
from django.utils.translation import gettext as _

from practice.models import MorningResponse
from routines.templatetags.dates import day

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 30, 10, 10, 30


def svg_number(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    label: str

    @property
    def svg_x(self) -> str:
        return svg_number(self.x)

    @property
    def svg_y(self) -> str:
        return svg_number(self.y)

    # The top-left corner of an 8 by 8 square centred on the point.
    @property
    def corner_x(self) -> str:
        return svg_number(self.x - 4)

    @property
    def corner_y(self) -> str:
        return svg_number(self.y - 4)

    # A triangle pointing up, centred on the point (the next morning's marker).
    @property
    def triangle(self) -> str:
        x, y = self.x, self.y
        return " ".join(
            f"{svg_number(px)},{svg_number(py)}"
            for px, py in ((x, y - 5), (x + 5, y + 4), (x - 5, y + 4))
        )


def _y(pain: float) -> float:
    return round(TOP + (10 - pain) * (HEIGHT - TOP - BOTTOM) / 10, 1)


def _xs(count: int) -> list[float]:
    """Evenly spread x positions across the plot; a single point sits in the middle."""
    span = WIDTH - LEFT - RIGHT
    if count == 1:
        return [round(LEFT + span / 2, 1)]
    step = span / max(count - 1, 1)
    return [round(LEFT + i * step, 1) for i in range(count)]


def _grid() -> list[dict]:
    return [{"value": v, "y": svg_number(_y(v))} for v in (0, 5, 10)]


def _morning_text(session) -> str:
    """The next morning's answer in words, or a dash (not every session gets one)."""
    pain = getattr(session, "morning_pain", None)
    if pain is None:
        return "–"
    response = MorningResponse(session.morning_response).label
    return _("%(response)s, %(pain)s/10") % {"response": response, "pain": pain}


def pain_chart(sessions) -> dict:
    """Pain before and after for sessions oldest → newest (completed ones only), and the
    next morning's score where the patient gave one (sessions from with_morning())."""
    sessions = list(sessions)
    before, after, morning = [], [], []
    for x, session in zip(_xs(len(sessions)), sessions, strict=True):
        label = day(session.local_date, _("j M"))
        before.append(Point(x, _y(session.pain_before), session.pain_before, label))
        after.append(Point(x, _y(session.pain_after), session.pain_after, label))
        pain = getattr(session, "morning_pain", None)
        if pain is not None:
            morning.append(Point(x, _y(pain), pain, label))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "before": before,
        "after": after,
        "morning": morning,
        "before_line": " ".join(f"{p.svg_x},{p.svg_y}" for p in before),
        "after_line": " ".join(f"{p.svg_x},{p.svg_y}" for p in after),
        "grid": _grid(),
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": HEIGHT - BOTTOM,
        "first_label": before[0].label if before else "",
        "last_label": before[-1].label if before else "",
        # The same numbers as a table, as text (a number printed by the template is
        # localised: a locale lookup per cell).
        "rows": [
            {
                "day": day(s.local_date, _("j M Y")),
                "before": str(s.pain_before),
                "after": str(s.pain_after),
                "morning": _morning_text(s),
            }
            for s in sessions
        ],
    }


def psfs_chart(scores) -> dict:
    """PSFS means, oldest first, as a step line (the score holds until re-rated)."""
    scores = list(scores)
    points = [
        Point(x, _y(float(score.mean)), score.mean, dateformat.format(score.local_date, _("j M")))
        for x, score in zip(_xs(len(scores)), scores, strict=True)
    ]
    path = ""
    for i, p in enumerate(points):
        path += f"M{p.svg_x},{p.svg_y}" if i == 0 else f" H{p.svg_x} V{p.svg_y}"
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": points,
        "path": path,
        "grid": _grid(),
        "left": LEFT,
        "right": WIDTH - RIGHT,
    }
