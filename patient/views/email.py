"""A patient's own email address: asking for a new one (a link goes to it), confirming
it from that link, and removing it. The rules are in accounts/email_change.py."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts import email_change
from accounts.access import require_patient
from accounts.email_change import AddressTaken, EmailChangeForm, LinkError
from patient import email_address

# A refused link: the page says why, with the status that fits.
LINK_STATUS = {"bad": 404, "not_yours": 404, "expired": 410, "stale": 410}


@require_POST
@never_cache
def change(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    form = EmailChangeForm(request.POST, user=patient)
    if not form.is_valid():
        return render(request, "accounts/email_change.html", {"form": form}, status=422)
    if email_change.too_many_requests(patient):
        form.add_error(
            None,
            _("You have asked for several links in the last hour. Wait an hour, then try again."),
        )
        return render(request, "accounts/email_change.html", {"form": form}, status=429)
    new = form.cleaned_data["email"]

    def confirm_url(token: str) -> str:
        return request.build_absolute_uri(reverse("email_confirm", args=[token]))

    if not email_change.request_change(patient, new, confirm_url):
        form.add_error(None, _("We couldn't send the email just now. Try again in a few minutes."))
        return render(request, "accounts/email_change.html", {"form": form}, status=503)
    # The same words whether or not another account has the address (see email_change).
    messages.success(
        request,
        _(
            "We sent an email to %(email)s. Open the link in it to confirm the address; "
            "until then nothing changes."
        )
        % {"email": new},
    )
    return redirect("account")


@require_http_methods(["GET", "POST"])
@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); only the POST changes anything."""
    patient = require_patient(request.user)
    try:
        new = email_change.read_token(token, patient)
    except LinkError as error:
        return _link_page(request, "accounts/email_link_invalid.html", error.reason)
    if request.method == "GET":
        return _no_referrer(render(request, "accounts/email_confirm.html", {"email": new}))
    try:
        email_change.confirm_change(patient, new)
    except LinkError as error:
        return _link_page(request, "accounts/email_link_invalid.html", error.reason)
    except AddressTaken:
        return _link_page(request, "accounts/email_link_invalid.html", "taken", status=409)
    messages.success(request, _("Your email address is now %(email)s.") % {"email": new})
    return redirect("account")


@require_POST
@never_cache
def remove(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    if email_address.remove(patient):
        messages.success(request, _("Your email address is removed. HipMob won't send you emails."))
    return redirect("account")


def _link_page(request, template: str, reason: str, status: int | None = None) -> HttpResponse:
    response = render(request, template, {"reason": reason}, status=status or LINK_STATUS[reason])
    return _no_referrer(response)


def _no_referrer(response: HttpResponse) -> HttpResponse:
    # The link (with the new address in it) is this page's address: send on only the
    # bare origin ("no-referrer" would make the browser send "Origin: null" with the
    # form, which Django's CSRF check refuses; as accounts.views.use_link).
    response["Referrer-Policy"] = "strict-origin"
    return response
