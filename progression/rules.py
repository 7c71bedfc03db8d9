"""Pain-guided progression (clinical.md §3, the pain-monitoring model; proposed rules
that need clinical sign-off). Pure functions: from recent sessions, next-morning
scores and effort, decide whether to progress, hold, regress or alert, and what the
new dose of each plan item would be. Nothing here changes a plan: a clinician accepts
or dismisses each suggestion."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from exercises.models import HOLD_SECONDS, REPS
from progression.models import SuggestionKind

# What a decision can be: one of the suggestion kinds, or neither (hold), or an alert
# for the clinician (which steps back as well).
PROGRESS, REGRESS = SuggestionKind.PROGRESS, SuggestionKind.REGRESS
HOLD, ALERT = "hold", "alert"


@dataclass(frozen=True)
class SessionFacts:
    local_date: date
    pain_before: int
    pain_after: int  # the score during and just after exercise
    effort: str = ""  # easy / right / hard
    morning_pain: int | None = None  # next morning, if the patient answered
    morning_response: str = ""  # better / same / worse than before the session


@dataclass(frozen=True)
class Decision:
    action: str
    reason: str


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def weekly_means(sessions: list[SessionFacts], today: date) -> tuple[float | None, float | None]:
    """Mean pain before exercise this week (last 7 days) and the 7 days before that."""
    this_week = [s.pain_before for s in sessions if today - s.local_date < timedelta(days=7)]
    last_week = [
        s.pain_before
        for s in sessions
        if timedelta(days=7) <= today - s.local_date < timedelta(days=14)
    ]
    return _mean(this_week), _mean(last_week)


def decide(
    sessions: list[SessionFacts], baseline: int | None, today: date, *, paused: bool = False
) -> Decision:
    """sessions: finished ones, oldest first. paused: a "review" red flag is open."""
    ceiling = settings.PAIN_ACCEPTABLE_CEILING
    needed = settings.PROGRESS_AFTER_SESSIONS
    safe = settings.PAIN_SAFE_CEILING
    if not sessions:
        return Decision(HOLD, "No finished sessions yet.")
    last = sessions[-1]
    recent = sessions[-2:]
    if len(recent) == 2 and all(s.pain_after > ceiling for s in recent):
        return Decision(ALERT, f"Pain above {ceiling} in the last two sessions.")
    this_week, last_week = weekly_means(sessions, today)
    if last.pain_after > ceiling:
        return Decision(
            REGRESS, f"Pain {last.pain_after} during the last session (above {ceiling})."
        )
    if last.morning_response == "worse":
        return Decision(REGRESS, "Worse the next morning than before the session.")
    if baseline is not None and last.morning_pain is not None and last.morning_pain > baseline:
        return Decision(
            REGRESS, f"Next-morning pain {last.morning_pain} is above the baseline of {baseline}."
        )
    if this_week is not None and last_week is not None and this_week > last_week:
        return Decision(REGRESS, "This week's pain is higher than last week's.")
    if last.pain_after > safe:
        return Decision(
            HOLD, f"Pain {last.pain_after} during the last session: acceptable, not yet low."
        )
    streak = sessions[-needed:]
    if paused:
        return Decision(HOLD, "A safety answer needs review before making it harder.")
    if len(streak) < needed:
        return Decision(HOLD, f"Fewer than {needed} finished sessions so far.")
    if any(s.pain_after > safe for s in streak):
        return Decision(
            HOLD,
            f"Not yet {needed} sessions in a row with pain of {safe} or less.",
        )
    if any(s.effort == "hard" for s in streak):
        return Decision(HOLD, "The patient found it too hard.")
    if any(s.morning_pain is None for s in streak) or baseline is None:
        return Decision(HOLD, "Waiting for next-morning answers before making it harder.")
    if any(s.morning_pain > baseline or s.morning_response == "worse" for s in streak):
        return Decision(HOLD, "Next-morning pain has not settled to the baseline.")
    return Decision(
        PROGRESS,
        f"{needed} sessions in a row with pain of {safe} or less, settled by morning.",
    )


@dataclass(frozen=True)
class Dose:
    exercise: object
    sets: int
    reps: int | None
    hold_seconds: int | None


def next_dose(item, action: str) -> Dose | None:
    """One step up or down: +2 reps or +5 s (the harder variant once the dose is full),
    or -2 reps or -5 s (the easier variant once the dose is small). None: no change."""
    exercise, sets, reps, hold = item.exercise, item.sets, item.reps, item.hold_seconds
    if action == PROGRESS:
        harder = exercise.harder if exercise.harder and exercise.harder.published else None
        if harder and ((reps and reps >= 12) or (hold and hold >= 60)):
            return Dose(harder, harder.sets, harder.reps, harder.hold_seconds)
        if reps:
            return Dose(exercise, sets, min(reps + 2, REPS[1]), None) if reps < REPS[1] else None
        return (
            Dose(exercise, sets, None, min(hold + 5, HOLD_SECONDS[1]))
            if hold < HOLD_SECONDS[1]
            else None
        )
    if action == REGRESS:
        easier = exercise.easier if exercise.easier and exercise.easier.published else None
        if easier and ((reps and reps <= 4) or (hold and hold <= 10)):
            return Dose(easier, easier.sets, easier.reps, easier.hold_seconds)
        if reps:
            return Dose(exercise, sets, max(reps - 2, REPS[0]), None) if reps > REPS[0] else None
        return Dose(exercise, sets, None, max(hold - 5, 5)) if hold > 5 else None
    return None
