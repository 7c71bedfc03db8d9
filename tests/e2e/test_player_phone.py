"""The player on a phone lying on a mat (issue 16): one screen per step at 320-430 px,
hands-free from check-in to check-out, what the patient chose to skip and nothing
more, and a player that says so when the phone can't make a sound."""

import re

import pytest
from playwright.sync_api import expect

from exercises.models import Exercise
from practice.models import ExerciseSession, StepLog
from tests.e2e.axe import assert_no_axe_violations
from tests.factories import make_plan, make_screening

SHORT = [  # (slug, dose): every kind of step, each over in a second or two
    ("hip-flexor-stretch", {"sets": 1, "reps": None, "hold_seconds": 2, "per_side": True}),
    ("glute-bridge", {"sets": 2, "reps": 2, "hold_seconds": None, "rest_seconds": 2}),
    ("bird-dog", {"sets": 1, "reps": 2, "hold_seconds": 1, "per_side": False}),
]


@pytest.fixture
def short_plan(catalogue, alice, bob):
    exercises = [Exercise.objects.get(slug=slug) for slug, _dose in SHORT]
    plan = make_plan(alice, bob, exercises)
    for item, (_slug, dose) in zip(plan.items.order_by("order"), SHORT, strict=True):
        for name, value in dose.items():
            setattr(item, name, value)
        item.save()
    # One picture alone, the others a two-pose loop: the player sizes either.
    Exercise.objects.filter(slug="glute-bridge").update(illustration_start="")
    make_screening(alice, days_ago=1)
    return plan


@pytest.fixture
def player_page(live_server, page, short_plan, sign_in):
    sign_in("alice")
    page.get_by_role("button", name="Start today's routine").click()
    expect(page.get_by_role("heading", name="Before you start")).to_be_visible()
    return page


PHONES = [{"width": 390, "height": 844}, {"width": 320, "height": 568}]
STEP_KINDS = [  # (what the step is, its dose line): the short plan's five steps in turn
    ("hold", "left side"),
    ("switch sides", "right side"),
    ("reps", "set 1 of 2"),
    ("rest", "set 2 of 2"),
    ("reps with a hold", "hold each 1 second"),
]

# The ring and its text, measured: the ring's inner circle from the SVG's box and the
# circle's r and stroke; the text's box from a range over its glyphs.
RING = """() => {
  const svg = document.querySelector('.timer__ring');
  const track = svg.querySelector('.timer__track');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const r = track.r.baseVal.value, stroke = parseFloat(getComputedStyle(track).strokeWidth);
  const cx = box.left + track.cx.baseVal.value * scale;
  const cy = box.top + track.cy.baseVal.value * scale;
  const inner = (r - stroke / 2) * scale;
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('[data-number]'));
  const t = range.getBoundingClientRect();
  const corners = [[t.left, t.top], [t.right, t.top], [t.left, t.bottom], [t.right, t.bottom]];
  const phase = document.querySelector('[data-phase]').getBoundingClientRect();
  const overlaps = (a, b) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return {
    text: range.toString(), width: t.width, inner: inner * 2,
    inside: t.width > 0 && corners.every(([x, y]) => Math.hypot(x - cx, y - cy) <= inner),
    phaseClear: !overlaps(phase, box),
  };
}"""


def in_view(page, locator) -> tuple[bool, dict]:
    box = locator.bounding_box()
    view = page.viewport_size
    ok = (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= view["width"] + 0.5
        and box["y"] + box["height"] <= view["height"] + 0.5
    )
    return ok, box


def overlaps(a, b) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def settled_box(locator, page) -> dict:
    """The box once it has stopped moving (two reads 100 ms apart agree): a status
    line that comes and goes above the player after a swap (saving, the phone's
    queue) moves everything below it for a moment, which is not what is measured."""
    box = locator.bounding_box()
    for _ in range(30):
        page.wait_for_timeout(100)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def check_in(page, pain="3"):
    page.get_by_role("radio", name=pain, exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.get_by_text("Exercise 1 of 3")).to_be_visible()


def manual(page):
    """The patient has switched off "move on when the timer ends", so each step stays
    on screen to be measured."""
    page.add_init_script(
        "localStorage.setItem('hipmob.player.prefs', JSON.stringify({auto: false}))"
    )


