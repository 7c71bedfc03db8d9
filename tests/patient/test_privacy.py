"""A patient downloads everything about them and may ask for erasure; an admin erases."""

import json

import pytest
from django.contrib.auth.models import Permission

from accounts.models import AuditAction, AuditEvent, CareLink, PushSubscription, SignInLink, User
from exercises.models import Exercise
from practice.models import ExerciseSession, MorningCheck, StepLog
from progression.models import PsfsScore
from reminders.models import Reminder, ReminderSettings
from routines.models import Routine
from safety.models import Alert, KnownAnswer, Screening
from tests.accounts.test_sign_in import csrf_from
from tests.factories import make_alert, make_plan, make_screening, make_session


@pytest.fixture
def record(alice, bob):
    """Alice's whole record: a plan, sessions, checks, scores, an alert, a trail."""
    plan = make_plan(alice, bob, [Exercise.objects.get(slug="glute-bridge")])
    session = make_session(alice, plan, days_ago=1, before=4, after=3)
    ExerciseSession.objects.filter(pk=session.pk).update(note="Knee clicked on the bridge")
    MorningCheck.objects.create(
        patient=alice, local_date=alice.local_date(), session=session, response="same", pain=3
    )
    screening = make_screening(alice, tier="review")
    make_alert(alice, "pain_ceiling", detail="Pain 7 twice", screening=screening)
    KnownAnswer.objects.create(
        patient=alice, question_key="night-pain", noted_by=bob, note="Long-standing night pain"
    )
    PsfsScore.objects.create(
        patient=alice,
        local_date=alice.local_date(),
        activities=[{"activity": "Putting on socks", "score": 4}],
        mean=4,
    )
    SignInLink.issue(alice, created_by=bob)
    ReminderSettings.objects.create(patient=alice, channel="email")
    Reminder.objects.create(
        patient=alice, local_date=alice.local_date(), kind="due", channel="email"
    )
    AuditEvent.record(bob, AuditAction.LOG_CORRECTED, patient=alice, changes=[{"was": 2}])
    return plan


def test_the_json_download_holds_everything(client, alice, bob, record):
    phone = PushSubscription.objects.create(
        user=alice,
        endpoint="https://updates.push.services.mozilla.com/wpush/v2/abc",
        p256dh="B" * 87,
        auth="A" * 22,
        device="Firefox on Android",
    )
    client.force_login(alice)
    data = json.loads(client.get("/my-data/hipmob.json").content)
    assert data["person"]["username"] == "alice"
    assert data["clinicians"][0]["name"] == "Bob Reid"
    assert data["plans"][0]["exercises"][0]["exercise"] == "Glute bridge"
    assert data["sessions"][0]["note"] == "Knee clicked on the bridge"
    assert data["sessions"][0]["steps"][0]["status"] == "done"
    assert data["morning_checks"] == [
        {"date": alice.local_date().isoformat(), "response": "same", "pain": 3}
    ]
    assert data["safety_checks"][0]["result"] == "review"
    assert data["known_answers"][0]["note"] == "Long-standing night pain"
    assert data["activities"][0]["activities"][0]["activity"] == "Putting on socks"
    assert data["reminders"]["settings"][0]["channel"] == "email"
    assert data["reminders"]["sent"][0]["kind"] == "due"
    assert data["notification_devices"] == [
        {"device": "Firefox on Android", "added": phone.created.isoformat(), "last_sent": None}
    ]
    assert "endpoint" not in json.dumps(data["notification_devices"])
    # Who has touched the record, in plain words.
    whats = {entry["what"] for entry in data["record_access"]}
    assert {"Sign-in link issued", "Log corrected"} <= whats
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, actor=alice).exists()


