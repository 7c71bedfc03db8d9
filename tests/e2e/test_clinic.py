import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.models import User
from accounts.two_factor import current_code
from routines.models import Routine
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE
from tests.factories import PASSWORD, make_clinician

SIZES = {"desktop": {"width": 1280, "height": 800}, "tablet": {"width": 820, "height": 1180}}


@pytest.fixture(params=list(SIZES))
def clinician_page(request, browser, live_server, catalogue, csp_violations_factory):
    make_clinician(username="bob", name="Bob Reid")
    context = browser.new_context(viewport=SIZES[request.param], locale="en-GB")
    page = context.new_page()
    violations = csp_violations_factory(page)
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("bob")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # First sign-in: set up the second step with an authenticator app.
    expect(page.get_by_role("heading", name="Set up the second step")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    device = TOTPDevice.objects.get(user__username="bob", confirmed=False)
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Turn on the second step").click()
    expect(page.get_by_role("heading", name="Keep these somewhere safe")).to_be_visible()
    assert page.locator(".recovery-codes li").count() == 10
    page.get_by_role("link", name="I have saved them").click()
    expect(page.get_by_role("heading", name="Your patients")).to_be_visible()
    yield page
    assert violations == [], violations
    context.close()


@pytest.fixture
def csp_violations_factory():
    def attach(page):
        found = []
        page.on(
            "console",
            lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None,
        )
        return found

    return attach


def item(page, name: str):
    heading = page.get_by_role("heading", name=re.compile(rf"^\d+\. {name}$"))
    return page.locator(".routine-item").filter(has=heading)


def names_in_routine(page) -> list[str]:
    return [re.sub(r"^\d+\.\s*", "", t) for t in page.locator(".routine-item h3").all_inner_texts()]


def test_a_clinician_adds_a_patient_builds_a_routine_and_assigns_it(
    clinician_page, live_server, browser
):
    page = clinician_page
    assert_no_axe_violations(page)  # the empty list

    # Add a patient: account, care link and a one-time link with a QR code.
    page.get_by_role("link", name="Add a patient").first.click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Add and make a sign-in link").click()  # nothing filled in
    expect(page.get_by_role("alert")).to_contain_text("Please check the fields")
    assert_no_axe_violations(page)  # the form with its errors
    page.get_by_label("Name").fill("Dee Walker")
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_role("button", name="Add and make a sign-in link").click()
    expect(page.get_by_role("heading", name="Sign-in link for Dee Walker")).to_be_visible()
    expect(page.get_by_role("img", name="QR code of the sign-in link")).to_be_visible()
    assert_no_axe_violations(page)
    link_url = page.get_by_label("Sign-in link").input_value()
    assert "/link/" in link_url

    # Build a routine from three exercises, with HTMX.
    page.get_by_role("navigation").get_by_role("link", name="Routines").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Build a new routine").click()
    page.get_by_label("Name of the routine").fill("Dee's mornings")
    page.get_by_role("button", name="Save name and sharing").click()
    expect(page.get_by_role("heading", level=1, name="Dee's mornings")).to_be_visible()
    page.evaluate("window.__sameDocument = true")
    for name in ("Glute bridge", "Clamshell", "Bird dog"):
        page.get_by_role("button", name=f"Add {name}", exact=True).click()
        expect(item(page, name)).to_be_visible()
    assert names_in_routine(page) == ["Glute bridge", "Clamshell", "Bird dog"]
    assert_no_axe_violations(page)

    # Reorder: bird dog up one place; change a dose.
    page.get_by_role("button", name="Move Bird dog up").click()
    expect(page.locator(".routine-item h3").nth(1)).to_contain_text("Bird dog")
    assert names_in_routine(page) == ["Glute bridge", "Bird dog", "Clamshell"]
    item(page, "Glute bridge").get_by_label("Reps").fill("12")
    with page.expect_response(re.compile(r"/items/[0-9a-f-]{36}/$")) as saved:
        item(page, "Glute bridge").get_by_role("button", name="Save Glute bridge").click()
    assert saved.value.status == 200
    expect(item(page, "Glute bridge").get_by_label("Reps")).to_have_value("12")
    assert page.evaluate("window.__sameDocument") is True

    # A refused dose says why.
    item(page, "Glute bridge").get_by_label("Reps").fill("10000")
    with page.expect_response(re.compile(r"/items/[0-9a-f-]{36}/$")) as answer:
        item(page, "Glute bridge").get_by_role("button", name="Save Glute bridge").click()
    assert answer.value.status == 422, answer.value.status
    expect(page.get_by_role("alert")).to_contain_text("less than or equal to 50")

    page.get_by_role("navigation").get_by_role("link", name="Routines").click()
    expect(page.get_by_role("link", name="Dee's mornings")).to_be_visible()
    assert_no_axe_violations(page)  # the list with a row

    # Assign it to Dee.
    patient = User.objects.get(name="Dee Walker")
    page.goto(f"{live_server.url}/clinic/patients/{patient.code}/assign/")
    assert_no_axe_violations(page)
    page.get_by_label("Routine").select_option(label="Dee's mornings")
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("Dee Walker's plan is now “Dee's mornings”.")).to_be_visible()
    assert_no_axe_violations(page)  # the patient detail page
    plan = Routine.objects.for_patient(patient).active().get()
    assert [i.exercise.name for i in plan.items.all()] == ["Glute bridge", "Bird dog", "Clamshell"]
    assert plan.items.get(exercise__slug="glute-bridge").reps == 12

    page.get_by_role("link", name="Printable handout").click()
    expect(page.get_by_role("heading", name="Your exercises, Dee Walker")).to_be_visible()
    assert_no_axe_violations(page)

    # The patient opens the link on a phone and sees that plan.
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone_page = phone.new_page()
    phone_page.goto(link_url.replace("http://testserver", live_server.url))
    phone_page.get_by_role("button", name="Sign me in").click()
    expect(phone_page.get_by_role("heading", name="Dee's mornings")).to_be_visible()
    expect(phone_page.locator(".plan-items")).to_contain_text("Bird dog")
    phone.close()


def test_the_patient_list_and_detail_are_accessible_with_data(clinician_page, live_server):
    from django.apps import apps
    from django.core.management import call_command

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")
    page = clinician_page
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Username").fill("demo-clinician")
    page.get_by_label("Password").fill("hipmob-demo")
    page.get_by_role("button", name="Sign in").click()
    demo_device = TOTPDevice.objects.get(user__username="demo-clinician")
    page.get_by_label("Code").fill(current_code(demo_device))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Alice Morgan")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Alice Morgan").click()
    expect(page.get_by_role("heading", name="Pain before and after")).to_be_visible()
    assert_no_axe_violations(page)