FIRST_SCREEN = [
    ("picture", ".player__figure"),
    ("timer", "[data-timer]"),
    ("ring", ".timer__ring"),
    ("dose", ".player__dose"),
    ("pause", "[data-timer-toggle]"),
    ("sound", ".sound__toggles"),
    ("done", "[data-done]"),
    ("stop", ".stop__details > summary"),
]


def assert_fits_each_phone(page, kind):
    for phone in PHONES:
        page.set_viewport_size(phone)
        page.evaluate("window.scrollTo(0, 0)")
        where = f"{kind} at {phone['width']}x{phone['height']}"
        boxes = {}
        for name, selector in FIRST_SCREEN:
            ok, boxes[name] = in_view(page, page.locator(selector))
            assert ok, f"{name} is not on the first screen ({where}): {boxes[name]}"
        bar = page.locator("[data-action-bar]").bounding_box()
        for name in ("picture", "timer", "dose", "sound"):
            assert not overlaps(bar, boxes[name]), f"the action bar covers the {name} ({where})"
        assert not overlaps(boxes["picture"], boxes["timer"]), f"picture under timer ({where})"
        picture = page.locator(".player__figure img").first.bounding_box()
        assert picture["height"] <= 0.35 * phone["height"], f"picture too tall ({where})"
        ring = page.evaluate(RING)
        assert ring["inside"], f"the ring's text doesn't fit inside it ({where}): {ring}"
        assert ring["phaseClear"], f"the words are drawn over the ring ({where}): {ring}"
        scroll = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll[0] <= scroll[1], f"horizontal scroll ({where}): {scroll}"


def walk_the_steps(page, check):
    """Each of the short plan's steps in turn, `check`ed, then Done."""
    for number, (kind, _dose) in enumerate(STEP_KINDS, start=1):
        expect(page.locator("[data-phase]")).not_to_be_empty()
        check(kind)
        before = page.locator(".player__dose").inner_text()
        page.locator("[data-done]").click()
        if number < len(STEP_KINDS):
            expect(page.locator(".player__dose")).not_to_have_text(before)


def test_every_kind_of_step_fits_one_phone_screen(player_page):
    page = player_page
    manual(page)
    page.reload()
    check_in(page)

    def check(kind):
        dose = dict(STEP_KINDS)[kind]
        expect(page.locator(".player__dose")).to_contain_text(dose)
        assert_fits_each_phone(page, kind)
        assert_no_axe_violations(page)

    walk_the_steps(page, check)
    expect(page.get_by_role("heading", name="All done. How was it?")).to_be_visible()


def test_in_spanish_too_every_step_fits(player_page, alice):
    """Spanish words run longer: the same screens, measured again."""
    alice.language = "es"
    alice.save(update_fields=["language"])
    page = player_page
    manual(page)
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("radio", name="3", exact=True).check()
    page.locator("form[data-player-form] button[type=submit]").click()
    expect(page.locator("[data-done]")).to_be_visible()
    walk_the_steps(page, lambda kind: assert_fits_each_phone(page, f"{kind} (es)"))
    expect(page.locator("[data-done]")).to_have_count(0)


def test_the_skip_choices_open_in_place_of_the_action_bar(player_page):
    page = player_page
    manual(page)
    page.reload()
    page.set_viewport_size(PHONES[1])
    check_in(page)
    picture = settled_box(page.locator(".player__figure"), page)
    timer = page.locator("[data-timer]").bounding_box()
    page.get_by_text("Skip…").click()
    panel = page.locator("details[data-skip]")
    expect(panel.get_by_role("radio", name="Only the left side, this time")).to_be_visible()
    expect(page.get_by_role("button", name="Done", exact=True)).to_be_hidden()
    box = panel.bounding_box()
    assert not overlaps(box, picture) and not overlaps(box, timer)
    assert box["y"] >= timer["y"] + timer["height"], "the choices open below the timer"
    assert settled_box(page.locator(".player__figure"), page) == picture, "the picture stays put"
    assert_no_axe_violations(page)


