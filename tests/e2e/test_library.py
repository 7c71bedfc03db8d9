import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import make_patient

# Interactive things that must be at least 44 px tall. Links inside running text are
# exempt (WCAG 2.5.8); card titles are stretched over the whole card.
TAP_TARGETS = (
    "button, select, input:not([type=hidden]), summary, .nav a, .button, .back-link, "
    ".brand, .variants a"
)


@pytest.fixture
def patient(catalogue):
    return make_patient(username="alice", name="Alice Morgan")


def assert_tap_targets(page) -> None:
    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent !== null)
            .map(el => ({el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height,
                         w: el.getBoundingClientRect().width}))
            .filter(box => box.h < 44 || box.w < 44)""",
        TAP_TARGETS,
    )
    assert small == [], f"tap targets under 44 px on {page.url}: {small}"


def assert_fits(page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways at {width} px ({scroll_width})"


def test_sign_in_page_is_accessible(live_server, page, catalogue, csp_violations):
    page.goto(f"{live_server.url}/sign-in/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    assert csp_violations == []


def test_a_wrong_password_is_announced(live_server, page, patient):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("wrong-password-here")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("don't match")
    assert_no_axe_violations(page)


def test_a_patient_signs_in_filters_the_library_with_htmx_and_opens_an_exercise(
    live_server, page, patient, sign_in, csp_violations
):
    sign_in("alice")
    expect(page).to_have_url(f"{live_server.url}/today/")
    page.get_by_role("navigation").get_by_role("link", name="Exercises").click()
    expect(page.get_by_role("heading", name="Exercise library")).to_be_visible()
    expect(page.locator("#results-count")).to_have_text("23 exercises")
    assert_no_axe_violations(page)
    assert_tap_targets(page)

    # A marker on window survives only if the page is swapped, not reloaded.
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Kind").select_option("strength")
    expect(page.locator("#results-count")).to_have_text("7 exercises")
    expect(page).to_have_url(re.compile(r"kind=strength"))
    assert page.evaluate("window.__sameDocument") is True
    names = page.locator(".exercise-card h2").all_inner_texts()
    assert sorted(names) == [
        "Clamshell",
        "Clamshell with a band",
        "Glute bridge",
        "Lunge with a twist",
        "Partial bridge",
        "Sit to stand from a chair",
        "Split squat with support",
    ]

    page.get_by_label("Search").fill("bridge")
    expect(page.locator("#results-count")).to_have_text("2 exercises")
    assert page.evaluate("window.__sameDocument") is True

    page.get_by_role("link", name="Glute bridge").click()
    expect(page.get_by_role("heading", level=1, name="Glute bridge")).to_be_visible()
    page.get_by_text("Common mistakes").click()
    expect(page.get_by_text("arching", exact=False).first).to_be_visible()
    page.get_by_text("Where this advice comes from").click()
    charity = page.locator(".sources li").filter(has_text="Versus Arthritis")
    expect(charity.locator(".tag")).to_have_text("Patient charity")
    expect(
        charity.get_by_role("link", name="Versus Arthritis: Exercises for the hips")
    ).to_be_visible()
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    assert csp_violations == []


def test_filters_work_without_javascript(live_server, browser, browser_context_args, patient):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    sign_in_on(page, live_server.url, "alice")  # by link: the page needs no script
    page.goto(f"{live_server.url}/exercises/")
    page.get_by_label("Level").select_option("advanced")
    page.get_by_role("button", name="Show exercises").click()
    expect(page).to_have_url(re.compile(r"level=advanced"))
    expect(page.locator("#results-count")).to_have_text("1 exercise")
    context.close()


def test_signing_out_works_after_signing_in(live_server, page, patient, sign_in):
    sign_in("alice")
    page.get_by_role("link", name="Account").click()
    page.get_by_role("button", name="Sign out on this phone").click()
    expect(page).to_have_url(f"{live_server.url}/sign-in/")
    page.goto(f"{live_server.url}/today/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/today/"))


@pytest.mark.parametrize("path", ["/today/", "/exercises/", "/exercises/lunge-with-twist/"])
def test_pages_fit_a_320_pixel_screen(live_server, page, patient, sign_in, path):
    sign_in("alice")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}{path}")
    assert_fits(page, 320)
    assert_tap_targets(page)


def test_the_library_is_keyboard_usable(live_server, page, patient, sign_in):
    sign_in("alice")
    page.goto(f"{live_server.url}/exercises/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    page.get_by_label("Search").focus()
    page.keyboard.type("clam")
    expect(page.locator("#results-count")).to_have_text("2 exercises")  # with a band too
    page.locator(".exercise-card h2 a").first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Clamshell")).to_be_visible()


def test_an_exercise_page_links_its_easier_and_harder_versions(live_server, page, patient, sign_in):
    """clinical.md §1.14: the regressions are catalogue entries, one tap away."""
    sign_in("alice")
    page.goto(f"{live_server.url}/exercises/glute-bridge/")
    page.get_by_role("link", name="See Partial bridge").click()
    expect(page.get_by_role("heading", level=1, name="Partial bridge")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="See Glute bridge").click()
    expect(page.get_by_role("heading", level=1, name="Glute bridge")).to_be_visible()
    page.goto(f"{live_server.url}/exercises/clamshell/")
    page.get_by_role("link", name="See Clamshell with a band").click()
    expect(page.get_by_role("heading", level=1, name="Clamshell with a band")).to_be_visible()
    expect(page.get_by_text("There is no harder exercise for this one")).to_be_visible()
