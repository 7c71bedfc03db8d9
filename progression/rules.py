"""Pain-guided progression, per plan item (clinical.md §3.1, the project's proposal that
needs clinical sign-off). Pure functions over plain facts: each plan item is decided
from its own logs in the last eligible sessions (completed, not a bad-back day), the
whole routine from the session- and morning-level signals, and the ladder says what one
rung up or down is for each kind of dose. Nothing here changes a plan: a clinician
accepts or dismisses each suggestion (progression/suggestions.py stores them)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings

from exercises.dose import HOLD as HOLD_KIND
from exercises.dose import REPS_HOLD, dose_kind
from exercises.models import HOLD_SECONDS
from progression.models import SuggestionKind

# What a decision can be: one of the suggestion kinds, or neither (hold), or an alert
# for the clinician (pain above the ceiling twice; the routine steps back as well).
PROGRESS, REGRESS = SuggestionKind.PROGRESS, SuggestionKind.REGRESS
HOLD, ALERT = "hold", "alert"

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(value: date) -> str:
    """ "2 Dec": the reasons are stored text for the clinician, the same in any locale."""
    return f"{value.day} {_MONTHS[value.month - 1]}"


def days(values: Sequence[date]) -> str:
    return " and ".join(day(v) for v in values)


@dataclass(frozen=True)
class ItemDay:
    """One plan item in one session: its logged sets and sides by outcome. at_dose:
    the logs were at the item's current exercise and dose (so a step just accepted
    needs its own two sessions before the next one)."""

    done: int = 0
    easier: int = 0
    skipped: int = 0
    skipped_for_pain: int = 0
    stopped: int = 0
    stopped_for_pain: int = 0
    at_dose: bool = True

    @property
    def fully(self) -> bool:
        """Done fully as prescribed: every set and side done, none easier or missed."""
        return self.done > 0 and not (self.easier or self.skipped or self.stopped)


@dataclass(frozen=True)
class SessionFacts:
    local_date: date
    pain_before: int
    pain_after: int
    effort: str = ""  # easy / right / hard
    morning_pain: int | None = None  # next morning, if the patient answered
    morning_response: str = ""  # better / same / worse than before the session
    pain_worst: int | None = None  # worst during the exercises (None on older sessions)
    bad_day: bool = False
    items: Mapping[int, ItemDay] = field(default_factory=dict)  # by plan item id

    @property
    def pain_during(self) -> int:
        return self.pain_worst if self.pain_worst is not None else self.pain_after

    @property
    def worse_morning(self) -> bool:
        return self.morning_response == "worse"


@dataclass(frozen=True)
class Decision:
    action: str
    reason: str


@dataclass(frozen=True)
class RoutineDecision:
    """REGRESS: step back everything (one suggestion); else HOLD, with `blocked` saying
    why no item may progress ("" when progress is open)."""

    action: str
    reason: str
    blocked: str = ""


def eligible(sessions: Sequence[SessionFacts]) -> list[SessionFacts]:
    """Sessions the normal plan's rules read: bad-back days count for alerts only."""
    return [s for s in sessions if not s.bad_day]


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def weekly_means(
    sessions: Sequence[SessionFacts], today: date
) -> tuple[float | None, float | None]:
    """Mean pain before exercise this week (last 7 days) and the 7 days before that."""
    this_week = [s.pain_before for s in sessions if today - s.local_date < timedelta(days=7)]
    last_week = [
        s.pain_before
        for s in sessions
        if timedelta(days=7) <= today - s.local_date < timedelta(days=14)
    ]
    return _mean(this_week), _mean(last_week)


def meaningful_rise(before: float | None, now: float | None) -> bool:
    """Up by 2 points or more, or by 30 % or more of a non-zero earlier value."""
    if before is None or now is None or now <= before:
        return False
    rise = now - before
    points, share = settings.PAIN_MEANINGFUL_POINTS, settings.PAIN_MEANINGFUL_SHARE
    # A hair of tolerance: 3.9 - 3 is 0.8999… in floating point, and is 30 % of 3.
    return rise >= points or (before > 0 and rise + 1e-9 >= share * before)


def above_ceiling_twice(sessions: Sequence[SessionFacts]) -> bool:
    """For the urgent alert: worst pain above the ceiling in the last 2 sessions (any
    session, bad-back days included: they count for alerts)."""
    recent = sessions[-2:]
    ceiling = settings.PAIN_ACCEPTABLE_CEILING
    return len(recent) == 2 and all(s.pain_during > ceiling for s in recent)


