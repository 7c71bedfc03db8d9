"""The review's observations on the clinician's side, as the steps people take: the
patient on a phone (390 by 844), the clinician at a desk (1280 by 800), axe on every page.

1. A "worse" next morning reaches the clinician (alert, the morning beside the session,
   a step back suggested).
2. An emergency red flag leads the list above a bad-back day, in words as well as
   colour, and the clinician is emailed once, with no health details.
9. An erasure request shows on the clinician's list and patient page."""

from datetime import timedelta

import pytest
from django.core import mail
from playwright.sync_api import expect

from exercises.models import Exercise
from practice.models import ExerciseSession
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import link, make_alert, make_clinician, make_patient, make_plan, make_session

DESK = {"width": 1280, "height": 800}


@pytest.fixture
def people(catalogue, questions):
    alice = make_patient(username="alice", name="Alice Morgan")
    bob = make_clinician(username="bob", name="Bob Reid", email="bob@clinic.example")
    link(bob, alice)
    from tests.factories import make_screening

    make_screening(alice)
    plan = make_plan(alice, bob, [Exercise.objects.get(slug="glute-bridge")])
    return alice, bob, plan


def test_a_worse_morning_reaches_the_clinician(live_server, page, browser, people):
    alice, _bob, plan = people
    yesterday = make_session(alice, plan, 1, 4, 5)

    sign_in_on(page, live_server.url, "alice")
    expect(page.get_by_role("heading", name="Good morning: how did you settle?")).to_be_visible()
    page.get_by_label("Worse").check()
    page.get_by_role("radio", name="8", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your clinician will see how you settled.")).to_be_visible()
    assert_no_axe_violations(page)

    context = browser.new_context(viewport=DESK, locale="en-GB")
    clinic = context.new_page()
    sign_in_on(clinic, live_server.url, "bob")
    row = clinic.locator("tbody tr").first
    expect(row).to_contain_text("Urgent")  # 8 is above the ceiling of 5
    expect(row).to_contain_text("Worse the next morning: 8/10")
    assert_no_axe_violations(clinic)
    row.get_by_role("link", name="Alice Morgan").click()
    alert = clinic.locator(".alert-list li").first
    expect(alert).to_contain_text("Urgent")
    expect(alert).to_contain_text("Worse the next morning: 8/10")
    expect(alert).to_contain_text(
        f"After the session on {yesterday.local_date.isoformat()}: pain 4 before, 5 after."
    )
    # 8 the next morning is 2 or more above the 4 before the session: the whole routine
    # steps back (clinical.md §3.1), one card.
    card = clinic.locator('[data-suggestion="routine"]')
    expect(card).to_contain_text("Step back: the whole routine")
    expect(card).to_contain_text("Glute bridge")
    assert_no_axe_violations(clinic)
    # Acknowledged, then resolved with a note: the list no longer leads with her.
    alert.get_by_role("button", name="Acknowledge").click()
    expect(clinic.locator(".alert-list li").first).to_contain_text("Acknowledged by Bob Reid")
    clinic.locator(".alert-list li").first.get_by_label("What you did about it:").fill(
        "Phoned her; easing off for two days."
    )
    clinic.locator(".alert-list li").first.get_by_role("button", name="Resolve").click()
    expect(clinic.get_by_text("Alert resolved.")).to_be_visible()
    assert_no_axe_violations(clinic)
    context.close()


def test_an_emergency_leads_a_bad_back_day_and_is_emailed_once(live_server, page, browser, people):
    alice, bob, _plan = people
    badday = make_patient(username="zoe", name="Aaron Badday")  # first by name
    link(bob, badday)
    make_alert(badday, "bad_day", title="Bad-back day")
    ExerciseSession.objects.filter(patient=alice).delete()
    mail.outbox.clear()

    sign_in_on(page, live_server.url, "alice")
    page.get_by_role("link", name="Has something changed with your back?").click()
    from safety.models import ScreeningQuestion

    emergency = ScreeningQuestion.objects.get(key="bladder")
    questions = page.locator("fieldset.question")
    for n in range(questions.count()):
        questions.nth(n).get_by_label("No", exact=True).check()
    # A later check (people has one from before): the "since your last check" wording.
    page.get_by_role("group", name=emergency.recheck_text).get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Get emergency care now")).to_be_visible()
    assert_no_axe_violations(page)

    assert [m.to for m in mail.outbox] == [["bob@clinic.example"]]
    message = mail.outbox[0]
    assert message.subject == "A patient needs you now"
    assert "Alice" not in message.body and "urine" not in message.body
    assert f"/clinic/patients/{alice.code}/" in message.body

    context = browser.new_context(viewport=DESK, locale="en-GB")
    clinic = context.new_page()
    sign_in_on(clinic, live_server.url, "bob")
    rows = clinic.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Alice Morgan")
    expect(rows.nth(0).locator(".tier-badge")).to_have_text("Emergency")
    expect(rows.nth(0)).to_contain_text("Red flag: bladder symptoms")
    expect(rows.nth(1)).to_contain_text("Aaron Badday")
    expect(rows.nth(1).locator(".tier-badge")).to_have_text("For information")
    assert_no_axe_violations(clinic)
    context.close()


def test_an_erasure_request_shows_on_the_list_and_the_patient_page(
    live_server, page, browser, people
):
    sign_in_on(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/account/erase/")
    page.get_by_label("I understand that my sessions").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_text("Your request is sent.")).to_be_visible()

    context = browser.new_context(viewport=DESK, locale="en-GB")
    clinic = context.new_page()
    sign_in_on(clinic, live_server.url, "bob")
    row = clinic.locator("tbody tr").first
    expect(row.locator(".tier-badge")).to_have_text("For information")
    expect(row).to_contain_text("Asked for their data to be erased")
    assert_no_axe_violations(clinic)
    row.get_by_role("link", name="Alice Morgan").click()
    expect(clinic.locator(".alert-list")).to_contain_text("Asked for their data to be erased")
    assert_no_axe_violations(clinic)
    context.close()


def test_the_clinician_sees_each_activity_and_its_change(live_server, page, browser, people):
    """Observation 4: activity scales labelled as pain scales, and only the mean shown.
    The patient re-rates the activities named two weeks ago; the clinician sees each
    one's start, latest and change against 3 points, beside the mean's 2."""
    from progression.models import PsfsScore

    alice, _bob, _plan = people
    PsfsScore.objects.create(
        patient=alice,
        local_date=alice.local_date() - timedelta(days=14),
        activities=[
            {"activity": "Putting on socks", "score": 2},
            {"activity": "Gardening", "score": 5},
        ],
        mean=3.5,
    )
    sign_in_on(page, live_server.url, "alice")
    page.get_by_role("link", name="How are everyday activities going?").click()
    scales = page.locator(".psfs-activity .pain-scale__anchors")
    expect(scales.first).to_contain_text("can't do it")
    expect(page.locator(".psfs-activity").first).not_to_contain_text("no pain")
    page.locator("#id_score_0_6").check()
    page.locator("#id_score_1_6").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your clinician will see how things are going.")).to_be_visible()
    assert_no_axe_violations(page)

    context = browser.new_context(viewport=DESK, locale="en-GB")
    clinic = context.new_page()
    sign_in_on(clinic, live_server.url, "bob")
    clinic.get_by_role("link", name="Alice Morgan").click()
    socks = clinic.locator("tr", has=clinic.get_by_role("rowheader", name="Putting on socks"))
    expect(socks).to_contain_text("+4")
    expect(socks).to_contain_text("better (3 points or more)")
    garden = clinic.locator("tr", has=clinic.get_by_role("rowheader", name="Gardening"))
    expect(garden).to_contain_text("+1")
    expect(garden).not_to_contain_text("better")
    expect(clinic.get_by_text("Mean 3.50 at the start, 6.00 now (change 2.50).")).to_be_visible()
    expect(clinic.locator(".alert-list")).to_contain_text("Activity score up 2.5 points")
    assert_no_axe_violations(clinic)
    context.close()
