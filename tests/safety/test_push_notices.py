"""Alerts as notifications: a clinician who turned notifications on gets one on each of
their devices for an emergency or urgent alert, beside the email, each channel claimed
once per recipient as its own AlertNotice; an unacknowledged emergency's reminders
go by both. Nobody else's device, nothing about the patient."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from safety.alerts import notify, raise_alert, send_missed_first_notices, send_reminders
from safety.models import AlertNotice
from tests.factories import link, make_clinician
from tests.push_service import Browser
from tests.safety.test_notices import HEALTH_WORDS, emergency

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(alice, bob, charlie, dana, push_on):
    """Bob (email and a phone) and Fay (a phone, no email) look after Alice; Dana has a
    phone but doesn't look after her; Alice and Charlie have phones for reminders."""
    bob.email = "bob@clinic.example"
    bob.save(update_fields=["email"])
    fay = make_clinician(username="fay", name="Fay Lund")
    link(fay, alice)
    phones = {}
    for person in (bob, fay, dana, alice, charlie):
        phones[person.username] = Browser()
        phones[person.username].subscribe(person, push_on.endpoint(person.username))
    return bob, fay, phones


def notices():
    return sorted(
        AlertNotice.objects.values_list("recipient__username", "channel", "reason", "number")
    )


def test_an_emergency_reaches_each_linked_clinicians_devices_once(
    alice, team, push_on, django_capture_on_commit_callbacks
):
    _bob, _fay, phones = team
    alert = emergency(alice, django_capture_on_commit_callbacks)

    assert push_on.paths() == ["/push/bob", "/push/fay"]  # not Dana, Alice or Charlie
    assert [m.to for m in mail.outbox] == [["bob@clinic.example"]]  # Fay has no address
    assert notices() == [
        ("bob", "email", "first", 0),
        ("bob", "push", "first", 0),
        ("fay", "push", "first", 0),
    ]
    by_path = {r.path: r for r in push_on.requests}
    got = by_path["/push/bob"]
    assert got.headers["urgency"] == "high"
    assert phones["bob"].read(got.body) == {
        "title": "A patient needs you now",
        "body": "Open HipMob to see who and why.",
        "url": f"/clinic/patients/{alice.code}/",
        "tag": f"alert-{alert.code}",
    }
    assert phones["fay"].read(by_path["/push/fay"].body)["tag"] == f"alert-{alert.code}"

    # Running the senders again sends nothing twice.
    assert notify(alert.pk) == 0
    assert send_missed_first_notices(timezone.now()) == 0
    assert len(push_on.requests) == 2 and len(mail.outbox) == 1


def test_the_notification_names_no_health_detail(
    alice, team, push_on, django_capture_on_commit_callbacks
):
    _bob, _fay, phones = team
    emergency(alice, django_capture_on_commit_callbacks)
    for got in push_on.requests:
        payload = phones[got.path.rsplit("/", 1)[1]].read(got.body)
        text = " ".join(payload.values()).lower()
        assert [word for word in HEALTH_WORDS if word in text] == []


def test_an_urgent_alert_is_pushed_once_and_never_again(
    alice, team, push_on, django_capture_on_commit_callbacks
):
    _bob, _fay, phones = team
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(alice, "pain_ceiling", title="Pain above 5 in 2 sessions")
    assert push_on.paths() == ["/push/bob", "/push/fay"]
    assert phones["bob"].read(push_on.requests[0].body)["title"] == "A patient needs you today"
    assert send_reminders(timezone.now() + timedelta(hours=5)) == 0
    assert len(push_on.requests) == 2


@pytest.mark.parametrize("kind", ["inactive", "bad_day"])
def test_attention_and_information_alerts_push_nothing(
    alice, team, push_on, django_capture_on_commit_callbacks, kind
):
    with django_capture_on_commit_callbacks(execute=True):
        raise_alert(alice, kind, title="x")
    assert push_on.requests == [] and not AlertNotice.objects.exists()


def test_an_unacknowledged_emergency_is_pushed_again(
    alice, team, push_on, settings, django_capture_on_commit_callbacks
):
    settings.ALERT_RESEND_MINUTES = 30
    _bob, _fay, phones = team
    alert = emergency(alice, django_capture_on_commit_callbacks)
    push_on.requests.clear()
    now = timezone.now()
    assert send_reminders(now + timedelta(minutes=29)) == 0
    assert send_reminders(now + timedelta(minutes=31)) == 3  # Bob's email and push, Fay's push
    assert send_reminders(now + timedelta(minutes=32)) == 0  # once per delay
    assert push_on.paths() == ["/push/bob", "/push/fay"]
    reminder = phones["fay"].read(next(r for r in push_on.requests if r.path == "/push/fay").body)
    assert reminder["title"] == "Reminder: A patient needs you now"
    assert reminder["tag"] == f"alert-{alert.code}"  # replaces the first on the screen
    assert [n for n in notices() if n[2] == "reminder"] == [
        ("bob", "email", "reminder", 1),
        ("bob", "push", "reminder", 1),
        ("fay", "push", "reminder", 1),
    ]


def test_a_push_that_reached_no_device_is_retried_by_the_next_run(
    alice, team, push_on, django_capture_on_commit_callbacks
):
    push_on.status["/push/fay"] = 500
    alert = emergency(alice, django_capture_on_commit_callbacks)
    assert not alert.notices.filter(recipient__username="fay").exists()  # claim given back
    push_on.status.clear()
    assert send_missed_first_notices(timezone.now()) == 1
    assert push_on.paths() == ["/push/bob", "/push/fay", "/push/fay"]
    assert send_missed_first_notices(timezone.now()) == 0


def test_a_clinician_who_turns_notifications_on_later_gets_the_open_alert(
    alice, bob, push_on, django_capture_on_commit_callbacks
):
    bob.email = "bob@clinic.example"
    bob.save(update_fields=["email"])
    emergency(alice, django_capture_on_commit_callbacks)
    assert push_on.requests == [] and len(mail.outbox) == 1
    Browser().subscribe(bob, push_on.endpoint("bob"))
    assert send_missed_first_notices(timezone.now()) == 1  # the push; not the email again
    assert push_on.paths() == ["/push/bob"] and len(mail.outbox) == 1


def test_nothing_is_pushed_while_push_is_off(
    alice, bob, receiver, django_capture_on_commit_callbacks
):
    Browser().subscribe(bob, receiver.endpoint("bob"))
    emergency(alice, django_capture_on_commit_callbacks)
    assert receiver.requests == [] and not AlertNotice.objects.exists()  # Bob has no email
