"""Doses in plain words: "3 sets of 10", "Hold for 30 seconds · 3 times · each side",
"10 times, hold each 5 seconds"."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

HOLD, REPS, REPS_HOLD = "hold", "reps", "reps_hold"


def dose_kind(reps: int | None, hold_seconds: int | None) -> str:
    """The shape of a dose: a hold (stretches), reps (strength), or reps with a hold
    on each (10 x 5 s bridges). The progression ladder climbs each differently."""
    if reps and hold_seconds:
        return REPS_HOLD
    return HOLD if hold_seconds else REPS


def dose_text(sets: int, reps: int | None, hold_seconds: int | None, per_side: bool) -> str:
    """ "Hold for 30 seconds · 3 times", "2 sets of 10", "10 times, hold each 5 seconds"."""
    kind = dose_kind(reps, hold_seconds)
    if kind == HOLD:
        text = hold_text(hold_seconds)
        if sets > 1:
            text += " · " + ngettext("%(n)s time", "%(n)s times", sets) % {"n": sets}
    else:
        if sets > 1:
            text = _("%(sets)s sets of %(reps)s") % {"sets": sets, "reps": reps}
        else:
            text = ngettext("%(reps)s time", "%(reps)s times", reps or 0) % {"reps": reps}
        if kind == REPS_HOLD:
            text += ", " + hold_each(hold_seconds)
    if per_side:
        text += " · " + _("each side")
    return text


def hold_text(hold_seconds: int) -> str:
    """ "Hold for 30 seconds"; a long timed dose (a walk) in minutes: "Keep going for 5
    minutes"."""
    if hold_seconds >= 120 and hold_seconds % 60 == 0:
        minutes = hold_seconds // 60
        return ngettext(
            "Keep going for %(minutes)s minute", "Keep going for %(minutes)s minutes", minutes
        ) % {"minutes": minutes}
    return ngettext("Hold for %(seconds)s second", "Hold for %(seconds)s seconds", hold_seconds) % {
        "seconds": hold_seconds
    }


def hold_each(hold_seconds: int) -> str:
    return ngettext(
        "hold each %(seconds)s second", "hold each %(seconds)s seconds", hold_seconds
    ) % {"seconds": hold_seconds}


def estimated_seconds(
    sets: int, reps: int | None, hold_seconds: int | None, rest_seconds: int, per_side: bool
) -> int:
    """A generous estimate of time on the mat: about 4 s a rep (a held rep: its hold
    and 2 s), rests between sets, and 10 s to get into position for each side."""
    if reps and hold_seconds:
        work = reps * (hold_seconds + 2)
    else:
        work = hold_seconds if hold_seconds else (reps or 0) * 4
    sides = 2 if per_side else 1
    return sides * (sets * work + max(sets - 1, 0) * rest_seconds + 10)
