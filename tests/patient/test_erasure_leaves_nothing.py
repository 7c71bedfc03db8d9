"""Finding 5 of issue 17: after erasure nothing in any table names the patient or holds
their notes or codes: not the sign-in throttle's logs, not a session, not the admin's
own change history, not the clinician's "Change the plan" copy. Only the audit trail
stays, pointing at an anonymised account and emptied of detail."""

import uuid

import pytest
from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session

from accounts.models import AuditAction, AuditEvent, PushSubscription, SignInLink, User
from exercises.models import Exercise
from practice.models import ExerciseSession
from safety.models import KnownAnswer
from tests.accounts.test_sign_in import csrf_from, sign_in
from tests.admin_forms import admin_form
from tests.factories import (
    HipMobClient,
    link,
    make_alert,
    make_patient,
    make_plan,
    make_screening,
    make_session,
)

NOTE = "ZQNOTE"


@pytest.fixture
def zeb(bob):
    patient = make_patient(
        username="zq-patient-77", name="Zebedee Quartermaine", email="zq77@example.org"
    )
    link(bob, patient)
    return patient


def stored_text(model) -> list[tuple[str, str]]:
    """(row label, text) for every row: every concrete field that isn't a relation,
    UUIDs also as hex (how SQLite stores them)."""
    fields = [f for f in model._meta.concrete_fields if not f.is_relation]
    rows = []
    for row in model.objects.values_list(*(f.attname for f in fields)):
        parts = []
        for value in row:
            parts.append(str(value))
            if isinstance(value, uuid.UUID):
                parts.append(value.hex)
        rows.append((f"{model._meta.label} {row[0]}", " ".join(parts).lower()))
    return rows


def test_erasure_leaves_nothing_in_any_table(zeb, bob, frank, root):
    # Her record, with her notes in every free-text field.
    plan = make_plan(zeb, bob, [Exercise.objects.get(slug="glute-bridge")], title="Zeb's plan")
    plan.items.update(notes=f"{NOTE} left knee")
    session = make_session(zeb, plan, days_ago=1, before=4, after=3)
    ExerciseSession.objects.filter(pk=session.pk).update(note=f"{NOTE} clicked")
    screening = make_screening(zeb, tier="review")
    make_alert(zeb, "pain_ceiling", detail=f"{NOTE} pain 7", screening=screening)
    KnownAnswer.objects.create(patient=zeb, question_key="q", noted_by=bob, note=NOTE)
    AuditEvent.record(bob, AuditAction.SCREENING_CLEARED, patient=zeb, note=NOTE)
    # Her phone gets reminders as notifications (its endpoint and name are hers).
    PushSubscription.objects.create(
        user=zeb,
        endpoint=f"https://fcm.googleapis.com/fcm/send/{NOTE}",
        p256dh="B" + "A" * 86,
        auth="A" * 22,
        device=f"{NOTE}'s phone",
    )

    # She signs in on her phone by link, and someone tries her username with a password.
    _link, token = SignInLink.issue(zeb, created_by=bob)
    phone = HipMobClient(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.44")
    page = phone.get(f"/link/{token}/")
    phone.post(f"/link/{token}/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert phone.get("/today/").status_code == 200
    guesser = HipMobClient(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")
    sign_in(guesser, "zq-patient-77", "a-guess-at-it-123")
    assert AccessAttempt.objects.filter(username="zq-patient-77").exists()

    # Her clinician starts changing her plan (a copy with her items and notes) ...
    clinic = HipMobClient(enforce_csrf_checks=True)
    clinic.force_login(bob)
    page = clinic.get(f"/clinic/patients/{zeb.code}/")
    clinic.post(f"/clinic/patients/{zeb.code}/edit-plan/", {"csrfmiddlewaretoken": csrf_from(page)})
    # ... and a superuser corrects her email in the admin (its own history names her).
    admin = HipMobClient(enforce_csrf_checks=True)
    admin.force_login(root)
    form = admin_form(admin.get(f"/admin/accounts/user/{zeb.pk}/change/").text, "user_form")
    admin.post(f"/admin/accounts/user/{zeb.pk}/change/", {**form, "email": "zq77@example.org"})
    form["name"] = "Zebedee Q. Quartermaine"
    assert admin.post(f"/admin/accounts/user/{zeb.pk}/change/", form).status_code == 302

    needles = [
        "Zebedee",
        "Quartermaine",
        "zq-patient-77",
        "zq77@example.org",
        NOTE,
        token,
        str(zeb.code),
        zeb.code.hex,
        str(plan.code),
        str(session.code),
        str(screening.code),
    ]
    hits = lambda: [  # noqa: E731
        (label, needle)
        for model in apps.get_models()
        for label, text in stored_text(model)
        for needle in needles
        if needle.lower() in text
    ]
    assert any(label.startswith("routines.Routine") for label, _n in hits())  # the copy
    assert any(label.startswith("accounts.PushSubscription") for label, _n in hits())

    # Frank, the account admin, erases her through the admin action.
    erasing = HipMobClient(enforce_csrf_checks=True)
    erasing.force_login(frank)
    page = erasing.get("/admin/accounts/user/")
    done = erasing.post(
        "/admin/accounts/user/",
        {
            "csrfmiddlewaretoken": page.context["csrf_token"],
            "action": "erase_patients",
            "_selected_action": [zeb.pk],
            "confirmed": "yes",
        },
    )
    assert done.status_code == 302

    assert hits() == []
    sessions = [s.get_decoded().get(SESSION_KEY) for s in Session.objects.all()]
    assert str(zeb.pk) not in sessions
    assert phone.get("/today/").status_code == 302  # her phone is signed out
    # The trail stays: who did what, pointing at the anonymised account.
    zeb = User.objects.get(pk=zeb.pk)
    assert zeb.erased_at and zeb.name == "" and zeb.username.startswith("erased-")
    trail = AuditEvent.objects.filter(patient=zeb)
    assert trail.filter(action=AuditAction.PATIENT_ERASED, actor=frank).exists()
    assert trail.filter(action=AuditAction.SCREENING_CLEARED, detail={}).exists()


def test_a_sign_in_by_link_leaves_no_token_in_the_throttles_log(alice, bob):
    _link, token = SignInLink.issue(alice, created_by=bob)
    phone = HipMobClient(enforce_csrf_checks=True)
    page = phone.get(f"/link/{token}/")
    assert (
        phone.post(f"/link/{token}/", {"csrfmiddlewaretoken": csrf_from(page)})["Location"] == "/"
    )
    assert not AccessLog.objects.filter(path_info__contains=token).exists()
    assert not AccessLog.objects.filter(username="alice").exists()
    # Staff sign-ins are still logged (by password, on /sign-in/, no token).
    sign_in(HipMobClient(enforce_csrf_checks=True), "bob")
    assert AccessLog.objects.filter(username="bob", path_info="/sign-in/").exists()
