"""Where to go after signing in or the second step: only a path on this site.

`redirect()` must never see the value: a string without "/" or "." (`x`, `-1`) is taken
for a URL name and passed to reverse(), which raises (a 500, after the one-time code
was already spent). So the value is checked, then used in a plain redirect."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, default: str = "/") -> str:
    """The request's `next` (POST, else GET) if it is a path on this site, else
    `default`. Refuses other hosts (`//evil.example`, `https://evil.example`), the
    backslash trick (`/\\evil`), other schemes (`javascript:`) and relative values."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
