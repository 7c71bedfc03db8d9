from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.forms import SignInForm
from accounts.models import SignInLink

sign_in = auth_views.LoginView.as_view(
    template_name="accounts/sign_in.html",
    authentication_form=SignInForm,
    redirect_authenticated_user=True,
)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    response = redirect("login")
    # Nothing from the session may stay on a shared or lost phone.
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
@never_cache
def use_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST signs in. Mail scanners and link previews
    follow GET links, and must not use up a patient's one-time link."""
    link = SignInLink.find(token)
    user = link.user if link else None
    if link is None or not link.is_usable or not user.is_active or not user.is_patient:
        return _no_referrer(
            render(request, "accounts/link_invalid.html", status=410 if link else 404)
        )
    if request.method == "GET":
        return _no_referrer(render(request, "accounts/link_confirm.html"))
    # Spend it atomically, re-checking it is still usable: of two simultaneous taps, or
    # a tap racing a revocation, only one can sign in.
    spent = SignInLink.objects.usable().filter(pk=link.pk).update(used_at=timezone.now())
    if not spent:
        return _no_referrer(render(request, "accounts/link_invalid.html", status=410))
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("home")


def _no_referrer(response: HttpResponse) -> HttpResponse:
    # The token is in this page's address: send on only the bare origin, never the
    # path. ("no-referrer" would make the browser send "Origin: null" with the form,
    # which Django's CSRF check rightly refuses.)
    response["Referrer-Policy"] = "strict-origin"
    return response


@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    request.user.sign_out_everywhere()
    logout(request)
    messages.success(request, _("You are signed out on all your devices."))
    response = redirect("login")
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@require_GET
@never_cache
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account.html")