def decide_routine(
    sessions: Sequence[SessionFacts], today: date, *, review_open: bool = False
) -> RoutineDecision:
    """sessions: the eligible ones, oldest first. The whole routine steps back when the
    last session's worst pain is above the ceiling, when the next morning was "worse"
    with a score 2 or more points above that session's pain before, or when this
    week's mean is 2 points or 30 % above last week's."""
    ceiling = settings.PAIN_ACCEPTABLE_CEILING
    points = settings.PAIN_MEANINGFUL_POINTS
    if not sessions:
        return RoutineDecision(HOLD, "No finished sessions yet.", "No finished sessions yet.")
    last = sessions[-1]
    if last.pain_during > ceiling:
        return RoutineDecision(
            REGRESS,
            f"Worst pain {last.pain_during} on {day(last.local_date)}. Rule: worst pain "
            f"during above {ceiling} steps back the whole routine.",
        )
    if (
        last.worse_morning
        and last.morning_pain is not None
        and last.morning_pain - last.pain_before >= points
    ):
        return RoutineDecision(
            REGRESS,
            f"Worse the morning after {day(last.local_date)}: pain {last.morning_pain}, "
            f"{last.morning_pain - last.pain_before} above {last.pain_before} before the "
            f"session. Rule: a worse morning {points} or more points above the pain before "
            "steps back the whole routine.",
        )
    this_week, last_week = weekly_means(sessions, today)
    if meaningful_rise(last_week, this_week):
        return RoutineDecision(
            REGRESS,
            f"This week's mean pain {this_week:.1f}, last week's {last_week:.1f}. Rule: a "
            f"weekly mean {points} points or "
            f"{settings.PAIN_MEANINGFUL_SHARE:.0%} above last week's steps back the "
            "whole routine.",
        )
    recent = sessions[-settings.PROGRESS_AFTER_SESSIONS :]
    worse = [s.local_date for s in recent if s.worse_morning]
    if worse:
        blocked = f"Worse the morning after {days(worse)}: no progress until it settles."
    elif review_open:
        blocked = "A safety answer needs review: no progress until the clinician clears it."
    else:
        blocked = ""
    return RoutineDecision(HOLD, "No whole-routine step back.", blocked)


def decide_item(item_id: int, sessions: Sequence[SessionFacts], *, blocked: str = "") -> Decision:
    """One plan item from its own logs in the eligible sessions (oldest first), the
    table of clinical.md §3.1 in order: step back, hold, progress. `blocked`: why the
    routine may not progress (decide_routine)."""
    safe, ceiling = settings.PAIN_SAFE_CEILING, settings.PAIN_ACCEPTABLE_CEILING
    needed = settings.PROGRESS_AFTER_SESSIONS
    if not sessions:
        return Decision(HOLD, "No finished sessions yet.")
    last = sessions[-1]
    today = last.items.get(item_id)
    if today is None:
        return Decision(HOLD, f"Not in the session on {day(last.local_date)}.")
    when = day(last.local_date)
    pain = f"; worst pain {last.pain_during} on {when}"
    if today.skipped_for_pain or today.stopped_for_pain:
        what = "Skipped" if today.skipped_for_pain else "Stopped"
        return Decision(
            REGRESS,
            f"{what} for pain on {when}{pain}. Rule: skipped or stopped for pain in the "
            "last session steps back this exercise.",
        )
    previous = sessions[-2].items.get(item_id) if len(sessions) > 1 else None
    if today.easier and previous is not None and previous.easier:
        return Decision(
            REGRESS,
            f"Made easier on {days([sessions[-2].local_date, last.local_date])}. Rule: made "
            "easier in 2 sessions in a row steps back this exercise.",
        )
    if today.easier:
        return Decision(HOLD, f"Made easier on {when}: hold.")
    if last.effort == "hard":
        return Decision(HOLD, f"Too hard on {when}: hold.")
    if safe < last.pain_during <= ceiling:
        return Decision(
            HOLD, f"Worst pain {last.pain_during} on {when} ({safe + 1}-{ceiling}): hold."
        )
    streak = sessions[-needed:]
    streak_days = [s.items.get(item_id) for s in streak]
    if len(streak) < needed or any(d is None or not d.at_dose for d in streak_days):
        return Decision(HOLD, f"Fewer than {needed} sessions at this dose so far.")
    if not all(d.fully for d in streak_days):
        return Decision(HOLD, f"Not done fully in each of the last {needed} sessions.")
    if any(s.pain_during > safe for s in streak):
        return Decision(HOLD, f"Worst pain above {safe} in one of the last {needed} sessions.")
    if any(s.effort == "hard" for s in streak):
        return Decision(HOLD, f"Too hard in one of the last {needed} sessions.")
    if blocked:
        return Decision(HOLD, blocked)
    worst = " and ".join(str(s.pain_during) for s in streak)
    return Decision(
        PROGRESS,
        f"Done fully on {days([s.local_date for s in streak])}, worst pain {worst}, no worse "
        f"morning after. Rule: {needed} sessions in a row done fully with worst pain "
        f"{safe} or less and not too hard progress this exercise one step.",
    )


