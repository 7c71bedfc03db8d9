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


@dataclass(frozen=True)
class Marker:
    """A point drawn as a shape: its SVG points ready-made, and the score it stands for."""

    points: str
    value: int


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
    return [{"value": str(v), "y": svg_number(_y(v))} for v in (0, 5, 10)]


# What pain_chart_of_rows reads of each session, in this order: values_list(*PAIN_FIELDS)
# of ExerciseSession.objects.with_morning().
PAIN_FIELDS = ("local_date", "pain_before", "pain_after", "morning_response", "morning_pain")


def pain_chart(sessions) -> dict:
    """Pain before and after for sessions oldest → newest (completed ones only), and the
    next morning's score where the patient gave one (sessions from with_morning())."""
    return pain_chart_of_rows(
        [
            (
                s.local_date,
                s.pain_before,
                s.pain_after,
                getattr(s, "morning_response", None),
                getattr(s, "morning_pain", None),
            )
            for s in sessions
        ]
    )


def pain_chart_of_rows(rows) -> dict:
    """pain_chart() from PAIN_FIELDS tuples, oldest → newest, without model objects.

    Every number the template prints is a string made here (see the module's note), and
    each date format and phrase is translated once per chart rather than once per point."""
    rows = list(rows)
    short, long = _("j M"), _("j M Y")
    morning_words = _("%(response)s, %(pain)s/10")
    responses: dict[str, str] = {}  # an answer's words, translated once
    before, after, morning, table, labels = [], [], [], [], []
    before_line, after_line = [], []
    for x, (local_date, pain_before, pain_after, response, pain) in zip(
        _xs(len(rows)), rows, strict=True
    ):
        svg_x, y_before, y_after = svg_number(x), _y(pain_before), _y(pain_after)
        before.append({"cx": svg_x, "cy": svg_number(y_before)})
        before_line.append(f"{svg_x},{svg_number(y_before)}")
        # The top-left corner of an 8 by 8 square centred on the point.
        after.append({"x": svg_number(x - 4), "y": svg_number(y_after - 4)})
        after_line.append(f"{svg_x},{svg_number(y_after)}")
        if pain is None:
            morning_text = "–"  # not every session gets a next-morning answer
        else:
            # A triangle pointing up, centred on the point.
            y = _y(pain)
            corners = ((x, y - 5), (x + 5, y + 4), (x - 5, y + 4))
            morning.append(
                Marker(" ".join(f"{svg_number(px)},{svg_number(py)}" for px, py in corners), pain)
            )
            if response not in responses:
                responses[response] = str(MorningResponse(response).label)
            morning_text = morning_words % {"response": responses[response], "pain": pain}
        labels.append(day(local_date, short))
        # The same numbers as a table, as text (a number printed by the template is
        # localised: a locale lookup per cell).
        table.append(
            {
                "day": day(local_date, long),
                "before": str(pain_before),
                "after": str(pain_after),
                "morning": morning_text,
            }
        )
    return {
        "count": len(rows),
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "before": before,
        "after": after,
        "morning": morning,
        "before_line": " ".join(before_line),
        "after_line": " ".join(after_line),
        "grid": _grid(),
        "left": str(LEFT),
        "right": str(WIDTH - RIGHT),
        "label_x": str(LEFT - 8),  # the grid's numbers, left of the plot
        "label_y": str(HEIGHT - 8),  # the first and last dates, under it
        "first_label": labels[0] if labels else "",
        "last_label": labels[-1] if labels else "",
        "rows": table,
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
