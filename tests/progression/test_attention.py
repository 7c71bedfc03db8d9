from datetime import date

import pytest

from progression import attention
from routines.models import EVERY_DAY, Routine

MON_WED_FRI = 0b0010101


@pytest.mark.parametrize(
    ("baseline", "current", "rises"),
    [
        (4, 6, True),  # exactly 2 points
        (4, 5.9, True),  # under 2 points, but 1.9 is 47 % of 4
        (7, 8, False),  # 1 point, 14 %
        (7, 9.1, True),  # 2.1 points, 30 %
        (10, 10, False),
        (3, 3.9, True),  # 0.9 points is 30 % of 3
        (3, 3.8, False),  # 27 %
        (0, 1, False),  # no percentage of zero; 1 point
        (0, 2, True),
        (5, 4, False),  # better, not worse
        (None, 6, False),
        (4, None, False),
    ],
)
def test_meaningful_rise(baseline, current, rises):
    assert attention.meaningful_rise(baseline, current) is rises


def plan(schedule_days=EVERY_DAY, start=date(2026, 3, 2), end=None):
    return Routine(
        kind="plan", active=True, start_date=start, end_date=end, schedule_days=schedule_days
    )


@pytest.mark.parametrize(
    ("routine", "last", "today", "missed"),
    [
        (plan(), date(2026, 3, 10), date(2026, 3, 13), 2),  # 11th and 12th
        (plan(), date(2026, 3, 10), date(2026, 3, 14), 3),
        (plan(), None, date(2026, 3, 2), 0),  # starts today
        (plan(), None, date(2026, 3, 5), 3),  # 2nd, 3rd, 4th, nothing logged
        (plan(MON_WED_FRI), date(2026, 3, 13), date(2026, 3, 16), 0),  # Friday, then Monday
        (plan(MON_WED_FRI), date(2026, 3, 9), date(2026, 3, 16), 2),  # Wed and Fri missed
        (plan(end=date(2026, 3, 4)), date(2026, 3, 4), date(2026, 3, 20), 0),  # ended
        # A new plan after an old session: counted from the plan's start, not the session.
        (plan(start=date(2026, 3, 20)), date(2026, 3, 5), date(2026, 3, 21), 1),
        (None, None, date(2026, 3, 21), 0),
    ],
)
def test_missed_due_days(routine, last, today, missed):
    assert attention.missed_due_days(routine, last, today) == missed


def test_assess_names_each_reason():
    result = attention.assess(
        plan=plan(),
        baseline=3,
        week_scores=[5, 5, 6],
        last_activity=date(2026, 3, 10),
        today=date(2026, 3, 14),
    )
    assert result.reasons == ["Nothing logged on 3 or more due days", "Pain up on their baseline"]
    calm = attention.assess(
        plan=plan(),
        baseline=3,
        week_scores=[3, 4],
        last_activity=date(2026, 3, 13),
        today=date(2026, 3, 14),
    )
    assert not calm.needed


@pytest.mark.parametrize(
    ("scores", "direction"), [([3, 5], "up"), ([5, 3], "down"), ([4, 4], "steady"), ([4], "steady")]
)
def test_trend(scores, direction):
    assert attention.trend(scores) == direction


def test_check_alerts_raises_one_inactivity_alert_per_patient(db, alice, bob, charlie, capsys):
    from datetime import timedelta

    from django.core.management import call_command

    from safety.models import Alert
    from tests.factories import make_plan

    make_plan(alice, bob, [], start_date=alice.local_date() - timedelta(days=10))
    make_plan(charlie, bob, [], start_date=charlie.local_date())  # starts today: fine
    call_command("check_alerts")
    call_command("check_alerts")
    assert list(Alert.objects.values_list("patient__username", "kind")) == [("alice", "inactive")]
