"""Telling clinicians: an emergency or urgent alert emails every linked clinician once,
an unacknowledged emergency again after ALERT_RESEND_MINUTES, and the emails carry no
health details. Time moves through send_reminders' `now`, never by sleeping."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts.models import AuditAction, AuditEvent
from safety.alerts import acknowledge, raise_alert, send_missed_first_notices, send_reminders
from safety.models import AlertNotice
from safety.screenings import record
from tests.factories import link, make_clinician

pytestmark = pytest.mark.django_db

# Words that would tell an inbox reader something about a patient's health.
HEALTH_WORDS = [
    "red flag",
    "bladder",
    "bowel",
    "urine",
    "pain",
    "cancer",
    "numb",
    "emergency",
    "urgent",
    "alice",
    "morgan",
]


@pytest.fixture
def team(alice, bob, dana):
    """Bob and Fay look after Alice; Dana doesn't."""
    fay = make_clinician(username="fay", name="Fay Lund", email="fay@clinic.example")
    link(fay, alice)
    for person in (bob, dana):
        person.email = f"{person.username}@clinic.example"
        person.save(update_fields=["email"])
    return bob, fay, dana


def emergency(patient, django_capture_on_commit_callbacks):
    answers = [
        {
            "key": "bladder",
            "text": "New trouble passing urine?",
            "name": "Bladder",
            "tier": "emergency",
            "yes": True,
        },
    ]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return record(patient, answers).alerts.get()


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_an_emergency_answer_emails_each_linked_clinician_once(
    alice, team, django_capture_on_commit_callbacks
):
    alert = emergency(alice, django_capture_on_commit_callbacks)
    assert recipients() == ["bob@clinic.example", "fay@clinic.example"]  # not Dana
    assert AlertNotice.objects.filter(alert=alert, reason="first").count() == 2
    message = mail.outbox[0]
    assert message.subject == "A patient needs you now"
    assert f"http://127.0.0.1:8000/clinic/patients/{alice.code}/" in message.body


def test_the_email_says_nothing_about_the_patients_health(
    alice, team, django_capture_on_commit_callbacks
):
    emergency(alice, django_capture_on_commit_callbacks)
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}".lower()
        assert [word for word in HEALTH_WORDS if word in text] == []


