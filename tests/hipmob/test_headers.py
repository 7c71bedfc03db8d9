import re

import pytest

from tests.factories import PASSWORD


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def test_it_sends_a_strict_csp_with_a_nonce_matching_the_scripts(signed_in):
    response = signed_in.get("/exercises/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp
    assert "style-src 'self'" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    html = response.content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts, "the page should load htmx"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts)
    # No inline styles anywhere: style-src 'self' would block them.
    assert " style=" not in html and "<style" not in html


def test_it_configures_htmx_without_eval_inline_styles_or_history_cache(signed_in):
    html = signed_in.get("/exercises/").content.decode()
    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'', html).group(1)
    assert '"allowEval": false' in config
    assert '"includeIndicatorStyles": false' in config
    assert '"historyCacheSize": 0' in config
    assert '"allowScriptTags": false' in config


def test_pages_for_signed_in_people_are_not_stored(signed_in):
    response = signed_in.get("/today/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_it_sends_privacy_and_framing_headers(client, db):
    response = client.get("/sign-in/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_healthz_checks_the_database_without_signing_in(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_an_expired_session_on_an_htmx_request_redirects_the_whole_page(client, db):
    response = client.get("/exercises/?kind=stretch", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/sign-in/?next=")
    assert b"<form" not in response.content


def test_a_post_without_a_csrf_token_gets_a_friendly_page(client, alice):
    response = client.post("/sign-in/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 403
    assert b"nothing was saved" in response.content
    assert b"<html" in response.content


def test_an_htmx_post_without_a_csrf_token_gets_a_message_fragment(client, alice):
    client.force_login(alice)
    response = client.post("/sign-out/", headers={"HX-Request": "true"})
    assert response.status_code == 403
    assert response["HX-Retarget"] == "#messages"
    assert b"nothing was saved" in response.content
    assert b"<html" not in response.content
    # And the refused sign-out changed nothing: still signed in.
    assert client.get("/today/").status_code == 200


def test_unknown_pages_get_the_friendly_404(signed_in):
    response = signed_in.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We can" in response.content and b"find that page" in response.content


def test_pages_are_compressed_for_browsers_that_ask(signed_in):
    import gzip

    plain = signed_in.get("/exercises/")
    packed = signed_in.get("/exercises/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content) / 2
    assert "Glute bridge" in gzip.decompress(packed.content).decode()
