"""The red-flag check: the questions, and what the answers mean for today."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import require_patient
from progression import events
from safety.forms import ScreeningForm
from safety.models import Screening, ScreeningQuestion


@require_http_methods(["GET", "POST"])
@never_cache
def check(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    questions = list(ScreeningQuestion.objects.filter(active=True))
    form = ScreeningForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        screening = events.safety_check(patient, form.answers())
        return redirect("patient:safety_result", code=screening.code)
    status = 422 if request.method == "POST" else 200
    return render(request, "patient/safety.html", {"form": form}, status=status)


@require_GET
@never_cache
def result(request: HttpRequest, code) -> HttpResponse:
    patient = require_patient(request.user)
    screening = get_object_or_404(Screening, patient=patient, code=code)
    return render(request, "patient/safety_result.html", {"screening": screening})
