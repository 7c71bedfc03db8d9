"""The installable app in real Chromium at phone size, with its service worker: install
criteria, a whole session done offline and sent once when the connection is back (from
the start, and with the network lost halfway and the tab reloaded offline), and
sign-out clearing what the phone kept.

The other browser tests block service workers (tests/e2e/conftest.py); these open a
context that allows them, as a patient's phone does."""

import time
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db.utils import OperationalError
from playwright.sync_api import expect

from accounts.models import User
from practice.models import ExerciseSession, StepLog
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on

DEMO_STEPS = 16  # the core five: 4 + 2 + 4 + 4 + 2 sets and sides
WORST, NOW = "What was the worst pain during the exercises?", "How is your back now?"


@pytest.fixture
def demo(catalogue):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")
    return User.objects.get(username="demo-patient")


@pytest.fixture
def phone(browser, browser_context_args, live_server, demo):
    """A phone that lets the app's service worker run, signed in as the demo patient,
    with Today opened once online (the worker installed and its pack kept)."""
    context = browser.new_context(**{**browser_context_args, "service_workers": "allow"})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in_on(page, live_server.url, "demo-patient")
    # The first page installs the worker, which then takes it over (clients.claim);
    # a page opened while it was still installing would be left to itself.
    page.wait_for_function("() => !!navigator.serviceWorker.controller", polling=250)
    page.goto(f"{live_server.url}/today/")
    page.wait_for_function("() => !!navigator.serviceWorker.controller", polling=250)
    page.wait_for_function(
        "() => document.documentElement.dataset.offlineReady === '4'", polling=250
    )
    page.errors = errors
    yield page
    context.close()


def check_in(page, pain="4"):
    page.get_by_role("radio", name=pain, exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.get_by_text("Exercise 1 of 5")).to_be_visible()


def do_steps(page, count: int, taps: list) -> None:
    """Taps Done `count` times, each once the screen shows a new step; records when."""
    for _ in range(count):
        before = page.locator(".player__dose").inner_text() + page.locator("h1").inner_text()
        taps.append(datetime.now(UTC))
        page.get_by_role("button", name="Done", exact=True).click()
        page.wait_for_function(
            "(before) => { const d = document.querySelector('.player__dose');"
            " const h = document.querySelector('#player h1');"
            " return !d || !h || (d.innerText + h.innerText) !== before; }",
            arg=before,
        )


def check_out(page):
    expect(page.get_by_role("heading", name="All done. How was it?")).to_be_visible()
    page.get_by_role("group", name=WORST).get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("group", name=NOW).get_by_role("radio", name="3", exact=True).check()
    page.get_by_text("About right").click()
    page.get_by_role("button", name="Finish").click()


def saved_line(page):
    """Whether answers are on the server yet: in the player, its own status line."""
    return page.locator("#player [data-saving]")


