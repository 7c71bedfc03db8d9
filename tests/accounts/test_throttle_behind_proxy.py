"""Finding 3 of issue 17: behind the reverse proxy the README asks for, every request
arrives from the proxy's address. The throttle must count failures against the real
client (from X-Forwarded-For, trusting a fixed number of proxies), so a wrong-password
storm from one place can't lock the same clinician out everywhere else."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import override_settings

from tests.accounts.test_sign_in import sign_in
from tests.factories import HipMobClient
from tests.hipmob.test_settings import run_manage

PROXY = "10.0.0.2"
ATTACKER, CLINIC = "203.0.113.7", "198.51.100.20"


def through_proxy(forwarded_for: str) -> HipMobClient:
    """A browser whose requests reach the app through one proxy, which appends the
    address it received each request from to X-Forwarded-For."""
    return HipMobClient(
        enforce_csrf_checks=True, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
    )


def storm(client, username: str, times: int) -> None:
    for _ in range(times):
        sign_in(client, username, "wrong-password-123")


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_storm_behind_the_proxy_does_not_lock_the_clinician_out_at_the_clinic(bob, settings):
    attacker = through_proxy(ATTACKER)
    storm(attacker, "bob", settings.AXES_FAILURE_LIMIT * 2)
    assert sign_in(attacker, "bob").status_code == 429  # the attacker is paused
    assert SESSION_KEY not in attacker.session
    colleague = through_proxy(CLINIC)
    assert sign_in(colleague, "bob").status_code == 302  # Bob, at the clinic, is not
    assert SESSION_KEY in colleague.session
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_an_attacker_cannot_forge_the_clinics_address(bob, settings):
    """The attacker writes the clinic's address into the header; the proxy appends the
    attacker's real one, and only the proxy's entry is trusted."""
    forged = through_proxy(f"{CLINIC}, {ATTACKER}")
    storm(forged, "bob", settings.AXES_FAILURE_LIMIT * 2)
    assert sign_in(forged, "bob").status_code == 429
    assert sign_in(through_proxy(CLINIC), "bob").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_junk_in_the_header_falls_back_to_the_connection(bob, settings):
    junk = through_proxy("not-an-address")
    storm(junk, "bob", settings.AXES_FAILURE_LIMIT)
    assert sign_in(junk, "bob").status_code == 429
    assert AccessAttempt.objects.get().ip_address == PROXY


@pytest.mark.parametrize("forwarded", ["198.51.100.1", "198.51.100.2", "198.51.100.3"])
def test_without_a_proxy_the_header_is_ignored(bob, settings, forwarded):
    """Not behind a proxy (the default), a client can't dodge its lock by sending a
    different X-Forwarded-For each time."""
    assert settings.TRUSTED_PROXY_COUNT == 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        client = HipMobClient(
            enforce_csrf_checks=True, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        )
        sign_in(client, "bob", "wrong-password-123")
    dodger = HipMobClient(
        enforce_csrf_checks=True, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=forwarded
    )
    assert sign_in(dodger, "bob").status_code == 429


def test_behind_tls_proxy_turns_on_one_trusted_proxy_unless_told_otherwise():
    code = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"
    base = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "hipmob.example"}
    assert run_manage("shell", "-c", code, **base).stdout.split()[-1] == "0"
    assert run_manage("shell", "-c", code, **base, BEHIND_TLS_PROXY="1").stdout.split()[-1] == "1"
    two = run_manage("shell", "-c", code, **base, BEHIND_TLS_PROXY="1", TRUSTED_PROXY_COUNT="2")
    assert two.stdout.split()[-1] == "2"
