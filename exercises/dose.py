"""Doses in plain words: "3 sets of 10", "Hold for 30 seconds · 3 times · each side"."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def dose_text(sets: int, reps: int | None, hold_seconds: int | None, per_side: bool) -> str:
    if hold_seconds:
        text = ngettext(
            "Hold for %(seconds)s second", "Hold for %(seconds)s seconds", hold_seconds
        ) % {"seconds": hold_seconds}
        if sets > 1:
            text += " · " + ngettext("%(n)s time", "%(n)s times", sets) % {"n": sets}
    elif sets > 1:
        text = _("%(sets)s sets of %(reps)s") % {"sets": sets, "reps": reps}
    else:
        text = ngettext("%(reps)s time", "%(reps)s times", reps or 0) % {"reps": reps}
    if per_side:
        text += " · " + _("each side")
    return text


def estimated_seconds(
    sets: int, reps: int | None, hold_seconds: int | None, rest_seconds: int, per_side: bool
) -> int:
    """A generous estimate of time on the mat: about 4 s a rep, rests between sets,
    and 10 s to get into position for each side."""
    work = hold_seconds if hold_seconds else (reps or 0) * 4
    sides = 2 if per_side else 1
    return sides * (sets * work + max(sets - 1, 0) * rest_seconds + 10)
