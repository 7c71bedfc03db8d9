"""A whole patient session in Firefox ESR and WebKitGTK (run with HIPMOB_ENGINES).

The Chromium tests (tests/e2e/test_player.py) cover the player in depth; these prove
the same journey works in the other two engines a patient's phone may have: Gecko
and WebKit (every iPhone browser is WebKit)."""

import pytest

from exercises.models import Kind
from practice.models import ExerciseSession, StepLog
from tests.e2e.engines.conftest import sign_in_by_link
from tests.factories import make_exercise, make_plan, make_screening

pytestmark = pytest.mark.engines

WORST, NOW = "What was the worst pain during the exercises?", "How is your back now?"
HOLD = 3  # seconds; after the 10 s "Get into position" a new exercise starts with

# Every step of the plan below, as the server counts them: (exercise, side, set).
STEPS = [("engine-reps", "both", 1), ("engine-reps", "both", 2), ("engine-hold", "both", 1)]


@pytest.fixture
def plan(alice, bob):
    """Reps (2 sets, tapped Done) then a short hold (1 set, moves on by itself)."""
    reps = make_exercise(
        slug="engine-reps", name="Knee rocking", sets=2, reps=5, rest_seconds=0, per_side=False
    )
    hold = make_exercise(
        slug="engine-hold",
        name="Knee hug",
        kind=Kind.STRETCH,
        sets=1,
        reps=None,
        hold_seconds=HOLD,
        rest_seconds=0,
        per_side=False,
    )
    return make_plan(alice, bob, [reps, hold])


@pytest.fixture
def started(engine, live_server, alice, plan):
    """Alice signed in on the engine, at the check-in of today's session."""
    make_screening(alice, days_ago=1)
    sign_in_by_link(engine, live_server.url, alice)
    engine.press("Start today's routine")
    heading(engine, "Before you start")
    engine.wait_for("() => document.readyState === 'complete'")  # htmx has wired the page
    return engine


def heading(engine, name: str, timeout: float = 15) -> None:
    engine.wait_for(
        "(n) => [...document.querySelectorAll('h1, h2')].some((h) => h.innerText.trim() === n)",
        name,
        timeout=timeout,
    )


def step_is(engine, name: str, dose: str = "") -> None:
    """Waits until the player shows this exercise (and dose words, if given)."""
    engine.wait_for(
        "(n, d) => { const name = document.querySelector('.player__name');"
        " const dose = document.querySelector('.player__dose');"
        " return name && name.innerText.trim() === n"
        " && (!d || (dose && dose.innerText.includes(d))); }",
        name,
        dose,
    )


# How many times htmx has swapped new content into the player on this page. A button
# pressed before htmx has wired the new content would send a plain form (which works,
# but reloads the page): a person can't tap that fast, a WebDriver can.
SWAPS = """() => {
  if (window.__swaps === undefined) {
    window.__swaps = 0;
    document.addEventListener("htmx:afterSettle", () => { window.__swaps += 1; });
  }
  return window.__swaps;
}"""


def tap(engine, name: str) -> None:
    """Presses a player button and waits until htmx has swapped in what came back."""
    before = engine.call(SWAPS)
    engine.press(name)
    swapped(engine, before)


def swapped(engine, before: int, timeout: float = 15) -> None:
    engine.wait_for("(n) => window.__swaps > n", before, timeout=timeout)


def check_in(engine, pain: str = "4") -> None:
    engine.choose(pain)
    tap(engine, "Start the exercises")
    step_is(engine, "Knee rocking", "set 1 of 2")


def test_it_completes_a_whole_session(started, alice):
    engine = started
    check_in(engine)
    engine.call("() => { window.__sameDocument = true; }")
    tap(engine, "Done")
    step_is(engine, "Knee rocking", "set 2 of 2")
    tap(engine, "Done")
    step_is(engine, "Knee hug")
    before = engine.call(SWAPS)
    # The hold: watch every number the timer shows, then touch nothing.
    engine.call(
        "() => { window.__shown = [];"
        " new MutationObserver(() => {"
        "   const phase = document.querySelector('[data-phase]');"
        "   const number = document.querySelector('[data-number]');"
        "   if (phase && number) window.__shown.push(phase.textContent + ' ' + number.textContent);"
        " }).observe(document.body, {subtree: true, childList: true, characterData: true}); }"
    )
    swapped(engine, before, timeout=10 + HOLD + 10)
    heading(engine, "All done. How was it?")
    # Down from the full hold to its last second (a busy machine may skip one), then
    # "Well done" (with a 0 or a tick, as the design has it), and on by itself.
    shown = list(dict.fromkeys(engine.call("() => window.__shown")))
    holds = [int(s.removeprefix("Hold ")) for s in shown if s.startswith("Hold ")]
    assert holds[0] == HOLD and holds[-1] == 1, shown
    assert holds == sorted(holds, reverse=True), shown
    assert shown[-1].startswith("Well done"), shown
    assert StepLog.objects.filter(session__patient=alice, exercise__slug="engine-hold").exists()

    engine.choose("3", WORST)
    engine.choose("2", NOW)
    engine.choose("About right")
    tap(engine, "Finish")
    heading(engine, "Session saved")
    assert engine.call("() => window.__sameDocument") is True, "steps swap, never reload"

    session = ExerciseSession.objects.get(patient=alice)
    assert session.status == "completed"
    assert (session.pain_before, session.pain_worst, session.pain_after) == (4, 3, 2)
    logs = StepLog.objects.filter(session=session)
    assert sorted((log.exercise.slug, log.side, log.set_number) for log in logs) == sorted(STEPS)
    assert {log.status for log in logs} == {"done"}
    assert engine.problems() == []


