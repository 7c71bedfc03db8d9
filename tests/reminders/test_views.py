from datetime import time

import pytest
from django.test import Client

from accounts.models import AuditEvent
from reminders.models import Channel, ReminderSettings
from reminders.send import unsubscribe_token, unsubscribe_url
from tests.factories import speak

URL = "/account/reminders/"


def csrf_post(client: Client, url: str, data: dict):
    """A browser's POST: the token from the page, then the form."""
    client.get("/account/")
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


@pytest.fixture
def alice_with_email(alice):
    alice.email = "alice@example.org"
    alice.save(update_fields=["email"])
    return alice


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_clinician_gets_a_404(client, bob):
    client.force_login(bob)
    assert client.get(URL).status_code == 404


def test_the_account_page_shows_the_reminder_form(client, alice_with_email):
    client.force_login(alice_with_email)
    html = client.get("/account/").content.decode()
    assert 'action="/account/reminders/"' in html
    assert 'type="time"' in html and 'value="18:00"' in html
    assert "alice@example.org" in html


def test_a_patient_saves_a_time_and_email(client, alice_with_email):
    client.force_login(alice_with_email)
    response = csrf_post(client, URL, {"channel": "email", "time": "07:30", "sitting_breaks": "on"})
    assert response.status_code == 302 and response["Location"] == "/account/"
    saved = ReminderSettings.objects.get(patient=alice_with_email)
    assert (saved.channel, saved.time, saved.sitting_breaks) == ("email", time(7, 30), True)
    # Saving again changes the same row.
    csrf_post(client, URL, {"channel": "off", "time": "19:00"})
    saved = ReminderSettings.objects.get(patient=alice_with_email)
    assert (saved.channel, saved.time, saved.sitting_breaks) == ("off", time(19, 0), False)


def test_a_bad_time_is_refused_and_nothing_is_saved(client, alice_with_email):
    client.force_login(alice_with_email)
    response = csrf_post(client, URL, {"channel": "email", "time": "25:99"})
    assert response.status_code == 422
    assert "Enter a time as hours and minutes" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not ReminderSettings.objects.exists()


def test_email_reminders_need_an_address(client, alice):
    client.force_login(alice)
    response = csrf_post(client, URL, {"channel": "email", "time": "07:30"})
    assert response.status_code == 422
    assert "Add one under “Your email” on your account page." in response.content.decode()
    assert not ReminderSettings.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(client, alice_with_email):
    client.force_login(alice_with_email)
    response = client.post(URL, {"channel": "email", "time": "07:30"})
    assert response.status_code == 403
    assert not ReminderSettings.objects.exists()


# --- Unsubscribing without signing in ---------------------------------------------------


@pytest.fixture
def subscribed(alice_with_email, charlie):
    for patient in (alice_with_email, charlie):
        ReminderSettings.objects.create(patient=patient, channel=Channel.EMAIL, time=time(8, 0))
    return alice_with_email


def test_the_link_shows_a_confirmation_without_a_session(subscribed):
    browser = Client(enforce_csrf_checks=True)
    response = browser.get(f"/reminders/unsubscribe/{unsubscribe_token(subscribed)}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stop reminder emails?" in html
    assert "Alice" not in html and "alice@example.org" not in html
    # Looking isn't unsubscribing (link scanners follow GETs).
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.EMAIL


def test_the_post_unsubscribes_only_that_patient(subscribed, charlie):
    browser = Client(enforce_csrf_checks=True)
    url = f"/reminders/unsubscribe/{unsubscribe_token(subscribed)}/"
    response = browser.post(url)
    assert response.status_code == 200
    assert "Reminder emails are off" in response.content.decode()
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.OFF
    assert ReminderSettings.objects.get(patient=charlie).channel == Channel.EMAIL
    assert (
        AuditEvent.objects.filter(action="reminders.unsubscribed", patient=subscribed).count() == 1
    )
    # Again: still off, nothing else happens.
    assert browser.post(url).status_code == 200
    assert AuditEvent.objects.filter(action="reminders.unsubscribed").count() == 1


def test_one_click_unsubscribe_from_the_mail_provider(subscribed):
    """RFC 8058: a POST with this body and no cookies, straight to the header's address."""
    url = unsubscribe_url(subscribed).removeprefix("http://127.0.0.1:8000")
    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.OFF


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        "IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCI:forged:signature",
    ],
)
def test_a_bad_token_changes_nothing(subscribed, charlie, token):
    response = Client().post(f"/reminders/unsubscribe/{token}/")
    assert response.status_code == 404
    assert "This link doesn't work" in response.content.decode()
    assert set(ReminderSettings.objects.values_list("channel", flat=True)) == {Channel.EMAIL}


def test_the_old_signed_token_naming_the_patient_is_refused(subscribed):
    """Finding 4 of issue 17: the token used to be the patient's code in base64, signed.
    Such a token (even correctly signed) no longer works."""
    from django.core import signing

    token = signing.dumps(str(subscribed.code), salt="hipmob.reminders.unsubscribe")
    assert Client().post(f"/reminders/unsubscribe/{token}/").status_code == 404
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.EMAIL


def test_the_token_is_opaque_random_and_stored_only_hashed(subscribed):
    import base64
    import hashlib

    from reminders.models import UnsubscribeLink

    first, second = unsubscribe_token(subscribed), unsubscribe_token(subscribed)
    assert first != second and len(first) >= 43
    padded = first + "=" * (-len(first) % 4)
    decoded = base64.urlsafe_b64decode(padded)
    for secret in (str(subscribed.code), subscribed.code.hex, subscribed.username):
        assert secret not in first and secret.encode() not in decoded
    stored = set(UnsubscribeLink.objects.values_list("token_hash", flat=True))
    assert stored == {hashlib.sha256(t.encode()).hexdigest() for t in (first, second)}
    assert first not in str(list(UnsubscribeLink.objects.values_list()))


def test_a_link_expires_after_the_stated_days(subscribed, settings):
    import time_machine
    from django.utils import timezone

    assert settings.UNSUBSCRIBE_LINK_DAYS == 60
    token = unsubscribe_token(subscribed)
    url = f"/reminders/unsubscribe/{token}/"
    later = timezone.now() + timezone.timedelta(days=60, minutes=1)
    with time_machine.travel(later):
        response = Client().post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 410
        assert "work for 60 days" in response.content.decode()
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.EMAIL
    with time_machine.travel(timezone.now() + timezone.timedelta(days=59)):
        assert Client().post(url).status_code == 200
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.OFF


def test_signing_out_everywhere_revokes_the_links_already_sent(client, subscribed):
    token = unsubscribe_token(subscribed)
    client.force_login(subscribed)
    csrf_post(client, "/sign-out/everywhere/", {})
    response = Client().post(f"/reminders/unsubscribe/{token}/")
    assert response.status_code == 410
    assert ReminderSettings.objects.get(patient=subscribed).channel == Channel.EMAIL
    # A new email's link works.
    assert (
        Client().post(f"/reminders/unsubscribe/{unsubscribe_token(subscribed)}/").status_code == 200
    )


def test_the_page_speaks_the_patients_language(subscribed):
    speak(subscribed, "es")
    response = Client().get(f"/reminders/unsubscribe/{unsubscribe_token(subscribed)}/")
    assert "¿Dejar de recibir correos de recordatorio?" in response.content.decode()
    assert response["Content-Language"] == "es"
