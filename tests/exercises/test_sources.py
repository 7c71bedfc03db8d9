import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from exercises.catalogue.references import SOURCES
from exercises.models import Exercise
from exercises.sources import (
    SEPARATOR,
    Source,
    SourceKind,
    SourceRefused,
    parse_sources,
    source_kind,
    validate_sources,
)
from learn.content import READS
from tests.exercises.test_images import change_form_data
from tests.factories import speak


@pytest.fixture(autouse=True)
def _english():
    # A page request leaves its language active on the thread (hipmob/middleware.py),
    # and pytest-django runs database tests first: the messages here are read in English.
    with translation.override("en"):
        yield


# The 23 slugs of notes/catalogue_plan.md: the 13 shipped and the 10 being added.
PLANNED_SLUGS = {
    "hip-flexor-stretch",
    "glute-bridge",
    "clamshell",
    "lunge-with-twist",
    "deep-squat",
    "hamstring-stretch",
    "butterfly-stretch",
    "figure-four-stretch",
    "ninety-ninety-switch",
    "bird-dog",
    "dead-bug",
    "cat-camel",
    "childs-pose",
    "standing-hip-flexor-stretch",
    "partial-bridge",
    "band-clamshell",
    "split-squat",
    "chair-sit-to-stand",
    "prone-press-up",
    "walking-break",
    "lying-windscreen-wipers",
    "bird-dog-arm-reach",
    "heel-taps",
}


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("https://www.nice.org.uk/guidance/ng59", SourceKind.GUIDELINE),
        ("https://www.nhs.uk/live-well/exercise/walking-for-health/", SourceKind.HEALTH_SERVICE),
        ("https://nhs.uk/conditions/back-pain/", SourceKind.HEALTH_SERVICE),
        ("https://WWW.NHS.UK./conditions/back-pain/", SourceKind.HEALTH_SERVICE),
        ("https://www.nhsinform.scot/illnesses-and-conditions/", SourceKind.HEALTH_SERVICE),
        ("https://nhsinform.scot/", SourceKind.HEALTH_SERVICE),
        ("https://www.guysandstthomas.nhs.uk/health-information/", SourceKind.TRUST_LEAFLET),
        ("https://www.cuh.nhs.uk/patient-information/", SourceKind.TRUST_LEAFLET),
        ("https://rightdecisions.scot.nhs.uk/leaflets", SourceKind.TRUST_LEAFLET),
        ("https://www.nhsggc.nhs.scot/leaflet", SourceKind.TRUST_LEAFLET),
        ("https://cavuhb.nhs.wales/leaflet", SourceKind.TRUST_LEAFLET),
        (
            "https://www.csp.org.uk/public-patient/rehabilitation-exercises/back-pain",
            SourceKind.PROFESSIONAL_BODY,
        ),
        ("https://www.choosept.com/guide/low-back-pain", SourceKind.PROFESSIONAL_BODY),
        ("https://www.versusarthritis.org/about-arthritis/", SourceKind.CHARITY),
        (
            "https://journals.lww.com/acsm-msse/fulltext/2011/07000/x.aspx",
            SourceKind.POSITION_STAND,
        ),
        ("https://doi.org/10.1249/MSS.0b013e318213fefb", SourceKind.POSITION_STAND),
        ("https://doi.org/10.2519/jospt.2020.9218", SourceKind.ARTICLE),
        ("https://pubmed.ncbi.nlm.nih.gov/31775556/", SourceKind.ARTICLE),
        ("https://pmc.ncbi.nlm.nih.gov/articles/PMC4325283", SourceKind.ARTICLE),
    ],
)
def test_addresses_on_the_allow_list_get_their_kind(address, kind):
    assert source_kind(address) == kind


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        # Look-alikes of allowed hosts.
        ("https://evilnhs.uk/back-pain", "evilnhs.uk is not one of the publishers' sites"),
        ("https://www.nhs.uk.evil.example/back-pain", "not one of the publishers' sites"),
        ("https://nhs-uk.example/back-pain", "not one of the publishers' sites"),
        ("https://notnice.org.uk/guidance/ng59", "not one of the publishers' sites"),
        ("https://doi.org.example/10.2519/jospt.2020.9218", "not one of the publishers' sites"),
        # Tricks that would send a browser somewhere else.
        ("https://www.nhs.uk@evil.example/", "user name or port"),
        ("https://evil.example@www.nhs.uk/", "user name or port"),
        ("https://evil.example\\@www.nhs.uk/", "not a web address"),
        ("https://www.nhs.uk:8080/", "user name or port"),
        ("https://www.nhs.uk:99999/", "not a web address"),
        ("javascript:alert(1)//www.nhs.uk", "not a web address"),
        ("www.nhs.uk/live-well/", "not a web address"),
        # Allowed publishers, but not over https.
        ("http://www.nhs.uk/live-well/", "must start with https://"),
        ("http://doi.org/10.2519/jospt.2020.9218", "must start with https://"),
        # Denied kinds, whatever the scheme.
        ("https://studylib.net/doc/27317708/hip-strengthening-protocol", "document-sharing copy"),
        ("https://docslib.org/doc/10794002/exercises-for-the-hip", "document-sharing copy"),
        ("https://www.scribd.com/document/1", "document-sharing copy"),
        ("http://ar.scribd.com/document/1", "document-sharing copy"),
        (
            "https://nhsinform-22072020-0700.azurewebsites.net/illnesses-and-conditions/",
            "staging or archive mirror",
        ),
        ("https://staging.nhs.uk/conditions/back-pain/", "staging or archive mirror"),
        ("https://web.archive.org/web/2020/https://www.nhs.uk/", "staging or archive mirror"),
        ("https://archive.ph/abcde", "staging or archive mirror"),
        ("https://uk.style.yahoo.com/exercise-relieve-back-pain", "popular media"),
        ("https://www.dailymail.co.uk/health/", "popular media"),
        ("https://medium.com/@someone/back-pain", "popular media"),
        ("https://golightweight.app/en/library/lunge-with-twist", "fitness app or blog"),
        (
            "https://www.acsm.org/all-blog-posts/certification-blog/stretching",
            "fitness app or blog",
        ),
        # Not one of §6's kinds at all.
        ("https://benchmarkphysio.com.au/the-glute-bridge-exercise/", "not one of the publishers"),
        ("https://www.pubmed.gov/37037144/", "not one of the publishers' sites"),
        ("https://journals.lww.com/jbjsjournal/x", "not one of the publishers' sites"),
    ],
)
def test_addresses_off_the_allow_list_are_refused_with_a_reason(address, reason):
    with pytest.raises(SourceRefused) as refused:
        source_kind(address)
    assert reason in str(refused.value)


