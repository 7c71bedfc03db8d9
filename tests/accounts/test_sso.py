"""Staff single sign-on (accounts/sso.py) against a real OpenID Connect provider
(tests/oidc/provider.mjs, panva's oidc-provider) started for this module: discovery,
the code flow with PKCE, and real signed id tokens. Only the browser is played by
code here (requests for the provider's pages, the test client for HipMob's);
tests/e2e/test_sso.py does it in Chromium.

Acme's clinician Bob signs in through Acme's provider; Globex's clinician Dana through
Globex's. Refused, each leaving no session, no user, no social account and no token:
a token from another issuer, an expired one, an email of another organisation's
clinician, an unverified email, a patient's, an installation admin's, an unknown one.
"""

import json
import logging
import re
import socket
import time
from urllib.parse import parse_qs, unquote_plus, urlsplit

import pytest
import requests
import time_machine
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ImproperlyConfigured

from accounts.middleware import SSO_SESSION_KEY
from accounts.models import AuditAction, AuditEvent, Role, User
from hipmob.settings import oidc_apps
from tests.factories import make_clinic, make_clinician, make_organisation, make_user
from tests.oidc.local import local_provider, sign_in_at_provider

CALLBACK = "http://testserver/sso/{}/login/callback/"
ACCOUNTS = {
    # Account id at the provider -> the claims it puts in the id token.
    "bob": {"email": "Bob.Reid@Acme.example", "email_verified": True},
    "carol": {"email": "carol@acme.example", "email_verified": True},
    "dana": {"email": "dana@globex.example", "email_verified": True},
    "bob-unverified": {"email": "bob.reid@acme.example", "email_verified": False},
    "bob-no-verified-claim": {"email": "bob.reid@acme.example"},
    "alice": {"email": "alice@acme.example", "email_verified": True},
    "erin": {"email": "erin@acme.example", "email_verified": True},
    "gus": {"email": "gus@acme.example", "email_verified": True},
    "stranger": {"email": "stranger@acme.example", "email_verified": True},
}
REDIRECTS = [CALLBACK.format("acme"), CALLBACK.format("globex")]
# Short, so the expiry test needs to move the clock less than allauth's 10-minute
# limit on an unfinished sign-in.
ID_TOKEN_TTL = 60


@pytest.fixture(scope="module")
def acme_idp():
    with local_provider(ACCOUNTS, REDIRECTS, id_token_ttl=ID_TOKEN_TTL) as provider:
        yield provider


@pytest.fixture(scope="module")
def globex_idp():
    with local_provider(ACCOUNTS, REDIRECTS, id_token_ttl=ID_TOKEN_TTL) as provider:
        yield provider


@pytest.fixture
def sso(settings, acme_idp, globex_idp):
    """Both organisations configured as HIPMOB_OIDC_PROVIDERS would configure them."""
    raw = json.dumps([acme_idp.app("acme", "Acme Health"), globex_idp.app("globex", "Globex")])
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": oidc_apps(raw)}}
    return settings


@pytest.fixture
def people(db):
    acme = make_organisation(name="Acme Health", slug="acme")
    globex = make_organisation(name="Globex", slug="globex")
    acme_north = make_clinic(acme, name="Acme North", slug="acme-north")
    acme_south = make_clinic(acme, name="Acme South", slug="acme-south")
    globex_clinic = make_clinic(globex, name="Globex Central", slug="globex-central")
    return {
        "bob": make_clinician(username="bob", email="bob.reid@acme.example", clinic=acme_north),
        "carol": make_clinician(
            username="carol", email="carol@acme.example", clinic=acme_south, is_clinic_admin=True
        ),
        "dana": make_clinician(username="dana", email="dana@globex.example", clinic=globex_clinic),
        "alice": make_user(
            Role.PATIENT, username="alice", email="alice@acme.example", clinic=acme_north
        ),
        "erin": make_user(Role.ADMIN, username="erin", email="erin@acme.example", is_staff=True),
        "gus": make_clinician(
            username="gus", email="gus@acme.example", clinic=acme_north, is_active=False
        ),
    }


def begin(client, organisation: str, next_url: str = "") -> str:
    """The sign-in page's button: returns where it sends the browser (the provider)."""
    client.get("/sign-in/")
    response = client.post(
        f"/sso/{organisation}/login/",
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "next": next_url},
    )
    assert response.status_code == 302
    return response["Location"]


