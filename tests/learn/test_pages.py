import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learn.models import Read, ReadTranslation
from tests.factories import make_plan, speak

SHIPPED = [
    "why-hips",
    "what-the-evidence-shows",
    "soreness-or-warning-sign",
    "sitting-breaks",
    "moving-and-lifting",
    "little-and-often",
    "how-to-stretch",
    "core-and-glutes",
]


def test_anonymous_people_are_sent_to_sign_in(client):
    for url in ("/learn/", "/learn/why-hips/"):
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_patient_sees_the_shipped_reads_in_order(client, alice):
    client.force_login(alice)
    html = client.get("/learn/").content.decode()
    titles = re.findall(r'<h2><a href="/learn/([a-z-]+)/">', html)
    assert titles == SHIPPED
    assert "Why your hips matter for your back" in html
    assert "2-minute read" in html


def test_each_shipped_read_fits_a_phone_screen_or_two_and_shows_its_sources(client, alice):
    client.force_login(alice)
    for read in Read.objects.all():
        assert 120 <= read.body_words <= 320, (read.slug, read.body_words)
        assert len(read.source_list) >= 2, read.slug
        html = client.get(read.get_absolute_url()).content.decode()
        assert "Where this comes from" in html
        for source in read.source_list:
            assert source.kind, (read.slug, source)
            assert (
                f'<span class="tag">{source.kind_label}</span> <a href="{source.address}"' in html
            )
        assert f'src="/static/img/learn/{read.slug}.svg"' in html
        assert f'alt="{read.illustration_alt}"' in html


def test_the_evidence_read_makes_no_cure_claims(client, alice):
    client.force_login(alice)
    html = client.get("/learn/what-the-evidence-shows/").content.decode()
    assert "short term" in html and "508 people" in html
    assert "None of this is a cure" in html
    assert "doesn't replace it" in html


def test_the_soreness_read_links_to_the_safety_check(client, alice):
    client.force_login(alice)
    html = client.get("/learn/soreness-or-warning-sign/").content.decode()
    assert '<a href="/safety/" rel="noopener noreferrer">answer the safety questions</a>' in html
    assert 'call <a class="tel-link" href="tel:999">999</a> or go to A&amp;E' in html
    assert client.get("/safety/").status_code == 200


def test_a_draft_is_hidden_from_patients_but_not_from_editors(client, alice, erin):
    Read.objects.filter(slug="why-hips").update(published=False)
    client.force_login(alice)
    assert client.get("/learn/why-hips/").status_code == 404
    assert "/learn/why-hips/" not in client.get("/learn/").content.decode()
    client.force_login(erin)
    assert client.get("/learn/why-hips/").status_code == 200


def test_spanish_readers_get_the_spanish_text(client, alice):
    speak(alice, "es")
    client.force_login(alice)
    html = client.get("/learn/").content.decode()
    assert '<html lang="es">' in html
    assert "Por qué sus caderas importan para su espalda" in html
    assert "Lectura de 2 minutos" in html
    html = client.get("/learn/soreness-or-warning-sign/").content.decode()
    assert "¿Molestia normal o señal de alarma?" in html
    assert "responda ahora a las preguntas de seguridad" in html
    assert ' lang="en"' not in html.split("<main")[1].split("Ejercicios relacionados")[0]


def test_a_read_without_a_translation_is_shown_in_english_and_says_so(client, alice):
    ReadTranslation.objects.filter(read__slug="why-hips").delete()
    speak(alice, "es")
    client.force_login(alice)
    html = client.get("/learn/why-hips/").content.decode()
    assert '<article class="read" lang="en">' in html
    assert "Why your hips matter for your back" in html
    assert "Todas las lecturas" in html  # the page around it is still Spanish


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_reads(n: int) -> None:
    for i in range(n):
        read = Read.objects.create(
            slug=f"extra-{i}",
            title=f"Extra {i}",
            summary="s",
            body="Words " * 50,
            illustration="img/learn/why-hips.svg",
            illustration_alt="a",
            published=True,
            order=100 + i,
        )
        ReadTranslation.objects.create(
            read=read,
            language="es",
            title=f"Extra {i} es",
            summary="s",
            body="Palabras",
            illustration_alt="a",
        )


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_list_keeps_a_fixed_number_of_queries(client, alice, language):
    alice.language = language
    alice.save(update_fields=["language"])
    client.force_login(alice)
    # session, user, the reads (translations joined)
    assert count(client, "/learn/") == 3
    add_reads(30)
    assert count(client, "/learn/") == 3


