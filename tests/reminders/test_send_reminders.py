import io
import threading
from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from exercises.models import Exercise
from practice.models import ExerciseSession, SessionStatus
from reminders.models import Channel, Kind, Reminder, ReminderSettings
from tests.factories import make_clinician, make_patient, make_plan, make_screening

# 06:30 UTC on 29 March 2026, the day British clocks go forward: 07:30 in London,
# 23:30 the evening before in Los Angeles, 19:30 in Auckland.
LONDON_0730 = datetime(2026, 3, 29, 6, 30, tzinfo=UTC)
LA_0730 = datetime(2026, 3, 29, 14, 30, tzinfo=UTC)


def patient_with_reminders(username, zone, at=time(7, 30), **fields):
    clinician = make_clinician()
    patient = make_patient(
        username=username, timezone=zone, email=f"{username}@example.org", **fields
    )
    exercises = Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"])
    plan = make_plan(patient, clinician, exercises, title="Hip plan", start_date=date(2026, 3, 1))
    ReminderSettings.objects.create(patient=patient, channel=Channel.EMAIL, time=at)
    make_screening(patient)
    return patient, plan


def finished(patient, plan, day):
    return ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=day,
        pain_before=4,
        pain_after=3,
        status=SessionStatus.COMPLETED,
        finished=datetime(2026, 3, 1, tzinfo=UTC),
    )


def run() -> str:
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def three_zones(db):
    people = {}
    for name, zone in [
        ("london", "Europe/London"),
        ("la", "America/Los_Angeles"),
        ("auckland", "Pacific/Auckland"),
    ]:
        patient, plan = patient_with_reminders(name, zone)
        # Yesterday (their own date) was done, so today's is the plain reminder.
        finished(patient, plan, date(2026, 3, 28))
        people[name] = patient
    return people


def test_each_patient_is_emailed_at_their_own_0730_across_the_clock_change(three_zones):
    with time_machine.travel(LONDON_0730, tick=False):
        assert run().startswith("1 sent")
    assert [m.to for m in mail.outbox] == [["london@example.org"]]
    reminder = Reminder.objects.get()
    assert (reminder.patient, reminder.local_date, reminder.kind) == (
        three_zones["london"],
        date(2026, 3, 29),
        Kind.DUE,
    )
    # An hour earlier by the old offset: nothing (the reminder would have been early).
    mail.outbox.clear()
    with time_machine.travel(datetime(2026, 3, 29, 5, 30, tzinfo=UTC), tick=False):
        assert run().startswith("0 sent")
    with time_machine.travel(LA_0730, tick=False):
        assert run().startswith("1 sent")
    assert [m.to for m in mail.outbox] == [["la@example.org"]]


def test_a_second_run_in_the_same_window_sends_nothing(three_zones):
    with time_machine.travel(LONDON_0730, tick=False):
        run()
    with time_machine.travel(datetime(2026, 3, 29, 6, 45, tzinfo=UTC), tick=False):
        output = run()
    assert output.startswith("0 sent, 1 already sent")
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_patient_who_has_done_today_gets_nothing(three_zones):
    london = three_zones["london"]
    finished(london, london.plans.get(), date(2026, 3, 29))
    with time_machine.travel(LONDON_0730, tick=False):
        assert run().startswith("0 sent")
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="the in-memory SQLite test database reports a table lock instead of waiting; "
    "CI runs this on PostgreSQL",
)
def test_two_runs_at_once_send_each_email_once():
    patients = []
    for n in range(4):
        patient, plan = patient_with_reminders(f"p{n}", "Europe/London")
        finished(patient, plan, date(2026, 3, 28))
        patients.append(patient)
    from reminders import send

    barrier = threading.Barrier(2)
    reports, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            reports.append(send.run(now=LONDON_0730))
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sum(r.sent for r in reports) == 4
    assert sum(r.already_sent for r in reports) == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in patients)
    assert Reminder.objects.count() == 4


