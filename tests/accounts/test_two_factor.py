"""Clinicians and admins sign in with a password and a code from an authenticator app."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AuditAction, AuditEvent
from accounts.two_factor import current_code
from tests.accounts.test_sign_in import csrf_from, sign_in, sign_in_by_link
from tests.factories import add_authenticator


def post_code(client, path: str, code: str, next_url: str = "/"):
    page = client.get(f"{path}?next={next_url}")
    return client.post(
        path, {"csrfmiddlewaretoken": csrf_from(page), "code": code, "next": next_url}
    )


@pytest.mark.parametrize("persona", ["bob", "erin"])
def test_after_the_password_staff_reach_nothing_but_the_second_step(client, request, persona):
    user = request.getfixturevalue(persona)
    add_authenticator(user)
    sign_in(client, user.username)
    for path in ["/clinic/patients/", "/admin/", "/account/", "/exercises/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/two-step/?next="), path
    htmx = client.get("/clinic/patients/", headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"].startswith("/two-step/")


def test_patients_have_no_second_step(client, alice):
    sign_in_by_link(client, alice)
    assert client.get("/today/").status_code == 200
    assert client.get("/two-step/").status_code == 404
    assert client.get("/two-step/set-up/").status_code == 404
    assert not TOTPDevice.objects.exists()


def test_a_good_code_opens_the_app_and_a_wrong_one_does_not(client, bob):
    device = add_authenticator(bob)
    sign_in(client, "bob")
    wrong = post_code(client, "/two-step/", "000000" if current_code(device) != "000000" else "1")
    assert wrong.status_code == 422
    assert b"didn&#x27;t work" in wrong.content
    assert DEVICE_ID_SESSION_KEY not in client.session
    device.refresh_from_db()
    device.throttling_failure_timestamp = None  # the throttle is tested on its own below
    device.throttling_failure_count = 0
    device.save()
    good = post_code(client, "/two-step/", current_code(device), "/clinic/patients/")
    assert good["Location"] == "/clinic/patients/"
    assert client.get("/clinic/patients/").status_code == 200


def test_a_code_cannot_be_used_twice(client, bob):
    device = add_authenticator(bob)
    code = current_code(device)
    sign_in(client, "bob")
    assert post_code(client, "/two-step/", code).status_code == 302
    client.post("/sign-out/", {"csrfmiddlewaretoken": csrf_from(client.get("/account/"))})
    sign_in(client, "bob")
    assert post_code(client, "/two-step/", code).status_code == 422
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_wrong_codes_are_throttled(client, bob):
    device = add_authenticator(bob)
    sign_in(client, "bob")
    post_code(client, "/two-step/", "999999" if current_code(device) != "999999" else "1")
    # Straight after a wrong code even the right one must wait.
    response = post_code(client, "/two-step/", current_code(device))
    assert response.status_code == 422
    assert b"Too many wrong codes" in response.content
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_the_next_address_stays_on_the_site(client, bob):
    device = add_authenticator(bob)
    sign_in(client, "bob")
    response = post_code(client, "/two-step/", current_code(device), "https://evil.example/")
    assert response["Location"] == "/"


def test_first_sign_in_sets_up_an_app_and_recovery_codes(client, bob):
    sign_in(client, "bob")
    assert client.get("/clinic/patients/")["Location"].startswith("/two-step/set-up/")
    page = client.get("/two-step/set-up/")
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content  # the QR code, made here
    device = TOTPDevice.objects.get(user=bob, confirmed=False)
    # A wrong code leaves the device unconfirmed and no recovery codes.
    bad = post_code(client, "/two-step/set-up/", "12345a")
    assert bad.status_code == 422
    assert not TOTPDevice.objects.filter(user=bob, confirmed=True).exists()
    assert not StaticToken.objects.exists()

    done = post_code(client, "/two-step/set-up/", current_code(device))
    assert done["Location"] == "/two-step/recovery-codes/"
    codes = re.findall(r"<li><code>(\w+)</code></li>", client.get(done["Location"]).text)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    # Shown once only.
    assert "<li><code>" not in client.get("/two-step/recovery-codes/").text
    assert client.get("/clinic/patients/").status_code == 200
    assert AuditEvent.objects.filter(actor=bob, action=AuditAction.TWO_FACTOR_ENABLED).exists()


def test_a_recovery_code_works_once(client, bob):
    add_authenticator(bob)
    recovery = StaticDevice.objects.create(user=bob, name="Recovery codes")
    recovery.token_set.create(token="abcd1234efgh5678")
    sign_in(client, "bob")
    assert post_code(client, "/two-step/", "ABCD 1234 efgh 5678").status_code == 302
    assert not recovery.token_set.exists()
    assert AuditEvent.objects.filter(actor=bob, action=AuditAction.RECOVERY_CODE_USED).exists()
    client.post("/sign-out/", {"csrfmiddlewaretoken": csrf_from(client.get("/account/"))})
    sign_in(client, "bob")
    assert post_code(client, "/two-step/", "abcd1234efgh5678").status_code == 422


def test_new_recovery_codes_replace_the_old_ones(client, bob):
    client.force_login(bob)
    recovery = StaticDevice.objects.create(user=bob, name="Recovery codes")
    recovery.token_set.create(token="oldcode000000000")
    page = client.get("/two-step/recovery-codes/")
    assert "1 unused recovery code left" in page.text
    response = client.post("/two-step/recovery-codes/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 302
    tokens = set(StaticToken.objects.values_list("token", flat=True))
    assert len(tokens) == 10 and "oldcode000000000" not in tokens


def test_an_unverified_session_can_still_sign_out(client, bob):
    add_authenticator(bob)
    sign_in(client, "bob")
    page = client.get("/two-step/")
    response = client.post("/sign-out/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_the_admin_login_page_hands_over_to_the_sign_in_page(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/admin/"
