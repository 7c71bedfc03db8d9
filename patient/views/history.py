"""A patient's own history and the download of everything they logged."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.access import require_patient
from accounts.models import AuditAction, AuditEvent
from patient import privacy
from patient.history import history_for


@require_GET
@never_cache
def history(request: HttpRequest) -> HttpResponse:
    """Eight queries whatever the length of the history (patient/history.py)."""
    context = history_for(require_patient(request.user), request.GET.get("page"))
    return render(request, "patient/history.html", context)


def _filename(patient, extension: str) -> str:
    return f"hipmob-{patient.local_date().isoformat()}.{extension}"


@require_GET
@never_cache
def export_json(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    data = privacy.everything(patient)
    AuditEvent.record(patient, AuditAction.EXPORTED, patient=patient, format="json")
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{_filename(patient, "json")}"'
    return response


@require_GET
@never_cache
def export_csv(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(patient, "csv")}"'
    response.write("\ufeff")  # a byte-order mark, so spreadsheet apps read UTF-8 names
    AuditEvent.record(patient, AuditAction.EXPORTED, patient=patient, format="csv")
    privacy.write_csv(patient, response)
    return response
