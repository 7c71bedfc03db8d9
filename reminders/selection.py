"""Which reminder, if any, a patient is owed at a given instant. Plain functions: the
caller passes the clock, the patient's zone and what they have done.

- On a day their plan is due, at their chosen time, if that day's session isn't done.
- The morning after a missed due day, a second nudge (at the chosen time if that is
  in the morning, else at MORNING).
- At most one reminder per local date (Reminder's unique constraint holds the line).
- Nothing once 3 or more due days have gone by with nothing logged: the clinician's
  inactivity alert (progression.attention, the same count) takes over from there.

All arithmetic is done on UTC instants, so a clock change is just another hour: on the
day British clocks go forward, 07:30 in London is 06:30 UTC, not 07:30."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from progression import attention
from routines import schedule

MORNING = time(8, 0)
NOON = time(12, 0)
DUE, NUDGE = "due", "nudge"


@dataclass(frozen=True)
class Owed:
    kind: str
    local_date: date


def instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time on a local date. A time skipped by a clock
    change (01:30 when clocks jump from 01:00 to 02:00) comes out an hour later; a
    repeated one (01:30 when they go back) means the first of the two."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def nudge_time(chosen: time) -> time:
    return chosen if chosen < NOON else MORNING


def not_done(plan, day: date, completed: set[date]) -> bool:
    """Due on `day`, and no finished session on it."""
    return schedule.is_due(plan, day) and day not in completed


def owed(
    *,
    plan,
    chosen: time,
    zone: ZoneInfo,
    now: datetime,
    completed: set[date],
    last_activity: date | None,
    window: timedelta,
) -> Owed | None:
    """The reminder owed at `now`, or None. `completed`: the local dates with a
    finished session (yesterday's and today's are enough); `last_activity`: the latest
    local date with any session at all. A reminder is owed from its time until
    `window` later, so a late cron run still sends it but a new time chosen in the
    afternoon doesn't set off the morning's reminder."""
    now = now.astimezone(UTC)
    today = now.astimezone(zone).date()
    # A window that runs past midnight belongs to the day it started on.
    for day in (today, today - timedelta(days=1)):
        if attention.missed_due_days(plan, last_activity, day) >= attention.INACTIVE_DAYS:
            continue
        candidates = []
        # (Not when the day's own session is already done: nothing is waiting.)
        if not_done(plan, day - timedelta(days=1), completed) and day not in completed:
            candidates.append((instant(day, nudge_time(chosen), zone), NUDGE))
        if not_done(plan, day, completed):
            candidates.append((instant(day, chosen, zone), DUE))
        for start, kind in candidates:
            if start <= now < start + window:
                return Owed(kind, day)
    return None
