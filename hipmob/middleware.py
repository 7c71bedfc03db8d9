from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django_htmx.http import HttpResponseClientRedirect


class HtmxLoginRedirectMiddleware:
    """An expired session on an HTMX request sends the whole page to sign in.

    Without this, htmx would follow the 302 and swap the sign-in page into a fragment.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 302 and getattr(request, "htmx", False):
            location = response.headers.get("Location", "")
            if urlsplit(location).path == resolve_url(settings.LOGIN_URL):
                return HttpResponseClientRedirect(location)
        return response


class PrivacyHeadersMiddleware:
    """Headers every response gets: no powerful features, and no caching unless the
    response says otherwise (static files do). Pages shown to a signed-in person may
    hold health data; the anonymous ones (sign-in, password reset, a 404) carry CSRF
    tokens or say what exists, so no shared cache keeps them either."""

    PERMISSIONS_POLICY = (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
        "accelerometer=(), gyroscope=(), magnetometer=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        if "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response


class UserLanguageMiddleware:
    """A signed-in person's chosen language wins over the browser's Accept-Language.

    Sits after AuthenticationMiddleware and inside LocaleMiddleware, which has already
    activated the browser's language (and sets Content-Language and Vary on the way
    out, from whatever is active then). Costs nothing: the user is already loaded."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user is not None else ""
        if chosen and chosen in dict(settings.LANGUAGES):
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
