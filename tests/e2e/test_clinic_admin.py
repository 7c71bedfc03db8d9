"""The clinic admin's pages in a real browser: at 1280x800 with axe, and usable on a
phone (390 px wide: nothing wider than the screen, every button reachable)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import CareLink, Invitation
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, sign_in_on

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def admin_page(browser, live_server, ann, bob, alice, dana):
    """Ann, the clinic admin, signed in at 1280x800; Bob holds Alice."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in_on(page, live_server.url, "ann")
    yield page
    assert violations == [], violations
    context.close()


def test_a_clinic_admin_invites_hands_over_deactivates_and_signs_off(
    admin_page, live_server, bob, alice, dana
):
    page = admin_page
    page.get_by_role("link", name="Clinic", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Test clinic")
    assert_no_axe_violations(page)

    # Staff: Bob holds one patient.
    page.get_by_role("link", name="Staff").click()
    expect(page.get_by_role("heading", name="Staff", exact=True)).to_be_visible()
    bob_row = page.get_by_role("row").filter(has_text="Bob Reid")
    expect(bob_row.get_by_role("cell").first).to_have_text("1")
    assert_no_axe_violations(page)

    # Invite: a bad form first, then a good one.
    page.get_by_role("link", name="Invite a clinician").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the fields")
    assert_no_axe_violations(page)
    page.get_by_label("Name").fill("Cora New")
    page.get_by_label("Email").fill("cora@example.org")
    page.get_by_label(re.compile("Also a clinic admin")).check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to cora@example.org.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="cora@example.org")).to_be_visible()
    assert Invitation.objects.get().as_clinic_admin
    assert len(mail.outbox) == 1
    assert_no_axe_violations(page)

    # Hand Bob's patients over to Dana.
    page.get_by_role("link", name="Hand over patients of Bob Reid").click()
    expect(page.get_by_role("heading", name="Hand over Bob Reid's patients")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Hand over now").click()  # nobody chosen
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Hand every patient over to").select_option(label="Dana Kerr")
    page.get_by_role("button", name="Hand over now").click()
    expect(
        page.get_by_text(re.compile(r"Bob Reid's 1 patients are now Dana Kerr's"))
    ).to_be_visible()
    assert CareLink.objects.active().get(patient=alice).clinician == dana

    # Deactivate Bob: no patients left, so back to the list.
    page.get_by_role("button", name="Deactivate Bob Reid").click()
    expect(page.get_by_text("Bob Reid is deactivated and signed out everywhere.")).to_be_visible()
    expect(page.get_by_role("button", name="Reactivate Bob Reid")).to_be_visible()
    assert_no_axe_violations(page)

    # The profile and the sign-off.
    page.goto(f"{live_server.url}/clinic/manage/profile/")
    assert_no_axe_violations(page)
    page.get_by_label("Phone").fill("0113 496 0000")
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_text("The clinic's profile is saved.")).to_be_visible()
    page.get_by_role("button", name=re.compile("^Sign off version")).click()
    expect(
        page.get_by_text(re.compile(r"Signed off by Ann Lead on .* \(version \w+\)\."))
    ).to_be_visible()
    assert_no_axe_violations(page)


def test_the_admin_pages_are_usable_on_a_phone(browser, live_server, ann, bob, alice, dana):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in_on(page, live_server.url, "ann")
    for path, button in [
        ("/clinic/manage/", None),
        ("/clinic/manage/staff/", "Deactivate Bob Reid"),
        ("/clinic/manage/staff/invite/", "Send the invitation"),
        (f"/clinic/manage/staff/{bob.code}/handover/", "Hand over now"),
        ("/clinic/manage/profile/", "Save the profile"),
    ]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide"
        if button:
            target = page.get_by_role("button", name=button)
            target.scroll_into_view_if_needed()
            box = target.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], path
            assert box["height"] >= 44, f"{button} on {path} is {box['height']}px tall"
    context.close()
