"""The clinic admin's report and the clinic's own exercises in a real browser: at
1280x800 with axe (forms with errors too), and usable on a phone (390 px wide)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.models import Episode
from exercises.models import Exercise
from practice.models import ExerciseSession
from routines.models import Routine, RoutineKind
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import PHONE, sign_in_on
from tests.factories import make_exercise, make_plan

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def clinic_data(ann, bob, alice, dana):
    """Alice: a plan for a week, four sessions done; an episode discharged yesterday
    with her pain from 6 to 3. A routine Dana shares."""
    today = alice.local_date()
    exercise = make_exercise(name="Glute bridge test")
    plan = make_plan(alice, bob, [exercise], start_date=today - timedelta(days=7))
    for days_ago, pain in [(6, 6), (4, 5), (3, 4), (2, 3)]:
        ExerciseSession.objects.create(
            patient=alice,
            plan=plan,
            local_date=today - timedelta(days=days_ago),
            pain_before=pain,
            pain_after=pain,
            status="completed",
            finished=datetime(2026, 1, 1, tzinfo=UTC),
        )
    Episode.objects.create(
        clinic=alice.clinic,
        patient=alice,
        referral_reason="Low back pain",
        started_on=today - timedelta(days=7),
        discharged_on=today - timedelta(days=1),
        outcome="improved",
    )
    Routine.objects.create(
        kind=RoutineKind.TEMPLATE, title="Dana's shared routine", owner=dana, shared=True
    )


@pytest.fixture
def admin_page(browser, live_server, ann, clinic_data):
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    sign_in_on(page, live_server.url, "ann")
    yield page
    assert violations == [], violations
    context.close()


def test_a_clinic_admin_reads_the_report_and_downloads_it(admin_page, live_server):
    page = admin_page
    page.goto(f"{live_server.url}/clinic/manage/")
    page.get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report for Test clinic")
    expect(page.get_by_test_id("pain-words")).to_have_text(
        "Pain down 3.0 points on average: better (n=1)."
    )
    expect(page.get_by_text("too few to read much into").first).to_be_visible()
    expect(page.get_by_text("4 of 7 due sessions done, across the clinic.")).to_be_visible()
    assert_no_axe_violations(page)

    # A bad period: a message, and the last 90 days.
    page.get_by_label("From", exact=True).fill("2026-03-10")
    page.get_by_label("To", exact=True).fill("2026-03-01")
    page.get_by_role("button", name="Show this period").click()
    expect(page.get_by_text("The end of the period is before its start.")).to_be_visible()
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download discharged episodes (CSV)").click()
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert content.splitlines()[0].startswith("episode,clinic_identifier,")
    assert "Alice" not in content
    assert ",6,3,-3," in content


def test_a_clinic_admin_adds_an_exercise_and_unshares_a_routine(admin_page, live_server):
    page = admin_page
    page.goto(f"{live_server.url}/clinic/manage/")
    page.get_by_role("link", name="Your clinic's exercises and shared routines").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your clinic's exercises")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Add an exercise").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Add to the library").click()  # nothing filled in
    expect(page.get_by_role("alert")).to_contain_text("Please check the fields")
    assert_no_axe_violations(page)  # the form with its errors
    page.get_by_label("Name").fill("Knee hug")
    page.get_by_label("Kind").select_option("stretch")
    page.get_by_label("Summary").fill("Eases a stiff lower back.")
    page.get_by_label("What it works").fill("The lower back")
    page.get_by_label("Starting position").fill("Lie on your back with your knees bent.")
    page.get_by_label("How to do it").fill("Bring one knee in.\nHold it.\nBreathe out.")
    page.get_by_label("Hold (seconds)").fill("20")
    page.get_by_label("Drawing").select_option("img/exercises/childs-pose.svg")
    page.get_by_label("Picture description").fill("A person hugging one knee.")
    page.get_by_role("button", name="Add to the library").click()
    expect(page.get_by_text("Knee hug is in your clinic's library now.")).to_be_visible()
    assert_no_axe_violations(page)
    assert Exercise.objects.get(slug="test-clinic-knee-hug").published

    # Its page in the library.
    page.get_by_role("link", name="See its page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Knee hug")

    page.goto(f"{live_server.url}/clinic/exercises/")
    page.get_by_role("button", name="Stop sharing Dana's shared routine").click()
    expect(page.get_by_text("Dana's shared routine is no longer shared.")).to_be_visible()
    assert not Routine.objects.get(title="Dana's shared routine").shared
    page.get_by_role("button", name="Unpublish Knee hug").click()
    expect(page.get_by_text("Knee hug is out of the library.")).to_be_visible()
    assert_no_axe_violations(page)


def test_the_pages_are_usable_on_a_phone(browser, live_server, ann, clinic_data):
    make_exercise(name="Knee hug", slug="test-clinic-knee-hug", clinic=ann.clinic)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in_on(page, live_server.url, "ann")
    for path, button in [
        ("/clinic/reports/", "Show this period"),
        ("/clinic/exercises/", "Unpublish Knee hug"),
        ("/clinic/exercises/new/", "Add to the library"),
        ("/clinic/exercises/test-clinic-knee-hug/", "Save"),
    ]:
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide"
        target = page.get_by_role("button", name=button, exact=True)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], path
        assert box["height"] >= 44, f"{button} on {path} is {box['height']}px tall"
    context.close()
