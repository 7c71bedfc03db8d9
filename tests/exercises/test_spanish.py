"""The catalogue in Spanish: edited in the admin beside the English, flagged for review
when the English changes after it, shown on Spanish pages with the English (marked
lang="en") wherever a Spanish field is still empty."""

import pytest
from django.apps import apps
from django.utils import translation

from exercises import catalogue
from exercises.catalogue import es
from exercises.models import Equipment, Exercise, SpanishStatus, english_fingerprint
from tests.admin_forms import admin_form
from tests.exercises.test_images import change_form_data
from tests.factories import make_plan, make_screening, speak

SHIPPED = [entry["slug"] for entry in catalogue.EXERCISES]
CHANGE = "/admin/exercises/exercise/{}/change/"


@pytest.fixture
def bridge(db):
    return Exercise.objects.get(slug="glute-bridge")


def post_change(client, exercise, **fields):
    return client.post(CHANGE.format(exercise.pk), change_form_data(client, exercise, **fields))


# --- the shipped Spanish ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SHIPPED)
def test_every_shipped_exercise_has_spanish_checked_against_todays_english(slug):
    """Fails, naming the exercise, when its English in exercises/catalogue/<slug>.py
    changes without its Spanish in es.py being brought in line (and the hash updated:
    catalogue.fingerprints() prints them)."""
    exercise = Exercise.objects.get(slug=slug)  # as the data migration left it
    assert exercise.spanish_status == SpanishStatus.OK, (
        f"{slug}: Spanish {exercise.spanish_status.label.lower()}: bring es.py in line with "
        "its English"
    )


@pytest.mark.django_db
def test_the_loader_writes_both_languages_whatever_language_is_active():
    """The tests' and seed_demo's path (the real model, with its translation
    descriptors), here with Spanish active: the English columns stay English."""
    with translation.override("es"):
        catalogue.load(apps)
    bridge = Exercise.objects.get(slug="glute-bridge")
    assert bridge.name_en == "Glute bridge" and bridge.name_es == "Puente de glúteos"
    assert Exercise.objects.filter(slug="glute-bridge", name="Glute bridge").exists()
    assert bridge.spanish_status == SpanishStatus.OK
    mat = Equipment.objects.get(slug="mat")
    assert (mat.name_en, mat.name_es) == ("Exercise mat", "Esterilla")


@pytest.mark.django_db
def test_the_shipped_spanish_covers_exactly_the_shipped_exercises_and_equipment():
    assert set(es.SPANISH) == set(SHIPPED)
    assert set(es.EQUIPMENT) == {slug for slug, _name in catalogue.EQUIPMENT}


@pytest.mark.django_db
def test_the_spanish_makes_no_cure_claims_and_keeps_the_englishs_lines():
    banned = ("cura", "curar", "elimina", "garantiza", "milagro", "permanente", "para siempre")
    for entry in catalogue.EXERCISES:
        spanish = es.SPANISH[entry["slug"]]
        text = " ".join(value for key, value in spanish.items() if key != "checked_against")
        assert not [word for word in banned if word in text.lower()], entry["slug"]
        for field in ("cues", "mistakes", "cautions"):
            lines = len(spanish[field].splitlines())
            assert lines == len(entry[field].splitlines()), (entry["slug"], field)


# --- status -------------------------------------------------------------------------


def test_the_fingerprint_ignores_line_endings_and_trailing_spaces_only():
    english = dict.fromkeys(("name", "summary", "target", "start_position"), "")
    english |= {"cues": "One\nTwo\nThree", "mistakes": "", "easier_tip": "", "harder_tip": ""}
    english |= {"cautions": "", "illustration_alt": "A picture"}
    same = english | {"cues": "One  \r\nTwo\r\nThree\r\n"}
    other = english | {"cues": "One\nTwo\nThree more"}
    assert english_fingerprint(english) == english_fingerprint(same)
    assert english_fingerprint(english) != english_fingerprint(other)
    assert len(english_fingerprint(english)) == 16


@pytest.mark.django_db
def test_status_is_missing_then_needs_review_then_ok(bridge):
    assert bridge.spanish_status == SpanishStatus.OK
    bridge.summary_en = "Builds strength in your buttocks."
    assert bridge.spanish_status == SpanishStatus.NEEDS_REVIEW
    bridge.spanish_checked_against = bridge.english_fingerprint
    assert bridge.spanish_status == SpanishStatus.OK
    bridge.cues_es = ""
    assert bridge.spanish_status == SpanishStatus.MISSING
    # A field the Spanish pages can do without may stay empty.
    bridge.cues_es, bridge.harder_tip_es = "Uno\nDos\nTres", ""
    assert bridge.spanish_status == SpanishStatus.OK


# --- the admin ----------------------------------------------------------------------


def test_the_change_form_shows_english_and_spanish_side_by_side(client, erin, bridge):
    client.force_login(erin)
    html = client.get(CHANGE.format(bridge.pk)).content.decode()
    form = admin_form(html, "exercise_form")
    assert form["name_en"] == "Glute bridge" and form["name_es"] == "Puente de glúteos"
    assert form["cues_es"].startswith("Apriete suavemente")
    assert "name" not in form and "cues" not in form
    # One row of the form holds both.
    row = html.split('class="form-row field-name_en field-name_es')[1].split("</fieldset>")[0]
    assert 'name="name_en"' in row and 'name="name_es"' in row
    assert "The Spanish matches this English" in html
    assert "Spanish checked" in html  # the status, shown read-only


