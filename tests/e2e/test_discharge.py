"""A clinician at a desktop (1280 by 800) keeps a patient's record, opens an episode of care,
reads and print-previews its summary, and discharges: axe finds nothing on any of the
pages, and the printed summary has no navigation, buttons or form."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accounts.models import Episode, User
from exercises.models import Exercise
from progression.models import PsfsScore
from routines.models import Routine
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import link, make_clinician, make_patient, make_plan, make_session

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def desk(browser, live_server, catalogue):
    bob = make_clinician(username="bob", name="Bob Reid")
    alice = make_patient(username="alice", name="Alice Morgan")
    link(bob, alice)
    exercises = Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"])
    plan = make_plan(alice, bob, exercises, start_date=alice.local_date() - timedelta(days=20))
    for days_ago, pain in ((9, 6), (6, 5), (3, 4), (1, 3)):
        make_session(alice, plan, days_ago, before=pain, after=max(pain - 1, 0))
    for days_ago, socks, stairs in ((9, 3, 5), (1, 7, 6)):
        PsfsScore.objects.create(
            patient=alice,
            local_date=alice.local_date() - timedelta(days=days_ago),
            activities=[
                {"activity": "Putting on socks", "score": socks},
                {"activity": "Climbing stairs", "score": stairs},
            ],
            mean=(socks + stairs) / 2,
        )
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in_on(page, live_server.url, "bob")
    page.goto(f"{live_server.url}/clinic/patients/{alice.code}/")
    yield page, alice, plan
    assert violations == [], violations
    context.close()


def test_a_clinician_keeps_the_record_opens_an_episode_prints_and_discharges(desk, tmp_path):
    page, alice, plan = desk
    expect(page.get_by_role("heading", name="Episode of care")).to_be_visible()
    assert_no_axe_violations(page)  # the patient page: the record and the episode form

    # The record.
    page.get_by_role("link", name="Edit the record").click()
    expect(page.get_by_role("heading", name="Record of Alice Morgan")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Date of birth (optional)").fill("2999-01-01")
    page.get_by_role("button", name="Save the record").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the fields")
    expect(page.get_by_text("The date of birth can't be in the future.")).to_be_visible()
    assert_no_axe_violations(page)  # the form with its errors
    page.get_by_label("Date of birth (optional)").fill("1961-04-12")
    page.get_by_label("Phone (optional)").fill("+44 7700 900123")
    page.get_by_label("Clinic identifier (optional)").fill("NHS-1234")
    page.get_by_role("button", name="Save the record").click()
    expect(page.get_by_text("Alice Morgan's record is saved.")).to_be_visible()
    expect(page.locator(".record")).to_contain_text("NHS-1234")
    assert User.objects.get(pk=alice.pk).clinic_identifier == "NHS-1234"

    # An episode, from ten days ago, reviewed in four weeks.
    start = alice.local_date() - timedelta(days=10)
    page.get_by_label("Reason for referral").fill("Low back pain, 6 weeks")
    page.get_by_label("Start").fill(start.isoformat())
    page.get_by_label("Review date (optional)").fill((start + timedelta(weeks=4)).isoformat())
    page.get_by_role("button", name="Open an episode").click()
    expect(page.get_by_text("Episode of care opened.")).to_be_visible()
    expect(page.locator("#episodes")).to_contain_text("Low back pain, 6 weeks")
    assert_no_axe_violations(page)  # the patient page with an open episode
    page.screenshot(path=str(tmp_path / "patient.png"), full_page=True)

    # The summary.
    page.get_by_role("link", name="Summary and discharge").click()
    expect(page.get_by_role("heading", name="Episode summary: Alice Morgan")).to_be_visible()
    expect(page.locator("[data-pain]")).to_contain_text(
        "Pain went from 6/10 to 3/10: down 3 points (better)."
    )
    expect(page.get_by_role("row", name=re.compile("Putting on socks"))).to_contain_text(
        "3 → 7: up 4 points (better)"
    )
    expect(page.locator("[data-adherence]")).to_contain_text("4 of 10 due days done")
    assert_no_axe_violations(page)

    page.screenshot(path=str(tmp_path / "summary-screen.png"), full_page=True)

    # As printed: no navigation, no buttons, no form; black on white.
    page.emulate_media(media="print")
    page.screenshot(path=str(tmp_path / "summary-print.png"), full_page=True)
    assert (tmp_path / "summary-print.png").stat().st_size > 0
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".summary-sheet__form")).to_be_hidden()
    expect(page.get_by_role("button", name="Discharge and close the episode")).to_be_hidden()
    expect(page.get_by_role("heading", name="Plans followed")).to_be_visible()
    colours = page.evaluate(
        "() => ['color', 'backgroundColor'].map((p) => getComputedStyle(document.body)[p])"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], colours
    page.emulate_media(media="screen")
    expect(page.get_by_role("button", name="Discharge and close the episode")).to_be_visible()

    # A discharge without an outcome is refused; then discharged, ending the plan.
    page.get_by_role("button", name="Discharge and close the episode").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the fields")
    expect(page.get_by_text("Choose the outcome.")).to_be_visible()
    assert_no_axe_violations(page)
    assert Episode.objects.get().is_open
    page.get_by_label("Goals met").check()
    page.get_by_label("Discharge note (optional)").fill("Back to gardening.")
    expect(page.get_by_label("Also end the patient's plan")).to_be_checked()
    page.get_by_role("button", name="Discharge and close the episode").click()
    expect(page.get_by_role("heading", name="Discharge summary: Alice Morgan")).to_be_visible()
    expect(page.get_by_text("Alice Morgan is discharged; their plan has ended.")).to_be_visible()
    expect(page.locator(".record")).to_contain_text("Goals met")
    expect(page.get_by_role("button", name="Discharge and close the episode")).to_have_count(0)
    assert_no_axe_violations(page)  # the closed episode, read-only
    assert not Episode.objects.get().is_open
    assert not Routine.objects.get(pk=plan.pk).active

    page.get_by_role("link", name="← Alice Morgan").click()
    expect(page.get_by_role("heading", name="Past episodes")).to_be_visible()
    expect(page.get_by_role("button", name="Open an episode")).to_be_visible()
    assert_no_axe_violations(page)
