from datetime import date

import pytest

from routines import schedule
from routines.models import EVERY_DAY, Routine

MON, WED, FRI = 0b0000001, 0b0000100, 0b0010000


def plan(**fields) -> Routine:
    defaults = {"active": True, "start_date": date(2026, 3, 2), "schedule_days": EVERY_DAY}
    return Routine(kind="plan", **{**defaults, **fields})


@pytest.mark.parametrize(
    ("fields", "day", "due"),
    [
        ({}, date(2026, 3, 2), True),  # the start date itself
        ({}, date(2026, 3, 1), False),  # before the start
        ({"end_date": date(2026, 3, 10)}, date(2026, 3, 10), True),  # the last day
        ({"end_date": date(2026, 3, 10)}, date(2026, 3, 11), False),  # after the end
        ({"active": False}, date(2026, 3, 3), False),  # a replaced plan
        ({"schedule_days": MON | WED | FRI}, date(2026, 3, 4), True),  # a Wednesday
        ({"schedule_days": MON | WED | FRI}, date(2026, 3, 5), False),  # a Thursday
        ({"schedule_days": 0b1000000}, date(2026, 3, 8), True),  # Sunday only, a Sunday
    ],
)
def test_is_due(fields, day, due):
    assert schedule.is_due(plan(**fields), day) is due


def test_nothing_is_due_without_a_plan():
    assert schedule.is_due(None, date(2026, 3, 2)) is False


def test_next_due_skips_rest_days():
    mon_wed_fri = plan(schedule_days=MON | WED | FRI)
    assert schedule.next_due(mon_wed_fri, date(2026, 3, 4)) == date(2026, 3, 6)
    assert schedule.next_due(plan(end_date=date(2026, 3, 3)), date(2026, 3, 3)) is None


def test_days_label_reads_naturally():
    assert schedule.days_label(EVERY_DAY) == "Every day"
    assert schedule.days_label(MON | WED | FRI) == "Monday, Wednesday, Friday"


def test_week_of_runs_monday_to_sunday():
    week = schedule.week_of(date(2026, 3, 5))
    assert week[0] == date(2026, 3, 2) and week[-1] == date(2026, 3, 8)
