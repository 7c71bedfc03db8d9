"""Finding 1 of issue 17, replayed through the real admin as the attacker would: a staff
member with every account permission (Frank, like the demo's admin) tries to set a
patient's password and sign in as them, to make himself a clinician with a care link,
and to read health details in the audit trail. Each now fails, and changes made in the
admin are themselves audited."""

from datetime import date

import pytest
from django.contrib.auth import SESSION_KEY

from accounts.models import AuditAction, AuditEvent, CareLink, Role, User
from exercises.models import Exercise
from tests.accounts.test_sign_in import sign_in
from tests.admin_forms import admin_form
from tests.factories import HipMobClient, default_clinic, make_alert, make_plan

NEW_PASSWORD = "a-brand-new-password-9"


def signed_in(user) -> HipMobClient:
    client = HipMobClient(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_an_account_admin_cannot_set_a_patients_password_or_sign_in_as_them(frank, alice):
    admin = signed_in(frank)
    change = admin.get(f"/admin/accounts/user/{alice.pk}/change/")
    assert change.status_code == 200
    assert b"../password/" not in change.content  # no "Set password" link for a patient
    url = f"/admin/accounts/user/{alice.pk}/password/"
    assert admin.get(url).status_code == 403
    response = admin.post(
        url,
        {
            "csrfmiddlewaretoken": change.context["csrf_token"],
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
        },
    )
    assert response.status_code == 403
    alice.refresh_from_db()
    assert not alice.has_usable_password()
    attacker = HipMobClient(enforce_csrf_checks=True)
    assert sign_in(attacker, "alice", NEW_PASSWORD).status_code == 200
    assert SESSION_KEY not in attacker.session
    assert attacker.get("/my-data/hipmob.json").status_code == 302  # sent to sign in


def test_even_a_superuser_cannot_give_a_patient_a_password(root, alice):
    admin = signed_in(root)
    page = admin.get(f"/admin/accounts/user/{alice.pk}/password/")
    assert page.status_code == 403
    alice.refresh_from_db()
    assert not alice.has_usable_password()


def test_an_account_admin_cannot_change_roles_or_staff_flags(frank, alice):
    admin = signed_in(frank)
    page = admin.get(f"/admin/accounts/user/{frank.pk}/change/")
    data = admin_form(page.text, "user_form")
    assert "role" not in data  # shown read-only
    data.update(role=Role.CLINICIAN, is_superuser="on", _save="Save")
    assert admin.post(f"/admin/accounts/user/{frank.pk}/change/", data).status_code == 302
    frank.refresh_from_db()
    assert (frank.role, frank.is_superuser) == (Role.ADMIN, False)
    # Nor a patient's (a patient made clinician would have a password to set).
    page = admin.get(f"/admin/accounts/user/{alice.pk}/change/")
    data = {**admin_form(page.text, "user_form"), "role": Role.CLINICIAN, "is_staff": "on"}
    admin.post(f"/admin/accounts/user/{alice.pk}/change/", data)
    alice.refresh_from_db()
    assert (alice.role, alice.is_staff) == (Role.PATIENT, False)


def test_an_account_admin_cannot_add_accounts(frank):
    admin = signed_in(frank)
    assert admin.get("/admin/accounts/user/add/").status_code == 403
    before = User.objects.count()
    token = admin.get("/admin/accounts/user/").context["csrf_token"]
    response = admin.post(
        "/admin/accounts/user/add/",
        {
            "csrfmiddlewaretoken": token,
            "username": "sneaky",
            "role": Role.CLINICIAN,
            "timezone": "Europe/London",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 403
    assert User.objects.count() == before


def test_an_account_admin_cannot_give_anyone_a_care_link(frank, dana, alice):
    admin = signed_in(frank)
    assert admin.get("/admin/accounts/carelink/add/").status_code == 403
    token = admin.get("/admin/accounts/carelink/").context["csrf_token"]
    for clinician in (frank, dana):
        response = admin.post(
            "/admin/accounts/carelink/add/",
            {"csrfmiddlewaretoken": token, "clinician": clinician.pk, "patient": alice.pk},
        )
        assert response.status_code == 403
    assert not CareLink.objects.filter(patient=alice).exists()


def test_a_superuser_adds_a_patient_without_a_password(root):
    admin = signed_in(root)
    page = admin.get("/admin/accounts/user/add/")
    base = {
        **admin_form(page.text, "user_form"),
        "username": "newpatient",
        "name": "New Patient",
        "role": Role.PATIENT,
        "timezone": "Europe/London",
    }
    refused = admin.post(
        "/admin/accounts/user/add/",
        {**base, "usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert refused.status_code == 200
    assert "one-time links" in refused.text
    assert not User.objects.filter(username="newpatient").exists()
    # A patient belongs to a clinic: without one, a clear message and no account.
    no_clinic = admin.post("/admin/accounts/user/add/", {**base, "usable_password": "false"})
    assert no_clinic.status_code == 200
    assert "belong to a clinic" in no_clinic.text
    assert not User.objects.filter(username="newpatient").exists()
    base["clinic"] = default_clinic().pk
    made = admin.post("/admin/accounts/user/add/", {**base, "usable_password": "false"})
    assert made.status_code == 302
    patient = User.objects.get(username="newpatient")
    assert not patient.has_usable_password()
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_ADDED)
    assert (event.actor, event.patient, event.target) == (
        root,
        patient,
        f"accounts.user {patient.pk}",
    )


def test_an_admin_change_to_a_user_is_audited_with_before_and_after(frank, alice):
    admin = signed_in(frank)
    page = admin.get(f"/admin/accounts/user/{alice.pk}/change/")
    data = {**admin_form(page.text, "user_form"), "name": "Alice M. Morgan"}
    assert admin.post(f"/admin/accounts/user/{alice.pk}/change/", data).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_CHANGED)
    assert (event.actor, event.patient) == (frank, alice)
    assert event.detail["before"] == {"name": "Alice Morgan"}
    assert event.detail["after"] == {"name": "Alice M. Morgan"}
    # Saved again unchanged: nothing happened, nothing is recorded.
    page = admin.get(f"/admin/accounts/user/{alice.pk}/change/")
    admin.post(f"/admin/accounts/user/{alice.pk}/change/", admin_form(page.text, "user_form"))
    assert AuditEvent.objects.filter(action=AuditAction.ADMIN_CHANGED).count() == 1


def test_a_superusers_changes_to_care_links_and_plans_are_audited(root, bob, alice):
    admin = signed_in(root)
    care = CareLink.objects.get(clinician=bob, patient=alice)
    page = admin.get(f"/admin/accounts/carelink/{care.pk}/change/")
    data = {**admin_form(page.text, "carelink_form"), "ended_0": "2026-02-01", "ended_1": "09:00"}
    assert admin.post(f"/admin/accounts/carelink/{care.pk}/change/", data).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_CHANGED, target__startswith="accounts.")
    assert (event.actor, event.patient, event.detail["before"]) == (root, alice, {"ended": None})

    plan = make_plan(alice, bob, [Exercise.objects.get(slug="glute-bridge")])
    page = admin.get(f"/admin/routines/routine/{plan.pk}/change/")
    data = admin_form(page.text, "routine_form")
    data.update({"title": "Evening routine", "items-0-notes": "Go gently on the left"})
    assert admin.post(f"/admin/routines/routine/{plan.pk}/change/", data).status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_CHANGED, target__startswith="routines.")
    assert (event.actor, event.patient) == (root, alice)
    assert event.detail["after"] == {"title": "Evening routine"}
    assert event.detail["inlines"][0]["after"] == {"notes": "Go gently on the left"}

    page = admin.get(f"/admin/accounts/carelink/{care.pk}/delete/")
    admin.post(
        f"/admin/accounts/carelink/{care.pk}/delete/",
        {"csrfmiddlewaretoken": page.context["csrf_token"], "post": "yes"},
    )
    assert not CareLink.objects.filter(pk=care.pk).exists()
    deleted = AuditEvent.objects.get(action=AuditAction.ADMIN_DELETED)
    assert (deleted.actor, deleted.patient) == (root, alice)


MARKER = "MARKER-health-detail-7731"


@pytest.fixture
def health_data(alice, bob):
    """Health details, each carrying MARKER, wherever the app stores them."""
    from practice.models import ExerciseSession
    from progression.models import Suggestion
    from safety.models import KnownAnswer, Screening

    bridge = Exercise.objects.get(slug="glute-bridge")
    plan = make_plan(alice, bob, [bridge], title=f"Plan {MARKER}")
    plan.items.update(notes=f"Notes {MARKER}")
    ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=date(2026, 1, 2), note=f"Note {MARKER}"
    )
    Screening.objects.create(
        patient=alice,
        local_date=date(2026, 1, 2),
        answers=[],
        tier="urgent",
        cleared_note=f"Cleared {MARKER}",
    )
    KnownAnswer.objects.create(patient=alice, question_key="q", noted_by=bob, note=MARKER)
    make_alert(alice, "inactive", detail=MARKER)
    Suggestion.objects.create(
        patient=alice,
        item=plan.items.get(),
        kind="progress",
        reason=f"Reason {MARKER}",
        exercise=bridge,
        sets=2,
        reps=12,
    )
    AuditEvent.record(bob, AuditAction.SUGGESTION_DISMISSED, patient=alice, reason=MARKER)
    AuditEvent.record(bob, AuditAction.SCREENING_CLEARED, patient=alice, note=MARKER)


def admin_pages(client) -> list[str]:
    """Every admin list and change page this person's admin index links to."""
    from django.contrib import admin as django_admin

    pages = ["/admin/"]
    for model in django_admin.site._registry:
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        pages.append(base)
        for pk in model.objects.order_by("pk").values_list("pk", flat=True)[:20]:
            pages.append(f"{base}{pk}/change/")
            pages.append(f"{base}{pk}/history/")
    return pages


@pytest.mark.parametrize("persona", ["erin", "frank"])
def test_no_admin_page_shows_an_editor_or_account_admin_any_health_data(
    request, health_data, persona
):
    client = signed_in(request.getfixturevalue(persona))
    seen = 0
    for url in admin_pages(client):
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code == 200:
            seen += 1
            assert MARKER not in response.text, f"{persona} sees health data on {url}"
    assert seen > 10  # they do use the admin: the pages they may see were checked


def test_a_superuser_sees_the_audit_detail(root, health_data):
    client = signed_in(root)
    event = AuditEvent.objects.filter(action=AuditAction.SUGGESTION_DISMISSED).get()
    assert MARKER in client.get(f"/admin/accounts/auditevent/{event.pk}/change/").text
