from datetime import date

from progression import adherence
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


def test_ratio_over_agrees_with_the_day_by_day_ratio_for_every_case():
    """The clinician's list uses the shortcut for hundreds of patients: it must count
    exactly as the days do, whatever the schedule, start, end, today and sessions."""
    from datetime import timedelta
    from itertools import product

    week = tuple(date(2026, 3, 2) + timedelta(days=n) for n in range(7))
    schedules = [MONDAYS, 0b0010101, 0b1111111, 0b1000000]
    starts = [date(2026, 2, 1), date(2026, 3, 4), date(2026, 3, 9)]
    ends = [None, date(2026, 3, 5)]
    completed_sets = [set(), {week[0]}, {week[1], week[4]}, set(week)]
    cases = 0
    for days, start, end, today, completed in product(
        schedules, starts, ends, week, completed_sets
    ):
        p = Routine(kind="plan", active=True, start_date=start, end_date=end, schedule_days=days)
        slow = adherence.ratio(adherence.days(p, list(week), today, completed))
        assert adherence.ratio_over(p, week, today, completed) == slow, (days, start, end, today)
        cases += 1
    assert cases == 4 * 3 * 2 * 7 * 4
    assert adherence.ratio_over(None, week, week[3], set()) == (0, 0)
