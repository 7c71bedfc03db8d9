import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import SignInLink, User
from practice.models import ExerciseSession, StepLog
from tests.e2e.axe import assert_no_axe_violations

DEMO_STEPS = 16  # the core five: 4 + 2 + 4 + 4 + 2 sets and sides


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
    page.get_by_role("radio", name="3", exact=True).check()
    page.get_by_text("About right").click()
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_text("5 of 5 exercises done")).to_be_visible()
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
    # A new exercise starts with ten seconds to get into position.
    expect(page.locator("[data-phase]")).to_have_text("Get into position")
    expect(page.locator("[data-phase]")).to_have_text("Hold", timeout=13_000)
    first = int(page.locator("[data-number]").inner_text())
    assert 25 <= first <= 30, "the hold starts from its full length"
    page.wait_for_timeout(1500)
    assert int(page.locator("[data-number]").inner_text()) < first


def test_a_session_can_be_completed_without_javascript(
    live_server, browser, browser_context_args, demo
):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("demo-patient")
    page.get_by_label("Password").fill("hipmob-demo")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Start today's routine").click()
    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Start the exercises").click()
    expect(page.locator("[data-timer]")).to_be_hidden()  # no timer without JavaScript
    for _ in range(DEMO_STEPS):
        page.get_by_role("button", name="Done", exact=True).click()
    page.get_by_role("radio", name="1", exact=True).check()
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
