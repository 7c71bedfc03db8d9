"""The security and privacy pages, at phone size: usable, accessible, no CSP breaks."""

from playwright.sync_api import expect

from exercises.models import Exercise
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import (
    PASSWORD,
    link,
    make_clinician,
    make_patient,
    make_plan,
    make_session,
)


def test_a_patient_corrects_a_session_and_asks_for_erasure(
    live_server, page, catalogue, csp_violations
):
    alice = make_patient(username="alice", name="Alice Morgan")
    bob = make_clinician(username="bob")
    link(bob, alice)
    plan = make_plan(alice, bob, [Exercise.objects.get(slug="glute-bridge")])
    make_session(alice, plan, days_ago=1, before=4, after=3)
    sign_in_on(page, live_server.url, "alice")

    page.goto(f"{live_server.url}/history/")
    page.get_by_role("link", name="Correct the session").first.click()
    expect(page.get_by_role("heading", name="Correct a session")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("group", name="Pain after the session").get_by_role(
        "radio", name="6", exact=True
    ).check()
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Corrected.")).to_be_visible()

    page.goto(f"{live_server.url}/account/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Ask to erase my data").click()
    page.get_by_role("button", name="Send my request").click()  # box not ticked
    expect(page.get_by_text("Tick the box to confirm")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("button", name="Withdraw my request")).to_be_visible()
    assert csp_violations == []


def test_the_sign_in_safety_pages_are_accessible(live_server, page, catalogue, csp_violations):
    make_clinician(username="bob")
    for _ in range(5):
        page.goto(f"{live_server.url}/sign-in/")
        page.get_by_label("Username").fill("bob")
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("bob")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Too many tries")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Reset my password").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()
    assert_no_axe_violations(page)

    make_clinician(username="cal")
    sign_in_on(page, live_server.url, "cal")  # typed code, from the verify page
    page.goto(f"{live_server.url}/account/")
    page.get_by_role("link", name="Recovery codes").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Make new recovery codes").click()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_no_axe_violations(page)
    assert csp_violations == []


def test_the_two_step_pages_are_accessible(live_server, page, catalogue, csp_violations):
    make_clinician(username="dee")
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("dee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Set up the second step")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Code").fill("abc")
    page.get_by_role("button", name="Turn on the second step").click()
    expect(page.get_by_text("didn't work")).to_be_visible()
    assert_no_axe_violations(page)
    assert csp_violations == []
