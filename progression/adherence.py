"""Adherence: sessions done against sessions due. Plain functions over dates."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from routines import schedule

DAY_LABELS = {
    "done": _("done"),
    "extra": _("extra session"),
    "missed": _("missed"),
    "rest": _("rest day"),
    "today": _("due today"),
    "upcoming": _("coming up"),
}


@dataclass(frozen=True)
class Day:
    day: date
    status: str  # done, missed, rest, today, upcoming

    @property
    def label(self) -> str:
        return str(DAY_LABELS[self.status])


def day_status(plan, day: date, today: date, completed: set[date]) -> str:
    due = schedule.is_due(plan, day)
    if day in completed:
        return "done" if due else "extra"
    if not due:
        return "rest"
    if day == today:
        return "today"
    return "missed" if day < today else "upcoming"


def days(plan, dates: list[date], today: date, completed: set[date]) -> list[Day]:
    return [Day(d, day_status(plan, d, today, completed)) for d in dates]


def week(plan, today: date, completed: set[date]) -> list[Day]:
    return days(plan, schedule.week_of(today), today, completed)


@lru_cache(maxsize=1024)
def _due_dates(schedule_days: int, start: date, end: date | None, dates: tuple) -> frozenset:
    return frozenset(
        d
        for d in dates
        if start <= d
        and (end is None or d <= end)
        and schedule.is_scheduled_weekday(schedule_days, d)
    )


def ratio_over(plan, dates: tuple[date, ...], today: date, completed: set[date]) -> tuple[int, int]:
    """ratio(days(plan, dates, today, completed)) without building the days: for the
    clinician's list, which needs it for every patient. The plan's due dates are worked
    out once per schedule (start dates before `dates` don't change them)."""
    if plan is None or not plan.active or plan.start_date is None or not dates:
        return 0, 0
    due = _due_dates(plan.schedule_days, max(plan.start_date, dates[0]), plan.end_date, dates)
    done = len(due & completed)
    missed = sum(1 for d in due if d < today and d not in completed)
    return done, done + missed


def ratio(days: list[Day]) -> tuple[int, int]:
    """(done, due) over due days that have happened: today counts once it is done.
    Extra sessions on rest days are welcome but don't change the ratio."""
    done = sum(1 for d in days if d.status == "done")
    due = sum(1 for d in days if d.status in ("done", "missed"))
    return done, due
