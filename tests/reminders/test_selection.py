"""The reminder rules as a table: plain functions, the clock passed in."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from reminders.selection import DUE, NUDGE, Owed, instant, owed
from routines.models import EVERY_DAY

LONDON = ZoneInfo("Europe/London")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
AUCKLAND = ZoneInfo("Pacific/Auckland")
HOUR = timedelta(hours=1)


@dataclass
class Plan:
    start_date: date = date(2026, 1, 1)
    end_date: date | None = None
    schedule_days: int = EVERY_DAY
    active: bool = True


def ask(now, zone=LONDON, chosen=time(7, 30), plan=None, completed=None, last_activity="auto"):
    """By default yesterday's session was done (so nothing is missed yet)."""
    local_today = now.astimezone(zone).date()
    yesterday = local_today - timedelta(days=1)
    if completed is None:
        completed = [yesterday]
    if last_activity == "auto":
        last_activity = yesterday
    return owed(
        plan=plan or Plan(),
        chosen=chosen,
        zone=zone,
        now=now,
        completed=set(completed),
        last_activity=last_activity,
        window=HOUR,
    )


# 29 March 2026: British clocks go forward at 01:00 UTC; 07:30 in London is 06:30 UTC.
CLOCKS_FORWARD = date(2026, 3, 29)
# 25 October 2026: they go back at 01:00 UTC; 07:30 in London is 07:30 UTC again.
CLOCKS_BACK = date(2026, 10, 25)


def test_on_the_day_the_clocks_go_forward_730_in_london_is_630_utc():
    assert instant(CLOCKS_FORWARD, time(7, 30), LONDON) == datetime(2026, 3, 29, 6, 30, tzinfo=UTC)
    at_730_local = datetime(2026, 3, 29, 6, 30, tzinfo=UTC)
    assert ask(at_730_local) == Owed(DUE, CLOCKS_FORWARD)
    # A minute earlier it isn't 07:30 in London yet.
    assert ask(at_730_local - timedelta(minutes=1)) is None
    # Yesterday's offset (GMT) would say 07:30 UTC, which is already 08:30 in London.
    assert ask(datetime(2026, 3, 28, 7, 30, tzinfo=UTC)) == Owed(DUE, date(2026, 3, 28))


def test_on_the_day_the_clocks_go_back_730_in_london_is_730_utc():
    assert ask(datetime(2026, 10, 25, 6, 30, tzinfo=UTC)) is None  # 06:30 in London
    assert ask(datetime(2026, 10, 25, 7, 30, tzinfo=UTC)) == Owed(DUE, CLOCKS_BACK)


def test_a_time_the_clock_skips_comes_an_hour_later():
    # 01:30 doesn't exist in London on 29 March: it is sent at 02:30 BST (01:30 UTC).
    assert instant(CLOCKS_FORWARD, time(1, 30), LONDON) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        # 06:30 UTC on 29 March: 07:30 in London, 23:30 the day before in Los Angeles,
        # 19:30 in Auckland.
        (LONDON, Owed(DUE, CLOCKS_FORWARD)),
        (LOS_ANGELES, None),
        (AUCKLAND, None),
    ],
)
def test_the_same_instant_is_a_different_hour_in_each_zone(zone, expected):
    assert ask(datetime(2026, 3, 29, 6, 30, tzinfo=UTC), zone=zone) == expected


def test_each_zone_is_reminded_at_its_own_0730():
    assert ask(datetime(2026, 3, 29, 14, 30, tzinfo=UTC), zone=LOS_ANGELES) == Owed(
        DUE, CLOCKS_FORWARD
    )  # PDT is UTC-7
    assert ask(datetime(2026, 3, 28, 18, 30, tzinfo=UTC), zone=AUCKLAND) == Owed(
        DUE, CLOCKS_FORWARD
    )  # NZDT is UTC+13


def test_the_window_covers_a_late_run_but_not_the_afternoon():
    at = datetime(2026, 3, 10, 7, 30, tzinfo=UTC)
    assert ask(at + timedelta(minutes=59)) == Owed(DUE, date(2026, 3, 10))
    assert ask(at + HOUR) is None


def test_a_window_past_midnight_belongs_to_the_day_it_started():
    at = datetime(2026, 3, 10, 23, 45, tzinfo=UTC)  # London is on GMT on 10 March
    result = ask(at + timedelta(minutes=30), chosen=time(23, 45), completed=[date(2026, 3, 9)])
    assert result == Owed(DUE, date(2026, 3, 10))


def test_nothing_when_the_session_is_done_or_not_due():
    at = datetime(2026, 3, 10, 7, 30, tzinfo=UTC)  # a Tuesday
    assert ask(at, completed=[date(2026, 3, 10)]) is None  # done early: no nudge either
    tuesday_off = EVERY_DAY & ~(1 << 1)
    assert ask(at, plan=Plan(schedule_days=tuesday_off)) is None
    assert ask(at, plan=Plan(start_date=date(2026, 3, 11))) is None
    assert ask(at, plan=Plan(end_date=date(2026, 3, 9))) is None


def test_the_morning_after_a_missed_day_brings_a_second_nudge():
    # Due on Monday and Tuesday; Monday was missed. An evening reminder time: the nudge
    # comes at 08:00 on Tuesday, and Tuesday's own evening reminder is the same day's
    # (the one-a-day constraint lets only the first out).
    plan = Plan(schedule_days=0b0000011)
    tuesday_8am = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    result = ask(tuesday_8am, chosen=time(19, 0), plan=plan, completed=[])
    assert result == Owed(NUDGE, date(2026, 3, 10))
    # Also when the morning after is a rest day.
    wednesday_8am = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)
    result = ask(wednesday_8am, chosen=time(19, 0), plan=plan, completed=[date(2026, 3, 9)])
    assert result == Owed(NUDGE, date(2026, 3, 11))
    # Nothing the morning after a day that was done.
    assert ask(wednesday_8am, chosen=time(19, 0), plan=plan, completed=[date(2026, 3, 10)]) is None


def test_a_morning_reminder_time_is_also_the_nudge_time():
    at_7 = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
    assert ask(at_7, chosen=time(7, 0), completed=[]) == Owed(NUDGE, date(2026, 3, 10))
    assert ask(at_7 + HOUR, chosen=time(7, 0), completed=[]) is None


@pytest.mark.parametrize(
    ("missed_days", "expected"),
    [
        (0, Owed(DUE, date(2026, 3, 10))),
        (1, Owed(NUDGE, date(2026, 3, 10))),
        (2, Owed(NUDGE, date(2026, 3, 10))),
        (3, None),
        (9, None),
    ],
)
def test_reminders_stop_after_three_missed_days(missed_days, expected):
    """The inactivity alert to the clinician takes over at the same count."""
    last = date(2026, 3, 9) - timedelta(days=missed_days)
    done = [last] if missed_days else [date(2026, 3, 9)]
    result = ask(datetime(2026, 3, 10, 7, 30, tzinfo=UTC), last_activity=last, completed=done)
    assert result == expected


def test_the_stop_lifts_once_the_patient_is_back():
    at = datetime(2026, 3, 10, 7, 30, tzinfo=UTC)
    # Done yesterday, after a long gap: reminders resume.
    assert ask(at, completed=[date(2026, 3, 9)]) == Owed(DUE, date(2026, 3, 10))
    # Started yesterday but not finished: no longer inactive, and the nudge is owed.
    result = ask(at, completed=[], last_activity=date(2026, 3, 9))
    assert result == Owed(NUDGE, date(2026, 3, 10))
