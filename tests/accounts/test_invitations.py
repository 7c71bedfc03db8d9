"""Accepting a clinic admin's invitation (accounts/invitations.py)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import invitations
from accounts.models import AuditAction, AuditEvent, Invitation, Role, User
from tests.factories import HipMobClient

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long new password for cora"


@pytest.fixture
def invited(ann):
    """An invitation from Ann (clinic admin of Alice's clinic) and its token."""
    return invitations.issue(
        ann.clinic, ann, name="Cora New", email="cora@example.org", as_clinic_admin=False
    )


def form(client, url) -> dict:
    client.get(url)
    return {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def accept(client, token, **fields):
    url = f"/invitation/{token}/"
    data = {
        **form(client, url),
        "username": "cora",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **fields,
    }
    return client.post(url, data)


def stored():
    return (
        list(User.objects.order_by("pk").values_list("pk", "username")),
        list(Invitation.objects.order_by("pk").values_list("pk", "accepted_at", "user_id")),
        AuditEvent.objects.filter(action=AuditAction.STAFF_JOINED).count(),
    )


def test_it_shows_the_clinic_and_asks_for_a_username_and_password(client, invited, ann):
    _invitation, token = invited
    response = client.get(f"/invitation/{token}/")
    assert response.status_code == 200
    assert f"Join {ann.clinic.name} on HipMob" in response.text
    assert 'name="username"' in response.text and 'name="password1"' in response.text
    assert response["Referrer-Policy"] == "strict-origin"
    assert "no-store" in response["Cache-Control"]


def test_accepting_makes_a_clinician_of_the_clinic_signs_them_in_and_asks_for_the_second_step(
    client, invited, ann
):
    invitation, token = invited
    response = accept(client, token)
    assert response.status_code == 302 and response["Location"] == "/two-step/set-up/"
    cora = User.objects.get(username="cora")
    assert (cora.role, cora.clinic, cora.name, cora.email) == (
        Role.CLINICIAN,
        ann.clinic,
        "Cora New",
        "cora@example.org",
    )
    assert not cora.is_clinic_admin and cora.check_password(NEW_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.user == cora
    event = AuditEvent.objects.get(action=AuditAction.STAFF_JOINED)
    assert event.actor == cora and event.target == f"invitation {invitation.code}"
    # Signed in, but nothing opens before the second step is set up.
    page = client.get("/clinic/patients/")
    assert page.status_code == 302 and page["Location"].startswith("/two-step/set-up/")
    assert client.get("/two-step/set-up/").status_code == 200


def test_an_invitation_as_clinic_admin_makes_a_clinic_admin(client, ann):
    _invitation, token = invitations.issue(
        ann.clinic, ann, name="Dev", email="dev@example.org", as_clinic_admin=True
    )
    accept(client, token, username="dev")
    assert User.objects.get(username="dev").is_clinic_admin


def test_an_invitation_works_once(client, invited):
    _invitation, token = invited
    accept(client, token)
    before = stored()
    again = accept(HipMobClient(enforce_csrf_checks=True), token, username="cora2")
    assert again.status_code == 404
    assert "This invitation no longer works" in again.text
    assert stored() == before


@pytest.mark.parametrize("state", ["expired", "revoked", "unknown"])
def test_an_expired_revoked_or_unknown_invitation_stores_nothing(client, invited, state):
    invitation, token = invited
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires=timezone.now())
    elif state == "revoked":
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    else:
        token = token[:-4] + "AAAA"
    before = stored()
    shown = client.get(f"/invitation/{token}/")
    assert shown.status_code == 404 and "This invitation no longer works" in shown.text
    sent = client.post(
        f"/invitation/{token}/",
        {
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            "username": "cora",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert sent.status_code == 404
    assert stored() == before


def test_a_very_long_token_is_not_even_looked_up(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/invitation/" + "A" * 500 + "/")
    assert response.status_code == 404
    assert not [q for q in queries if "invitation" in q["sql"].lower()]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"password1": "short", "password2": "short"}, "This password is too short"),
        ({"password1": "password123456", "password2": "password123456"}, "too common"),
        ({"password2": "something else entirely"}, "The two passwords don"),
        ({"username": "bob"}, "That username is taken"),
        ({"username": "BOB"}, "That username is taken"),
        ({"username": "no spaces please"}, "Enter a valid username"),
    ],
)
def test_it_refuses_a_bad_username_or_password_and_stores_nothing(
    client, invited, bob, fields, message
):
    _invitation, token = invited
    before = stored()
    response = accept(client, token, **fields)
    assert response.status_code == 422
    assert message in response.text
    assert stored() == before


def test_an_address_taken_since_the_invitation_is_refused(client, invited, bob):
    _invitation, token = invited
    User.objects.filter(pk=bob.pk).update(email="CORA@example.org")
    before = stored()
    assert accept(client, token).status_code == 404
    assert stored() == before


def test_a_signed_in_person_is_asked_to_sign_out_first(client, invited, bob):
    _invitation, token = invited
    client.force_login(bob)
    before = stored()
    response = client.get(f"/invitation/{token}/")
    assert response.status_code == 200 and "sign out first" in response.text
    assert 'name="password1"' not in response.text
    post = client.post(
        f"/invitation/{token}/",
        {
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
            "username": "cora",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert post.status_code == 200
    assert stored() == before


def test_the_email_carries_the_link_and_the_clinics_name(other_clinic, gus):
    invitation, token = invitations.issue(
        other_clinic, gus, name="Rosa", email="rosa@example.org", as_clinic_admin=False
    )
    assert invitations.send(invitation, f"https://hipmob.example/invitation/{token}/")
    [email] = mail.outbox
    assert f"https://hipmob.example/invitation/{token}/" in email.body
    assert email.to == ["rosa@example.org"]
    assert "Clínica Norte" in email.subject and "Rosa" in email.body
    assert "&" not in email.subject and "&#" not in email.body


def test_the_invitation_lasts_the_configured_days(ann, settings):
    settings.INVITATION_DAYS = 2
    invitation, _token = invitations.issue(
        ann.clinic, ann, name="Cora", email="cora@example.org", as_clinic_admin=False
    )
    assert invitation.expires - timezone.now() <= timedelta(days=2)
    assert invitation.expires - timezone.now() > timedelta(days=1, hours=23)


def test_the_accept_page_keeps_its_queries(client, ann):
    counts = []
    for n in range(2):
        for m in range(10 * n):  # more invitations, of this clinic and others
            invitations.issue(
                ann.clinic, ann, name="X", email=f"x{n}{m}@example.org", as_clinic_admin=False
            )
        _invitation, token = invitations.issue(
            ann.clinic, ann, name="Y", email=f"y{n}@example.org", as_clinic_admin=False
        )
        client.get(f"/invitation/{token}/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/invitation/{token}/").status_code == 200
        counts.append(len(queries))
    assert counts == [1, 1]
