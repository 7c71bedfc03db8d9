"""The installable app: its manifest, its service worker, and the pack of pages a
patient's phone keeps for sessions without a connection (patient/offline.py)."""

import hashlib
from functools import cache

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from accounts.access import require_patient
from patient import offline


@require_GET
@never_cache
def pack(request: HttpRequest) -> JsonResponse:
    """Only for the patient themselves (a stranger or a clinician gets a 404)."""
    return JsonResponse(offline.build(request, require_patient(request.user)))


@cache
def _worker_source() -> str:
    """The worker's text, with a version from its own bytes: a new deploy that changes
    it makes browsers install the new one and drop the old caches."""
    source = get_template("sw.js").template.source
    return source.replace("__VERSION__", hashlib.sha256(source.encode()).hexdigest()[:12])


@login_not_required
@require_GET
@cache_control(no_cache=True, max_age=0)
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site's root so that it may look after the patient pages; the
    browser checks it for changes on every visit (no-cache). No user data in it."""
    return HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")


@login_not_required
@require_GET
@cache_control(max_age=3600)
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: what a phone needs to install HipMob on its home screen.
    Public (browsers fetch it without cookies); it names nobody."""
    icon = static("img/app/icon-512.png")
    data = {
        "id": "/",
        "name": "HipMob",
        "short_name": "HipMob",
        "description": _("Your hip-mobility routine for your lower back, from your clinician."),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("patient:today"),
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": "#0b6e6e",
        "background_color": "#ffffff",
        "categories": ["health", "medical"],
        "icons": [
            {"src": static("img/app/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": icon, "sizes": "512x512", "type": "image/png"},
            {
                "src": static("img/app/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