def callback_path(client, organisation: str, account: str) -> str:
    back = sign_in_at_provider(begin(client, organisation), account)
    assert back.startswith(CALLBACK.format(organisation) + "?"), back
    return back.removeprefix("http://testserver")


def sso_sign_in(client, organisation: str, account: str):
    return client.get(callback_path(client, organisation, account))


def stored() -> dict:
    return {
        "users": list(User.objects.order_by("pk").values_list("pk", "email", "last_login")),
        "social accounts": SocialAccount.objects.count(),
        "social tokens": SocialToken.objects.count(),
        "social apps": SocialApp.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "sso audit": AuditEvent.objects.filter(action=AuditAction.SSO_SIGNED_IN).count(),
    }


def assert_refused(client, response, before: dict, message: str):
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/"
    page = client.get("/sign-in/")
    assert message in page.text
    assert SESSION_KEY not in client.session
    assert SSO_SESSION_KEY not in client.session
    assert not client.session.get("socialaccount_states")  # the unfinished sign-in is gone
    assert stored() == before


NOT_CONFIRMED = "HipMob could not confirm the answer from your organisation"
NO_MATCH = "no clinician account in HipMob for that organisation has your email"
UNVERIFIED = "did not confirm your email address"


# --- Signing in ---------------------------------------------------------------------


def test_it_signs_a_clinician_in_through_their_organisation(client, sso, people):
    before = stored()
    response = sso_sign_in(client, "acme", "bob")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session[SESSION_KEY] == str(people["bob"].pk)
    assert client.session[SSO_SESSION_KEY] == "acme"
    # No second step asked for: the organisation's provider did the strong sign-in.
    assert client.get("/clinic/patients/").status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.SSO_SIGNED_IN)
    assert (event.actor, event.target) == (people["bob"], "sso acme")
    # Nothing of the sign-in itself is kept.
    after = stored()
    assert after["social accounts"] == after["social tokens"] == after["email addresses"] == 0
    assert len(after["users"]) == len(before["users"])


def test_it_signs_in_a_clinic_admin_and_another_organisations_clinician(client, sso, people):
    assert sso_sign_in(client, "acme", "carol").status_code == 302
    assert client.session[SESSION_KEY] == str(people["carol"].pk)
    other = type(client)(enforce_csrf_checks=True)
    assert sso_sign_in(other, "globex", "dana").status_code == 302
    assert other.session[SESSION_KEY] == str(people["dana"].pk)
    assert other.session[SSO_SESSION_KEY] == "globex"


def test_it_keeps_a_safe_next_and_drops_another_sites(client, sso, people):
    back = sign_in_at_provider(begin(client, "acme", "/clinic/routines/"), "bob")
    assert client.get(back.removeprefix("http://testserver"))["Location"] == "/clinic/routines/"
    other = type(client)(enforce_csrf_checks=True)
    back = sign_in_at_provider(begin(other, "acme", "https://evil.example/"), "bob")
    assert other.get(back.removeprefix("http://testserver"))["Location"] == "/"


def test_the_flow_uses_pkce_and_the_discovered_endpoints(client, sso, acme_idp, people):
    authorize = begin(client, "acme")
    assert authorize.startswith(f"{acme_idp.issuer}/auth?")
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43  # base64url SHA-256
    assert set(query["scope"][0].split()) == {"openid", "profile", "email"}
    assert query["response_type"] == ["code"]
    # The provider refuses the same request without PKCE.
    del query["code_challenge"], query["code_challenge_method"]
    refused = requests.get(
        f"{acme_idp.issuer}/auth", params=query, allow_redirects=False, timeout=10
    )
    assert "error=invalid_request" in refused.headers["Location"]
    assert "requires PKCE" in unquote_plus(refused.headers["Location"])


def test_the_staff_idle_timeout_still_applies(client, sso, people, settings):
    sso_sign_in(client, "acme", "bob")
    client.get("/clinic/patients/")
    later = time.time() + (settings.STAFF_IDLE_MINUTES + 1) * 60
    with time_machine.travel(later):
        response = client.get("/clinic/patients/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")
    assert SESSION_KEY not in client.session


