"""Reminders as notifications: sent to the patient's own devices only when they chose a
notification channel, once per device and day, with nothing about their health; and
the reminder form offers them only when push works and the patient has a device."""

from datetime import UTC, date, datetime, time

import pytest
from django.core import mail
from django.test import override_settings

from accounts.management.commands.vapid_keys import new_key_pair
from reminders import send
from reminders.models import Channel, Reminder, ReminderSettings
from tests.push_service import Browser
from tests.reminders.test_send_reminders import finished, patient_with_reminders

pytestmark = pytest.mark.django_db

# 07:30 in London on 29 March 2026 (the day the clocks go forward), each patient's time.
LONDON_0730 = datetime(2026, 3, 29, 6, 30, tzinfo=UTC)
URL = "/account/reminders/"


def choose(patient, channel: str) -> None:
    ReminderSettings.objects.filter(patient=patient).update(channel=channel)


def reminded(username: str, channel: str, receiver, devices: int = 1, at=time(7, 30), **fields):
    patient, plan = patient_with_reminders(username, "Europe/London", at=at, **fields)
    finished(patient, plan, date(2026, 3, 28))  # yesterday done: today's plain reminder
    choose(patient, channel)
    browsers = [Browser() for _ in range(devices)]
    for n, browser in enumerate(browsers):
        browser.subscribe(patient, receiver.endpoint(f"{username}-{n}"))
    return patient, browsers


def test_push_goes_only_to_opted_in_devices_once(push_on):
    alice, _phones = reminded("alice", Channel.PUSH, push_on, devices=2)
    reminded("both", Channel.EMAIL_AND_PUSH, push_on)
    reminded("emailed", Channel.EMAIL, push_on)  # has a device, chose email
    off, _ = reminded("off", Channel.OFF, push_on)

    first = send.run(now=LONDON_0730)
    again = send.run(now=LONDON_0730)  # a second cron run in the same window

    assert (first.sent, again.sent, again.already_sent) == (3, 0, 3)
    assert push_on.paths() == ["/push/alice-0", "/push/alice-1", "/push/both-0"]
    assert sorted(m.to[0] for m in mail.outbox) == ["both@example.org", "emailed@example.org"]
    assert Reminder.objects.filter(patient=alice).get().channel == Channel.PUSH
    assert not Reminder.objects.filter(patient=off).exists()


def test_the_notification_says_only_that_the_routine_is_ready(push_on):
    _alice, [phone] = reminded("morgan", Channel.PUSH, push_on, name="Alice Morgan")
    send.run(now=LONDON_0730)
    [got] = push_on.requests
    assert got.headers["urgency"] == "normal"
    payload = phone.read(got.body)
    assert payload == {
        "title": "Time for your exercises",
        "body": "Your routine for today is ready in HipMob.",
        "url": "/today/",
        "tag": "reminder",
    }
    text = str(payload).lower()
    for secret in ["alice", "morgan", "hip plan", "glute", "clamshell", "pain", "missed"]:
        assert secret not in text


def test_a_patient_with_no_email_but_a_device_is_reminded(push_on):
    alice, _phones = reminded("alice", Channel.PUSH, push_on)
    type(alice).objects.filter(pk=alice.pk).update(email="")
    assert send.run(now=LONDON_0730).sent == 1
    assert push_on.paths() == ["/push/alice-0"] and mail.outbox == []


def test_email_and_push_without_an_email_still_pushes(push_on):
    alice, _phones = reminded("alice", Channel.EMAIL_AND_PUSH, push_on)
    type(alice).objects.filter(pk=alice.pk).update(email="")
    assert send.run(now=LONDON_0730).sent == 1
    assert push_on.paths() == ["/push/alice-0"] and mail.outbox == []


def test_a_push_patient_with_no_device_is_not_a_candidate(push_on):
    reminded("alice", Channel.PUSH, push_on, devices=0)
    report = send.run(now=LONDON_0730)
    assert (report.considered, report.sent) == (0, 0)


