"""The exercise catalogue in Spanish, in real Chromium at 390 by 844 pixels: the library,
an exercise's page and the player, then an editor's Spanish status in the admin."""

import pytest
from playwright.sync_api import expect

from exercises.models import Exercise
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.test_admin import editor  # noqa: F401 (a fixture)
from tests.e2e.test_learn import assert_tap_targets, choose_spanish
from tests.e2e.test_library import assert_fits
from tests.factories import make_clinician, make_patient, make_plan, make_screening


@pytest.fixture
def patient(catalogue):
    alice = make_patient(username="alice", name="Alice Morgan")
    clinician = make_clinician(username="bob", name="Bob Reid")
    make_plan(alice, clinician, [Exercise.objects.get(slug="glute-bridge")])
    make_screening(alice)
    return alice


def test_a_spanish_speaker_reads_and_does_an_exercise_in_spanish(
    live_server, page, patient, sign_in, csp_violations
):
    sign_in("alice")
    choose_spanish(page)
    page.get_by_role("navigation").get_by_role("link", name="Ejercicios").click()
    expect(page.get_by_role("link", name="Puente de glúteos")).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits(page, 390)

    page.get_by_role("link", name="Puente de glúteos").click()
    expect(page.get_by_role("heading", level=1, name="Puente de glúteos")).to_be_visible()
    expect(page.get_by_text("Apriete suavemente los músculos del abdomen.")).to_be_visible()
    picture = page.get_by_role("img", name="Una persona tumbada boca arriba", exact=False)
    expect(picture).to_be_visible()
    assert page.locator("main [lang=en]").count() == 0
    assert_no_axe_violations(page)
    assert_tap_targets(page)
    assert_fits(page, 390)

    page.get_by_role("navigation").get_by_role("link", name="Hoy").click()
    page.get_by_role("button", name="Empezar la rutina de hoy").click()
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("button", name="Empezar los ejercicios").click()
    expect(page.get_by_role("heading", level=1, name="Puente de glúteos")).to_be_visible()
    expect(page.get_by_text("Empuje con los talones y apriete los glúteos")).to_be_visible()
    assert_no_axe_violations(page)
    assert_fits(page, 390)
    assert csp_violations == []


def test_english_shown_on_a_spanish_page_is_marked_english(
    live_server, page, patient, sign_in, csp_violations
):
    Exercise.objects.filter(slug="glute-bridge").update(cues_es="", name_es="")
    sign_in("alice")
    choose_spanish(page)
    page.goto(f"{live_server.url}/exercises/glute-bridge/")
    heading = page.get_by_role("heading", level=1, name="Glute bridge")
    expect(heading).to_have_attribute("lang", "en")
    expect(page.locator("ol.cues")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Lie on your back")).to_have_count(0)  # Spanish start position
    assert_no_axe_violations(page)
    assert csp_violations == []


def test_an_editor_sees_and_clears_the_spanish_review(
    live_server,
    page,
    editor,  # noqa: F811
    sign_in,
    csp_violations,
):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in("erin")
    bridge = Exercise.objects.get(slug="glute-bridge")
    page.goto(f"{live_server.url}/admin/exercises/exercise/{bridge.pk}/change/")
    page.get_by_label("Summary [en]").fill("Strengthens the buttock muscles, gently.")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("The Spanish needs review")
    page.get_by_label("Summary [es]").fill("Fortalece los glúteos, con suavidad.")
    page.get_by_label("The Spanish matches this English").check()
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("tr", has_text="Glute bridge")).to_contain_text("Spanish checked")
    bridge.refresh_from_db()
    assert bridge.spanish_status == "ok" and bridge.summary_es.startswith("Fortalece")
    # Before axe runs: its own probes trip the CSP on the admin's form pages
    # (tests/e2e/test_admin_crawl.py).
    assert csp_violations == []
    page.goto(f"{live_server.url}/admin/exercises/exercise/{bridge.pk}/change/")
    assert_no_axe_violations(page)