def test_signing_out_ends_the_sso_mark(client, sso, people):
    sso_sign_in(client, "acme", "bob")
    client.post("/sign-out/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert SSO_SESSION_KEY not in client.session
    assert SESSION_KEY not in client.session


# --- Refused ------------------------------------------------------------------------


def test_it_refuses_a_token_from_another_issuer(client, sso, people, globex_idp, caplog):
    """Acme's app pointed at Globex's authorization and token endpoints (a tampered
    or mistaken configuration): Globex issues a real, signed id token, whose issuer is
    not Acme's."""
    apps = sso.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
    apps[0]["settings"]["openid_configuration_overrides"] = {
        "authorization_endpoint": f"{globex_idp.issuer}/auth",
        "token_endpoint": f"{globex_idp.issuer}/token",
    }
    before = stored()
    authorize = begin(client, "acme")
    assert authorize.startswith(f"{globex_idp.issuer}/auth?")
    back = sign_in_at_provider(authorize, "bob")
    with caplog.at_level(logging.WARNING, logger="accounts.sso"):
        response = client.get(back.removeprefix("http://testserver"))
    assert_refused(client, response, before, NOT_CONFIRMED)
    assert "Invalid issuer" in caplog.text


def test_it_refuses_an_expired_id_token(client, sso, people, caplog):
    """The provider's token lives 60 seconds; HipMob's clock (and PyJWT's, which reads
    the same datetime) is two minutes ahead when it checks it."""
    before = stored()
    path = callback_path(client, "acme", "bob")
    with (
        time_machine.travel(time.time() + 2 * ID_TOKEN_TTL),
        caplog.at_level(logging.WARNING, logger="accounts.sso"),
    ):
        response = client.get(path)
    assert_refused(client, response, before, NOT_CONFIRMED)
    assert "Signature has expired" in caplog.text


def test_the_same_token_in_time_is_accepted(client, sso, people):
    """The test above is refused for the expiry alone: the same flow, a little later
    but within the token's life, signs in."""
    path = callback_path(client, "acme", "bob")
    with time_machine.travel(time.time() + ID_TOKEN_TTL / 2):
        assert client.get(path)["Location"] == "/"
    assert SESSION_KEY in client.session


def test_it_refuses_an_email_of_another_organisations_clinician(client, sso, people):
    before = stored()
    # Dana (Globex) through Acme's provider, and Bob (Acme) through Globex's.
    assert_refused(client, sso_sign_in(client, "acme", "dana"), before, NO_MATCH)
    assert_refused(client, sso_sign_in(client, "globex", "bob"), before, NO_MATCH)


@pytest.mark.parametrize("account", ["bob-unverified", "bob-no-verified-claim"])
def test_it_refuses_an_unverified_email(client, sso, people, account):
    before = stored()
    assert_refused(client, sso_sign_in(client, "acme", account), before, UNVERIFIED)


@pytest.mark.parametrize("account", ["alice", "erin", "gus", "stranger"])
def test_it_refuses_a_patient_an_installation_admin_an_inactive_or_unknown_person(
    client, sso, people, account
):
    before = stored()
    assert_refused(client, sso_sign_in(client, "acme", account), before, NO_MATCH)


def test_it_refuses_two_clinicians_of_one_organisation_with_the_same_email(client, sso, people):
    make_clinician(username="bob2", email="BOB.REID@acme.example", clinic=people["bob"].clinic)
    before = stored()
    assert_refused(client, sso_sign_in(client, "acme", "bob"), before, NO_MATCH)


def test_a_cancelled_sign_in_or_a_forged_state_is_refused(client, sso, people):
    before = stored()
    begin(client, "acme")
    response = client.get("/sso/acme/login/callback/?error=access_denied&state=x")
    assert_refused(client, response, before, NOT_CONFIRMED)
    response = client.get("/sso/acme/login/callback/?code=made-up&state=made-up")
    assert_refused(client, response, before, NOT_CONFIRMED)


def test_a_provider_that_cannot_be_reached_is_said_so(client, settings, people):
    with socket.socket() as closed:  # a free port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    app = {**GOOD, "issuer": f"http://127.0.0.1:{port}"}
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": oidc_apps(json.dumps([app]))}}
    before = stored()
    client.get("/sign-in/")
    response = client.post(
        "/sso/acme/login/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )
    assert_refused(client, response, before, "could not be reached")


def test_a_callback_replayed_after_use_is_refused(client, sso, people):
    path = callback_path(client, "acme", "bob")
    assert client.get(path)["Location"] == "/"
    other = type(client)(enforce_csrf_checks=True)
    before = stored()
    assert_refused(other, other.get(path), before, NOT_CONFIRMED)


# --- The endpoints and the page ------------------------------------------------------


def test_a_get_never_starts_a_sign_in(client, sso):
    assert client.get("/sso/acme/login/").status_code == 405
    assert client.post("/sso/acme/login/").status_code == 403  # no CSRF token


def test_an_organisation_without_sso_is_not_found(client, sso):
    client.get("/sign-in/")
    token = client.cookies["csrftoken"].value
    for name in ("nowhere", "openid_connect"):
        assert client.post(f"/sso/{name}/login/", {"csrfmiddlewaretoken": token}).status_code == 404
        assert client.get(f"/sso/{name}/login/callback/?code=x&state=y").status_code == 404


def test_without_sso_the_sign_in_page_has_no_sso_button(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": oidc_apps("")}}
    page = client.get("/sign-in/")
    assert page.status_code == 200
    assert "Sign in with" not in page.text
    assert "/sso/" not in page.text
    assert client.post("/sso/acme/login/").status_code == 403
    client.get("/sign-in/")
    token = client.cookies["csrftoken"].value
    assert client.post("/sso/acme/login/", {"csrfmiddlewaretoken": token}).status_code == 404


def test_with_sso_the_sign_in_page_has_a_post_button_per_organisation(client, sso):
    page = client.get("/sign-in/?next=/clinic/routines/").text
    for slug, name in (("acme", "Acme Health"), ("globex", "Globex")):
        form = page.split(f'action="/sso/{slug}/login/"')[1].split("</form>")[0]
        assert 'name="csrfmiddlewaretoken"' in form
        assert 'name="next" value="/clinic/routines/"' in form
        assert f"Sign in with {name}</button>" in form
    assert page.count('method="post" action="/sso/') == 2


def test_the_sign_in_pages_form_action_admits_the_providers_only_with_sso(
    client, sso, acme_idp, globex_idp, settings
):
    """Browsers hold the redirect that answers a button's POST to form-action."""
    policy = client.get("/sign-in/")["Content-Security-Policy"]
    form_action = re.search(r"form-action ([^;]+)", policy)[1].split()
    assert set(form_action) == {"'self'", acme_idp.issuer, globex_idp.issuer}
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}
    policy = client.get("/sign-in/")["Content-Security-Policy"]
    assert re.search(r"form-action ([^;]+)", policy)[1] == "'self'"


def test_a_password_sign_in_still_asks_for_the_second_step(client, sso, people):
    from tests.accounts.test_sign_in import sign_in

    assert sign_in(client, "bob").status_code == 302
    assert SSO_SESSION_KEY not in client.session
    assert client.get("/clinic/patients/")["Location"].startswith("/two-step/")


# --- Configuration -------------------------------------------------------------------

GOOD = {
    "organisation": "acme",
    "name": "Acme",
    "issuer": "https://idp.acme.example/",
    "client_id": "id",
    "secret": "s",
}


def test_the_configuration_becomes_one_app_per_organisation():
    (app,) = oidc_apps(json.dumps([GOOD]))
    assert app["provider_id"] == "acme"
    assert app["settings"] == {
        "server_url": "https://idp.acme.example",
        "oauth_pkce_enabled": True,
        "fetch_userinfo": False,
    }


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        json.dumps(GOOD),  # not a list
        json.dumps([{**GOOD, "issuer": "http://idp.acme.example"}]),
        json.dumps([{**GOOD, "secret": ""}]),
        json.dumps([{**GOOD, "extra": "x"}]),
        json.dumps([{k: v for k, v in GOOD.items() if k != "client_id"}]),
        json.dumps([{**GOOD, "organisation": "a/b"}]),
        json.dumps([GOOD, GOOD]),
    ],
)
def test_a_bad_configuration_fails_loudly(raw):
    with pytest.raises(ImproperlyConfigured):
        oidc_apps(raw)


def test_the_admin_shows_none_of_allauths_models():
    """Nothing to manage there: SSO is configured in the environment and stores nothing."""
    from django.contrib import admin

    import hipmob.urls  # noqa: F401 (the admin's registry is final once the URLconf loads)

    labels = {model._meta.app_label for model in admin.site._registry}
    assert not labels & {"account", "socialaccount"}


def test_it_refuses_a_clinician_with_staff_access(client, sso, people):
    """A clinician who also reaches the Django admin (which sees every clinic) keeps
    HipMob's own second step: SSO doesn't sign them in."""
    User.objects.filter(pk=people["bob"].pk).update(is_staff=True)
    before = stored()
    assert_refused(client, sso_sign_in(client, "acme", "bob"), before, NO_MATCH)
