import pytest

from learn.models import Read
from tests.admin_forms import admin_form


def add_form(client, **fields):
    page = client.get("/admin/learn/read/add/")
    assert page.status_code == 200
    data = {
        "title": "Breathing and bracing",
        "slug": "breathing",
        "order": "20",
        "published": "on",
        "summary": "How to brace without holding your breath.",
        "body": "Breathe out as you lift.",
        "illustration": "img/learn/core-and-glutes.svg",
        "illustration_alt": "A person on hands and knees.",
        "sources": "NHS inform — https://www.nhsinform.scot/",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "0",
        "translations-MIN_NUM_FORMS": "0",
        "translations-MAX_NUM_FORMS": "1000",
        "translations-0-language": "es",
        "translations-0-title": "Respirar y apretar el abdomen",
        "translations-0-summary": "Cómo apretar el abdomen sin aguantar la respiración.",
        "translations-0-body": "Suelte el aire al levantar.",
        "translations-0-illustration_alt": "Una persona a cuatro patas.",
        "csrfmiddlewaretoken": page.context["csrf_token"],
        **fields,
    }
    return client.post("/admin/learn/read/add/", data)


def test_catalogue_editors_write_a_read_with_its_translation(client, erin):
    client.force_login(erin)
    response = add_form(client)
    assert response.status_code == 302, response.content.decode()[:3000]
    read = Read.objects.get(slug="breathing")
    assert read.body_html == "<p>Breathe out as you lift.</p>"
    assert read.translations.get().body_html == "<p>Suelte el aire al levantar.</p>"


def test_a_hostile_body_written_in_the_admin_is_stored_clean(client, erin):
    client.force_login(erin)
    add_form(
        client,
        body='Hi <script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">x</a>',
        **{"translations-0-body": "<img src=x onerror=alert(3)>Hola"},
    )
    read = Read.objects.get(slug="breathing")
    assert "script" not in read.body_html and "javascript" not in read.body_html
    assert "onclick" not in read.body_html
    assert "onerror" not in read.translations.get().body_html


def test_a_drawing_outside_the_learn_folder_is_refused(client, erin):
    client.force_login(erin)
    response = add_form(client, illustration="../hipmob/settings.py")
    assert response.status_code == 200
    assert b"There is no drawing at" in response.content
    assert not Read.objects.filter(slug="breathing").exists()


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_patients_and_clinicians_cannot_edit_reads(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/admin/learn/read/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


STUDYLIB = "UCSF: hip protocol — https://studylib.net/doc/27317708/hip-strengthening-protocol"


def test_a_new_read_citing_a_document_sharing_copy_is_refused(client, erin):
    client.force_login(erin)
    response = add_form(client, sources=STUDYLIB)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Line 1 (" in html and "studylib.net is a document-sharing copy" in html
    assert not Read.objects.filter(slug="breathing").exists()


def test_editing_a_read_to_cite_a_document_sharing_copy_changes_nothing(client, erin):
    client.force_login(erin)
    read = Read.objects.get(slug="moving-and-lifting")
    before = Read.objects.values().get(pk=read.pk)
    url = f"/admin/learn/read/{read.pk}/change/"
    data = admin_form(client.get(url).content.decode(), "read_form")
    data["sources"] = read.sources + "\n" + STUDYLIB
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Line 4 (" in response.content.decode()
    assert Read.objects.values().get(pk=read.pk) == before
    data["sources"] = read.sources
    assert client.post(url, data).status_code == 302  # the shipped sources pass