def test_the_read_gives_the_readers_clinics_emergency_number(client, hana):
    """Hana's clinic is in Spain: 112 and the hospital emergency department, never 999."""
    client.force_login(hana)
    speak(hana, "en")
    html = client.get("/learn/soreness-or-warning-sign/").content.decode()
    assert '<a class="tel-link" href="tel:112">112</a>' in html
    assert "the hospital emergency department" in html
    assert "tel:999" not in html and "A&amp;E" not in html


def test_the_read_names_only_the_readers_clinics_exercises(client, alice, hana):
    from exercises.models import Exercise
    from tests.factories import make_exercise

    theirs = make_exercise(name="Norte hip hinge", clinic=hana.clinic)
    Read.objects.get(slug="core-and-glutes").exercises.add(theirs)
    client.force_login(alice)
    assert "Norte hip hinge" not in client.get("/learn/core-and-glutes/").content.decode()
    client.force_login(hana)
    assert "Norte hip hinge" in client.get("/learn/core-and-glutes/").content.decode()
    assert Exercise.objects.filter(reads__slug="core-and-glutes").count() > 1


def test_the_read_page_keeps_a_fixed_number_of_queries(client, alice):
    client.force_login(alice)
    # session, user, the read, its exercises
    assert count(client, "/learn/soreness-or-warning-sign/") == 4
    assert count(client, "/learn/what-the-evidence-shows/") == 4


def test_each_exercise_page_links_to_its_reads(client, alice):
    from exercises.models import Exercise

    client.force_login(alice)
    for exercise in Exercise.objects.published():
        html = client.get(exercise.get_absolute_url()).content.decode()
        assert "Read more" in html, exercise.slug
        assert 'href="/learn/soreness-or-warning-sign/"' in html
    html = client.get("/exercises/glute-bridge/").content.decode()
    assert 'href="/learn/core-and-glutes/"' in html
    assert 'href="/learn/why-hips/"' not in html


def test_the_read_page_links_back_to_its_exercises(client, alice):
    client.force_login(alice)
    html = client.get("/learn/core-and-glutes/").content.decode()
    for slug in ("glute-bridge", "clamshell", "bird-dog", "dead-bug"):
        assert f'href="/exercises/{slug}/"' in html


def test_learn_is_in_the_patient_navigation_and_on_today(client, alice, bob):
    from exercises.models import Exercise

    make_plan(alice, bob, Exercise.objects.filter(slug="glute-bridge"))
    client.force_login(alice)
    html = client.get("/today/").content.decode()
    assert '<a href="/learn/">Learn</a>' in html
    assert 'href="/learn/"><' not in html  # a real label, not an empty link
    assert "Learn why these exercises help" in html
    html = client.get("/learn/").content.decode()
    assert '<a href="/learn/" aria-current="page">Learn</a>' in html


def test_a_clinician_reading_a_read_gets_no_link_to_the_patients_safety_check(
    client, reads, alice, bob
):
    """Finding 6 of issue 17: the read sends patients to /safety/, a 404 for anyone else."""
    url = "/learn/soreness-or-warning-sign/"
    client.force_login(bob)
    html = client.get(url).text
    assert 'href="/safety/"' not in html
    assert "answer the safety questions" in html  # the words stay, as plain text
    assert client.get("/safety/").status_code == 404
    client.force_login(alice)
    assert 'href="/safety/"' in client.get(url).text
