"""The clinic admin's staff pages: the list, invitations, deactivating and reactivating."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import AuditAction, AuditEvent, Invitation, SignInLink, User
from clinic import staff
from tests.factories import PASSWORD, HipMobClient, link, make_clinician, make_patient

pytestmark = pytest.mark.django_db


def token(client) -> str:
    client.get("/account/")
    return client.cookies["csrftoken"].value


def post(client, url, data=None):
    return client.post(url, {"csrfmiddlewaretoken": token(client), **(data or {})})


def signed_in(user) -> HipMobClient:
    client = HipMobClient(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def can_sign_in(username: str) -> bool:
    """Through the sign-in form (django-axes wants a real request)."""
    response = HipMobClient().post("/sign-in/", {"username": username, "password": PASSWORD})
    return response.status_code == 302


def snapshot():
    return (
        list(User.objects.order_by("pk").values_list("pk", "is_active", "session_version")),
        list(Invitation.objects.order_by("pk").values_list("pk", "revoked_at", "accepted_at")),
        AuditEvent.objects.count(),
    )


# --- Access ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/clinic/manage/", "/clinic/manage/staff/", "/clinic/manage/staff/invite/"],
)
def test_it_shows_the_admin_pages_only_to_clinic_admins(path, ann, bob, alice, erin):
    assert signed_in(ann).get(path).status_code == 200
    for person in (bob, alice, erin):
        assert signed_in(person).get(path).status_code == 404
    anonymous = HipMobClient().get(path)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/sign-in/")


def test_it_links_the_hub_from_the_nav_for_clinic_admins_only(ann, bob):
    assert 'href="/clinic/manage/"' in signed_in(ann).get("/clinic/patients/").text
    assert 'href="/clinic/manage/"' not in signed_in(bob).get("/clinic/patients/").text


def test_it_lists_the_clinics_clinicians_with_their_caseloads(ann, bob, dana, gus, alice, charlie):
    link(dana, charlie)
    User.objects.filter(pk=dana.pk).update(is_active=False)
    page = signed_in(ann).get("/clinic/manage/staff/")
    people = {p.username: p for p in page.context["people"]}
    assert set(people) == {"ann", "bob", "dana"}  # not Gus, of another clinic
    assert (people["bob"].caseload, people["dana"].caseload, people["ann"].caseload) == (1, 1, 0)
    assert "Deactivated" in page.text and "still holds patients" in page.text
    assert f"/clinic/manage/staff/{dana.code}/handover/" in page.text
    assert "Gus Romero" not in page.text


def test_the_staff_list_keeps_its_queries_as_staff_and_invitations_grow(ann, bob):
    client = signed_in(ann)

    def count() -> int:
        client.get("/clinic/manage/staff/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/clinic/manage/staff/").status_code == 200
        return len(queries)

    small = count()
    for n in range(12):
        clinician = make_clinician()
        for _ in range(3):
            link(clinician, make_patient())
        Invitation.objects.create(
            clinic=ann.clinic,
            email=f"new{n}@example.org",
            name=f"New {n}",
            token_hash=f"{n:064d}",
            invited_by=ann,
            expires=timezone.now() + timedelta(days=3),
        )
    assert (small, count()) == (5, 5)


@pytest.mark.parametrize(
    "path", ["/clinic/manage/", "/clinic/manage/staff/invite/", "/clinic/manage/profile/"]
)
def test_the_other_admin_pages_keep_their_queries_as_the_clinic_grows(path, ann, bob):
    client = signed_in(ann)

    def count() -> int:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    small = count()
    for _ in range(10):
        link(make_clinician(), make_patient())
    pinned = {"/clinic/manage/": 4, "/clinic/manage/staff/invite/": 3, "/clinic/manage/profile/": 5}
    assert (small, count()) == (pinned[path], pinned[path])


# --- Invitations ------------------------------------------------------------------------


def test_it_invites_a_clinician_by_email(ann):
    response = post(
        signed_in(ann),
        "/clinic/manage/staff/invite/",
        {"name": "Cora New", "email": "Cora@Example.ORG", "as_clinic_admin": "on"},
    )
    assert response.status_code == 302 and response["Location"] == "/clinic/manage/staff/"
    invitation = Invitation.objects.get()
    assert (invitation.clinic, invitation.email, invitation.name) == (
        ann.clinic,
        "Cora@example.org",
        "Cora New",
    )
    assert invitation.as_clinic_admin and invitation.invited_by == ann
    assert timedelta(days=6, hours=23) < invitation.expires - timezone.now() <= timedelta(days=7)
    [email] = mail.outbox
    assert email.to == ["Cora@example.org"]
    assert ann.clinic.name in email.subject
    url = next(line for line in email.body.splitlines() if "/invitation/" in line)
    sent_token = url.rstrip("/").rsplit("/", 1)[1]
    # Only the hash is stored; the token is only in the email.
    assert invitation.token_hash != sent_token and len(invitation.token_hash) == 64
    assert SignInLink.objects.count() == 0
    event = AuditEvent.objects.get(action=AuditAction.STAFF_INVITED)
    assert event.actor == ann and event.target == f"invitation {invitation.code}"


def test_it_refuses_an_address_any_account_already_has(ann, gus):
    User.objects.filter(pk=gus.pk).update(email="gus@norte.example")  # another clinic's
    client = signed_in(ann)
    before = snapshot()
    response = post(
        client, "/clinic/manage/staff/invite/", {"name": "Gus", "email": "GUS@norte.example"}
    )
    assert response.status_code == 422
    assert "already has an account with this email address" in response.text
    assert snapshot() == before and mail.outbox == []


def test_it_refuses_a_second_open_invitation_to_the_same_address(ann):
    client = signed_in(ann)
    post(client, "/clinic/manage/staff/invite/", {"name": "Cora", "email": "cora@example.org"})
    before = snapshot()
    response = post(
        client, "/clinic/manage/staff/invite/", {"name": "Cora", "email": "cora@example.org"}
    )
    assert response.status_code == 422
    assert "An invitation to this address is already waiting" in response.text
    assert snapshot() == before and len(mail.outbox) == 1


def test_an_expired_invitation_makes_way_for_a_new_one(ann):
    client = signed_in(ann)
    post(client, "/clinic/manage/staff/invite/", {"name": "Cora", "email": "cora@example.org"})
    Invitation.objects.update(expires=timezone.now() - timedelta(minutes=1))
    response = post(
        client, "/clinic/manage/staff/invite/", {"name": "Cora", "email": "cora@example.org"}
    )
    assert response.status_code == 302
    old, new = Invitation.objects.order_by("pk")
    assert old.revoked_at is not None and new.revoked_at is None


def test_it_refuses_a_bad_invitation_form_and_stores_nothing(ann):
    before = snapshot()
    response = post(signed_in(ann), "/clinic/manage/staff/invite/", {"name": "", "email": "x"})
    assert response.status_code == 422 and "Please check the fields" in response.text
    assert snapshot() == before


def test_it_lists_and_revokes_a_waiting_invitation(ann):
    client = signed_in(ann)
    post(client, "/clinic/manage/staff/invite/", {"name": "Cora", "email": "cora@example.org"})
    invitation = Invitation.objects.get()
    assert "cora@example.org" in client.get("/clinic/manage/staff/").text
    response = post(client, f"/clinic/manage/invitations/{invitation.code}/revoke/")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    after = client.get("/clinic/manage/staff/")
    assert after.context["invitations"] == []
    assert "The invitation to cora@example.org is revoked." in after.text
    assert client.get(f"/clinic/manage/invitations/{invitation.code}/revoke/").status_code == 405


def test_another_clinics_invitation_cannot_be_revoked(ann, gus):
    invitation = Invitation.objects.create(
        clinic=gus.clinic,
        email="x@norte.example",
        name="X",
        token_hash="a" * 64,
        invited_by=gus,
        expires=timezone.now() + timedelta(days=3),
    )
    before = snapshot()
    response = post(signed_in(ann), f"/clinic/manage/invitations/{invitation.code}/revoke/")
    assert response.status_code == 404
    assert snapshot() == before


# --- Deactivation -------------------------------------------------------------------------


def test_deactivating_signs_the_person_out_at_once(ann, bob, alice):
    bobs_browser = signed_in(bob)
    assert bobs_browser.get("/clinic/patients/").status_code == 200
    response = post(signed_in(ann), f"/clinic/manage/staff/{bob.code}/deactivate/")
    bob.refresh_from_db()
    assert not bob.is_active
    # Bob's open session ends on his next request, and he can't sign in again.
    after = bobs_browser.get("/clinic/patients/")
    assert after.status_code == 302 and after["Location"].startswith("/sign-in/")
    assert not can_sign_in("bob")
    event = AuditEvent.objects.get(action=AuditAction.STAFF_DEACTIVATED)
    assert event.actor == ann and event.target == f"clinician {bob.code}"
    # Bob still holds Alice: the admin is sent to hand her over, and told why.
    assert response["Location"] == f"/clinic/manage/staff/{bob.code}/handover/"
    page = signed_in(ann).get(response["Location"])
    assert page.status_code == 200


def test_deactivating_someone_with_no_patients_goes_back_to_the_list(ann, dana):
    client = signed_in(ann)
    response = post(client, f"/clinic/manage/staff/{dana.code}/deactivate/")
    assert response["Location"] == "/clinic/manage/staff/"
    assert (
        "Dana Kerr is deactivated and signed out everywhere."
        in client.get("/clinic/manage/staff/").text
    )


def test_an_admin_cannot_deactivate_themself(ann):
    client = signed_in(ann)
    before = snapshot()
    response = post(client, f"/clinic/manage/staff/{ann.code}/deactivate/")
    assert response.status_code == 302
    assert snapshot() == before
    assert (
        "deactivate yourself. Ask another clinic admin." in client.get("/clinic/manage/staff/").text
    )


def test_the_last_active_clinic_admin_cannot_be_deactivated(ann, bob):
    User.objects.filter(pk=bob.pk).update(is_clinic_admin=True)
    bob.refresh_from_db()
    # Bob, another admin, deactivates Ann; then Ann (had she a session) could not
    # deactivate Bob: he is the last.
    staff.deactivate(bob, ann)
    before = snapshot()
    with pytest.raises(staff.StaffError, match="last active clinic admin"):
        staff.deactivate(ann, bob)
    assert snapshot() == before


def test_reactivating_lets_the_person_sign_in_again(ann, dana):
    client = signed_in(ann)
    post(client, f"/clinic/manage/staff/{dana.code}/deactivate/")
    response = post(client, f"/clinic/manage/staff/{dana.code}/reactivate/")
    assert response.status_code == 302
    dana.refresh_from_db()
    assert dana.is_active
    assert AuditEvent.objects.filter(action=AuditAction.STAFF_REACTIVATED, actor=ann).count() == 1
    assert can_sign_in("dana")


def test_another_clinics_clinician_and_patients_are_not_found(ann, gus, hana, alice):
    client = signed_in(ann)
    before = snapshot()
    for person in (gus, hana, alice):
        for action in ("deactivate", "reactivate"):
            url = f"/clinic/manage/staff/{person.code}/{action}/"
            assert post(client, url).status_code == 404
    assert snapshot() == before
    assert client.get(f"/clinic/manage/staff/{ann.code}/deactivate/").status_code == 405


def test_a_clinician_who_is_not_an_admin_cannot_deactivate_anyone(bob, dana):
    before = snapshot()
    assert post(signed_in(bob), f"/clinic/manage/staff/{dana.code}/deactivate/").status_code == 404
    assert snapshot() == before


def grow_clinic(admin) -> None:
    for n in range(10):
        clinician = make_clinician()
        for _ in range(3):
            link(clinician, make_patient())
        Invitation.objects.create(
            clinic=admin.clinic,
            email=f"grown{n}@example.org",
            name=f"Grown {n}",
            token_hash=f"{n + 100:064d}",
            invited_by=admin,
            expires=timezone.now() + timedelta(days=3),
        )


def waiting_invitation(admin) -> Invitation:
    return Invitation.objects.create(
        clinic=admin.clinic,
        email=f"pin{Invitation.objects.count()}@example.org",
        name="Pin",
        token_hash=f"{Invitation.objects.count() + 500:064d}",
        invited_by=admin,
        expires=timezone.now() + timedelta(days=3),
    )


@pytest.mark.parametrize(
    ("action", "pinned"),
    [("deactivate", 17), ("reactivate", 8), ("revoke", 8), ("invite", 12), ("sign-off", 9)],
)
def test_the_admin_actions_keep_their_queries_as_the_clinic_grows(ann, dana, action, pinned):
    """Each POST counted on a small clinic, then on one with ten more clinicians, thirty
    more patients and ten more invitations."""
    client = signed_in(ann)

    def count(n: int) -> int:
        User.objects.filter(pk=dana.pk).update(is_active=action != "reactivate")
        url, data = {
            "deactivate": (f"/clinic/manage/staff/{dana.code}/deactivate/", {}),
            "reactivate": (f"/clinic/manage/staff/{dana.code}/reactivate/", {}),
            "revoke": (
                f"/clinic/manage/invitations/{waiting_invitation(ann).code}/revoke/",
                {},
            ),
            "invite": (
                "/clinic/manage/staff/invite/",
                {"name": "Pat", "email": f"pat{n}@example.org"},
            ),
            "sign-off": ("/clinic/manage/profile/sign-off/", {}),
        }[action]
        csrf = token(client)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, {"csrfmiddlewaretoken": csrf, **data})
        assert response.status_code == 302, response.status_code
        return len(queries)

    small = count(1)
    grow_clinic(ann)
    assert (small, count(2)) == (pinned, pinned)


def test_deactivating_revokes_the_invitations_they_sent(ann, bob):
    """A leaver's waiting invitations (one might make themself admin) stop working."""
    bob.is_clinic_admin = True
    bob.save(update_fields=["is_clinic_admin"])
    sent = Invitation.objects.create(
        clinic=bob.clinic,
        email="friend@example.org",
        name="Friend",
        as_clinic_admin=True,
        token_hash="1" * 64,
        invited_by=bob,
        expires=timezone.now() + timedelta(days=3),
    )
    staff.deactivate(ann, bob)
    sent.refresh_from_db()
    assert sent.revoked_at is not None
    assert not Invitation.objects.pending().exists()
