"""What is due on a patient's local date. Plain functions: no request, no clock."""

from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

WEEKDAY_NAMES = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]


def day_bit(day: date) -> int:
    return 1 << day.weekday()


def is_scheduled_weekday(schedule_days: int, day: date) -> bool:
    return bool(schedule_days & day_bit(day))


def is_due(plan, day: date) -> bool:
    """True when an active plan asks for a session on `day` (the patient's local date)."""
    if plan is None or not plan.active or plan.start_date is None:
        return False
    if day < plan.start_date or (plan.end_date and day > plan.end_date):
        return False
    return is_scheduled_weekday(plan.schedule_days, day)


def plan_state(plan, day: date) -> str:
    """One word for Today: "none", "not_started", "ended", "due" or "rest"."""
    if plan is None or not plan.active or plan.start_date is None:
        return "none"
    if day < plan.start_date:
        return "not_started"
    if plan.end_date and day > plan.end_date:
        return "ended"
    return "due" if is_scheduled_weekday(plan.schedule_days, day) else "rest"


def next_due(plan, after: date, horizon_days: int = 14) -> date | None:
    """The first day after `after` on which the plan is due, within a fortnight."""
    for offset in range(1, horizon_days + 1):
        day = after + timedelta(days=offset)
        if is_due(plan, day):
            return day
    return None


def week_of(day: date) -> list[date]:
    """Monday to Sunday of the week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=i) for i in range(7)]


def days_label(schedule_days: int) -> str:
    if schedule_days == 0b1111111:
        return str(_("Every day"))
    return ", ".join(str(name) for i, name in enumerate(WEEKDAY_NAMES) if schedule_days & (1 << i))