# What a phone without these features looks like to the page: the browser lacking
# them, removed before any page script runs (not a stand-in for the app's code).
WITHOUT_SOUND_OR_WAKE_LOCK = """
  delete window.AudioContext; delete window.webkitAudioContext;
  delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
  delete Navigator.prototype.wakeLock;
"""


def run_hands_free(page, live_server, alice, note=None):
    """Check-in, then not one tap until the check-out: every step moves on by itself.
    The browser's clock is run fast (Playwright's clock) so the short doses and the
    exercises' get-into-position times pass in seconds."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install()
    page.goto(f"{live_server.url}/today/")
    page.get_by_role("button", name="Start today's routine").click()
    check_in(page)
    if note:  # said on the first step, in view, in place of the switches that can't work
        expect(page.locator("[data-sound-note]")).to_have_text(note)
        expect(page.locator("[data-sound-note]")).to_be_in_viewport()
        expect(page.locator("[data-pref=beep]")).to_be_hidden()
        assert_no_axe_violations(page)
    taps = []
    page.expose_function("__tapped", lambda name: taps.append(name))
    page.evaluate(
        "document.addEventListener('pointerdown', (e) => window.__tapped(e.target.tagName), true)"
    )
    seen = set()
    heading = page.get_by_role("heading", name="All done. How was it?")
    for _ in range(400):
        if heading.is_visible():
            break
        dose = page.evaluate("document.querySelector('.player__dose')?.innerText")
        if dose:
            seen.add(dose)
        page.clock.run_for(500)
        page.wait_for_timeout(25)
    expect(heading).to_be_visible()
    assert taps == [], f"the session needed taps: {taps}"
    assert len(seen) == len(STEP_KINDS), seen
    logs = StepLog.objects.filter(session__patient=alice)
    assert logs.count() == len(STEP_KINDS)
    assert set(logs.values_list("status", flat=True)) == {"done"}
    page.get_by_role("group", name="What was the worst pain during the exercises?").get_by_role(
        "radio", name="2", exact=True
    ).check()
    page.get_by_role("group", name="How is your back now?").get_by_role(
        "radio", name="2", exact=True
    ).check()
    page.get_by_text("About right").click()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Session saved")).to_be_visible()
    assert ExerciseSession.objects.get(patient=alice).status == "completed"
    return errors


def test_a_whole_session_runs_hands_free(
    live_server, page, short_plan, alice, sign_in, csp_violations
):
    sign_in("alice")
    errors = run_hands_free(page, live_server, alice)
    assert errors == []
    assert csp_violations == []


def test_without_sound_speech_or_wake_lock_it_still_runs_and_says_so(
    live_server, page, short_plan, alice, sign_in, csp_violations
):
    page.add_init_script(WITHOUT_SOUND_OR_WAKE_LOCK)
    sign_in("alice")
    lacking = page.evaluate(
        "[typeof AudioContext, typeof speechSynthesis, 'wakeLock' in navigator]"
    )
    assert lacking == ["undefined", "undefined", False]
    errors = run_hands_free(page, live_server, alice, note="Sound isn't available on this phone.")
    assert errors == []
    assert csp_violations == []


def test_skipping_one_sides_set_in_the_browser_saves_exactly_that_log(player_page, alice):
    page = player_page
    manual(page)
    page.reload()
    check_in(page)
    page.get_by_text("Skip…").click()
    page.get_by_role("radio", name="Only the left side, this time").check()
    page.get_by_role("radio", name="Too hard").check()
    page.get_by_role("button", name="Skip it").click()
    expect(page.locator(".player__dose")).to_contain_text("right side")
    logs = StepLog.objects.filter(session__patient=alice)
    assert list(logs.values_list("side", "set_number", "status", "skip_reason")) == [
        ("left", 1, "skipped", "too_hard")
    ]
    # The choices open again on the next step with the widest choice ready, as before.
    page.get_by_text("Skip…").click()
    expect(page.get_by_role("radio", name="The rest of this exercise")).to_be_checked()


def test_every_stage_of_the_player_is_accessible(player_page):
    page = player_page
    manual(page)
    page.reload()
    assert_no_axe_violations(page)  # check-in
    check_in(page)
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    assert_no_axe_violations(page)  # a step, in the dark scheme (contrast included)
    arc = "getComputedStyle(document.querySelector('[data-arc]')).transitionDuration"
    assert page.evaluate(arc) == "0s", "the ring moves without easing under reduced motion"
    page.emulate_media(color_scheme="light", reduced_motion="no-preference")
    assert page.evaluate(arc) != "0s"
    page.get_by_text("Stop for today").click()
    assert_no_axe_violations(page)  # the stop choices open
    page.get_by_role("radio", name="No time").check()
    page.get_by_role("button", name="Stop the session").click()
    expect(page.get_by_role("heading", name=re.compile("You stopped for today"))).to_be_visible()
    assert_no_axe_violations(page)  # check-out
    page.get_by_role("group", name="What was the worst pain during the exercises?").get_by_role(
        "radio", name="2", exact=True
    ).check()
    page.get_by_role("group", name="How is your back now?").get_by_role(
        "radio", name="2", exact=True
    ).check()
    page.get_by_text("About right").click()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Session saved")).to_be_visible()
    assert_no_axe_violations(page)  # summary


def test_voice_is_on_the_first_time_and_a_switch_turned_off_stays_off(player_page):
    page = player_page
    check_in(page)
    expect(page.locator("[data-pref=voice]")).to_be_checked()  # the first time: spoken cues
    beeps = page.get_by_role("checkbox", name="Beeps")
    expect(beeps).to_be_visible()
    expect(beeps).to_be_checked()
    beeps.uncheck()  # one tap
    page.reload()
    expect(page.get_by_role("checkbox", name="Beeps")).not_to_be_checked()
    expect(page.locator("[data-pref=voice]")).to_be_checked()
    saved = page.evaluate("JSON.parse(localStorage.getItem('hipmob.player.prefs'))")
    assert saved == {"beep": False, "voice": True, "auto": True}, "only the switches are kept"
    assert page.evaluate("localStorage.length") == 1


def test_the_patients_own_answer_is_never_overtaken_by_the_timer(
    live_server, page, short_plan, alice, sign_in
):
    """On a slow connection the patient taps "Done, but easier"; while it is on its way
    the hold's time runs out. The timer stops when the answer is sent, so no automatic
    "Done" follows it: one request, logged as "easier"."""
    sign_in("alice")
    page.clock.install()
    page.goto(f"{live_server.url}/today/")
    page.get_by_role("button", name="Start today's routine").click()
    check_in(page)
    held, posts = [], []
    page.route("**/step/", lambda route: (posts.append(route.request.method), held.append(route)))
    page.get_by_role("button", name="Done, but easier").click()
    page.wait_for_timeout(100)
    page.clock.run_for(60_000)  # far past the time to get into position and the hold
    page.wait_for_timeout(200)
    assert posts == ["POST"], posts
    held[0].continue_()
    expect(page.locator(".player__dose")).to_contain_text("right side")
    logs = StepLog.objects.filter(session__patient=alice)
    assert list(logs.values_list("side", "status")) == [("left", "easier")]


def test_a_reflex_tap_just_after_the_player_moved_on_is_not_taken_for_the_next_step(
    live_server, page, short_plan, alice, sign_in
):
    """The beep at the end of a hold prompts a tap; by then the player has moved on by
    itself. That tap must not log the next step, which hasn't been done."""
    sign_in("alice")
    page.clock.install()
    page.goto(f"{live_server.url}/today/")
    page.get_by_role("button", name="Start today's routine").click()
    check_in(page)
    dose = page.locator(".player__dose")
    for _ in range(200):  # the left side runs out and moves on by itself
        if "right side" in (dose.inner_text() or ""):
            break
        page.clock.run_for(500)
        page.wait_for_timeout(25)
    expect(dose).to_contain_text("right side")
    logs = StepLog.objects.filter(session__patient=alice)
    assert logs.count() == 1
    page.get_by_role("button", name="Done", exact=True).click()  # at once: a reflex
    page.wait_for_timeout(300)
    expect(dose).to_contain_text("right side")
    assert logs.count() == 1
    page.clock.run_for(2_000)  # a deliberate tap, later, counts
    page.get_by_role("button", name="Done", exact=True).click()
    expect(dose).not_to_contain_text("right side")
    assert list(logs.order_by("id").values_list("side", "status")) == [
        ("left", "done"),
        ("right", "done"),
    ]
