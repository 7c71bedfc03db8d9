from datetime import date

from routines import adherence
from routines.models import Routine

MONDAYS = 0b0000001


def plan(schedule_days=MONDAYS):
    return Routine(
        kind="plan", active=True, start_date=date(2026, 3, 2), schedule_days=schedule_days
    )


def test_a_session_on_a_rest_day_is_an_extra_and_does_not_raise_the_due_count():
    today = date(2026, 3, 4)  # a Wednesday
    week = adherence.week(plan(), today, completed={date(2026, 3, 2), date(2026, 3, 3)})
    statuses = [d.status for d in week]
    assert statuses[:3] == ["done", "extra", "rest"]
    assert adherence.ratio(week) == (1, 1)


def test_a_missed_due_day_counts_and_future_days_do_not():
    today = date(2026, 3, 11)  # a Wednesday
    week = adherence.week(plan(0b1111111), today, completed={date(2026, 3, 9)})
    assert [d.status for d in week] == [
        "done",
        "missed",
        "today",
        "upcoming",
        "upcoming",
        "upcoming",
        "upcoming",
    ]
    assert adherence.ratio(week) == (1, 2)