# --- the ladder -----------------------------------------------------------------------


@dataclass(frozen=True)
class Dose:
    exercise: object
    sets: int
    reps: int | None
    hold_seconds: int | None


@dataclass(frozen=True)
class Rung:
    field: str
    step: int
    bottom: int
    top: int


def ladder(kind: str, hold_seconds: int | None = None) -> list[Rung]:
    """The dimensions a dose climbs, innermost first: each is raised to its top before
    the next one moves. A timed activity (a hold of whole minutes, 2 or more, such as a
    5-minute walk; no stretch is held that long) climbs by whole minutes, from 2 minutes
    to the dose limit; a long stretch (say 90 s) stays on the stretch ladder."""
    sets = Rung("sets", 1, 1, settings.LADDER_SETS_TOP)
    if kind == HOLD_KIND and hold_seconds and hold_seconds >= 120 and hold_seconds % 60 == 0:
        return [Rung("hold_seconds", 60, 120, HOLD_SECONDS[1]), sets]
    if kind == HOLD_KIND:
        hold = Rung(
            "hold_seconds",
            settings.LADDER_HOLD_STEP,
            settings.LADDER_HOLD_BOTTOM,
            settings.LADDER_HOLD_TOP,
        )
        return [hold, sets]
    reps_step, reps_bottom = settings.LADDER_REPS_STEP, settings.LADDER_REPS_BOTTOM
    reps = Rung("reps", reps_step, reps_bottom, settings.LADDER_REPS_TOP)
    if kind == REPS_HOLD:
        held = Rung(
            "hold_seconds",
            settings.LADDER_HELD_REP_STEP,
            settings.LADDER_HELD_REP_BOTTOM,
            settings.LADDER_HELD_REP_TOP,
        )
        return [held, reps, sets]
    return [reps, sets]


def _starting(exercise) -> Dose:
    return Dose(exercise, exercise.sets, exercise.reps, exercise.hold_seconds)


def _published(exercise):
    return exercise if exercise is not None and exercise.published else None


def next_dose(item, action: str) -> Dose | None:
    """One rung up or down the item's ladder (ladder()). Up: the innermost dimension
    below its top goes up one step; all at the top, the harder exercise at its starting
    dose. Down: the reverse, so a step back undoes what a progress would do next (the
    innermost dimension above its bottom comes down, sets first once everything inside
    them is at the top); all at the bottom, the easier exercise at its starting dose.
    None: no rung that way (no published easier or harder exercise)."""
    values = {"sets": item.sets, "reps": item.reps, "hold_seconds": item.hold_seconds}
    rungs = ladder(dose_kind(item.reps, item.hold_seconds), item.hold_seconds)

    def dose(**changed) -> Dose:
        new = {**values, **changed}
        return Dose(item.exercise, new["sets"], new["reps"], new["hold_seconds"])

    if action == PROGRESS:
        for rung in rungs:
            if values[rung.field] < rung.top:
                return dose(**{rung.field: min(values[rung.field] + rung.step, rung.top)})
        harder = _published(item.exercise.harder)
        return _starting(harder) if harder else None
    if action == REGRESS:
        for index in range(len(rungs) - 1, -1, -1):
            rung = rungs[index]
            inside_at_top = all(values[r.field] >= r.top for r in rungs[:index])
            if inside_at_top and values[rung.field] > rung.bottom:
                return dose(**{rung.field: max(values[rung.field] - rung.step, rung.bottom)})
        for rung in rungs:
            if values[rung.field] > rung.bottom:
                return dose(**{rung.field: max(values[rung.field] - rung.step, rung.bottom)})
        easier = _published(item.exercise.easier)
        return _starting(easier) if easier else None
    return None
