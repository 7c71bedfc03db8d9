from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

ITEMS = [f"Item {n}" for n in range(1, 21)]


@require_GET
@never_cache
def baseline(request: HttpRequest) -> HttpResponse:
    """The yardstick: the site's own base template and a 20-item loop, no queries of
    its own. Requested signed in, like the pages it is compared with, so it pays for
    the same session and user lookups."""
    return render(request, "bench/baseline.html", {"items": ITEMS})