def test_changing_the_english_flags_the_spanish_for_review(client, erin, bridge):
    client.force_login(erin)
    response = post_change(client, bridge, summary_en="Strengthens the buttock muscles.")
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert bridge.summary_en == "Strengthens the buttock muscles."
    assert bridge.spanish_status == SpanishStatus.NEEDS_REVIEW
    page = client.get(CHANGE.format(bridge.pk)).content.decode()
    assert "The Spanish needs review" in page
    listing = client.get("/admin/exercises/exercise/?spanish=needs_review").content.decode()
    assert "Glute bridge" in listing and "Spanish needs review" in listing
    assert ">Clamshell</a>" not in listing
    ok = client.get("/admin/exercises/exercise/?spanish=ok").content.decode()
    assert "Glute bridge" not in ok and ">Clamshell</a>" in ok


def test_saving_without_changing_the_english_keeps_the_status(client, erin, bridge):
    """The admin's text boxes send \\r\\n; that alone is no change."""
    client.force_login(erin)
    cues = bridge.cues_en.replace("\n", "\r\n")
    assert post_change(client, bridge, cues_en=cues).status_code == 302
    bridge.refresh_from_db()
    assert bridge.spanish_status == SpanishStatus.OK


def test_ticking_the_box_clears_the_review(client, erin, bridge):
    client.force_login(erin)
    post_change(client, bridge, summary_en="Strengthens the buttock muscles.")
    response = post_change(
        client,
        Exercise.objects.get(pk=bridge.pk),
        summary_es="Fortalece los glúteos.",
        spanish_checked="on",
    )
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert bridge.spanish_status == SpanishStatus.OK
    assert bridge.spanish_checked_against == bridge.english_fingerprint
    assert bridge.summary_es == "Fortalece los glúteos."
    assert "The Spanish needs review:" not in client.get(CHANGE.format(bridge.pk)).content.decode()


