"""Who needs the clinician's attention first. Plain functions over numbers, so every
boundary can be tested in a table (clinical.md §3: a meaningful change in low back pain
is 2 points or 30 % of the baseline)."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext_lazy as _

INACTIVE_DAYS = 3


def meaningful_rise(baseline: int | None, current: int | None) -> bool:
    """Pain up by 2 points or more, or by 30 % or more of a non-zero baseline."""
    if baseline is None or current is None:
        return False
    rise = current - baseline
    if rise <= 0:
        return False
    points, share = settings.PAIN_MEANINGFUL_POINTS, settings.PAIN_MEANINGFUL_SHARE
    return rise >= points or (baseline > 0 and rise >= share * baseline)


def days_inactive(last_session: date | None, plan_start: date | None, today: date) -> int:
    """Days since anything was logged (or since the plan started, if never)."""
    since = last_session or plan_start
    return (today - since).days if since else 0


@dataclass(frozen=True)
class Attention:
    reasons: list[str]

    @property
    def needed(self) -> bool:
        return bool(self.reasons)


def assess(*, baseline, current, last_session, plan_start, today, has_plan) -> Attention:
    reasons = []
    if has_plan and days_inactive(last_session, plan_start, today) >= INACTIVE_DAYS:
        reasons.append(str(_("Nothing logged for 3 days or more")))
    if meaningful_rise(baseline, current):
        reasons.append(str(_("Pain up on their baseline")))
    return Attention(reasons)


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
