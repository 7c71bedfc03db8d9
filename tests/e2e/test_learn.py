"""The Learn section, reminders and the Spanish pages in real Chromium at 390 by 844 pixels."""

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from exercises.models import Exercise
from reminders.models import ReminderSettings
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.e2e.test_library import TAP_TARGETS, assert_fits
from tests.factories import make_clinician, make_patient, make_plan, make_screening


@pytest.fixture
def patient(reads):
    alice = make_patient(username="alice", name="Alice Morgan", email="alice@example.org")
    clinician = make_clinician(username="bob", name="Bob Reid")
    exercises = Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"])
    make_plan(alice, clinician, exercises, start_date=alice.local_date())
    make_screening(alice)
    return alice


def assert_tap_targets(page) -> None:
    """As in test_library, except that a radio or checkbox inside its label is tapped
    through the label, which is the 48 px tall box people see."""
    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent !== null)
            .map(el => el.closest('label.choice') || el)
            .map(el => ({el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height,
                         w: el.getBoundingClientRect().width}))
            .filter(box => box.h < 44 || box.w < 44)""",
        TAP_TARGETS,
    )
    assert small == [], f"tap targets under 44 px on {page.url}: {small}"


def choose_spanish(page):
    page.get_by_role("navigation").get_by_role("link", name="Account").click()
    page.get_by_label("Show HipMob in").select_option("es")
    page.get_by_role("button", name="Save language").click()
    expect(page.get_by_role("heading", level=1, name="Su cuenta")).to_be_visible()
    expect(page.get_by_text("Idioma guardado.")).to_be_visible()


def test_the_learn_list_and_a_read_in_english(live_server, page, patient, sign_in, csp_violations):
    sign_in("alice")
    page.get_by_role("navigation").get_by_role("link", name="Learn").click()
    expect(page.get_by_role("heading", level=1, name="Learn")).to_be_visible()
    expect(page.locator(".exercise-card")).to_have_count(8)
    assert_no_axe_violations(page)
    assert_tap_targets(page)

    page.get_by_role("link", name="Normal soreness, or a warning sign?").click()
    expect(
        page.get_by_role("heading", level=1, name="Normal soreness, or a warning sign?")
    ).to_be_visible()
    picture = page.get_by_role("img", name=re.compile("A 0 to 10 scale in three parts"))
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.naturalWidth") > 0  # the drawing really loaded
    page.get_by_text("Where this comes from").click()
    cauda_equina = page.locator(".sources li").filter(has_text="Cauda equina syndrome")
    expect(cauda_equina.get_by_role("link", name="NHS: Cauda equina syndrome")).to_be_visible()
    expect(cauda_equina.locator(".tag")).to_have_text("NHS page")
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    page.get_by_role("link", name="answer the safety questions").click()
    expect(page.get_by_role("heading", level=1, name="A quick safety check")).to_be_visible()
    assert csp_violations == []


def test_the_learn_list_and_a_read_in_spanish(live_server, page, patient, sign_in, csp_violations):
    sign_in("alice")
    choose_spanish(page)
    assert_no_axe_violations(page)
    page.get_by_role("navigation").get_by_role("link", name="Aprender").click()
    expect(page.get_by_role("heading", level=1, name="Aprender")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "es"
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    page.get_by_role("link", name="Lo que muestra la investigación, y lo que no").click()
    expect(page.get_by_role("heading", level=2, name="Lo que no muestra")).to_be_visible()
    expect(page.get_by_text("Nada de esto es una cura.")).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("Una escala de dolor de 0 a 10"))
    ).to_be_visible()
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    assert csp_violations == []


def test_spanish_today(live_server, page, patient, sign_in, csp_violations):
    ReminderSettings.objects.create(patient=patient, sitting_breaks=True)
    sign_in("alice")
    choose_spanish(page)
    page.get_by_role("navigation").get_by_role("link", name="Hoy").click()
    expect(page.get_by_role("heading", level=1, name="Hola, Alice")).to_be_visible()
    expect(page.get_by_text("Toca hoy", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Empezar la rutina de hoy")).to_be_visible()
    expect(
        page.get_by_role("heading", name="¿Lleva rato sentado? Dos pausas de un minuto")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Esta semana")).to_be_visible()
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    assert csp_violations == []


def test_reminder_settings_are_saved_from_the_account_page(
    live_server, page, patient, sign_in, csp_violations
):
    sign_in("alice")
    page.get_by_role("navigation").get_by_role("link", name="Account").click()
    expect(page.get_by_text("Emails go to alice@example.org")).to_be_visible()
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    page.get_by_role("radio", name="Email").check()
    page.get_by_label("Reminder time").fill("07:30")
    page.get_by_label("show sitting-break ideas on Today", exact=False).check()
    page.get_by_role("button", name="Save reminder settings").click()
    expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
    expect(page.get_by_label("Reminder time")).to_have_value("07:30")
    expect(page.get_by_role("radio", name="Email")).to_be_checked()
    saved = ReminderSettings.objects.get(patient=patient)
    assert (saved.channel, saved.time, saved.sitting_breaks) == ("email", time(7, 30), True)
    page.get_by_role("navigation").get_by_role("link", name="Today").click()
    expect(
        page.get_by_role("heading", name="Sitting for a while? Two one-minute breaks")
    ).to_be_visible()
    assert_no_axe_violations(page)
    assert csp_violations == []


def test_reminder_settings_work_without_javascript(
    live_server, browser, browser_context_args, patient
):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    sign_in_on(page, live_server.url, "alice")  # by link: the page needs no script
    page.goto(f"{live_server.url}/account/")
    page.get_by_role("radio", name="Email").check()
    page.get_by_label("Reminder time").fill("18:45")
    page.get_by_role("button", name="Save reminder settings").click()
    expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
    assert ReminderSettings.objects.get(patient=patient).time == time(18, 45)
    context.close()


@pytest.mark.parametrize("path", ["/learn/", "/learn/moving-and-lifting/", "/account/"])
def test_learn_and_account_pages_fit_a_320_pixel_screen(live_server, page, patient, sign_in, path):
    sign_in("alice")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}{path}")
    assert_fits(page, 320)
    assert_tap_targets(page)