def test_no_push_is_sent_while_push_is_off(receiver):
    reminded("alice", Channel.PUSH, receiver)
    reminded("both", Channel.EMAIL_AND_PUSH, receiver)
    report = send.run(now=LONDON_0730)
    assert (report.considered, report.sent) == (1, 1)  # "both" by email
    assert receiver.requests == []
    assert [m.to for m in mail.outbox] == [["both@example.org"]]


def test_a_reminder_that_reached_no_device_is_retried(push_on):
    reminded("alice", Channel.PUSH, push_on)
    push_on.status["/push/alice-0"] = 500
    assert send.run(now=LONDON_0730).failed == 1
    assert not Reminder.objects.exists()
    push_on.status.clear()
    assert send.run(now=LONDON_0730).sent == 1
    assert push_on.paths() == ["/push/alice-0", "/push/alice-0"]


def test_a_device_that_is_gone_is_dropped_and_the_others_get_it(push_on):
    alice, _phones = reminded("alice", Channel.PUSH, push_on, devices=2)
    push_on.status["/push/alice-0"] = 410
    assert send.run(now=LONDON_0730).sent == 1
    assert list(alice.push_subscriptions.values_list("endpoint", flat=True)) == [
        push_on.endpoint("alice-1")
    ]


def test_the_query_count_with_push_does_not_grow_with_patients(push_on, django_assert_num_queries):
    """With push on, the devices are one more query (each message sent adds its writes)."""
    for n in range(2):
        reminded(f"few{n}", Channel.PUSH, push_on, at=time(12, 0))
    with django_assert_num_queries(5):
        assert send.run(now=LONDON_0730).considered == 2
    for n in range(10):
        reminded(f"many{n}", Channel.EMAIL_AND_PUSH, push_on, devices=2, at=time(12, 0))
    with django_assert_num_queries(5):
        assert send.run(now=LONDON_0730).considered == 12


# --- The form ---------------------------------------------------------------------------


def csrf_post(client, url: str, data: dict):
    client.get("/account/")
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


@pytest.fixture
def keys():
    public, private = new_key_pair()
    with override_settings(VAPID_PUBLIC_KEY=public, VAPID_PRIVATE_KEY=private):
        yield


def test_the_form_offers_notifications_only_when_push_works(client, alice):
    client.force_login(alice)
    html = client.get("/account/").content.decode()
    assert 'value="email"' in html and 'value="push"' not in html
    response = csrf_post(client, URL, {"channel": "push", "time": "08:00"})
    assert response.status_code == 422
    assert not ReminderSettings.objects.filter(patient=alice).exists()


def test_notifications_need_a_device(client, alice, keys):
    type(alice).objects.filter(pk=alice.pk).update(email="alice@example.org")
    client.force_login(alice)
    html = client.get("/account/").content.decode()
    assert 'value="push"' in html and 'value="email_push"' in html
    for channel in ("push", "email_push"):
        response = csrf_post(client, URL, {"channel": channel, "time": "08:00"})
        assert response.status_code == 422
        assert "No device has notifications on yet." in response.content.decode()
    assert not ReminderSettings.objects.filter(patient=alice).exists()


def test_a_patient_with_a_device_chooses_notifications(client, alice, keys):
    Browser().subscribe(alice, "https://fcm.googleapis.com/fcm/send/alice")
    client.force_login(alice)
    response = csrf_post(client, URL, {"channel": "push", "time": "08:00"})
    assert response.status_code == 302
    assert ReminderSettings.objects.get(patient=alice).channel == Channel.PUSH


def test_email_and_notification_needs_an_email_too(client, alice, keys):
    Browser().subscribe(alice, "https://fcm.googleapis.com/fcm/send/alice")
    client.force_login(alice)
    response = csrf_post(client, URL, {"channel": "email_push", "time": "08:00"})
    assert response.status_code == 422
    assert "We don&#x27;t have an email address for you." in response.content.decode()
    assert not ReminderSettings.objects.filter(patient=alice).exists()


def test_someone_elses_device_doesnt_count(client, alice, charlie, keys):
    Browser().subscribe(charlie, "https://fcm.googleapis.com/fcm/send/charlie")
    client.force_login(alice)
    response = csrf_post(client, URL, {"channel": "push", "time": "08:00"})
    assert response.status_code == 422
    assert not ReminderSettings.objects.filter(patient=alice).exists()
