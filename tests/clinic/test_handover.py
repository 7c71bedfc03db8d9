"""Handing a leaving clinician's caseload over to a colleague in one audited step."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import AuditAction, AuditEvent, CareLink, User
from clinic import staff
from exercises.models import Exercise
from progression.models import CaseloadEntry, Suggestion
from safety.models import Alert, AlertKind, AlertNotice
from tests.factories import HipMobClient, link, make_alert, make_clinician, make_patient, make_plan

pytestmark = pytest.mark.django_db


def signed_in(user) -> HipMobClient:
    client = HipMobClient(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post(client, url, data=None):
    client.get("/account/")
    return client.post(
        url, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, **(data or {})}
    )


def state():
    """Everything a handover may change."""
    return (
        list(
            CareLink.objects.order_by("pk").values_list("pk", "clinician_id", "patient_id", "ended")
        ),
        list(Alert.objects.order_by("pk").values_list("pk", "acknowledged_at", "acknowledged_by")),
        AuditEvent.objects.filter(action=AuditAction.CASELOAD_HANDED_OVER).count(),
    )


@pytest.fixture
def caseload(alice, bob, dana):
    """Bob's patients: Alice (a plan, a waiting suggestion, an open alert he took on and
    an open emergency nobody has) and Eve (an open alert of her own); Dana once had
    Alice (an ended link)."""
    bridge = Exercise.objects.get(slug="glute-bridge")
    plan = make_plan(alice, bob, [bridge])
    Suggestion.objects.create(
        patient=alice,
        item=plan.items.get(),
        kind="progress",
        reason="Two easy sessions",
        exercise=bridge,
        sets=2,
        reps=12,
    )
    taken = make_alert(alice, AlertKind.INACTIVE)
    Alert.objects.filter(pk=taken.pk).update(acknowledged_at=timezone.now(), acknowledged_by=bob)
    emergency = make_alert(alice, AlertKind.RED_FLAG, title="Red flag: numbness")
    make_alert(alice, AlertKind.PAIN_SPIKE, resolved_at=timezone.now())  # closed: not counted
    eve = make_patient(username="eve", name="Eve Long")
    link(bob, eve)
    make_alert(eve, AlertKind.BAD_DAY)
    old = link(dana, alice)
    CareLink.objects.filter(pk=old.pk).update(ended=timezone.now())
    User.objects.filter(pk=dana.pk).update(email="dana@example.org")
    return {"alice": alice, "eve": eve, "plan": plan, "taken": taken, "emergency": emergency}


def test_the_form_shows_what_moves_and_only_this_clinics_active_colleagues(
    ann, bob, dana, gus, caseload
):
    retired = make_clinician(username="retired", name="Rita Gone", is_active=False)
    page = signed_in(ann).get(f"/clinic/manage/staff/{bob.code}/handover/")
    assert page.status_code == 200
    assert page.context["counts"] == staff.Handover(patients=2, alerts=3, suggestions=1)
    options = [
        c[0].instance.username for c in list(page.context["form"]["colleague"].field.choices)[1:]
    ]
    assert options == ["ann", "dana"]  # not Bob himself, Rita (inactive) or Gus (another clinic)
    assert retired.name not in page.text and "Gus" not in page.text


def test_handover_moves_the_patients_alerts_and_suggestions_in_one_audited_step(
    ann, bob, dana, caseload, django_capture_on_commit_callbacks
):
    alice, eve = caseload["alice"], caseload["eve"]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            signed_in(ann), f"/clinic/manage/staff/{bob.code}/handover/", {"colleague": dana.code}
        )
    assert response.status_code == 302 and response["Location"] == "/clinic/manage/staff/"
    # Bob's links ended; Dana's old link to Alice started again, and a new one to Eve.
    assert not CareLink.objects.active().filter(clinician=bob).exists()
    assert set(
        CareLink.objects.active().filter(clinician=dana).values_list("patient", flat=True)
    ) == {
        alice.pk,
        eve.pk,
    }
    assert CareLink.objects.filter(clinician=dana).count() == 2  # reactivated, not doubled
    # Dana sees them, their open alerts and the waiting suggestion.
    client = signed_in(dana)
    listed = client.get("/clinic/patients/")
    assert {row["patient"].pk for row in listed.context["rows"]} == {alice.pk, eve.pk}
    detail = client.get(f"/clinic/patients/{alice.code}/")
    assert detail.status_code == 200
    assert "Red flag: numbness" in detail.text
    assert "Two easy sessions" in detail.text
    # and may change Alice's plan (plan editing asks for the care link, not authorship).
    assert post(client, f"/clinic/patients/{alice.code}/edit-plan/").status_code == 302
    # Bob doesn't (he could still be signed in: he may be moving on, not deactivated).
    assert signed_in(bob).get(f"/clinic/patients/{alice.code}/").status_code == 404
    # The alert Bob had taken on is open to Dana again; the emergency nobody took is
    # sent to her at once.
    taken = Alert.objects.get(pk=caseload["taken"].pk)
    assert (taken.acknowledged_at, taken.acknowledged_by) == (None, None)
    assert AlertNotice.objects.filter(alert=caseload["emergency"], recipient=dana).exists()
    assert [m.to for m in mail.outbox] == [["dana@example.org"]]
    # One event for the handover, and one in each patient's trail.
    summary = AuditEvent.objects.get(action=AuditAction.CASELOAD_HANDED_OVER, patient=None)
    assert summary.actor == ann
    assert summary.detail == {
        "from": str(bob.code),
        "to": str(dana.code),
        "patients": 2,
        "alerts": 3,
        "suggestions": 1,
    }
    trail = AuditEvent.objects.filter(
        action=AuditAction.CASELOAD_HANDED_OVER, patient__isnull=False
    )
    assert set(trail.values_list("patient", flat=True)) == {alice.pk, eve.pk}
    # The caseload rows are up to date for the colleague's list.
    assert (
        CaseloadEntry.objects.filter(patient__in=[alice, eve], fresh_until__isnull=False).count()
        == 2
    )
    # The plan stays as it was: its history and author unchanged.
    assert caseload["plan"].__class__.objects.get(pk=caseload["plan"].pk).owner == bob


def test_a_deactivated_clinicians_caseload_is_handed_over_too(ann, bob, dana, caseload):
    client = signed_in(ann)
    post(client, f"/clinic/manage/staff/{bob.code}/deactivate/")
    response = post(client, f"/clinic/manage/staff/{bob.code}/handover/", {"colleague": dana.code})
    assert response.status_code == 302
    assert CareLink.objects.active().filter(clinician=dana).count() == 2


@pytest.mark.parametrize("who", ["gus", "inactive", "bob", "unknown", "hana", ""])
def test_a_refused_colleague_changes_nothing(ann, bob, dana, gus, hana, caseload, who):
    inactive = make_clinician(username="inactive", is_active=False)
    code = {
        "gus": gus.code,
        "inactive": inactive.code,
        "bob": bob.code,
        "unknown": "9b2e1f7c-0000-4000-8000-000000000000",
        "hana": hana.code,
        "": "",
    }[who]
    before = state()
    response = post(
        signed_in(ann), f"/clinic/manage/staff/{bob.code}/handover/", {"colleague": code}
    )
    assert response.status_code == 422
    assert "Choose" in response.text
    assert state() == before
    assert mail.outbox == []


def test_the_logic_refuses_a_colleague_the_form_would_not_offer(ann, bob, gus, caseload):
    before = state()
    for colleague in (gus, bob):
        with pytest.raises(staff.StaffError):
            staff.hand_over(ann, bob, colleague)
    assert state() == before


def test_a_clinician_with_no_patients_has_nothing_to_hand_over(ann, dana, bob):
    before = state()
    response = post(
        signed_in(ann), f"/clinic/manage/staff/{dana.code}/handover/", {"colleague": bob.code}
    )
    assert response.status_code == 422 and "has no patients to hand over" in response.text
    assert state() == before


def test_only_the_clinics_admin_reaches_the_handover(ann, bob, dana, gus, caseload):
    url = f"/clinic/manage/staff/{bob.code}/handover/"
    before = state()
    for person in (bob, dana, gus):
        assert signed_in(person).get(url).status_code == 404
        assert post(signed_in(person), url, {"colleague": dana.code}).status_code == 404
    # Gus's own clinic's admin page for Bob, of another clinic: not found either.
    assert state() == before
    gus_url = f"/clinic/manage/staff/{gus.code}/handover/"
    assert signed_in(ann).get(gus_url).status_code == 404


def test_the_handover_page_keeps_its_queries_as_the_caseload_grows(ann, bob, dana, caseload):
    client = signed_in(ann)
    url = f"/clinic/manage/staff/{bob.code}/handover/"

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for _ in range(10):
        patient = make_patient()
        link(bob, patient)
        make_alert(patient, AlertKind.INACTIVE)
        make_clinician()
    assert (small, count()) == (9, 9)