def lines(text: str) -> list[tuple[str, str]]:
    return [tuple(line.split(SEPARATOR)) for line in text.splitlines()]


def test_every_planned_exercise_has_two_to_four_allowed_sources():
    assert set(SOURCES) == PLANNED_SLUGS
    for slug, text in SOURCES.items():
        assert 2 <= len(text.splitlines()) <= 4, slug
        validate_sources(text)  # raises on a denied or unknown address
        for label, address in lines(text):
            assert label and ": " in label, (slug, label)  # "Publisher: page"
            assert source_kind(address), (slug, address)
        assert len(set(text.splitlines())) == len(text.splitlines()), slug


def test_every_read_cites_allowed_sources():
    for read in READS:
        text = read["sources"]
        assert len(text.splitlines()) >= 2, read["slug"]
        validate_sources(text)
        assert all(source_kind(address) for _label, address in lines(text))


@pytest.mark.django_db
def test_the_loaded_catalogue_carries_the_references():
    for exercise in Exercise.objects.all():
        assert exercise.sources == SOURCES[exercise.slug]
        assert len(exercise.source_list) >= 2
        assert all(source.kind for source in exercise.source_list), exercise.slug


def test_parsing_gives_label_address_and_kind():
    text = (
        "NHS: Walking for health — https://www.nhs.uk/live-well/exercise/walking-for-health/\n"
        "\n"
        "Saraceni et al. 2020 — https://doi.org/10.2519/jospt.2020.9218"
    )
    assert parse_sources(text) == [
        Source(
            "NHS: Walking for health",
            "https://www.nhs.uk/live-well/exercise/walking-for-health/",
            "health_service",
        ),
        Source("Saraceni et al. 2020", "https://doi.org/10.2519/jospt.2020.9218", "article"),
    ]
    assert [source.kind_label for source in parse_sources(text)] == ["NHS page", "Research article"]


