"""The red-flag check: the questions, and what the answers mean for today."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import require_patient
from progression import events
from safety.forms import ScreeningForm
from safety.models import Screening
from safety.screenings import check_for


@require_http_methods(["GET", "POST"])
@never_cache
def check(request: HttpRequest) -> HttpResponse:
    """?changed=1 (kept in the form): the patient says something changed, so the
    questions asked once at the start are asked again."""
    patient = require_patient(request.user)
    changed = (request.POST or request.GET).get("changed") in ("1", "True", "on")
    check = check_for(patient, changed=changed)
    form = ScreeningForm(
        request.POST or None, questions=check.questions, initial={"changed": changed}
    )
    if request.method == "POST" and form.is_valid():
        screening = events.safety_check(patient, form.answers())
        return redirect("patient:safety_result", code=screening.code)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "recheck": not check.first}
    return render(request, "patient/safety.html", context, status=status)


@require_GET
@never_cache
def result(request: HttpRequest, code) -> HttpResponse:
    patient = require_patient(request.user)
    screening = get_object_or_404(Screening, patient=patient, code=code)
    return render(request, "patient/safety_result.html", {"screening": screening})
