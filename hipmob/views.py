from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.models import Role


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to their own start page (anonymous people never get here:
    LoginRequiredMiddleware sends them to sign in)."""
    user = request.user
    if user.role == Role.CLINICIAN:
        return redirect("clinic:patients")
    if user.role == Role.PATIENT and not user.is_staff:
        return redirect("patient:today")
    if user.is_staff:
        return redirect("admin:index")
    return render(request, "no_role.html", status=403)


@login_not_required
@require_GET
def admin_login(request: HttpRequest) -> HttpResponse:
    """Where the admin sends anyone it won't serve. Anonymous people go to HipMob's own
    sign-in page (throttled, with the second step), keeping `next`; staff, to the admin.
    A signed-in patient or clinician gets a 404: sending them to sign in again would
    bounce them straight back here, for ever."""
    user = request.user
    if not user.is_authenticated:
        query = request.META.get("QUERY_STRING", "")
        return redirect(reverse("login") + (f"?{query}" if query else ""))
    if user.is_active and user.is_staff:
        return redirect("admin:index")
    raise Http404


@login_not_required
@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon
    (looked up per request, as the hashed name only exists after collectstatic)."""
    return HttpResponsePermanentRedirect(static("img/icon.svg"))


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the app can reach its database, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A page that says what happened and what to do, instead of Django's bare 403."""
    template = "errors/csrf.html#message" if getattr(request, "htmx", False) else "errors/csrf.html"
    response = render(request, template, status=403)
    if getattr(request, "htmx", False):
        # Show the message in the page's message area rather than inside a fragment.
        response["HX-Retarget"] = "#messages"
        response["HX-Reswap"] = "innerHTML"
    return response
