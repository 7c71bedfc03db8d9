from datetime import timedelta

import pytest
from playwright.sync_api import expect

from exercises.models import Exercise
from practice.models import ExerciseSession, MorningCheck, StepLog
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import (
    link,
    make_clinician,
    make_full_session,
    make_patient,
    make_plan,
    make_screening,
)


@pytest.fixture
def people(catalogue):
    alice = make_patient(username="alice", name="Alice Morgan")
    bob = make_clinician(username="bob", name="Bob Reid")
    link(bob, alice)
    make_screening(alice)
    return alice, bob


def sign_in(page, url, username):
    sign_in_on(page, url, username)


def test_a_low_pain_week_gives_a_progress_the_clinician_accepts_and_the_next_session_shows_it(
    live_server, page, browser, people
):
    alice, bob = people
    plan = make_plan(alice, bob, [Exercise.objects.get(slug="glute-bridge")])
    today = alice.local_date()
    for days_ago, pain in [(3, 3), (2, 2), (1, 2)]:  # every set done, worst pain 2
        make_full_session(alice, plan, days_ago, before=pain, worst=2, after=pain)
    for days_ago in (2, 1):  # the mornings after the first two
        MorningCheck.objects.create(
            patient=alice, local_date=today - timedelta(days=days_ago), response="same", pain=2
        )

    sign_in(page, live_server.url, "alice")
    expect(page.get_by_role("heading", name="Good morning: how did you settle?")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Better").check()
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your clinician will see how you settled.")).to_be_visible()

    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    clinic = desk.new_page()
    sign_in(clinic, live_server.url, "bob")
    clinic.get_by_role("link", name="Alice Morgan").click()
    expect(clinic.get_by_text("Progress: Glute bridge")).to_be_visible()
    expect(
        clinic.get_by_text("2 sets of 10, hold each 3 seconds → 2 sets of 10, hold each 5 seconds")
    ).to_be_visible()
    assert_no_axe_violations(clinic)
    clinic.get_by_role("button", name="Accept Glute bridge").click()
    expect(
        clinic.get_by_text("The plan now has 2 sets of 10, hold each 5 seconds of Glute bridge.")
    ).to_be_visible()
    desk.close()

    page.goto(f"{live_server.url}/today/")
    expect(page.locator(".plan-items")).to_contain_text("2 sets of 10, hold each 5 seconds")
    page.get_by_role("button", name="Start today's routine").click()
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.locator(".player__dose")).to_contain_text("hold each 5 seconds")


def test_the_bad_day_button_swaps_in_the_easier_versions(live_server, page, people):
    alice, bob = people
    plan = make_plan(alice, bob, [Exercise.objects.get(slug="bird-dog")])
    plan.items.update(bad_day_exercise=Exercise.objects.get(slug="cat-camel"))
    sign_in(page, live_server.url, "alice")
    page.get_by_role("button", name="My back is bad today: easier versions").click()
    page.get_by_role("radio", name="6", exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.get_by_role("heading", level=1, name="Cat-camel")).to_be_visible()
    expect(page.get_by_text("Bad-back day: these are the easier versions")).to_be_visible()
    assert_no_axe_violations(page)
    assert ExerciseSession.objects.get(patient=alice).bad_day


def test_a_bad_day_shows_each_substitute_once_with_its_own_dose(live_server, page, people):
    """The review's case: bird dog's bad-day cat-camel ran as "Hold for 6 seconds · left
    side · set 1 of 4" for 8 screens, and cat-camel appeared twice. Here bird dog and
    the clamshell both name cat-camel: it runs once, at its own dose, and the clamshell,
    left with no substitute, becomes the walking break (clinical.md §3.1) at its own
    dose, once."""
    alice, bob = people
    cat_camel = Exercise.objects.get(slug="cat-camel")
    plan = make_plan(alice, bob, [Exercise.objects.get(slug=s) for s in ("bird-dog", "clamshell")])
    plan.items.update(bad_day_exercise=cat_camel)
    sign_in(page, live_server.url, "alice")
    page.get_by_role("button", name="My back is bad today: easier versions").click()
    page.get_by_role("radio", name="6", exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.get_by_role("heading", level=1, name="Cat-camel")).to_be_visible()
    dose = page.locator(".player__dose")
    expect(dose).to_have_text("6 times")  # its own: no side, no "set 1 of 4", no hold
    expect(page.locator("[data-swapped]")).to_have_text(
        "Instead of Bird dog today, an easier exercise for a bad-back day."
    )
    assert_no_axe_violations(page)
    seen = []
    while page.locator(".player__name").count():
        name = page.locator(".player__name").inner_text()
        seen.append((name, " ".join(dose.inner_text().split())))
        before = name + dose.inner_text()
        page.get_by_role("button", name="Done", exact=True).click()
        page.wait_for_function(
            "(before) => { const d = document.querySelector('.player__dose');"
            " const n = document.querySelector('.player__name');"
            " return !d || !n || (n.innerText + d.innerText) !== before; }",
            arg=before,
        )
    assert seen == [("Cat-camel", "6 times"), ("Walking break", "Keep going for 5 minutes")]
    expect(page.get_by_role("heading", name="All done. How was it?")).to_be_visible()
    session = ExerciseSession.objects.get(patient=alice)
    logged = StepLog.objects.filter(session=session).values_list("exercise__slug", "reps")
    assert sorted(logged) == [("cat-camel", 6), ("walking-break", None)]


def test_the_activity_scale_is_accessible(live_server, page, people):
    alice, bob = people
    make_plan(alice, bob, [Exercise.objects.get(slug="glute-bridge")])
    sign_in(page, live_server.url, "alice")
    page.get_by_role("link", name="How are everyday activities going?").click()
    expect(page.get_by_role("heading", name="Everyday activities")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save").click()  # nothing filled in
    expect(page.get_by_role("alert").first).to_contain_text("Please check the activities")
    assert_no_axe_violations(page)
    page.get_by_role("textbox", name="Activity 1").fill("Putting on socks")
    page.locator("#id_score_0_4").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your clinician will see how things are going.")).to_be_visible()
