from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from hipmob import contact as contact_details


def csp_nonce(request: HttpRequest) -> dict:
    # django-csp exposes the nonce as request.csp_nonce; django-htmx's {% htmx_script %}
    # looks for `csp_nonce` in the context. The nonce is only generated (and only added
    # to the header) when a template actually reads it.
    return {"csp_nonce": getattr(request, "csp_nonce", None)}


def catalogue_language(request: HttpRequest) -> dict:
    """The exercise catalogue is written in English only. On a page in another
    language, its text is marked lang="en" so screen readers pronounce it right."""
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {"catalogue_lang": settings.LANGUAGE_CODE if active != settings.LANGUAGE_CODE else ""}


def contact(request: HttpRequest) -> dict:
    """The emergency number and the clinic's details, from settings (no queries)."""
    return {"contact": contact_details.current()}
