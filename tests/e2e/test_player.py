import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import SignInLink, User
from exercises.models import Exercise
from organisations.models import Clinic
from practice.models import ExerciseSession, StepLog
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on

DEMO_STEPS = 16  # the core five: 4 + 2 + 4 + 4 + 2 sets and sides
WORST, NOW = "What was the worst pain during the exercises?", "How is your back now?"


@pytest.fixture
def demo(catalogue, settings):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")
    return User.objects.get(username="demo-patient")


@pytest.fixture
def started(live_server, page, demo, sign_in):
    sign_in("demo-patient", "hipmob-demo")
    page.get_by_role("button", name="Start today's routine").click()
    expect(page.get_by_role("heading", name="Before you start")).to_be_visible()
    return page


def check_in(page, pain="4"):
    page.get_by_role("radio", name=pain, exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.get_by_text("Exercise 1 of 5")).to_be_visible()


def current_step_text(page) -> str:
    return page.locator(".player__dose").inner_text() + page.locator(".player__name").inner_text()


def test_a_demo_patient_completes_a_whole_session_with_htmx(started, demo, csp_violations):
    page = started
    assert_no_axe_violations(page)
    check_in(page)
    page.evaluate("window.__sameDocument = true")
    assert_no_axe_violations(page)
    for n in range(DEMO_STEPS):
        before = current_step_text(page)
        page.get_by_role("button", name="Done", exact=True).click()
        if n < DEMO_STEPS - 1:
            page.wait_for_function(
                "(before) => { const d = document.querySelector('.player__dose');"
                " const n = document.querySelector('.player__name');"
                " return d && n && (d.innerText + n.innerText) !== before; }",
                arg=before,
            )
    expect(page.get_by_role("heading", name="All done. How was it?")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("group", name=WORST).get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("group", name=NOW).get_by_role("radio", name="3", exact=True).check()
    page.get_by_text("About right").click()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("5 done fully")).to_be_visible()
    expect(page.get_by_text("Pain 4 → 3")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True, "every step should swap, not reload"
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    assert session.status == "completed"
    assert (session.pain_before, session.pain_after, session.effort) == (4, 3, "right")
    assert StepLog.objects.filter(session=session).count() == DEMO_STEPS
    assert csp_violations == []


def test_a_reload_resumes_at_the_same_step(started, demo):
    page = started
    check_in(page)
    for _ in range(3):
        before = current_step_text(page)
        page.get_by_role("button", name="Done", exact=True).click()
        page.wait_for_function(
            "(b) => (document.querySelector('.player__dose').innerText"
            " + document.querySelector('.player__name').innerText) !== b",
            arg=before,
        )
    where = current_step_text(page)
    page.reload()
    assert current_step_text(page) == where
    assert "right side" in where and "set 2 of 2" in where  # hip flexor, 4th step
    assert StepLog.objects.filter(session__local_date=demo.local_date()).count() == 3


def test_a_lost_answer_is_retried_and_logged_exactly_once(started, demo):
    """The first step POST reaches the server, but its answer never comes back (the
    phone lost signal). The player says so, sends it again, and moves on; the
    database holds one log."""
    page = started
    check_in(page)
    dropped = []

    def drop_first_answer(route):
        if route.request.method == "POST" and not dropped:
            route.fetch()  # the server gets it and logs the step...
            dropped.append(route.request.url)
            route.abort("internetdisconnected")  # ...but the phone never hears back
        else:
            route.continue_()

    page.route(re.compile(r"/sessions/[0-9a-f-]+/step/$"), drop_first_answer)
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.get_by_text("No connection. Trying again…")).to_be_visible()
    expect(page.locator(".player__dose")).to_contain_text("right side", timeout=10_000)
    assert dropped, "the first answer should have been dropped"
    logs = StepLog.objects.filter(session__patient=demo, session__local_date=demo.local_date())
    assert logs.count() == 1
    assert logs.get().side == "left"


def test_the_hold_timer_counts_down_on_screen(started):
    page = started
    check_in(page)
    expect(page.locator("[data-timer]")).to_be_visible()
    # A new exercise starts with the exercise's own time to get into position.
    expect(page.locator("[data-phase]")).to_have_text("Get into position")
    ready = int(page.locator("[data-timer]").get_attribute("data-ready"))
    assert ready == Exercise.objects.get(slug="hip-flexor-stretch").transition_seconds
    expect(page.locator("[data-phase]")).to_have_text("Hold", timeout=(ready + 3) * 1000)
    first = int(page.locator("[data-number]").inner_text())
    assert 25 <= first <= 30, "the hold starts from its full length"
    page.wait_for_timeout(1500)
    assert int(page.locator("[data-number]").inner_text()) < first