def test_a_reload_resumes_at_the_next_unlogged_step(started, alice):
    engine = started
    check_in(engine)
    tap(engine, "Done")
    step_is(engine, "Knee rocking", "set 2 of 2")
    engine.reload()
    step_is(engine, "Knee rocking", "set 2 of 2")
    assert StepLog.objects.filter(session__patient=alice).count() == 1
    tap(engine, "Done")  # the reloaded page's own controls work
    step_is(engine, "Knee hug")
    assert StepLog.objects.filter(session__patient=alice).count() == 2
    assert engine.problems() == []


MEASURE = """() => {
  const done = [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Done');
  const box = done.getBoundingClientRect();
  return {width: innerWidth, height: innerHeight,
          scroll: document.documentElement.scrollWidth,
          done: [Math.round(box.left), Math.round(box.right), Math.round(box.height)]};
}"""


def test_the_first_step_fits_390_and_320_px(started):
    engine = started
    check_in(engine)
    for width, height in [(390, 844), (320, 568)]:
        engine.resize(width, height)
        engine.reload()  # laid out from scratch at this size
        step_is(engine, "Knee rocking", "set 1 of 2")
        seen = engine.call(MEASURE)
        assert (seen["width"], seen["height"]) == (width, height), seen
        assert seen["scroll"] <= width, f"scrolls sideways at {width} px: {seen}"
        left, right, tall = seen["done"]
        assert left >= 0 and right <= width and tall >= 44, seen
    assert engine.problems() == []


def test_the_recorder_catches_errors_and_csp_violations(engine, live_server):
    """The problem checks above can fail: a thrown error, an unhandled rejection and an
    inline style that the CSP blocks are each recorded."""
    engine.goto(f"{live_server.url}/sign-in/")
    assert engine.problems() == []
    engine.call(
        "() => { setTimeout(() => { throw new Error('boom'); });"
        " Promise.reject(new Error('nope'));"
        " document.body.insertAdjacentHTML('beforeend', '<style>body{}</style>'); }"
    )
    # Each arrives in its own time (WebKit reports the rejection last).
    found = engine.wait_for(
        "() => { const p = JSON.parse(sessionStorage.getItem('hipmob.engine.problems') || '[]');"
        " const all = p.map((x) => x.text).join(' | ');"
        " return ['boom', 'nope', 'style-src'].every((t) => all.includes(t)) ? p : null; }"
    )
    assert {p["kind"] for p in found} == {"error", "csp"}, found


@pytest.fixture
def quick_plan(alice, bob):
    """Paced reps (2 reps of about 4 s) then a 3 s hold, each 3 s to get into position."""
    reps = make_exercise(
        slug="engine-paced",
        name="Knee rocking",
        sets=1,
        reps=2,
        rest_seconds=0,
        per_side=False,
        transition_seconds=3,
    )
    hold = make_exercise(
        slug="engine-held",
        name="Knee hug",
        kind=Kind.STRETCH,
        sets=1,
        reps=None,
        hold_seconds=HOLD,
        rest_seconds=0,
        per_side=False,
        transition_seconds=3,
    )
    return make_plan(alice, bob, [reps, hold])


def test_a_session_runs_hands_free_from_check_in_to_check_out(
    engine, live_server, alice, quick_plan
):
    """Issue 16: between check-in and check-out nobody touches the phone. The rep pacer
    finishes the reps and the hold moves on by itself, in Gecko and WebKit too."""
    make_screening(alice, days_ago=1)
    sign_in_by_link(engine, live_server.url, alice)
    engine.press("Start today's routine")
    heading(engine, "Before you start")
    engine.wait_for("() => document.readyState === 'complete'")
    engine.choose("4")
    tap(engine, "Start the exercises")
    step_is(engine, "Knee rocking")
    engine.call("() => { window.__sameDocument = true; }")
    # No tap from here: 3 s to get into position, 2 paced reps, 3 s, a 3 s hold.
    heading(engine, "All done. How was it?", timeout=60)
    logs = StepLog.objects.filter(session__patient=alice)
    assert sorted(logs.values_list("exercise__slug", "status")) == [
        ("engine-held", "done"),
        ("engine-paced", "done"),
    ]
    engine.choose("2", WORST)
    engine.choose("2", NOW)
    engine.choose("About right")
    tap(engine, "Finish")
    heading(engine, "Session saved")
    assert engine.call("() => window.__sameDocument") is True, "steps swap, never reload"
    assert engine.problems() == []
