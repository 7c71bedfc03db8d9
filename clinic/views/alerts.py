"""The clinician acknowledges an alert ("I'm on it": reminders stop), clears a safety
check that paused exercise, or resolves an alert, each of the last two with a note (the
writes: safety/alerts.py and progression/decisions.py)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import linked_patient, require_clinician
from clinic.forms import ClearForm, NoteForm
from progression import decisions
from safety.alerts import acknowledge
from safety.models import Alert, Screening


def _note(request, missing: str) -> str | None:
    """The clinician's note, or None with the reason shown as a message."""
    form = NoteForm(request.POST)
    if form.is_valid():
        return form.cleaned_data["note"]
    error = form.errors["note"].as_data()[0]
    messages.error(request, missing if error.code == "required" else error.messages[0])
    return None


@require_POST
def clear(request: HttpRequest, code, screening_code) -> HttpResponse:
    """The clinician has spoken to the patient and lets them exercise again, noting any
    urgent or review answer that is known and long-standing."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    screening = get_object_or_404(Screening, patient=patient, code=screening_code)
    form = ClearForm(request.POST, answers=decisions.knowable(screening))
    if not form.is_valid():
        errors = form.errors.as_data()
        if "note" in errors and errors["note"][0].code == "required":
            messages.error(request, _("Write a short note saying why it is safe to carry on."))
        else:
            messages.error(request, next(iter(errors.values()))[0].messages[0])
        return redirect("clinic:patient", code=patient.code)
    data, was_locked = form.cleaned_data, screening.locked
    decisions.clear_screening(patient, screening, clinician, data["note"], known=data["known"])
    if was_locked:
        done = _("Cleared. %(name)s can exercise again.") % {"name": patient.name}
    else:
        done = _("Resolved. Suggestions for %(name)s can go ahead again.") % {"name": patient.name}
    messages.success(request, done)
    return redirect("clinic:patient", code=patient.code)


@require_POST
def resolve_alert(request: HttpRequest, code, alert_code) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    alert = get_object_or_404(Alert.objects.open(), patient=patient, code=alert_code)
    note = _note(request, _("Write a short note on what you did about it."))
    if note is None:
        return redirect("clinic:patient", code=patient.code)
    if decisions.resolve_alert(patient, alert, clinician, note):
        messages.success(request, _("Alert resolved."))
    else:
        messages.error(request, _("Clear the safety check itself to let them exercise again."))
    return redirect("clinic:patient", code=patient.code)


@require_POST
def acknowledge_alert(request: HttpRequest, code, alert_code) -> HttpResponse:
    """Says the alert is being dealt with: the other clinicians see who, and an
    emergency's reminder emails stop. Only the first acknowledgement counts."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    alert = get_object_or_404(Alert.objects.open(), patient=patient, code=alert_code)
    alert.patient = patient  # already loaded: spares the audit event a query
    if acknowledge(alert, clinician):
        messages.success(request, _("Acknowledged. The others can see you are dealing with it."))
    else:
        messages.info(request, _("Someone has already acknowledged this alert."))
    return redirect("clinic:patient", code=patient.code)
