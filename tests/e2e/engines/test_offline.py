"""The installable app's offline session in Firefox ESR and WebKitGTK (HIPMOB_ENGINES).

tests/e2e/test_offline.py proves it in Chromium with Playwright's set_offline; these
engines' drivers have no such switch for the page and its worker alike, so the browser
reaches the live server through a relay that the test cuts (relay.py): the connection
is really lost. The patient
opens Today once online (the service worker installs and keeps the pack), then, with
no network, opens Today, does the whole session and checks out; back online, the
worker sends what waited and the database holds each step exactly once, at the time
it was tapped."""

import time
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from accounts.models import User
from practice.models import ExerciseSession, StepLog
from practice.steps import plan_steps
from routines.models import Routine
from tests.e2e.engines.conftest import sign_in_by_link
from tests.e2e.engines.drivers import EngineError
from tests.e2e.engines.relay import Relay
from tests.e2e.engines.test_session import NOW, WORST, heading, tap

pytestmark = pytest.mark.engines

STATUS_LINES = """() => [...document.querySelectorAll('#player [data-saving], [data-sync-status]')]
  .filter((el) => !el.hidden).map((el) => el.textContent)"""


@pytest.fixture
def demo(catalogue):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")
    return User.objects.get(username="demo-patient")


@pytest.fixture
def network(live_server):
    relay = Relay(live_server.url)
    yield relay
    relay.close()


MISSING_FILES = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) {
      kept.push(new URL(request.url).pathname);
    }
  }
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open("hipmob");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const pack = await new Promise((resolve) => {
    const get = db.transaction("kv").objectStore("kv").get("pack");
    get.onsuccess = () => resolve(get.result);
  });
  db.close();
  return pack.assets.filter((path) => !kept.includes(path));
}"""


def said(engine, text: str, timeout: float = 15) -> None:
    """Waits until the page says `text` where it tells whether steps are saved: the
    player's own status line, or the one under the header on other pages."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            shown = engine.call(STATUS_LINES)
        except EngineError as error:  # a page being replaced
            shown = str(error)
        if any(text in line for line in shown):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{engine.name}: {text!r} not said in {timeout} s: {shown}")
        time.sleep(0.1)


def test_a_whole_session_done_offline_is_saved_once_when_back_online(engine, network, demo):
    site = network.url
    plan = Routine.objects.for_patient(demo).active().first()
    steps = plan_steps(list(plan.items.select_related("exercise").order_by("order", "id")))

    # Online: the first page registers the worker, which takes over the next one.
    sign_in_by_link(engine, site, demo)
    engine.wait_for("() => !!navigator.serviceWorker.controller", timeout=30)
    engine.goto(f"{site}/today/")
    engine.wait_for("() => !!navigator.serviceWorker.controller", timeout=30)
    engine.wait_for("() => document.documentElement.dataset.offlineReady === '4'", timeout=30)

    # Ready means ready: every file the pack's pages need is kept (pictures, CSS, JS).
    assert engine.call(MISSING_FILES) == []
    network.go_offline()
    engine.goto(f"{site}/today/")
    engine.wait_for_text("main", "You're offline. Today's routine still works")
    engine.press("Start today's routine")
    heading(engine, "Before you start")
    engine.wait_for("() => document.readyState === 'complete'")
    engine.choose("4")
    tap(engine, "Start the exercises")
    taps = []
    for step in steps:
        engine.wait_for(
            "(n) => { const name = document.querySelector('.player__name');"
            " return name && name.innerText.trim() === n; }",
            step.exercise.name,
        )
        taps.append(datetime.now(UTC))
        tap(engine, "Done")
    heading(engine, "All done. How was it?")
    engine.choose("3", WORST)
    engine.choose("3", NOW)
    engine.choose("About right")
    tap(engine, "Finish")
    heading(engine, "Session done")
    # Start, check-in, every step, check-out: all on the phone, none on the server.
    said(engine, f"{len(steps) + 3} steps waiting to send.")
    assert not ExerciseSession.objects.filter(patient=demo, local_date=demo.local_date()).exists()
    assert network.refused > 0, "the browser did try the network, and found none"

    # Back online. The browser isn't told (navigator.onLine never changed, and neither
    # engine has Background Sync): the page asks the worker to send every 30 s while
    # steps wait, as on a phone whose signal comes back; then it sends them one by one.
    network.go_online()
    said(engine, "All your steps are saved.", timeout=30 + 45)
    assert engine.call("() => document.querySelector('[data-sync-status]').dataset.waiting") == "0"
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    assert session.status == "completed"
    assert (session.pain_before, session.pain_worst, session.pain_after) == (4, 3, 3)
    logs = list(StepLog.objects.filter(session=session).order_by("at", "id"))
    assert len(logs) == len(steps)
    assert [(log.item_id, log.side, log.set_number) for log in logs] == [s.key for s in steps]
    # Each at the time of its tap (give or take the screen's answer), not when it arrived.
    for tapped, log in zip(taps, logs, strict=True):
        assert abs((log.at - tapped).total_seconds()) < 3, (tapped, log.at)
    assert engine.problems() == []
