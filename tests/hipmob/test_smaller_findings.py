"""The smaller items of issue 17's finding 6, each tried as a visitor would."""

import http.client
import os
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_a_signed_in_non_staff_person_opening_the_admin_gets_a_404_not_a_loop(
    client, request, persona
):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/admin/", follow=True)  # the test client raises on a loop
    assert response.status_code == 404
    assert len(response.redirect_chain) == 1  # /admin/ → /admin/login/, which is a 404


def test_anonymous_people_opening_the_admin_reach_the_sign_in_page(client, db):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/sign-in/?next=%2Fadmin%2F"


def test_staff_sent_to_the_admin_login_go_to_the_admin(client, erin):
    client.force_login(erin)
    response = client.get("/admin/login/?next=/admin/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("path", ["/password-reset/", "/sign-in/", "/no-such-page/"])
def test_anonymous_pages_and_404s_are_not_cached(client, db, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert "no-store" in response["Cache-Control"]


def test_the_bad_host_page_carries_the_csp_and_no_cache(client, db):
    response = client.get("/sign-in/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "no-store" in response["Cache-Control"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_started_as_documented_sends_no_server_header(tmp_path):
    port = _free_port()
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv, fixed arguments
        [sys.executable, "-m", "gunicorn", "hipmob.wsgi", f"--bind=127.0.0.1:{port}", "-w1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        assert response.status == 200
        assert response.getheader("Server") is None
        assert "gunicorn" not in str(response.headers).lower()
    finally:
        server.terminate()
        server.wait(timeout=20)
