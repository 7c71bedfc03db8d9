from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts import sso
from accounts.forms import LanguageForm, SignInForm, StaffPasswordResetForm
from accounts.middleware import second_factor_exempt
from accounts.models import AuditAction, AuditEvent, SignInLink
from hipmob.redirects import safe_next


class SignInView(auth_views.LoginView):
    def get_redirect_url(self) -> str:
        # Only a path on this site (Django's check alone lets "x" through, a relative
        # address): hipmob.redirects.safe_next.
        return safe_next(self.request, default="")

    def get_context_data(self, **kwargs):
        # One "Sign in with …" button per organisation with single sign-on (none unset).
        return super().get_context_data(sso_buttons=sso.buttons(), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if origins := sso.provider_origins():
            # An SSO button's POST is answered with a redirect to the organisation's
            # provider, and browsers hold that redirect to the page's form-action.
            response._csp_update = {"form-action": origins}
        return response


sign_in = SignInView.as_view(
    template_name="accounts/sign_in.html",
    authentication_form=SignInForm,
    redirect_authenticated_user=True,
)


def _forget(user) -> str:
    """What the browser is told to forget at sign-out. Nothing from a patient's session
    may stay on a shared or lost phone: the offline pack and answers, the service worker
    (templates/sw.js) with them. Staff browsers hold nothing of the sort (the worker
    keeps no staff page), and "storage" would also end the worker that brings a
    clinician's urgent alerts (accounts/push.py): only the cache for them."""
    return '"cache", "storage"' if user.is_patient else '"cache"'


@second_factor_exempt
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    forget = _forget(request.user)
    logout(request)
    response = redirect("login")
    response["Clear-Site-Data"] = forget
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
    login(request, user, backend="accounts.backends.StaffPasswordBackend")
    AuditEvent.record(user, AuditAction.LINK_USED, patient=user, target=f"link {link.pk}")
    return redirect("home")


def _no_referrer(response: HttpResponse) -> HttpResponse:
    # The token is in this page's address: send on only the bare origin, never the
    # path. ("no-referrer" would make the browser send "Origin: null" with the form,
    # which Django's CSRF check rightly refuses.)
    response["Referrer-Policy"] = "strict-origin"
    return response


@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    forget = _forget(request.user)
    request.user.sign_out_everywhere()
    logout(request)
    messages.success(request, _("You are signed out on all your devices."))
    response = redirect("login")
    response["Clear-Site-Data"] = forget
    return response


def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """django-axes calls this instead of checking the password once a username and IP
    have failed too often. It says plainly what happened and when to try again."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


# Password reset by email, for clinicians and admins (patients sign in with links).
password_reset = login_not_required(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        form_class=StaffPasswordResetForm,
    )
)
password_reset_sent = login_not_required(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html")
)
password_reset_confirm = login_not_required(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html"
    )
)
password_reset_complete = login_not_required(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the languages in the list."))
        return redirect("account")
    user = request.user
    user.language = form.cleaned_data["language"]
    user.save(update_fields=["language"])
    chosen = user.language or translation.get_language_from_request(request)
    translation.activate(chosen)
    messages.success(request, _("Language saved."))
    response = redirect("account")
    # Also remembered on this browser, so the sign-in page speaks it after signing out.
    if user.language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    else:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME, samesite=settings.LANGUAGE_COOKIE_SAMESITE
        )
    return response