def test_rows_saved_before_the_checks_never_link_patients_off_the_allow_list():
    text = (
        "A book I like\n"
        "Hip protocol — https://studylib.net/doc/27317708/hip-strengthening-protocol\n"
        "Old NHS page — http://www.nhs.uk/live-well/"
    )
    assert parse_sources(text) == [
        Source("A book I like", "", ""),
        Source("Hip protocol", "", ""),
        Source("Old NHS page", "", ""),
    ]
    assert parse_sources(text)[0].kind_label == ""


def messages(text: str) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        validate_sources(text)
    return refused.value.messages


def test_each_bad_line_is_named_with_its_reason():
    found = messages(
        "NHS: Walking — https://www.nhs.uk/live-well/exercise/walking-for-health/\n"
        "UCSF: hip protocol — https://studylib.net/doc/27317708/hip-strengthening-protocol\n"
        "\n"
        "A line with no link\n"
        " — https://www.nhs.uk/conditions/back-pain/\n"
        "Benchmark Physio — https://benchmarkphysio.com.au/the-glute-bridge-exercise/\n"
        "https://www.nhs.uk/conditions/back-pain/"
    )
    assert len(found) == 5
    assert found[0].startswith("Line 2 (“UCSF: hip protocol — https://studylib.net/")
    assert "studylib.net is a document-sharing copy" in found[0]
    assert "National guideline, NHS page, NHS trust leaflet" in found[0]
    assert found[1].startswith("Line 4 (“A line with no link”) isn't written as")
    assert found[2].startswith("Line 5 (") and "needs a label" in found[2]
    assert found[3].startswith("Line 6 (") and "benchmarkphysio.com.au is not one" in found[3]
    assert found[4].startswith("Line 7 (") and "isn't written as" in found[4]


def test_blank_sources_are_allowed_for_a_draft():
    validate_sources("")
    validate_sources("\n  \n")


STUDYLIB = "UCSF: hip protocol — https://studylib.net/doc/27317708/hip-strengthening-protocol"


def test_the_admin_refuses_a_document_sharing_copy_and_stores_nothing(client, erin):
    client.force_login(erin)
    bridge = Exercise.objects.get(slug="glute-bridge")
    before = Exercise.objects.values().get(pk=bridge.pk)
    data = change_form_data(client, bridge, sources=bridge.sources + "\n" + STUDYLIB)
    response = client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Line 4 (" in html and "studylib.net is a document-sharing copy" in html
    assert Exercise.objects.values().get(pk=bridge.pk) == before


def test_the_admin_saves_allowed_sources(client, erin):
    client.force_login(erin)
    bridge = Exercise.objects.get(slug="glute-bridge")
    page = client.get(f"/admin/exercises/exercise/{bridge.pk}/change/").content.decode()
    assert "publisher's own site. Allowed kinds: National guideline, NHS page" in page
    line = "NHS: Strength exercises — https://www.nhs.uk/live-well/exercise/strength-exercises/"
    data = change_form_data(client, bridge, sources=line)
    response = client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
    assert response.status_code == 302
    bridge.refresh_from_db()
    assert bridge.sources == line


def test_the_exercise_page_labels_each_source_with_its_kind(client, alice):
    client.force_login(alice)
    for slug in ("glute-bridge", "hip-flexor-stretch", "childs-pose"):
        exercise = Exercise.objects.get(slug=slug)
        html = client.get(exercise.get_absolute_url()).content.decode()
        for source in exercise.source_list:
            assert (
                f'<li><span class="tag">{source.kind_label}</span> '
                f'<a href="{source.address}" rel="noopener noreferrer external">'
            ) in html
    html = client.get("/exercises/glute-bridge/").content.decode()
    assert '<span class="tag">Patient charity</span>' in html
    assert '<span class="tag">NHS trust leaflet</span>' in html
    assert '<span class="tag">Position stand</span>' in html


def test_spanish_readers_get_the_kind_in_spanish(client, alice):
    speak(alice, "es")
    client.force_login(alice)
    html = client.get("/exercises/cat-camel/").content.decode()
    assert '<span class="tag">Página del NHS</span>' in html
    assert '<span class="tag">Guía nacional</span>' in html
