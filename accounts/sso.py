"""Staff single sign-on with OpenID Connect, one identity provider per organisation.

django-allauth runs the protocol: discovery, the authorization code flow with PKCE, and
the id token's issuer, audience and expiry (its openid_connect provider and jwtkit).
This module decides who, if anyone, that sign-in is: an existing, active clinician
(clinic admins included) whose email matches the id token's *verified* email, without
regard to case, and whose clinic belongs to the organisation the provider is configured
for. Nobody is ever created or linked, and nothing of the sign-in is stored: neither an
allauth social account nor a token. Every refusal ends on HipMob's own sign-in page
with a message. Configuration: HIPMOB_OIDC_PROVIDERS (hipmob/settings.py).

The organisation's identity provider did the strong authentication, so the session is
marked (SSO_SESSION_KEY) and the staff middleware does not ask for HipMob's own second
step; the idle timeout applies as to any staff session.
"""

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.internal import statekit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.openid_connect import views as oidc_views
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_scopes import scopes_disabled

from accounts.middleware import SSO_SESSION_KEY
from accounts.models import AuditAction, AuditEvent, Role, User

logger = logging.getLogger(__name__)
PROVIDER = "openid_connect"


@dataclass(frozen=True)
class Button:
    slug: str  # the organisation's, and allauth's provider_id
    name: str


def _app_configs() -> list[dict]:
    # Read at each call, so tests can change it with override_settings.
    return settings.SOCIALACCOUNT_PROVIDERS.get(PROVIDER, {}).get("APPS", [])


def buttons() -> list[Button]:
    """One "Sign in with …" button per configured organisation, for the sign-in page."""
    return [Button(config["provider_id"], config["name"]) for config in _app_configs()]


def provider_origins() -> list[str]:
    """The configured providers' origins, for the sign-in page's CSP form-action
    (their sign-in pages live on the issuer's host)."""
    origins = []
    for config in _app_configs():
        parts = urlsplit(config["settings"]["server_url"])
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins))


def _is_configured(slug: str) -> bool:
    return any(config["provider_id"] == slug for config in _app_configs())


