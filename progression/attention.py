"""Who needs the clinician's attention first. Plain functions over numbers, so every
boundary can be tested in a table (clinical.md §3: a meaningful change in low back pain
is 2 points or 30 % of the baseline)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from practice.models import MorningResponse
from routines import schedule
from safety.models import AlertTier

INACTIVE_DAYS = 3


def meaningful_rise(baseline: int | None, current: float | None) -> bool:
    """Pain up by 2 points or more, or by 30 % or more of a non-zero baseline."""
    if baseline is None or current is None:
        return False
    rise = current - baseline
    if rise <= 0:
        return False
    points, share = settings.PAIN_MEANINGFUL_POINTS, settings.PAIN_MEANINGFUL_SHARE
    # A hair of tolerance: 3.9 - 3 is 0.8999… in floating point, and is 30 % of 3.
    return rise >= points or (baseline > 0 and rise + 1e-9 >= share * baseline)


def meaningful_drop(baseline: int | None, current: float | None) -> bool:
    """Pain down by 2 points or more, or by 30 % or more of the baseline: the
    "meaningful improvement" of clinical.md §3 (a baseline of 0 can't improve)."""
    if baseline is None or current is None or baseline == 0:
        return False
    drop = baseline - current
    if drop <= 0:
        return False
    points, share = settings.PAIN_MEANINGFUL_POINTS, settings.PAIN_MEANINGFUL_SHARE
    return drop >= points or drop + 1e-9 >= share * baseline


@dataclass(frozen=True)
class Signal:
    """What an answer tells the clinician: an alert's tier and its plain name."""

    tier: str
    title: str


def morning_signal(response: str, pain: int) -> Signal | None:
    """clinical.md §2.1: a next-morning "worse" needs attention, and is urgent when the
    score is above the acceptable ceiling; "better" or "the same" raise nothing."""
    if response != MorningResponse.WORSE:
        return None
    urgent = pain > settings.PAIN_ACCEPTABLE_CEILING
    return Signal(
        AlertTier.URGENT if urgent else AlertTier.ATTENTION,
        format_lazy(_("Worse the next morning: {pain}/10"), pain=pain),
    )


LOOKBACK_DAYS = 60  # enough to tell "3 or more"; bounds the loop


def missed_due_days(plan, last_activity: date | None, today: date) -> int:
    """Due days with nothing logged since the later of the last activity and the plan's
    start, up to yesterday (today isn't over). Rest days and days after the plan ended
    don't count, so a Mon/Wed/Fri patient isn't flagged every Monday."""
    if plan is None or plan.start_date is None:
        return 0
    since = max(d for d in (last_activity, plan.start_date - timedelta(days=1)) if d)
    since = max(since, today - timedelta(days=LOOKBACK_DAYS))
    day, missed = since + timedelta(days=1), 0
    while day < today:
        missed += schedule.is_due(plan, day)
        day += timedelta(days=1)
    return missed


def weekly_mean(scores: list[int]) -> float | None:
    return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True)
class Attention:
    reasons: list[str]

    @property
    def needed(self) -> bool:
        return bool(self.reasons)


def assess(*, plan, baseline, week_scores, last_activity, today) -> Attention:
    """clinical.md §3: the week's mean pain 2 points or 30 % above the baseline (the
    first recorded score), and 3 or more due days with nothing logged."""
    missed = missed_due_days(plan, last_activity, today)
    return Attention(reasons(missed, meaningful_rise(baseline, weekly_mean(week_scores))))


def reasons(missed_days: int, pain_up: bool) -> list[str]:
    """The reasons for attention, in the active language, from what the caseload keeps
    (progression/models.py: CaseloadEntry)."""
    found = []
    if missed_days >= INACTIVE_DAYS:
        found.append(str(_("Nothing logged on 3 or more due days")))
    if pain_up:
        found.append(str(_("Pain up on their baseline")))
    return found


def trend(pains: list[int]) -> str:
    """ "up", "down" or "steady" from the last few scores, oldest first."""
    if len(pains) < 2:
        return "steady"
    change = pains[-1] - pains[0]
    if change >= 1:
        return "up"
    if change <= -1:
        return "down"
    return "steady"
