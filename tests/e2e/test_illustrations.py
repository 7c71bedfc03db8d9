"""The two-pose loop on the exercise page and in the player, in real Chromium."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from exercises.models import Exercise
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.test_library import assert_fits
from tests.factories import make_exercise, make_patient

POSES = """() => [...document.querySelectorAll('.poses img')].map(img => {
    const style = getComputedStyle(img), box = img.getBoundingClientRect();
    return {
        start: img.classList.contains('poses__start'),
        loaded: img.complete && img.naturalWidth > 0,
        shown: style.display !== 'none' && style.visibility !== 'hidden' && box.height > 0,
        animations: img.getAnimations().length,
        animationName: style.animationName,
        box: [box.x, box.y, box.width, box.height].map(Math.round),
    };
})"""
LOADED = "() => [...document.querySelectorAll('.poses img')].every(i => i.complete)"


@pytest.fixture
def patient(catalogue):
    return make_patient(username="alice", name="Alice Morgan")


@pytest.fixture
def demo(catalogue):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")


def poses(page) -> tuple[dict, dict]:
    page.wait_for_function(LOADED)
    frames = page.evaluate(POSES)
    assert [frame["start"] for frame in frames] == [False, True], frames
    end, start = frames
    return end, start


def assert_loops(page) -> tuple[dict, dict]:
    end, start = poses(page)
    assert end["loaded"] and start["loaded"], "both drawings load"
    assert start["animations"] > 0 and start["animationName"] == "poses-loop"
    assert end["shown"] and start["shown"]
    assert start["box"] == end["box"], "the start frame lies exactly over the end frame"
    return end, start


def assert_still(page) -> None:
    end, start = poses(page)
    assert end["loaded"] and end["shown"]
    assert not start["shown"], "only the end frame (with its grey ghost) shows"
    animated = page.evaluate(
        "[...document.querySelectorAll('.poses img')].flatMap(i => i.getAnimations()).length"
    )
    assert animated == 0


def start_player(page, live_server, sign_in):
    sign_in("demo-patient", "hipmob-demo")
    page.get_by_role("button", name="Start today's routine").click()
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.get_by_text("Exercise 1 of 5")).to_be_visible()
    # The finger lifts: the picture now sits where the button was, and a pointer left
    # over it would replay the loop (its hover) instead of the one first pass.
    page.mouse.move(0, 0)


def test_the_exercise_page_loops_the_two_poses(live_server, page, patient, sign_in, csp_violations):
    sign_in("alice")
    page.goto(f"{live_server.url}/exercises/glute-bridge/")
    assert_loops(page)
    alt = Exercise.objects.get(slug="glute-bridge").illustration_alt
    # One picture for assistive technology: the start frame is decoration.
    expect(page.locator(".poses").get_by_role("img")).to_have_count(1)
    expect(page.get_by_role("img", name=alt, exact=True)).to_have_count(1)
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    end, _ = assert_loops(page)
    assert end["box"][0] >= 0 and end["box"][0] + end["box"][2] <= 320
    assert_fits(page, 320)
    assert csp_violations == []


def test_the_exercise_page_holds_still_for_reduced_motion(live_server, page, patient, sign_in):
    sign_in("alice")
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_server.url}/exercises/ninety-ninety-switch/")
    assert_still(page)
    assert_no_axe_violations(page)


def test_the_player_loops_the_poses_in_the_same_box(live_server, page, demo, sign_in):
    start_player(page, live_server, sign_in)
    end, _ = assert_loops(page)
    # The picture's box is the single picture's: full width, 640:400, at most 28% of
    # the screen's height (the player's one-screen layout, issue 16).
    width = page.evaluate("document.querySelector('.poses').getBoundingClientRect().width")
    assert end["box"][2] == round(width)
    assert end["box"][3] == round(min(width * 400 / 640, 844 * 0.28))
    assert page.evaluate("document.querySelector('.poses').getBoundingClientRect().height") == (
        pytest.approx(end["box"][3], abs=1)
    )
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 568})
    assert_loops(page)
    assert_fits(page, 320)


def test_the_player_holds_still_for_reduced_motion(live_server, page, demo, sign_in):
    page.emulate_media(reduced_motion="reduce")
    start_player(page, live_server, sign_in)
    assert_still(page)
    assert_no_axe_violations(page)


def test_a_custom_exercise_without_a_start_drawing_shows_one_picture(
    live_server, page, patient, sign_in
):
    make_exercise(slug="wall-slide", name="Wall slide", illustration_alt="Sliding down a wall.")
    sign_in("alice")
    page.goto(f"{live_server.url}/exercises/wall-slide/")
    picture = page.locator(".figure img")
    expect(picture).to_have_count(1)
    expect(picture).to_have_attribute("alt", "Sliding down a wall.")
    assert page.locator(".poses").count() == 0
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
