"""The correction page (practice/corrections.py has the rules)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.access import require_patient
from practice import corrections
from practice.forms import CorrectionForm
from practice.models import ExerciseSession
from progression import events


@require_http_methods(["GET", "POST"])
@never_cache
def correct(request: HttpRequest, code) -> HttpResponse:
    patient = require_patient(request.user)
    session = get_object_or_404(ExerciseSession, patient=patient, code=code)
    if not corrections.correctable(session, patient.local_date()):
        raise Http404  # past the week: the history stands as logged
    logs = list(session.logs.select_related("exercise").order_by("item__order", "set_number"))
    initial = {
        "pain_before": session.pain_before,
        "pain_worst": session.pain_worst,
        "pain_after": session.pain_after,
        **{f"step_{log.pk}": corrections.outcome(log) for log in logs},
    }
    form = CorrectionForm(request.POST or None, initial=initial, session=session, logs=logs)
    if request.method == "POST" and form.is_valid():
        if events.correct(patient, session, logs, form.cleaned_data):
            messages.success(request, _("Corrected. Your clinician sees the new values."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("patient:history")
    context = {"session": session, "form": form, "logs": logs, "days": corrections.CORRECTION_DAYS}
    status = 422 if request.method == "POST" else 200
    return render(request, "patient/correct.html", context, status=status)
