import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from safety.models import Alert, ScreeningQuestion
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import sign_in_on
from tests.factories import link as care_link
from tests.factories import make_patient


@pytest.fixture
def demo(catalogue, questions):
    from django.apps import apps

    from exercises.permissions import ensure_catalogue_editors

    ensure_catalogue_editors(apps.get_app_config("exercises"))
    call_command("seed_demo", "--force")


def answer_all_no_except(page, yes_key=None):
    for question in ScreeningQuestion.objects.filter(active=True):
        answer = "Yes" if question.key == yes_key else "No"
        page.get_by_role("group", name=question.text).get_by_label(answer, exact=True).check()


def test_an_emergency_answer_locks_exercise_and_the_clinician_sees_it_first(
    live_server, page, browser, demo, sign_in
):
    sign_in("demo-patient", "hipmob-demo")
    page.get_by_role("link", name="Has something changed with your back?").click()
    expect(page.get_by_role("heading", name="A quick safety check")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send my answers").click()  # nothing answered
    expect(page.get_by_role("alert").first).to_contain_text("Please answer every question")
    assert_no_axe_violations(page)
    answer_all_no_except(page, "both-legs")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Get emergency care now")).to_be_visible()
    expect(page.get_by_text("Call 999 or go to A&E now. Do not do your exercises.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Back to Today").click()
    expect(page.get_by_text("Exercise is paused.")).to_be_visible()
    expect(page.get_by_role("button", name="Start today's routine")).to_have_count(0)
    assert_no_axe_violations(page)

    # The clinician, at a desk, sees the alert first.
    for n in range(3):
        from accounts.models import User

        care_link(User.objects.get(username="demo-clinician"), make_patient(name=f"Aaron {n}"))
    desk = browser.new_context(viewport={"width": 1280, "height": 800})
    clinic = desk.new_page()
    sign_in_on(clinic, live_server.url, "demo-clinician", "hipmob-demo")
    first_row = clinic.locator("tbody tr").first
    expect(first_row).to_contain_text("Alice Morgan")
    expect(first_row).to_contain_text("1 open alert")
    first_row.get_by_role("link", name="Alice Morgan").click()
    expect(clinic.get_by_role("heading", name="Open alerts")).to_be_visible()
    assert_no_axe_violations(clinic)
    clinic.get_by_label("Exercise is paused. After speaking to them").fill(
        "Seen in A&E today; no nerve compression. Safe to carry on gently."
    )
    clinic.get_by_role("button", name="Clear and switch exercise back on").click()
    expect(clinic.get_by_text("Cleared. Alice Morgan can exercise again.")).to_be_visible()
    assert not Alert.objects.open().exists()
    desk.close()

    page.reload()
    expect(page.get_by_text("Exercise is paused.")).to_have_count(0)