def test_a_session_can_be_completed_without_javascript(
    live_server, browser, browser_context_args, demo
):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    sign_in_on(page, live_server.url, "demo-patient")  # the link's page needs no script
    page.get_by_role("button", name="Start today's routine").click()
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.locator("[data-timer]")).to_be_hidden()  # no timer without JavaScript
    for _ in range(DEMO_STEPS):
        page.get_by_role("button", name="Done", exact=True).click()
    page.get_by_role("group", name=WORST).get_by_role("radio", name="1", exact=True).check()
    page.get_by_role("group", name=NOW).get_by_role("radio", name="1", exact=True).check()
    page.get_by_role("radio", name="Easy", exact=True).check()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("Pain 2 → 1")).to_be_visible()
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    assert session.status == "completed"
    assert StepLog.objects.filter(session=session).count() == DEMO_STEPS
    context.close()


def test_today_history_and_account_are_accessible(live_server, page, demo, sign_in):
    sign_in("demo-patient", "hipmob-demo")
    expect(page.get_by_role("heading", name="This week")).to_be_visible()
    assert_no_axe_violations(page)
    for path, heading in [("/history/", "Your history"), ("/account/", "Your account")]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        assert_no_axe_violations(page)


def test_a_sign_in_link_opens_the_plan_on_a_phone(live_server, page, demo):
    _link, token = SignInLink.issue(demo)
    page.goto(f"{live_server.url}/link/{token}/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Sign me in").click()
    expect(page).to_have_url(f"{live_server.url}/today/")
    expect(page.get_by_role("heading", name="Hip mobility: the core five")).to_be_visible()
    page.goto(f"{live_server.url}/link/{token}/")
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_request_that_never_arrives_is_retried_and_logged_once(started, demo):
    page = started
    check_in(page)
    aborted = []

    def fail_first_send(route):
        if route.request.method == "POST" and not aborted:
            aborted.append(route.request.url)
            route.abort("internetdisconnected")  # never reaches the server
        else:
            route.continue_()

    page.route(re.compile(r"/sessions/[0-9a-f-]+/step/$"), fail_first_send)
    page.get_by_role("button", name="Done", exact=True).click()
    expect(page.locator(".player__dose")).to_contain_text("right side", timeout=10_000)
    assert aborted
    logs = StepLog.objects.filter(session__patient=demo, session__local_date=demo.local_date())
    assert logs.count() == 1


# --- issue 14: honest summaries, stopping early, the configured numbers ----------------

NO_UK = re.compile(r"(?<![0-9a-fA-F])999(?![0-9a-fA-F])|A&E|A&amp;E")


def press(page, name, times=1):
    """Presses a step button and waits for the next step (or the check-out) to show."""
    for _ in range(times):
        before = current_step_text(page)
        page.get_by_role("button", name=name, exact=True).click()
        page.wait_for_function(
            "(b) => { const d = document.querySelector('.player__dose');"
            " const n = document.querySelector('.player__name');"
            " return !d || !n || (d.innerText + n.innerText) !== b; }",
            arg=before,
        )


def check_out(page, pain, worst=None):
    """Both check-out scales: the worst pain during the exercises (the same as now
    unless told), then the back now."""
    page.get_by_role("group", name=WORST).get_by_role(
        "radio", name=worst or pain, exact=True
    ).check()
    page.get_by_role("group", name=NOW).get_by_role("radio", name=pain, exact=True).check()
    page.get_by_text("About right").click()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Session saved")).to_be_visible()


def test_a_fall_above_the_ceiling_is_not_called_a_rise(started):
    page = started
    check_in(page, "7")
    press(page, "Done", DEMO_STEPS)
    expect(page.get_by_role("heading", name="All done. How was it?")).to_be_visible()
    check_out(page, "6")
    advice = page.locator("[data-pain-advice]")
    expect(advice).to_contain_text("Your pain came down, from 7 to 6.")
    expect(advice).to_contain_text("still above the level we aim for (5 out of 10 or less)")
    expect(page.locator(".summary")).not_to_contain_text("went up")
    assert_no_axe_violations(page)


