"""Staff single sign-on in real Chromium at phone size, against a real OpenID Connect
provider (tests/oidc/provider.mjs) started for each test: the clinician taps their
organisation's button, signs in at the provider's own page and lands on their list,
with no second step from HipMob. Someone of another organisation is turned back to
the sign-in page with a message. The refusals are all in tests/accounts/test_sso.py."""

import json
import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from accounts.models import AuditAction, AuditEvent
from hipmob.settings import oidc_apps
from tests.e2e.axe import assert_no_axe_violations
from tests.factories import make_clinic, make_clinician, make_organisation
from tests.oidc.local import local_provider

ACCOUNTS = {
    "bob": {"email": "bob.reid@acme.example", "email_verified": True},
    "dana": {"email": "dana@globex.example", "email_verified": True},
}


@pytest.fixture
def acme_sso(live_server, settings):
    callback = f"{live_server.url}/sso/acme/login/callback/"
    with local_provider(ACCOUNTS, [callback]) as provider:
        raw = json.dumps([provider.app("acme", "Acme Health")])
        settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": oidc_apps(raw)}}
        yield provider


@pytest.fixture
def people(transactional_db):
    acme = make_clinic(make_organisation(name="Acme Health", slug="acme"), slug="acme-north")
    globex = make_clinic(make_organisation(name="Globex", slug="globex"), slug="globex-1")
    return {
        "bob": make_clinician(username="bob", email="bob.reid@acme.example", clinic=acme),
        "dana": make_clinician(username="dana", email="dana@globex.example", clinic=globex),
    }


def tap_sso(page, live_server, account: str) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in with Acme Health", exact=True).click()
    # The provider's own page, on its own origin.
    expect(page.get_by_role("heading", name="Test identity provider")).to_be_visible()
    page.get_by_label("Account").fill(account)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()


def test_a_clinician_signs_in_through_their_organisation(
    live_server, page, people, acme_sso, csp_violations
):
    page.goto(f"{live_server.url}/sign-in/")
    button = page.get_by_role("button", name="Sign in with Acme Health", exact=True)
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert_no_axe_violations(page)

    tap_sso(page, live_server, "bob")
    expect(page).to_have_url(f"{live_server.url}/clinic/patients/")
    expect(page.get_by_role("heading", name="Your patients")).to_be_visible()
    assert "/two-step/" not in page.url
    assert AuditEvent.objects.filter(action=AuditAction.SSO_SIGNED_IN, actor=people["bob"]).exists()
    assert csp_violations == []


def test_a_clinician_of_another_organisation_is_turned_back(
    live_server, page, people, acme_sso, csp_violations
):
    tap_sso(page, live_server, "dana")
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    expect(page.get_by_text("no clinician account in HipMob for that organisation")).to_be_visible()
    assert_no_axe_violations(page)
    # Nobody is signed in: no session names a user.
    assert not [s for s in Session.objects.all() if "_auth_user_id" in s.get_decoded()]
    assert not AuditEvent.objects.filter(action=AuditAction.SSO_SIGNED_IN).exists()
    assert csp_violations == []
