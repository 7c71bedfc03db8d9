"""Server-drawn SVG charts: coordinates computed here, drawn by the template. No chart
library, no JavaScript, and every chart comes with the same numbers as text."""

from dataclasses import dataclass

from django.utils import dateformat
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 30, 10, 10, 30


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    label: str


def _y(pain: float) -> float:
    return round(TOP + (10 - pain) * (HEIGHT - TOP - BOTTOM) / 10, 1)


def _xs(count: int) -> list[float]:
    """Evenly spread x positions across the plot; a single point sits in the middle."""
    span = WIDTH - LEFT - RIGHT
    if count == 1:
        return [round(LEFT + span / 2, 1)]
    step = span / max(count - 1, 1)
    return [round(LEFT + i * step, 1) for i in range(count)]


def pain_chart(sessions) -> dict:
    """Pain before and after for sessions oldest → newest (completed ones only)."""
    sessions = list(sessions)
    before, after = [], []
    for x, session in zip(_xs(len(sessions)), sessions, strict=True):
        label = dateformat.format(session.local_date, _("j M"))
        before.append(Point(x, _y(session.pain_before), session.pain_before, label))
        after.append(Point(x, _y(session.pain_after), session.pain_after, label))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "before": before,
        "after": after,
        "before_line": " ".join(f"{p.x},{p.y}" for p in before),
        "after_line": " ".join(f"{p.x},{p.y}" for p in after),
        "grid": [{"value": v, "y": _y(v)} for v in (0, 5, 10)],
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": HEIGHT - BOTTOM,
        "first_label": before[0].label if before else "",
        "last_label": before[-1].label if before else "",
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
        path += f"M{p.x},{p.y}" if i == 0 else f" H{p.x} V{p.y}"
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": points,
        "path": path,
        "grid": [{"value": v, "y": _y(v)} for v in (0, 5, 10)],
        "left": LEFT,
        "right": WIDTH - RIGHT,
    }
