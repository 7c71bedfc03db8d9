from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.models import SignInLink, hash_token


@pytest.fixture
def link(alice):
    return SignInLink.issue(alice)  # (link, token)


def csrf(client, url):
    return client.get(url).context["csrf_token"]


def test_only_a_hash_of_the_token_is_stored(link):
    record, token = link
    assert record.token_hash == hash_token(token)
    assert token not in record.token_hash
    assert not SignInLink.objects.filter(token_hash=token).exists()


def test_opening_the_link_asks_first_and_spends_nothing(client, link):
    record, token = link
    response = client.get(f"/link/{token}/")
    assert response.status_code == 200
    assert b"Sign me in" in response.content
    record.refresh_from_db()
    assert record.used_at is None
    assert SESSION_KEY not in client.session


def test_the_button_signs_the_patient_in_for_weeks(client, link, alice, settings):
    _record, token = link
    response = client.post(
        f"/link/{token}/", {"csrfmiddlewaretoken": csrf(client, f"/link/{token}/")}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(alice.pk)
    assert client.get("/")["Location"] == "/today/"
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) >= 60 * 60 * 24 * 28


def test_a_used_link_shows_a_friendly_page_and_signs_nobody_in(link):
    _record, token = link
    first = Client()
    first.post(f"/link/{token}/", {"csrfmiddlewaretoken": csrf(first, f"/link/{token}/")})
    second = Client(enforce_csrf_checks=True)
    response = second.get(f"/link/{token}/")
    assert response.status_code == 410
    assert b"ask your clinician" in response.content.lower()
    assert SESSION_KEY not in second.session


def test_an_expired_link_shows_the_same_page(client, link):
    record, token = link
    SignInLink.objects.filter(pk=record.pk).update(expires=timezone.now() - timedelta(minutes=1))
    assert client.get(f"/link/{token}/").status_code == 410


@pytest.mark.parametrize("token", ["nonsense", "x" * 300])
def test_an_unknown_link_gives_the_same_friendly_page(client, db, token):
    response = client.get(f"/link/{token}/")
    assert response.status_code == 404
    assert b"This link no longer works" in response.content


def test_a_new_link_makes_the_old_one_stop_working(client, alice, link):
    _old, old_token = link
    _new, new_token = SignInLink.issue(alice)
    assert client.get(f"/link/{old_token}/").status_code == 410
    assert client.get(f"/link/{new_token}/").status_code == 200


def test_a_post_without_csrf_spends_nothing(client, link):
    record, token = link
    response = client.post(f"/link/{token}/")
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.used_at is None


def test_the_command_prints_a_working_link(db, alice, capsys, settings):
    settings.SITE_URL = "https://hipmob.example.org"
    call_command("issue_link", "alice")
    url = capsys.readouterr().out.strip()
    assert url.startswith("https://hipmob.example.org/link/")
    token = url.rstrip("/").split("/")[-1]
    assert SignInLink.find(token).user == alice


def test_sign_out_everywhere_ends_every_session_of_that_person(alice, charlie):
    phone, tablet, other = Client(), Client(), Client()
    phone.force_login(alice)
    tablet.force_login(alice)
    other.force_login(charlie)
    response = phone.post("/sign-out/everywhere/")
    assert response.status_code == 302
    assert phone.get("/today/").status_code == 302
    assert tablet.get("/today/").status_code == 302  # the other device too
    assert other.get("/today/").status_code == 200  # nobody else


def test_sign_out_everywhere_needs_post_and_csrf(client, alice):
    client.force_login(alice)
    assert client.get("/sign-out/everywhere/").status_code == 405
    assert client.post("/sign-out/everywhere/").status_code == 403
    alice.refresh_from_db()
    assert alice.session_version == 0
    assert client.get("/today/").status_code == 200


@pytest.mark.parametrize("persona", ["bob", "erin"])
def test_links_cannot_be_issued_for_staff_or_clinicians(request, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(ValueError, match="patients only"):
        SignInLink.issue(user)
    assert not SignInLink.objects.exists()


def test_a_link_made_for_a_staff_account_by_other_means_does_not_sign_in(client, erin):
    token = "staff-token-made-by-hand"
    SignInLink.objects.create(
        user=erin, token_hash=hash_token(token), expires=timezone.now() + timedelta(days=1)
    )
    assert client.get(f"/link/{token}/").status_code == 410
    client.post(f"/link/{token}/")
    assert SESSION_KEY not in client.session


def test_sign_out_everywhere_also_stops_unused_links(client, alice, link):
    record, token = link
    client.force_login(alice)
    client.post("/sign-out/everywhere/", {"csrfmiddlewaretoken": csrf(client, "/account/")})
    record.refresh_from_db()
    assert record.revoked_at is not None
    assert Client().get(f"/link/{token}/").status_code == 410


def test_link_pages_never_pass_the_token_on_in_a_referrer(client, link):
    _record, token = link
    assert client.get(f"/link/{token}/")["Referrer-Policy"] == "strict-origin"
