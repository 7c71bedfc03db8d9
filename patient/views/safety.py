"""The red-flag check: the questions, and what the answers mean for today."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import require_patient
from progression.models import Suggestion, SuggestionStatus
from safety import rules as safety
from safety.forms import ScreeningForm
from safety.models import Alert, AlertKind, Screening, ScreeningQuestion, Tier


@require_http_methods(["GET", "POST"])
@never_cache
def check(request: HttpRequest) -> HttpResponse:
    patient = require_patient(request.user)
    questions = list(ScreeningQuestion.objects.filter(active=True))
    form = ScreeningForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        answers = form.answers()
        result = safety.tier(
            {a["key"]: a["yes"] for a in answers}, {a["key"]: a["tier"] for a in answers}
        )
        with transaction.atomic():
            screening = Screening.objects.create(
                patient=patient, local_date=patient.local_date(), answers=answers, tier=result
            )
            if result != Tier.CLEAR:
                # Progression pauses: a "progress" waiting for the clinician is withdrawn.
                Suggestion.objects.filter(
                    patient=patient, status=SuggestionStatus.PENDING, kind="progress"
                ).update(status=SuggestionStatus.SUPERSEDED)
                positive = [a["text"] for a in answers if a["yes"]]
                Alert.objects.create(
                    patient=patient,
                    kind=AlertKind.RED_FLAG,
                    screening=screening,
                    detail=f"{screening.get_tier_display()}: " + "; ".join(positive)[:200],
                )
        return redirect("patient:safety_result", code=screening.code)
    status = 422 if request.method == "POST" else 200
    return render(request, "patient/safety.html", {"form": form}, status=status)


@require_GET
@never_cache
def result(request: HttpRequest, code) -> HttpResponse:
    patient = require_patient(request.user)
    screening = get_object_or_404(Screening, patient=patient, code=code)
    return render(request, "patient/safety_result.html", {"screening": screening})