def test_a_patient_asks_for_erasure_and_can_withdraw(client, alice, record):
    client.force_login(alice)
    page = client.get("/account/erase/")
    refused = client.post("/account/erase/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert refused.status_code == 422
    assert "Tick the box" in refused.text
    alice.refresh_from_db()
    assert alice.erasure_requested_at is None

    sent = client.post(
        "/account/erase/", {"csrfmiddlewaretoken": csrf_from(page), "understood": "on"}
    )
    assert sent["Location"] == "/account/"
    alice.refresh_from_db()
    assert alice.erasure_requested_at is not None
    assert "Withdraw my request" in client.get("/account/").text
    assert ExerciseSession.objects.filter(patient=alice).exists()  # nothing is erased yet

    client.post("/account/erase/", {"csrfmiddlewaretoken": csrf_from(page), "action": "withdraw"})
    alice.refresh_from_db()
    assert alice.erasure_requested_at is None
    actions = list(AuditEvent.objects.filter(patient=alice).values_list("action", flat=True))
    assert AuditAction.ERASURE_REQUESTED in actions and AuditAction.ERASURE_CANCELLED in actions


def test_an_erasure_request_reaches_the_clinician_until_withdrawn(client, alice, bob):
    """The review found it invisible to the clinician: now it is an alert for
    information on the list and the patient page, raised once, gone when withdrawn."""
    from safety.models import Alert, AlertKind
    from tests.factories import HipMobClient

    client.force_login(alice)
    token = csrf_from(client.get("/account/erase/"))
    for _twice in range(2):
        client.post("/account/erase/", {"csrfmiddlewaretoken": token, "understood": "on"})
    alert = Alert.objects.get(patient=alice)
    assert (alert.kind, alert.tier) == (AlertKind.ERASURE, "information")
    assert alert.title == "Asked for their data to be erased" and alert.notices.count() == 0
    assert AuditEvent.objects.filter(action=AuditAction.ERASURE_REQUESTED).count() == 1

    clinician = HipMobClient(enforce_csrf_checks=True)
    clinician.force_login(bob)
    listed = clinician.get("/clinic/patients/").text
    assert "For information" in listed and "Asked for their data to be erased" in listed
    assert (
        "Asked for their data to be erased" in clinician.get(f"/clinic/patients/{alice.code}/").text
    )

    client.post("/account/erase/", {"csrfmiddlewaretoken": token, "action": "withdraw"})
    alert.refresh_from_db()
    assert alert.resolved_at is not None and alert.resolved_by == alice
    assert alert.resolution == "Withdrawn by the patient."
    assert "Asked for their data" not in clinician.get("/clinic/patients/").text


def test_clinicians_cannot_ask_for_erasure(client, bob):
    client.force_login(bob)
    assert client.get("/account/erase/").status_code == 404


@pytest.fixture
def account_admin(client, erin):
    erin.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    client.force_login(erin)
    return client


def admin_action(client, *users, confirmed=False):
    page = client.get("/admin/accounts/user/")
    data = {
        "csrfmiddlewaretoken": page.context["csrf_token"],
        "action": "erase_patients",
        "_selected_action": [u.pk for u in users],
    }
    if confirmed:
        data["confirmed"] = "yes"
    return client.post("/admin/accounts/user/", data)


def test_an_admin_erases_a_patient_after_confirming(account_admin, alice, bob, erin, record):
    asking = admin_action(account_admin, alice, bob)
    assert asking.status_code == 200
    assert "Erase patients" in asking.text
    assert "1 selected account is not a patient" in asking.text
    assert ExerciseSession.objects.filter(patient=alice).exists()  # the first POST only asks

    done = admin_action(account_admin, alice, bob, confirmed=True)
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.erased_at is not None and not alice.is_active
    assert alice.name == "" and alice.email == "" and alice.username.startswith("erased-")
    assert not alice.has_usable_password()
    for model in (
        ExerciseSession,
        MorningCheck,
        Screening,
        Alert,
        KnownAnswer,
        PsfsScore,
        Reminder,
        ReminderSettings,
    ):
        assert not model.objects.filter(patient=alice).exists(), model
    assert not StepLog.objects.exists()
    assert not Routine.objects.filter(patient=alice).exists()
    assert not SignInLink.objects.filter(user=alice).exists()
    assert not CareLink.objects.filter(patient=alice).exists()
    # The trail stays, with no health content left in it.
    trail = AuditEvent.objects.filter(patient=alice)
    assert trail.filter(action=AuditAction.LOG_CORRECTED, detail={}).exists()
    erased = trail.get(action=AuditAction.PATIENT_ERASED)
    assert erased.actor == erin and erased.detail == {"sessions": 1, "safety_checks": 1}
    # The clinician is untouched.
    bob.refresh_from_db()
    assert bob.is_active and bob.name == "Bob Reid"
    assert User.objects.filter(pk=bob.pk, erased_at__isnull=True).exists()


def test_an_admin_without_delete_permission_cannot_erase(client, erin, alice, record):
    erin.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    client.force_login(erin)
    response = admin_action(client, alice, confirmed=True)
    assert response.status_code in (200, 302)
    alice.refresh_from_db()
    assert alice.erased_at is None and alice.is_active
    assert ExerciseSession.objects.filter(patient=alice).exists()
