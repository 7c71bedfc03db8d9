"""Doses in plain words: "3 × 10 reps", "Hold 30 s · 3 times · each side"."""  # noqa: RUF002

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def dose_text(sets: int, reps: int | None, hold_seconds: int | None, per_side: bool) -> str:
    if hold_seconds:
        text = _("Hold %(seconds)s s") % {"seconds": hold_seconds}
        if sets > 1:
            text += " · " + ngettext("%(n)s time", "%(n)s times", sets) % {"n": sets}
    else:
        text = ngettext("%(reps)s rep", "%(reps)s reps", reps or 0) % {"reps": reps}
        if sets > 1:
            text = _("%(sets)s × %(reps)s reps") % {"sets": sets, "reps": reps}
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