def wait_for(condition, seconds=45):
    """Polls `condition` (a read of the database) while the live server replays. On
    SQLite the test and the server share one in-memory database through its shared
    cache, where a read that meets the server's open write is refused at once ("database
    table is locked") instead of waiting as it would on a file or on PostgreSQL: that
    read is simply asked again. 45 s: the replay waits for the page's next retry, which
    took over 20 s once on a loaded two-core machine."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if condition():
                return
        except OperationalError as error:
            if "locked" not in str(error):
                raise
        time.sleep(0.25)
    raise AssertionError("timed out")


def assert_logged_once_at_their_times(demo, taps):
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    logs = list(StepLog.objects.filter(session=session).order_by("at", "id"))
    assert len(logs) == DEMO_STEPS
    assert len({(log.item_id, log.side, log.set_number) for log in logs}) == DEMO_STEPS
    # Each log has the time of its tap (give or take the screen's answer), not the
    # time it reached the server.
    for tap, log in zip(taps, logs, strict=True):
        assert abs((log.at - tap).total_seconds()) < 3, (tap, log.at)
    return session


def test_the_app_meets_the_install_criteria(phone, live_server):
    cdp = phone.context.new_cdp_session(phone)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's contexts are incognito, where Chromium never installs anything; any
    # other reason (no manifest, a missing icon, no worker) would be listed here.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert phone.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    # The worker keeps no page: only the pack (IndexedDB) and static files.
    cached = phone.evaluate(
        "async () => { const out = []; for (const k of await caches.keys()) {"
        " for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname); }"
        " return out; }"
    )
    assert cached and all(p.startswith(("/static/", "/media/")) for p in cached), cached


def test_a_whole_session_done_offline_is_saved_once_when_back_online(phone, live_server, demo):
    page = phone
    page.context.set_offline(True)
    page.goto(f"{live_server.url}/today/")
    expect(page.get_by_text("You're offline. Today's routine still works")).to_be_visible()
    assert_no_axe_violations(page)
    taps = []
    page.get_by_role("button", name="Start today's routine").click()
    expect(page.get_by_role("heading", name="Before you start")).to_be_visible()
    check_in(page)
    assert_no_axe_violations(page)
    do_steps(page, DEMO_STEPS, taps)
    check_out(page)
    expect(page.get_by_role("heading", name="Session done")).to_be_visible()
    expect(page.get_by_text("Pain 4 → 3")).to_be_visible()
    expect(page.get_by_text("Your pain came down, from 4 to 3.")).to_be_visible()
    # Start, check-in, 16 steps, check-out: all on the phone, none on the server.
    expect(saved_line(page)).to_have_text("19 steps waiting to send.")
    assert_no_axe_violations(page)
    assert not ExerciseSession.objects.filter(patient=demo, local_date=demo.local_date()).exists()
    # Today, still offline, knows the session is done and that it waits on the phone.
    page.get_by_role("link", name="Back to Today").click()
    expect(page.get_by_text("Done for today. Well done.")).to_be_visible()
    expect(page.locator("[data-sync-status]")).to_contain_text("19 steps waiting to send")
    assert_no_axe_violations(page)

    page.context.set_offline(False)
    wait_for(
        lambda: ExerciseSession.objects.filter(
            patient=demo, local_date=demo.local_date(), status="completed"
        ).exists()
    )
    expect(page.locator("[data-sync-status]")).to_have_text("All your steps are saved.")
    session = assert_logged_once_at_their_times(demo, taps)
    assert (session.pain_before, session.pain_worst, session.pain_after) == (4, 3, 3)
    # Online again, the real summary.
    page.goto(f"{live_server.url}/sessions/{session.code}/")
    expect(page.get_by_text("5 done fully")).to_be_visible()
    assert page.errors == []


def test_a_session_carries_on_offline_after_the_network_drops_and_a_reload(
    phone, live_server, demo
):
    page = phone
    page.get_by_role("button", name="Start today's routine").click()
    check_in(page)
    taps = []
    do_steps(page, 5, taps)  # online: saved at once
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    assert session.logs.count() == 5

    page.context.set_offline(True)
    do_steps(page, 3, taps)
    expect(saved_line(page)).to_contain_text("3 steps waiting to send")
    page.reload()  # offline: the worker builds the page where the session is
    expect(page.get_by_text("Exercise 3 of 5")).to_be_visible()
    expect(saved_line(page)).to_contain_text("3 steps waiting to send")
    do_steps(page, DEMO_STEPS - 8, taps)
    check_out(page)
    expect(page.get_by_role("heading", name="Session done")).to_be_visible()
    assert session.logs.count() == 5

    page.context.set_offline(False)
    wait_for(lambda: ExerciseSession.objects.filter(pk=session.pk, status="completed").exists())
    assert_logged_once_at_their_times(demo, taps)
    assert page.errors == []


def test_signing_out_clears_what_the_phone_kept(phone, live_server):
    page = phone
    stored = (
        "async () => ({caches: (await caches.keys()).length,"
        " databases: (await indexedDB.databases()).map(d => d.name)})"
    )
    before = page.evaluate(stored)
    assert before["caches"] >= 1 and "hipmob" in before["databases"]
    page.goto(f"{live_server.url}/account/")
    page.get_by_role("button", name="Sign out on this phone").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    after = page.evaluate(stored)
    assert after == {"caches": 0, "databases": []}
    assert (
        page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    )


def test_signing_out_everywhere_clears_the_other_phone_when_it_next_connects(
    phone, browser, browser_context_args, live_server
):
    stored = (
        "async () => ({caches: (await caches.keys()).length,"
        " databases: (await indexedDB.databases()).map(d => d.name)})"
    )
    assert "hipmob" in phone.evaluate(stored)["databases"]
    other = browser.new_context(**browser_context_args)
    laptop = other.new_page()
    sign_in_on(laptop, live_server.url, "demo-patient")
    laptop.goto(f"{live_server.url}/account/")
    laptop.get_by_role("button", name="Sign out everywhere").click()
    expect(laptop.get_by_text("You are signed out on all your devices.")).to_be_visible()
    other.close()
    # The phone, signed out by then, opens the app: its worker finds out and clears.
    phone.goto(f"{live_server.url}/today/")
    expect(phone.get_by_role("heading", name="Sign in")).to_be_visible()
    phone.wait_for_function(
        "async () => !(await indexedDB.databases()).some(d => d.name === 'hipmob')",
        polling=250,
    )
    assert phone.evaluate(stored) == {"caches": 0, "databases": []}


def test_the_worker_keeps_nothing_of_a_clinicians_pages(
    browser, browser_context_args, live_server, demo
):
    context = browser.new_context(**{**browser_context_args, "service_workers": "allow"})
    page = context.new_page()
    sign_in_on(page, live_server.url, "demo-clinician", "hipmob-demo")
    # A clinician who turns notifications on gets the worker too (static/js/push.js).
    page.evaluate(
        "async () => { await navigator.serviceWorker.register('/sw.js');"
        " await navigator.serviceWorker.ready; }"
    )
    page.goto(f"{live_server.url}/clinic/patients/")
    page.wait_for_function("() => !!navigator.serviceWorker.controller", polling=250)
    page.get_by_role("link", name=demo.name).first.click()
    expect(page.get_by_role("heading", name=demo.name)).to_be_visible()
    page.goto(f"{live_server.url}/account/")
    kept = page.evaluate(
        "async () => { const out = []; for (const k of await caches.keys()) {"
        " for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname); }"
        " const pack = await new Promise((resolve) => { const r = indexedDB.open('hipmob');"
        " r.onsuccess = () => { const db = r.result;"
        " if (!db.objectStoreNames.contains('kv')) { db.close(); return resolve(null); }"
        " const get = db.transaction('kv').objectStore('kv').get('pack');"
        " get.onsuccess = () => { db.close(); resolve(get.result || null); }; }; });"
        " return {cached: out, pack: pack}; }"
    )
    assert all(path.startswith("/static/") for path in kept["cached"]), kept["cached"]
    assert kept["pack"] is None
    context.close()


def test_a_bad_back_day_offline_uses_the_easier_versions_and_tells_the_clinician_later(
    phone, live_server, demo
):
    from safety.models import Alert

    page = phone
    page.context.set_offline(True)
    page.goto(f"{live_server.url}/today/")
    page.get_by_role("button", name="My back is bad today: easier versions").click()
    check_in(page, "6")
    expect(page.get_by_text("Bad-back day: these are the easier versions")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("group").filter(has_text="Stop for today").locator("summary").click()
    page.get_by_role("radio", name="It hurts").check()
    page.get_by_role("button", name="Stop the session").click()
    # The same safety-first advice as online, offline.
    expect(page.get_by_text("You were right to stop when it hurt.")).to_be_visible()
    page.get_by_role("group", name=WORST).get_by_role("radio", name="7", exact=True).check()
    page.get_by_role("group", name=NOW).get_by_role("radio", name="7", exact=True).check()
    page.get_by_text("Too hard").click()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("Your pain went up by 1 point, from 6 to 7.")).to_be_visible()
    expect(page.get_by_text("That is above the level we aim for")).to_be_visible()
    assert not Alert.objects.filter(patient=demo, kind__in=["bad_day", "stopped_pain"]).exists()

    page.context.set_offline(False)
    wait_for(
        lambda: ExerciseSession.objects.filter(
            patient=demo, local_date=demo.local_date(), status="completed"
        ).exists()
    )
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    assert session.bad_day and session.stopped_reason == "pain"
    assert session.logs.exclude(status="stopped").count() == 0
    # The clinician hears of both, as if it had happened online.
    kinds = set(Alert.objects.filter(patient=demo).values_list("kind", flat=True))
    assert {"bad_day", "stopped_pain"} <= kinds


def test_answers_the_server_no_longer_takes_are_never_called_saved(phone, live_server, demo):
    page = phone
    page.get_by_role("button", name="Start today's routine").click()
    check_in(page)
    page.context.set_offline(True)
    do_steps(page, 2, [])
    expect(saved_line(page)).to_contain_text("2 steps waiting to send")
    # Meanwhile the session was finished elsewhere (another phone, say).
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    ExerciseSession.objects.filter(pk=session.pk).update(
        status="completed", pain_after=3, pain_worst=3, effort="right", finished=datetime.now(UTC)
    )
    page.context.set_offline(False)
    page.goto(f"{live_server.url}/today/")
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "2 answers given offline couldn't be saved"
    )
    assert not session.logs.exists()


def test_an_offline_step_with_answers_waiting_still_fits_one_phone_screen(phone, live_server):
    from tests.e2e.test_player_phone import assert_fits_each_phone

    page = phone
    page.evaluate("localStorage.setItem('hipmob.player.prefs', JSON.stringify({auto: false}))")
    page.context.set_offline(True)
    page.goto(f"{live_server.url}/today/")
    page.get_by_role("button", name="Start today's routine").click()
    check_in(page)
    do_steps(page, 1, [])
    expect(saved_line(page)).to_have_text("3 steps waiting to send.")
    assert_fits_each_phone(page, "an offline step with answers waiting")
