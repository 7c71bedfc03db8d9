"""The clinician clears a safety check that paused exercise, or resolves an alert, each
with a note."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import linked_patient, require_clinician
from accounts.models import AuditAction, AuditEvent
from clinic.forms import NoteForm
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
    """The clinician has spoken to the patient and lets them exercise again."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    screening = get_object_or_404(Screening, patient=patient, code=screening_code)
    note = _note(request, _("Write a short note saying why it is safe to carry on."))
    if note is None:
        return redirect("clinic:patient", code=patient.code)
    now = timezone.now()
    with transaction.atomic():
        Screening.objects.filter(pk=screening.pk, cleared_at__isnull=True).update(
            cleared_by=clinician, cleared_at=now, cleared_note=note
        )
        screening.alerts.open().update(resolved_at=now, resolved_by=clinician, resolution=note)
        AuditEvent.record(
            clinician,
            AuditAction.SCREENING_CLEARED,
            patient=patient,
            target=f"screening {screening.code}",
            note=note,
        )
    messages.success(request, _("Cleared. %(name)s can exercise again.") % {"name": patient.name})
    return redirect("clinic:patient", code=patient.code)


@require_POST
def resolve_alert(request: HttpRequest, code, alert_code) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    alert = get_object_or_404(Alert.objects.open(), patient=patient, code=alert_code)
    note = _note(request, _("Write a short note on what you did about it."))
    if note is None:
        return redirect("clinic:patient", code=patient.code)
    if alert.screening and alert.screening.locked:
        messages.error(request, _("Clear the safety check itself to let them exercise again."))
        return redirect("clinic:patient", code=patient.code)
    with transaction.atomic():
        Alert.objects.filter(pk=alert.pk).update(
            resolved_at=timezone.now(), resolved_by=clinician, resolution=note
        )
        AuditEvent.record(
            clinician,
            AuditAction.ALERT_RESOLVED,
            patient=patient,
            target=f"alert {alert.code}",
            kind=alert.kind,
        )
    messages.success(request, _("Alert resolved."))
    return redirect("clinic:patient", code=patient.code)
