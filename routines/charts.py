"""Server-drawn SVG charts: coordinates computed here, drawn by the template. No chart
library, no JavaScript, and every chart comes with the same numbers as text."""

from dataclasses import dataclass

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 30, 10, 10, 30


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    label: str


def _y(pain: int) -> float:
    return round(TOP + (10 - pain) * (HEIGHT - TOP - BOTTOM) / 10, 1)


def pain_chart(sessions) -> dict:
    """Pain before and after for sessions oldest → newest (completed ones only)."""
    sessions = list(sessions)
    span = WIDTH - LEFT - RIGHT
    step = span / max(len(sessions) - 1, 1)
    before, after = [], []
    for i, session in enumerate(sessions):
        x = round(LEFT + (i * step if len(sessions) > 1 else span / 2), 1)
        label = session.local_date.strftime("%d %b")
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
