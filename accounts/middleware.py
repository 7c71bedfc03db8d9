"""Session rules for clinicians and admins: a second sign-in step, and an idle timeout."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect
from django_otp import user_has_device

LAST_SEEN_KEY = "hipmob_staff_seen"
# Set by accounts/sso.py when a clinician signs in through their organisation's
# identity provider: its own strong authentication stands in for HipMob's second step.
SSO_SESSION_KEY = "hipmob_sso_organisation"
# Writing the session on every request would cost a query each time; a minute's slack on
# a 30-minute timeout is harmless.
REFRESH_AFTER_SECONDS = 60
SERVER_GRACE_SECONDS = 5 * 60


def second_factor_exempt(view):
    """For the pages a signed-in clinician must reach before the second step."""
    view.second_factor_exempt = True
    return view


class StaffSessionMiddleware:
    """Clinicians and admins hold other people's health data, so their sessions are
    stricter than a patient's: they end after STAFF_IDLE_MINUTES without a request, and
    nothing but the second step opens until it is done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.needs_second_factor:
            idle = settings.STAFF_IDLE_MINUTES * 60
            now = int(time.time())
            seen = request.session.get(LAST_SEEN_KEY)
            if seen is not None and now - seen > idle:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.STAFF_IDLE_MINUTES},
                )
                return redirect_to_login(request.get_full_path())
            if seen is None or now - seen > REFRESH_AFTER_SECONDS:
                request.session[LAST_SEEN_KEY] = now
                # The server forgets the session a little after the timeout, so a
                # request soon after it can still say why the person was signed out.
                request.session.set_expiry(idle + SERVER_GRACE_SECONDS)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if (
            not user.is_authenticated
            or not user.needs_second_factor
            or user.is_verified()
            or request.session.get(SSO_SESSION_KEY)
            or not getattr(view_func, "login_required", True)
            or getattr(view_func, "second_factor_exempt", False)
        ):
            return None
        name = "two_factor" if user_has_device(user) else "two_factor_setup"
        url = f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(url)
        return redirect(url)
