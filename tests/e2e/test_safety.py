from datetime import timedelta

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from progression import events
from safety.models import Alert, KnownAnswer, Screening, ScreeningQuestion
from safety.screenings import check_for
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import link as care_link
from tests.factories import make_patient


@pytest.fixture
def demo(catalogue, questions):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")


def question_group(page, key):
    """A question's fieldset, worded for a first check or a later one."""
    question = ScreeningQuestion.objects.get(key=key)
    first = page.get_by_role("group", name=question.text)
    return first.or_(page.get_by_role("group", name=question.recheck_text or question.text))


def answer_all_no_except(page, yes_key=None):
    groups = page.locator("fieldset.question")
    for n in range(groups.count()):
        groups.nth(n).get_by_label("No", exact=True).check()
    if yes_key:
        question_group(page, yes_key).get_by_label("Yes", exact=True).check()


def test_an_emergency_answer_locks_exercise_and_the_clinician_sees_it_first(
    live_server, page, browser, demo, sign_in
):
    sign_in("demo-patient", "hipmob-demo")
    page.get_by_role("link", name="Has something changed with your back?").click()
    expect(page.get_by_role("heading", name="A quick safety check")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send my answers").click()  # nothing answered
    expect(page.get_by_role("alert").first).to_contain_text("Please answer every question")
    assert_no_axe_violations(page)
    answer_all_no_except(page, "both-legs")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Get emergency care now")).to_be_visible()
    expect(page.get_by_text("Call 999 or go to A&E now. Do not do your exercises.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Back to Today").click()
    expect(page.get_by_text("Exercise is paused.")).to_be_visible()
    expect(page.get_by_role("button", name="Start today's routine")).to_have_count(0)
    assert_no_axe_violations(page)

    # The clinician, at a desk, sees the alert first.
    for n in range(3):
        from accounts.models import User

        clinician = User.objects.get(username="demo-clinician")
        care_link(clinician, make_patient(name=f"Aaron {n}", clinic=clinician.clinic))
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    clinic = desk.new_page()
    sign_in_on(clinic, live_server.url, "demo-clinician", "hipmob-demo")
    first_row = clinic.locator("tbody tr").first
    expect(first_row).to_contain_text("Alice Morgan")
    expect(first_row.locator(".tier-badge")).to_have_text("Emergency")
    expect(first_row).to_contain_text("Red flag: both legs weak or numb")
    first_row.get_by_role("link", name="Alice Morgan").click()
    expect(clinic.get_by_role("heading", name="Open alerts")).to_be_visible()
    assert_no_axe_violations(clinic)
    clinic.get_by_label("Exercise is paused. After speaking to them").fill(
        "Seen in A&E today; no nerve compression. Safe to carry on gently."
    )
    clinic.get_by_role("button", name="Clear and switch exercise back on").click()
    expect(clinic.get_by_text("Cleared. Alice Morgan can exercise again.")).to_be_visible()
    assert not Alert.objects.open().filter(kind="red_flag").exists()
    desk.close()

    page.reload()
    expect(page.get_by_text("Exercise is paused.")).to_have_count(0)


def test_a_long_standing_answer_the_clinician_knows_raises_nothing_until_it_changes(
    live_server, page, browser, catalogue, questions, alice, bob, plan, sign_in
):
    # Alice's first check: a weak foot, urgent. Exercise is paused.
    answers = [
        {
            "key": a.key,
            "text": a.text,
            "name": a.question.short_name,
            "tier": a.question.tier,
            "yes": a.key == "leg-weakness",
            "known": a.known,
        }
        for a in check_for(alice).questions
    ]
    first = events.safety_check(alice, answers)
    assert first.locked

    # Bob, at a desk, clears it: the weak foot is long-standing (an old injury).
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    clinic = desk.new_page()
    sign_in_on(clinic, live_server.url, "bob")
    clinic.goto(f"{live_server.url}/clinic/patients/{alice.code}/")
    expect(clinic.locator(".tier-badge").first).to_have_text("Urgent")
    expect(clinic.locator(".alert-head strong")).to_have_text("Red flag: leg or foot weakness")
    assert_no_axe_violations(clinic)
    clinic.get_by_label("Exercise is paused. After speaking to them").fill(
        "Foot drop since a 2019 injury, unchanged; seen by neurology then."
    )
    clinic.get_by_label("Known and long-standing").check()
    clinic.get_by_role("button", name="Clear and switch exercise back on").click()
    expect(clinic.get_by_text("Cleared. Alice Morgan can exercise again.")).to_be_visible()
    assert KnownAnswer.objects.filter(patient=alice, question_key="leg-weakness").exists()
    Screening.objects.filter(pk=first.pk).update(local_date=first.local_date - timedelta(days=7))

    # A week later, Alice's weekly check asks about it as "new or changed": she answers
    # no, and nothing is raised or paused.
    sign_in("alice")
    page.get_by_role("link", name="Start with the safety check").click()
    group = question_group(page, "leg-weakness")
    expect(group).to_contain_text(
        "Your clinician knows about this. Answer yes only if it is new or has changed."
    )
    expect(page.get_by_text("since your last check", exact=False).first).to_be_visible()
    assert_no_axe_violations(page)
    answer_all_no_except(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thanks: nothing here needs action")).to_be_visible()
    assert_no_axe_violations(page)
    assert not Alert.objects.open().exists()
    page.get_by_role("link", name="Back to Today").click()
    expect(page.get_by_text("Exercise is paused.")).to_have_count(0)
    expect(page.get_by_role("button", name="Start today's routine")).to_be_visible()

    # Later that day the weakness gets worse: a "yes" now is a change, and alerts.
    page.get_by_role("link", name="Has something changed with your back?").click()
    answer_all_no_except(page, "leg-weakness")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Stop, and see a doctor today")).to_be_visible()
    assert_no_axe_violations(page)
    alert = Alert.objects.open().get()
    assert (alert.tier, alert.title) == ("urgent", "Red flag: leg or foot weakness")
    page.get_by_role("link", name="Back to Today").click()
    expect(page.get_by_text("Exercise is paused.")).to_be_visible()

    clinic.reload()
    expect(clinic.locator(".tier-badge").first).to_have_text("Urgent")
    clinic.get_by_text("Safety check answers").click()
    expect(clinic.get_by_text("Changed (was known and long-standing):")).to_be_visible()
    assert_no_axe_violations(clinic)
    desk.close()