def test_a_new_english_and_its_spanish_checked_in_one_save(client, erin, bridge):
    client.force_login(erin)
    response = post_change(
        client,
        bridge,
        summary_en="Strengthens the buttock muscles.",
        summary_es="Fortalece los glúteos.",
        spanish_checked="on",
    )
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert bridge.spanish_status == SpanishStatus.OK


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"cues_es": "Uno\nDos"}, "Write 3 to 6 cues, one per line (there are 2)."),
        ({"cues_es": "\n".join(f"Paso {n}" for n in range(7))}, "Write 3 to 6 cues"),
        (
            {"name_es": "", "spanish_checked": "on", "summary_en": "New English."},
            "Write the Spanish first: name [es].",
        ),
        ({"name_es": "x" * 121}, "Ensure this value has at most 120 characters"),
    ],
)
def test_bad_spanish_is_refused_and_nothing_is_stored(client, erin, bridge, fields, message):
    client.force_login(erin)
    before = Exercise.objects.values().get(pk=bridge.pk)
    response = post_change(client, bridge, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Exercise.objects.values().get(pk=bridge.pk) == before


def test_empty_spanish_is_allowed_and_shows_as_missing(client, erin, bridge):
    client.force_login(erin)
    assert post_change(client, bridge, cues_es="", cautions_es="").status_code == 302
    bridge.refresh_from_db()
    assert bridge.spanish_status == SpanishStatus.MISSING
    listing = client.get("/admin/exercises/exercise/?spanish=missing").content.decode()
    assert "Glute bridge" in listing and ">Clamshell</a>" not in listing
    assert (
        "Some of the Spanish is still empty"
        in client.get(CHANGE.format(bridge.pk)).content.decode()
    )


def test_the_english_is_still_required(client, erin, bridge):
    client.force_login(erin)
    before = Exercise.objects.values().get(pk=bridge.pk)
    response = post_change(client, bridge, name_en="", name_es="Puente")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Exercise.objects.values().get(pk=bridge.pk) == before


# --- Spanish pages ------------------------------------------------------------------


@pytest.fixture
def spanish_alice(client, alice, bob, bridge):
    """Alice, who reads Spanish, signed in, with the bridge in her plan."""
    speak(alice, "es")
    make_plan(alice, bob, [bridge])
    make_screening(alice, days_ago=1)
    client.force_login(alice)
    return client


def test_the_exercise_page_is_in_spanish(spanish_alice):
    html = spanish_alice.get("/exercises/glute-bridge/").content.decode()
    assert "<h1>Puente de glúteos</h1>" in html
    assert "<li>Apriete suavemente los músculos del abdomen.</li>" in html
    assert "<li>Pare si los síntomas empeoran o aparece un dolor nuevo.</li>" in html
    assert 'alt="Una persona tumbada boca arriba' in html
    assert '<li class="tag">Esterilla</li>' in html
    assert "Glute bridge" not in html and ' lang="en"' not in html.split("<main")[1]


def test_the_library_is_in_spanish_alphabetical_order_on_spanish_pages(spanish_alice, client):
    """Bird dog comes before the clamshell in English; in Spanish the clamshell (Almeja)
    comes before the bird dog (Perro pájaro). Whatever the database's collation, that
    pair must flip."""
    names = [e.name for e in spanish_alice.get("/exercises/").context["exercises"]]
    assert names.index("Almeja") < names.index("Perro pájaro")
    strength = [e.name for e in spanish_alice.get("/exercises/?q=almeja").context["exercises"]]
    assert strength and all("Almeja" in name for name in strength)


def test_an_empty_spanish_field_falls_back_to_english_marked_as_such(spanish_alice, bridge):
    Exercise.objects.filter(pk=bridge.pk).update(cues_es="", cautions_es="", illustration_alt_es="")
    html = spanish_alice.get("/exercises/glute-bridge/").content.decode()
    picture = html.split('alt="A person lies on their back')[0].rsplit("<img", 1)[1]
    assert ' lang="en"' in picture
    assert "<h1>Puente de glúteos</h1>" in html
    assert '<ol class="cues" lang="en">' in html
    assert "<li>Gently tighten your stomach muscles.</li>" in html
    assert '<li lang="en">Stop if your symptoms get worse or a new pain appears.</li>' in html


def test_the_library_lists_and_finds_spanish_names(spanish_alice):
    html = spanish_alice.get("/exercises/?q=puente").content.decode()
    assert ">Puente de glúteos</a></h2>" in html
    # The English words still find it (a Spanish page may show English).
    assert (
        ">Puente de glúteos</a></h2>" in spanish_alice.get("/exercises/?q=bridge").content.decode()
    )


def test_today_and_the_player_and_the_summary_are_in_spanish(spanish_alice, bridge):
    from tests.practice.test_player import checked_in, finish_steps, post

    today = spanish_alice.get("/today/").content.decode()
    assert "<strong>Puente de glúteos</strong>" in today
    session = checked_in(spanish_alice)
    player = spanish_alice.get(f"/sessions/{session.code}/").content.decode()
    assert '<h1 class="player__name">Puente de glúteos</h1>' in player
    assert "<li>Apriete suavemente los músculos del abdomen.</li>" in player
    # Saved, as the admin saves it: the pages kept under the patients' record stamps
    # follow (the database's triggers, patient/migrations/0001_record_stamp_triggers.py).
    bridge.name_es = ""
    bridge.save(update_fields=["name_es"])
    player = spanish_alice.get(f"/sessions/{session.code}/").content.decode()
    assert '<h1 class="player__name" lang="en">Glute bridge</h1>' in player
    bridge.name_es = "Puente de glúteos"
    bridge.save(update_fields=["name_es"])
    finish_steps(spanish_alice, session, session.plan)
    post(
        spanish_alice,
        f"/sessions/{session.code}/check-out/",
        {"pain_worst": 3, "pain": 3, "effort": "right"},
    )
    summary = spanish_alice.get(f"/sessions/{session.code}/").content.decode()
    assert "<span>Puente de glúteos</span>:" in summary


def test_a_clinician_reading_spanish_prints_the_handout_in_spanish(client, alice, bob, bridge):
    """The handout follows the language of the clinician printing it."""
    make_plan(alice, bob, [bridge])
    speak(bob, "es")
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/handout/").content.decode()
    assert "1. <span>Puente de glúteos</span>" in html
    assert "<li>Apriete suavemente los músculos del abdomen.</li>" in html


def test_the_list_shows_counts_per_spanish_status(client, erin, bridge):
    Exercise.objects.filter(pk=bridge.pk).update(summary_en="Changed English.")
    client.force_login(erin)
    response = client.get("/admin/exercises/exercise/?_facets=True")
    assert response.status_code == 200
    assert "Spanish needs review (1)" in response.content.decode()


def test_shown_text_gives_other_models_queries_the_page_language_with_english_fallback(
    alice, bob, bridge
):
    """For values() through another model (the clinician's per-exercise table), which
    modeltranslation doesn't rewrite."""
    from exercises.models import shown_text
    from routines.models import RoutineItem

    plan = make_plan(alice, bob, [bridge])
    items = RoutineItem.objects.filter(routine=plan)

    def names():
        return list(items.values_list(shown_text("exercise__name"), flat=True))

    assert names() == ["Glute bridge"]
    with translation.override("es"):
        assert names() == ["Puente de glúteos"]
        Exercise.objects.filter(pk=bridge.pk).update(name_es="")
        assert names() == ["Glute bridge"]


def test_a_clinician_reading_spanish_sees_the_per_exercise_table_in_spanish(
    client, alice, bob, bridge
):
    from tests.factories import make_full_session

    plan = make_plan(alice, bob, [bridge])
    make_full_session(alice, plan, days_ago=1)
    speak(bob, "es")
    client.force_login(bob)
    response = client.get(f"/clinic/patients/{alice.code}/")
    assert response.status_code == 200
    assert '<th scope="row">Puente de glúteos</th>' in response.content.decode()