def test_partly_skipped_and_made_easier_show_per_exercise(started, demo, live_server):
    page = started
    check_in(page, "3")
    press(page, "Done")  # hip flexor stretch: left side, set 1
    page.get_by_text("Skip…").click()
    page.get_by_role("radio", name="It hurt").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Skip it").click()
    expect(page.get_by_text("Exercise 2 of 5")).to_be_visible()
    press(page, "Done, but easier", 2)  # glute bridge, both sets
    press(page, "Done", DEMO_STEPS - 6)
    check_out(page, "3")
    outcomes = page.locator("[data-outcomes]")
    expect(outcomes).to_contain_text(
        re.compile(r"hip flexor stretch: Partly skipped: it hurt", re.I)
    )
    expect(outcomes).to_contain_text("Glute bridge: Made easier")
    expect(page.locator("[data-counts]")).to_have_text(
        "3 done fully, 1 made easier, 1 partly skipped for pain"
    )
    assert_no_axe_violations(page)
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    page.goto(f"{live_server.url}/history/")
    page.locator(f'a[href="/sessions/{session.code}/"]').first.click()
    expect(page.locator("[data-outcomes]")).to_contain_text("Glute bridge: Made easier")
    expect(page.locator("[data-outcomes]")).to_contain_text("Partly skipped: it hurt")
    assert_no_axe_violations(page)


def test_stopping_for_pain_mid_session(started, demo, settings):
    Clinic.objects.update(name="Riverside Physio", phone="01632 960123")  # the patient's
    page = started
    check_in(page, "4")
    press(page, "Done", 5)  # into the glute bridge
    page.get_by_text("Stop for today").click()
    page.get_by_role("radio", name="It hurts").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Stop the session").click()
    expect(
        page.get_by_role("heading", name="You stopped for today. How is your back now?")
    ).to_be_visible()
    expect(page.get_by_text("You were right to stop when it hurt.")).to_be_visible()
    phone = page.locator('a.tel-link[href="tel:01632960123"]').first
    expect(phone).to_be_visible()
    box = phone.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert_no_axe_violations(page)
    session = ExerciseSession.objects.get(patient=demo, local_date=demo.local_date())
    assert session.stopped_reason == "pain"
    assert session.logs.filter(status="stopped", skip_reason="pain").count() == DEMO_STEPS - 5
    check_out(page, "5")
    expect(page.locator("[data-stop-line]")).to_have_text("Stopped early: it hurt")
    expect(page.locator("[data-stop-advice]")).to_contain_text("Riverside Physio")
    assert_no_axe_violations(page)


def test_the_stop_control_fits_a_320_px_screen_and_works_by_keyboard(started):
    page = started
    page.set_viewport_size({"width": 320, "height": 568})
    check_in(page)
    # The swap has settled once the player has moved focus to the new step's heading;
    # focusing the control before that would lose the focus to the heading.
    page.wait_for_function("() => document.activeElement.matches('#player h1')", polling=100)
    summary = page.get_by_text("Stop for today")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="No time")).to_be_visible()
    page.get_by_role("radio", name="No time").focus()
    page.keyboard.press("Space")
    scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll[0] <= scroll[1], f"horizontal scroll: {scroll}"
    for target in (summary, page.get_by_role("button", name="Stop the session")):
        assert target.bounding_box()["height"] >= 44
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Stop the session").focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="You stopped for today. How is your back now?")
    ).to_be_visible()


def test_in_spain_in_spanish_the_emergency_number_is_112(
    live_server, page, demo, sign_in, settings, reads
):
    Clinic.objects.filter(pk=demo.clinic_id).update(country="ES")
    demo.language = "es"
    demo.save(update_fields=["language"])
    sign_in("demo-patient", "hipmob-demo")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    link = page.locator(".site-footer a.tel-link[href='tel:112']")
    expect(link).to_have_text("112")
    expect(page.locator(".site-footer")).to_contain_text("las urgencias del hospital")
    assert not NO_UK.search(page.content())
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/learn/soreness-or-warning-sign/")
    expect(page.locator(".prose a[href='tel:112']")).to_have_text("112")
    assert not NO_UK.search(page.content())
    assert_no_axe_violations(page)


def test_the_activity_scale_has_activity_anchors(live_server, page, demo, sign_in):
    sign_in("demo-patient", "hipmob-demo")
    page.goto(f"{live_server.url}/activities/")
    expect(page.get_by_role("heading", level=1, name="Everyday activities")).to_be_visible()
    anchors = page.locator(".psfs-activity .pain-scale__anchors")
    expect(anchors.first).to_contain_text("0 = can't do it at all")
    expect(anchors.first).to_contain_text("10 = as well as before the problem")
    expect(page.locator(".psfs-activity")).not_to_contain_text(["no pain"])
    assert "no pain" not in page.locator("main").inner_text()
    assert_no_axe_violations(page)
