from django.http import HttpRequest

from hipmob import contact as contact_details


def csp_nonce(request: HttpRequest) -> dict:
    # django-csp exposes the nonce as request.csp_nonce; django-htmx's {% htmx_script %}
    # looks for `csp_nonce` in the context. The nonce is only generated (and only added
    # to the header) when a template actually reads it.
    return {"csp_nonce": getattr(request, "csp_nonce", None)}


def contact(request: HttpRequest) -> dict:
    """The emergency number and the clinic's details: the signed-in person's clinic
    (loaded with the user, so no query), or the installation's settings."""
    # A page made before authentication ran (the 400 for an unknown host) has no user.
    return {"contact": contact_details.for_user(getattr(request, "user", None))}