def test_the_email_says_only_that_the_routine_is_ready(three_zones):
    with time_machine.travel(LONDON_0730, tick=False):
        run()
    message = mail.outbox[0]
    text = message.subject + message.body
    assert message.subject == "Your HipMob routine is ready"
    assert "http://127.0.0.1:8000/today/" in message.body or "/today/" in message.body
    for private in ("Hip plan", "Glute bridge", "Clamshell", "pain", "missed", "London"):
        assert private not in text
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<") and "/reminders/unsubscribe/" in unsubscribe
    assert unsubscribe.strip("<>") in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_email_is_in_the_patients_language(db):
    patient, plan = patient_with_reminders("ana", "Europe/Madrid", language="es")
    finished(patient, plan, date(2026, 3, 28))
    with time_machine.travel(datetime(2026, 3, 29, 5, 30, tzinfo=UTC), tick=False):  # 07:30 CEST
        run()
    assert mail.outbox[0].subject == "Su rutina de HipMob está lista"
    assert "cuando usted quiera" in mail.outbox[0].body


def test_the_morning_after_a_missed_day_brings_one_nudge(db):
    patient, plan = patient_with_reminders("sam", "Europe/London", at=time(19, 0))
    finished(patient, plan, date(2026, 3, 27))  # 28 March missed
    with time_machine.travel(datetime(2026, 3, 29, 7, 0, tzinfo=UTC), tick=False):  # 08:00 BST
        assert run().startswith("1 sent")
    assert Reminder.objects.get().kind == Kind.NUDGE
    # The evening reminder the same day doesn't go as well: one email a day.
    with time_machine.travel(datetime(2026, 3, 29, 18, 0, tzinfo=UTC), tick=False):
        assert run().startswith("0 sent, 1 already sent")
    assert len(mail.outbox) == 1


def test_reminders_stop_after_three_missed_days(db):
    patient, plan = patient_with_reminders("kim", "Europe/London")
    finished(patient, plan, date(2026, 3, 25))  # 26, 27 and 28 March missed
    with time_machine.travel(LONDON_0730, tick=False):
        assert run().startswith("0 sent")
    assert mail.outbox == []


@pytest.mark.parametrize(
    "change",
    [
        "channel_off",
        "no_email",
        "inactive",
        "paused_by_safety_answer",
        "no_plan",
    ],
)
def test_nobody_else_is_emailed(db, change):
    patient, plan = patient_with_reminders("lee", "Europe/London")
    finished(patient, plan, date(2026, 3, 28))
    if change == "channel_off":
        ReminderSettings.objects.filter(patient=patient).update(channel=Channel.OFF)
    elif change == "no_email":
        type(patient).objects.filter(pk=patient.pk).update(email="")
    elif change == "inactive":
        type(patient).objects.filter(pk=patient.pk).update(is_active=False)
    elif change == "paused_by_safety_answer":
        make_screening(patient, tier="emergency")
    elif change == "no_plan":
        type(plan).objects.filter(pk=plan.pk).update(active=False)
    with time_machine.travel(LONDON_0730, tick=False):
        assert run().startswith("0 sent")
    assert mail.outbox == []
    assert not Reminder.objects.exists()


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server away")


def test_a_failed_send_is_retried_by_the_next_run(three_zones):
    with (
        override_settings(EMAIL_BACKEND=f"{__name__}.FailingBackend"),
        time_machine.travel(LONDON_0730, tick=False),
        pytest.raises(SystemExit),
    ):
        run()
    assert not Reminder.objects.exists()
    with time_machine.travel(datetime(2026, 3, 29, 6, 45, tzinfo=UTC), tick=False):
        assert run().startswith("1 sent")
    assert len(mail.outbox) == 1


def test_the_query_count_does_not_grow_with_the_number_of_patients(db, django_assert_num_queries):
    """Choosing whom to remind: settings with patients, their plans, finished sessions,
    latest activity. (Each email sent adds its one insert.)"""
    from reminders import send

    for n in range(3):
        patient_with_reminders(f"few{n}", "Europe/London", at=time(12, 0))
    with django_assert_num_queries(4):
        assert send.run(now=LONDON_0730).considered == 3
    for n in range(20):
        patient_with_reminders(f"many{n}", "Europe/London", at=time(12, 0))
    with django_assert_num_queries(4):
        assert send.run(now=LONDON_0730).considered == 23