def test_nothing_is_sent_when_the_write_is_rolled_back(
    alice, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                raise_alert(alice, "red_flag", title="Red flag: Bladder")
                raise RuntimeError
        except RuntimeError:
            pass
    assert mail.outbox == [] and not AlertNotice.objects.exists()


def test_an_unacknowledged_emergency_is_sent_again_after_the_delay(
    alice, team, settings, django_capture_on_commit_callbacks
):
    settings.ALERT_RESEND_MINUTES = 30
    emergency(alice, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    now = timezone.now()
    assert send_reminders(now + timedelta(minutes=29)) == 0
    assert mail.outbox == []
    assert send_reminders(now + timedelta(minutes=31)) == 2
    assert recipients() == ["bob@clinic.example", "fay@clinic.example"]
    assert mail.outbox[0].subject == "Reminder: A patient needs you now"
    # Once per delay: not again at once, again after another 30 minutes.
    assert send_reminders(now + timedelta(minutes=32)) == 0
    assert send_reminders(now + timedelta(minutes=62)) == 2
    assert list(AlertNotice.objects.values_list("reason", "number").order_by("number")) == [
        ("first", 0),
        ("first", 0),
        ("reminder", 1),
        ("reminder", 1),
        ("reminder", 2),
        ("reminder", 2),
    ]


def test_the_delay_comes_from_the_settings(
    alice, team, settings, django_capture_on_commit_callbacks
):
    settings.ALERT_RESEND_MINUTES = 5
    emergency(alice, django_capture_on_commit_callbacks)
    assert send_reminders(timezone.now() + timedelta(minutes=6)) == 2


def test_no_reminder_after_an_acknowledgement(alice, team, django_capture_on_commit_callbacks):
    bob, _fay, _dana = team
    alert = emergency(alice, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert acknowledge(alert, bob) is True
    assert send_reminders(timezone.now() + timedelta(hours=3)) == 0
    assert mail.outbox == []


def test_no_reminder_for_a_resolved_emergency(alice, team, django_capture_on_commit_callbacks):
    alert = emergency(alice, django_capture_on_commit_callbacks)
    alert.__class__.objects.filter(pk=alert.pk).update(resolved_at=timezone.now())
    assert send_reminders(timezone.now() + timedelta(hours=3)) == 0


def test_an_urgent_alert_is_sent_once_and_never_again(
    alice, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(alice, "pain_ceiling", title="Pain above 5 in 2 sessions")
    assert recipients() == ["bob@clinic.example", "fay@clinic.example"]
    assert mail.outbox[0].subject == "A patient needs you today"
    assert send_reminders(timezone.now() + timedelta(hours=5)) == 0
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(("kind", "tier"), [("inactive", "attention"), ("bad_day", "information")])
def test_attention_and_information_alerts_send_nothing(
    alice, team, django_capture_on_commit_callbacks, kind, tier
):
    with django_capture_on_commit_callbacks(execute=True):
        assert raise_alert(alice, kind, title="x").tier == tier
    assert send_reminders(timezone.now() + timedelta(hours=5)) == 0
    assert mail.outbox == [] and not AlertNotice.objects.exists()


def test_an_ended_care_link_gets_no_more_emails(alice, team, django_capture_on_commit_callbacks):
    bob, _fay, _dana = team
    alert = emergency(alice, django_capture_on_commit_callbacks)
    bob.patient_links.update(ended=timezone.now())
    mail.outbox.clear()
    send_reminders(timezone.now() + timedelta(minutes=31))
    assert recipients() == ["fay@clinic.example"]
    assert alert.notices.filter(recipient=bob, reason="reminder").count() == 0


def test_the_first_acknowledgement_counts_and_is_audited(
    alice, team, django_capture_on_commit_callbacks
):
    bob, fay, _dana = team
    alert = emergency(alice, django_capture_on_commit_callbacks)
    assert acknowledge(alert, bob) is True
    first = alert.__class__.objects.get(pk=alert.pk)
    assert acknowledge(alert, fay) is False
    alert.refresh_from_db()
    assert (alert.acknowledged_by, alert.acknowledged_at) == (bob, first.acknowledged_at)
    events = AuditEvent.objects.filter(action=AuditAction.ALERT_ACKNOWLEDGED)
    assert [(e.actor, e.patient, e.target) for e in events] == [(bob, alice, f"alert {alert.code}")]


def test_the_command_sends_the_reminders_due(
    alice, team, settings, django_capture_on_commit_callbacks, capsys
):
    settings.ALERT_RESEND_MINUTES = 0
    emergency(alice, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    call_command("send_alert_reminders")
    assert len(mail.outbox) == 2
    assert "2 alert reminder(s) sent; 0 missed first notice(s) sent." in capsys.readouterr().out


def test_a_first_notice_owed_is_sent_by_the_next_run(
    alice, team, django_capture_on_commit_callbacks
):
    """Fay had no address when the alert was raised; Gil was linked afterwards."""
    _bob, fay, _dana = team
    fay.email = ""
    fay.save(update_fields=["email"])
    alert = emergency(alice, django_capture_on_commit_callbacks)
    assert recipients() == ["bob@clinic.example"]
    fay.email = "fay@clinic.example"
    fay.save(update_fields=["email"])
    link(make_clinician(username="gil", email="gil@clinic.example"), alice)
    mail.outbox.clear()
    assert send_missed_first_notices() == 2
    assert recipients() == ["fay@clinic.example", "gil@clinic.example"]
    assert send_missed_first_notices() == 0  # once each
    assert alert.notices.filter(reason="first").count() == 3


def test_no_first_notice_is_owed_for_attention_or_acknowledged_alerts(
    alice, team, django_capture_on_commit_callbacks
):
    bob, _fay, _dana = team
    raise_alert(alice, "inactive", title="x")
    alert = emergency(alice, django_capture_on_commit_callbacks)
    acknowledge(alert, bob)
    link(make_clinician(username="gil", email="gil@clinic.example"), alice)
    mail.outbox.clear()
    assert send_missed_first_notices() == 0 and mail.outbox == []
