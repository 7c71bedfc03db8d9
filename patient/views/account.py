"""The account page: sign-out everywhere and the second step for everyone, language,
notifications on their devices for patients and clinicians, and for patients their
reminders and their data."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts import push
from accounts.email_change import EmailChangeForm
from accounts.forms import ErasureRequestForm, LanguageForm
from accounts.models import PushSubscription, Role
from patient import privacy
from reminders.forms import reminder_form_for


@require_GET
@never_cache
def account(request: HttpRequest) -> HttpResponse:
    context = {
        "idle_minutes": settings.STAFF_IDLE_MINUTES,
        "language_form": LanguageForm(initial={"language": request.user.language}),
    }
    if request.user.is_patient:
        context["reminder_form"] = reminder_form_for(request.user)
        context["email_form"] = EmailChangeForm(user=request.user)
    if request.user.role in (Role.PATIENT, Role.CLINICIAN):
        # Notifications: reminders for patients, urgent alerts for clinicians (one query).
        context["push_devices"] = list(PushSubscription.objects.for_user(request.user))
        context["push_public_key"] = push.public_key()
    return render(request, "accounts/account.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
def erasure(request: HttpRequest) -> HttpResponse:
    """A patient asks for everything about them to be erased, or withdraws the request.
    The clinic's admin carries it out (a clinic may first need to keep its own notes)."""
    user = request.user
    if not user.is_patient:
        raise Http404
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        if privacy.withdraw_erasure(user):
            messages.success(request, _("Your request is withdrawn. Nothing will be erased."))
        return redirect("account")
    if request.method == "POST" and form.is_valid():
        privacy.request_erasure(user)
        messages.success(request, _("Your request is sent. Your clinic will erase your data."))
        return redirect("account")
    status = 422 if request.method == "POST" else 200
    return render(request, "accounts/erasure.html", {"form": form}, status=status)
