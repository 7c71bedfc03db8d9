"""Script-like text stored in every free-text field people control is shown as text
on every page that shows it, and never runs."""

import pytest
from playwright.sync_api import expect

from accounts.models import AuditAction, AuditEvent
from exercises.models import Exercise
from progression.models import PsfsScore
from routines.models import Routine, RoutineItem, RoutineKind
from tests.e2e.conftest import sign_in_on
from tests.factories import (
    link,
    make_alert,
    make_clinician,
    make_patient,
    make_plan,
    make_screening,
    make_session,
)

# Each payload, if it ran, would set window.__xss.
PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    '"><script>window.__xss=2</script>',
    "'><svg onload=window.__xss=3>",
    "</textarea><iframe srcdoc='<script>parent.__xss=4</script>'>",
]
PAYLOAD = " ".join(PAYLOADS)


@pytest.fixture
def hostile_world(catalogue):
    patient = make_patient(username="ivy", name=f"Ivy {PAYLOADS[0]}")
    clinician = make_clinician(username="cal", name=f"Cal {PAYLOADS[1]}")
    link(clinician, patient)
    bridge = Exercise.objects.get(slug="glute-bridge")
    Exercise.objects.filter(pk=bridge.pk).update(
        name=f"Bridge {PAYLOADS[2]}"[:120],
        summary=PAYLOAD[:200],
        start_position=PAYLOAD,
        cues="\n".join(PAYLOADS),
        mistakes=PAYLOAD,
        easier_tip=PAYLOAD,
        cautions=PAYLOAD,
    )
    plan = make_plan(patient, clinician, [bridge], title=f"Plan {PAYLOADS[3]}"[:120])
    RoutineItem.objects.filter(routine=plan).update(notes=PAYLOAD)
    template = Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title=f"Routine {PAYLOADS[0]}", owner=clinician
    )
    RoutineItem.from_exercise(bridge, routine=template, order=0, notes=PAYLOAD).save()
    session = make_session(patient, plan, days_ago=1, before=4, after=3)
    session.note = PAYLOAD
    session.save()
    make_screening(patient)
    make_alert(patient, "bad_day", title=PAYLOAD[:120], detail=PAYLOAD[:300])
    PsfsScore.objects.create(
        patient=patient,
        local_date=patient.local_date(),
        activities=[{"activity": PAYLOADS[1], "score": 4}],
        mean=4,
    )
    AuditEvent.record(clinician, AuditAction.PATIENT_VIEWED, patient=patient, target=PAYLOAD)
    return {"patient": patient, "clinician": clinician, "session": session, "template": template}


def assert_nothing_ran(page, violations, url):
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__xss") is None, f"a payload ran on {url}"
    assert page.locator("iframe, img[src='x'], svg[onload]").count() == 0, url
    assert violations == [], f"{url}: {violations}"


def test_stored_payloads_show_as_text_and_never_run(
    live_server, page, hostile_world, csp_violations
):
    base = live_server.url
    patient, clinician = hostile_world["patient"], hostile_world["clinician"]
    sign_in_on(page, base, "ivy")
    for path in [
        "/today/",
        "/history/",
        f"/sessions/{hostile_world['session'].code}/",
        f"/sessions/{hostile_world['session'].code}/correct/",
        "/activities/",
        "/account/",
        "/exercises/",
        "/exercises/glute-bridge/",
    ]:
        assert_nothing_ran(page, csp_violations, base + path)
    page.goto(base + "/today/")
    expect(page.get_by_text(PAYLOADS[3], exact=False).first).to_be_visible()  # as text

    page.context.clear_cookies()
    sign_in_on(page, base, "cal")
    for path in [
        "/clinic/patients/",
        f"/clinic/patients/{patient.code}/",
        f"/clinic/patients/{patient.code}/handout/",
        f"/clinic/patients/{patient.code}/assign/",
        "/clinic/routines/",
        f"/clinic/routines/{hostile_world['template'].code}/",
    ]:
        assert_nothing_ran(page, csp_violations, base + path)
    page.goto(f"{base}/clinic/patients/{patient.code}/")
    expect(page.get_by_text(PAYLOADS[0], exact=False).first).to_be_visible()
    assert clinician.name.startswith("Cal ")


def test_the_admin_shows_payloads_as_text(live_server, page, hostile_world, csp_violations):
    from django.contrib.auth.models import Permission

    from tests.factories import make_user

    admin = make_user("admin", username="ada", is_staff=True)
    admin.user_permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    admin.user_permissions.add(*Permission.objects.filter(codename__endswith="_exercise"))
    sign_in_on(page, live_server.url, "ada")
    bridge = Exercise.objects.get(slug="glute-bridge")
    for path in [
        "/admin/accounts/user/",
        f"/admin/accounts/user/{hostile_world['patient'].pk}/change/",
        "/admin/accounts/auditevent/",
        "/admin/exercises/exercise/",
        f"/admin/exercises/exercise/{bridge.pk}/change/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
