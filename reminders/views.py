from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.access import require_patient
from accounts.models import AuditAction, AuditEvent
from reminders.forms import ReminderForm
from reminders.models import Channel, ReminderSettings, UnsubscribeLink


@require_http_methods(["GET", "POST"])
@never_cache
def reminder_settings(request: HttpRequest) -> HttpResponse:
    """The account page shows this form; its POST lands here. A form with a mistake is
    shown again on a page of its own, so it needs no JavaScript."""
    patient = require_patient(request.user)
    form = ReminderForm(
        request.POST or None, instance=ReminderSettings.for_patient(patient), patient=patient
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ReminderSettings.objects.update_or_create(
            patient=patient,
            defaults={
                "channel": data["channel"],
                "time": data["time"],
                "sitting_breaks": data["sitting_breaks"],
            },
        )
        messages.success(request, _("Your reminder settings are saved."))
        return redirect("account")
    status = 422 if request.method == "POST" else 200
    return render(request, "reminders/settings.html", {"form": form}, status=status)


@login_not_required
# RFC 8058 one-click: the mail provider POSTs here with no cookie or CSRF token. The
# random token in the address (stored hashed, expiring) is the proof, and it only ever
# switches reminders off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (link scanners follow GETs); POST switches that patient's reminder
    emails off. No sign-in needed, and nothing about the patient is shown."""
    link = UnsubscribeLink.find(token)
    if link is None or not link.is_usable:
        # Unknown, expired or revoked: the same page; an old link says it's too old.
        context = {
            "invalid": True,
            "expired": link is not None,
            "days": settings.UNSUBSCRIBE_LINK_DAYS,
        }
        return render(request, "reminders/unsubscribe.html", context, status=410 if link else 404)
    patient = link.patient
    if patient.language and patient.language in dict(settings.LANGUAGES):
        translation.activate(patient.language)
    if request.method == "GET":
        return render(request, "reminders/unsubscribe.html", {"token": token})
    changed = (
        ReminderSettings.objects.filter(patient=patient)
        .exclude(channel=Channel.OFF)
        .update(channel=Channel.OFF)
    )
    if changed:
        AuditEvent.record(
            None, AuditAction.REMINDERS_UNSUBSCRIBED, patient=patient, channel="email"
        )
    return render(request, "reminders/unsubscribe.html", {"done": True})
