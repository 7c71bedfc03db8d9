"""A patient's record: the details a clinic keeps (date of birth, phone, preferred
language, the practice system's number, time zone), changed by their clinician."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.access import linked_patient, require_clinician
from accounts.models import AuditAction, AuditEvent
from clinic.forms_record import IDENTIFIER_TAKEN, RECORD_FIELDS, RecordForm


@require_http_methods(["GET", "POST"])
@never_cache
def record(request: HttpRequest, code) -> HttpResponse:
    """Only the fields that changed are saved, and the audit names them (never their
    values: the trail is not a second copy of the record)."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    form = RecordForm(
        request.POST or None,
        initial={name: getattr(patient, name) for name in RECORD_FIELDS},
        clinic_id=patient.clinic_id,
        today=patient.local_date(),
        patient=patient,
    )
    if request.method == "POST" and form.is_valid():
        changed = [n for n in RECORD_FIELDS if getattr(patient, n) != form.cleaned_data[n]]
        if not changed:
            messages.info(request, _("Nothing was changed."))
            return redirect("clinic:patient", code=patient.code)
        for name in changed:
            setattr(patient, name, form.cleaned_data[name])
        try:
            with transaction.atomic():
                patient.save(update_fields=changed)
                AuditEvent.record(
                    clinician, AuditAction.RECORD_CHANGED, patient=patient, fields=changed
                )
        except IntegrityError:
            # Another clinician gave the same number at the same moment.
            patient.refresh_from_db()
            form.add_error("clinic_identifier", IDENTIFIER_TAKEN)
        else:
            messages.success(request, _("%(name)s's record is saved.") % {"name": patient.name})
            return redirect("clinic:patient", code=patient.code)
    status = 422 if request.method == "POST" else 200
    return render(request, "clinic/record.html", {"patient": patient, "form": form}, status=status)
