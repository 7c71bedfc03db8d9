"""The red-flag check: the questions, what the answers mean for today, and the
clinician clearing a lock."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import AuditAction, AuditEvent
from routines import safety
from routines.access import linked_patient, require_clinician, require_patient
from routines.models import (
    Alert,
    AlertKind,
    Screening,
    ScreeningQuestion,
    Suggestion,
    SuggestionStatus,
    Tier,
)

YES_NO = [("no", gettext_lazy("No")), ("yes", gettext_lazy("Yes"))]


class ScreeningForm(forms.Form):
    """One yes/no question per active ScreeningQuestion, each required."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = forms.ChoiceField(
                # The shipped questions are translated (their English text is the
                # message id); a question an admin rewrote is shown as written.
                label=_(question.text),
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer yes or no.")},
            )

    def answers(self) -> list[dict]:
        return [
            {"key": q.key, "text": q.text, "tier": q.tier, "yes": self.cleaned_data[q.key] == "yes"}
            for q in self.questions
        ]


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
        return redirect("routines:safety_result", code=screening.code)
    status = 422 if request.method == "POST" else 200
    return render(request, "routines/safety.html", {"form": form}, status=status)


@require_GET
@never_cache
def result(request: HttpRequest, code) -> HttpResponse:
    patient = require_patient(request.user)
    screening = get_object_or_404(Screening, patient=patient, code=code)
    return render(request, "routines/safety_result.html", {"screening": screening})


class NoteForm(forms.Form):
    note = forms.CharField(
        max_length=2000,
        strip=True,
        error_messages={"max_length": gettext_lazy("Keep the note under 2,000 characters.")},
    )


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