class NoLocalAccountsAdapter(DefaultAccountAdapter):
    """allauth's own accounts are not used: no signup, whatever the route."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


def _refuse(request: HttpRequest, message: str, reason: str, slug: str = ""):
    logger.warning("SSO sign-in refused (%s): %s", slug or "?", reason)
    # Any other unfinished sign-in of this browser ends too (its PKCE verifier with it).
    request.session.pop(statekit.STATES_SESSION_KEY, None)
    messages.error(request, message)
    raise ImmediateHttpResponse(redirect("login"))


def _email_verified(claims: dict) -> bool:
    # A boolean by the standard; some providers (Amazon Cognito) send the string "true".
    value = claims.get("email_verified")
    return value is True or value == "true"


def find_staff(slug: str, claims: dict) -> User | None:
    """The one active clinician of organisation `slug` with the claims' email, or None.
    Patients, installation admins and other organisations' staff never match; two
    clinicians of one organisation with the same email match neither. One query."""
    email = (claims.get("email") or "").strip()
    if not email or not _email_verified(claims):
        return None
    # Nobody is signed in yet, so no clinic scope: the organisation is the filter.
    with scopes_disabled():
        found = list(
            User.objects.filter(
                email__iexact=email,
                is_active=True,
                is_superuser=False,
                # Staff reach the Django admin, which sees every clinic: they keep
                # HipMob's own second step.
                is_staff=False,
                role=Role.CLINICIAN,
                clinic__organisation__slug=slug,
            ).select_related("clinic__organisation")[:2]
        )
    return found[0] if len(found) == 1 else None


class StaffSSOAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None) -> list[SocialApp]:
        """Only the apps in settings (HIPMOB_OIDC_PROVIDERS): one source of truth, and
        no database query on each sign-in page."""
        apps = []
        for config in _app_configs():
            app = SocialApp(
                provider=PROVIDER,
                provider_id=config["provider_id"],
                name=config["name"],
                client_id=config["client_id"],
                secret=config["secret"],
                settings=dict(config["settings"]),
            )
            if provider not in (None, PROVIDER, app.provider_id):
                continue
            if client_id not in (None, app.client_id):
                continue
            apps.append(app)
        return apps

    def is_open_for_signup(self, request: HttpRequest, sociallogin) -> bool:
        return False

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        """A wrong issuer or audience, an expired or forged id token, a lost or
        replayed state, a refused code, the person cancelling at their IdP: all end
        here, before anyone is looked up."""
        slug = getattr(getattr(provider, "app", None), "provider_id", "")
        _refuse(
            request,
            _(
                "Single sign-on did not work: HipMob could not confirm the answer from "
                "your organisation's sign-in. Please try again, or sign in with your "
                "username and password."
            ),
            f"{error}: {exception!r} ({getattr(exception, '__cause__', None)!r})",
            slug,
        )

    def pre_social_login(self, request: HttpRequest, sociallogin) -> None:
        """Signs in the matching clinician, or refuses; either way allauth goes no
        further (no social account, no token, no signup form)."""
        provider = sociallogin.account.get_provider()
        app = provider.app
        slug = app.provider_id
        claims = sociallogin.account.extra_data.get("id_token") or {}
        # allauth has checked these; checked again against *our* configuration, so a
        # provider whose discovery names another issuer can't sign anyone in.
        audience = claims.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if (
            str(claims.get("iss", "")).rstrip("/") != app.settings["server_url"].rstrip("/")
            or app.client_id not in audiences
            or not isinstance(claims.get("exp"), int | float)
            or claims["exp"] <= time.time()
        ):
            self.on_authentication_error(request, provider, error="id_token_claims")
        if not _email_verified(claims):
            _refuse(
                request,
                _(
                    "Your organisation's sign-in did not confirm your email address, so "
                    "HipMob cannot tell which account is yours. Ask your organisation's "
                    "IT team, or sign in with your username and password."
                ),
                "email not verified",
                slug,
            )
        user = find_staff(slug, claims)
        if user is None:
            _refuse(
                request,
                _(
                    "You signed in at your organisation, but no clinician account in "
                    "HipMob for that organisation has your email address. Ask your "
                    "clinic's administrator to check the email on your HipMob account."
                ),
                "no matching clinician",
                slug,
            )
        login(request, user, backend="accounts.backends.StaffPasswordBackend")
        # After login(), which keeps the session's data under a new key.
        request.session[SSO_SESSION_KEY] = slug
        AuditEvent.record(user, AuditAction.SSO_SIGNED_IN, target=f"sso {slug}")
        raise ImmediateHttpResponse(HttpResponseRedirect(_next(request, sociallogin)))


def _next(request: HttpRequest, sociallogin) -> str:
    target = sociallogin.state.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


# The two URLs allauth's provider needs, under the names it reverses; only for the
# organisations configured (allauth would also accept its provider's own name).
@login_not_required
@require_POST
@never_cache
def begin(request: HttpRequest, provider_id: str) -> HttpResponse:
    """The sign-in page's button: a POST with the CSRF token, never a GET."""
    if not _is_configured(provider_id):
        raise Http404
    try:
        return oidc_views.login(request, provider_id)
    except requests.RequestException as error:
        # Discovery failed: the provider is down or unreachable.
        try:
            _refuse(
                request,
                _(
                    "Your organisation's sign-in could not be reached. Please try again "
                    "later, or sign in with your username and password."
                ),
                f"discovery: {error!r}",
                provider_id,
            )
        except ImmediateHttpResponse as refusal:
            return refusal.response
        raise  # not reached: _refuse always raises


@login_not_required
@require_GET
@never_cache
def callback(request: HttpRequest, provider_id: str) -> HttpResponse:
    if not _is_configured(provider_id):
        raise Http404
    return oidc_views.callback(request, provider_id)
