"""Sign-in throttling (django-axes), the staff idle timeout and password reset."""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from tests.accounts.test_sign_in import csrf_from, sign_in
from tests.factories import HipMobClient


def from_ip(ip: str) -> HipMobClient:
    return HipMobClient(enforce_csrf_checks=True, REMOTE_ADDR=ip)


def fail(client, username: str, times: int):
    for _ in range(times):
        sign_in(client, username, "wrong-password-123")


def test_five_wrong_passwords_lock_that_username_from_that_address(bob, settings):
    attacker = from_ip("203.0.113.7")
    fail(attacker, "bob", settings.AXES_FAILURE_LIMIT)
    response = sign_in(attacker, "bob")  # now the right password
    assert response.status_code == 429
    assert "Too many tries" in response.text
    assert "paused for 15 minutes" in response.text
    assert SESSION_KEY not in attacker.session


def test_a_lockout_does_not_lock_out_the_rest_of_the_clinic(bob, dana, settings):
    """Everyone at a clinic shares one public IP: one person's typos must not lock out
    the others, and the same person elsewhere is not locked out either."""
    clinic_ip = "198.51.100.20"
    fail(from_ip(clinic_ip), "bob", settings.AXES_FAILURE_LIMIT)
    colleague = from_ip(clinic_ip)
    assert sign_in(colleague, "dana").status_code == 302
    assert SESSION_KEY in colleague.session
    elsewhere = from_ip("192.0.2.99")
    assert sign_in(elsewhere, "bob").status_code == 302


def test_the_lock_lifts_after_the_cool_off(bob, settings):
    client = from_ip("203.0.113.8")
    fail(client, "bob", settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, "bob").status_code == 429
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        assert sign_in(client, "bob").status_code == 302


def test_a_good_sign_in_clears_earlier_failures(bob, settings):
    client = from_ip("203.0.113.9")
    fail(client, "bob", settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, "bob").status_code == 302
    assert not AccessAttempt.objects.filter(username="bob").exists()


def test_staff_are_signed_out_after_30_idle_minutes(client, bob):
    client.force_login(bob)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/clinic/patients/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert client.get("/clinic/patients/").status_code == 200  # activity resets it
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert client.get("/clinic/patients/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=89, seconds=30), tick=False):
        response = client.get("/clinic/patients/")
        assert response.status_code == 302
        assert response["Location"] == "/sign-in/?next=/clinic/patients/"
        assert SESSION_KEY not in client.session
        assert "30 minutes without activity" in client.get(response["Location"]).text


def test_an_idle_htmx_request_sends_the_whole_page_to_sign_in(client, bob):
    client.force_login(bob)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/clinic/patients/")
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        response = client.get("/clinic/patients/", headers={"HX-Request": "true"})
    assert response["HX-Redirect"].startswith("/sign-in/")


def test_staff_sessions_also_expire_on_the_server(client, bob):
    client.force_login(bob)
    client.get("/clinic/patients/")
    # A few minutes' grace, so the next request can say why the session ended.
    assert client.session.get_expiry_age() == 35 * 60
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=36), tick=False):
        response = client.get("/clinic/patients/")
    assert response["Location"] == "/sign-in/?next=/clinic/patients/"


def test_patients_stay_signed_in_for_weeks(client, alice):
    client.force_login(alice)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/today/")
    with time_machine.travel(start + timedelta(days=3), tick=False):
        assert client.get("/today/").status_code == 200


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_clinician_resets_their_password_by_email(client, bob):
    bob.email = "bob@clinic.example"
    bob.save()
    page = client.get("/password-reset/")
    response = client.post(
        "/password-reset/",
        {"csrfmiddlewaretoken": csrf_from(page), "email": "bob@clinic.example"},
    )
    assert response["Location"] == "/password-reset/sent/"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body)[1]
    form = client.get(link, follow=True)
    new = "a-brand-new-passphrase-42"
    done = client.post(
        form.redirect_chain[-1][0],
        {"csrfmiddlewaretoken": csrf_from(form), "new_password1": new, "new_password2": new},
    )
    assert done["Location"] == "/password-reset/done/"
    bob.refresh_from_db()
    assert bob.check_password(new)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
@pytest.mark.parametrize("email", ["alice@home.example", "nobody@nowhere.example"])
def test_password_reset_sends_nothing_to_patients_or_strangers_and_says_the_same(
    client, alice, email
):
    alice.email = "alice@home.example"
    alice.save()
    before = alice.password
    page = client.get("/password-reset/")
    response = client.post(
        "/password-reset/", {"csrfmiddlewaretoken": csrf_from(page), "email": email}
    )
    assert response["Location"] == "/password-reset/sent/"
    assert mail.outbox == []
    alice.refresh_from_db()
    assert alice.password == before


def test_password_reset_pages_are_public(client, db):
    for path in ["/password-reset/", "/password-reset/sent/", "/password-reset/done/"]:
        assert client.get(path).status_code == 200, path
    invalid = client.get("/password-reset/MQ/not-a-token/")
    assert "This link no longer works" in invalid.text
