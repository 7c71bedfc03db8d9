"""A patient puts right a wrongly logged step or pain score within a week. The values
as first logged are kept in the audit trail; the log shows the corrected ones."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.access import require_patient
from accounts.models import AuditAction, AuditEvent
from practice.forms import pain_field
from practice.models import ExerciseSession, SkipReason, StepLog, StepStatus
from progression import suggestions

CORRECTION_DAYS = 7


def correctable(session: ExerciseSession, today) -> bool:
    return today - session.local_date <= timedelta(days=CORRECTION_DAYS)


def _outcome(log: StepLog) -> str:
    return f"skipped:{log.skip_reason}" if log.status == StepStatus.SKIPPED else log.status


OUTCOMES = [
    (StepStatus.DONE.value, StepStatus.DONE.label),
    (StepStatus.EASIER.value, StepStatus.EASIER.label),
    *[
        (f"skipped:{reason.value}", gettext_lazy("Skipped: %(reason)s") % {"reason": reason.label})
        for reason in SkipReason
    ],
]


class CorrectionForm(forms.Form):
    def __init__(self, *args, session: ExerciseSession, logs: list[StepLog], **kwargs):
        super().__init__(*args, **kwargs)
        if session.pain_before is not None:
            self.fields["pain_before"] = pain_field(gettext_lazy("Pain before the session"))
        if session.pain_after is not None:
            self.fields["pain_after"] = pain_field(gettext_lazy("Pain after the session"))
        for log in logs:
            self.fields[f"step_{log.pk}"] = forms.ChoiceField(
                label=_("%(exercise)s: %(side)s, set %(set)d")
                % {
                    "exercise": log.exercise.name,
                    "side": log.get_side_display(),
                    "set": log.set_number,
                },
                choices=OUTCOMES,
            )

    def step_fields(self):
        return [self[name] for name in self.fields if name.startswith("step_")]


@require_http_methods(["GET", "POST"])
@never_cache
def correct(request: HttpRequest, code) -> HttpResponse:
    patient = require_patient(request.user)
    session = get_object_or_404(ExerciseSession, patient=patient, code=code)
    if not correctable(session, patient.local_date()):
        raise Http404  # past the week: the history stands as logged
    logs = list(session.logs.select_related("exercise").order_by("item__order", "set_number"))
    initial = {
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        **{f"step_{log.pk}": _outcome(log) for log in logs},
    }
    form = CorrectionForm(request.POST or None, initial=initial, session=session, logs=logs)
    if request.method == "POST" and form.is_valid():
        changes = _apply(session, logs, form.cleaned_data)
        if changes:
            AuditEvent.record(
                patient,
                AuditAction.LOG_CORRECTED,
                patient=patient,
                target=f"session {session.code}",
                changes=changes,
            )
            suggestions.refresh(patient)
            messages.success(request, _("Corrected. Your clinician sees the new values."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("patient:history")
    context = {"session": session, "form": form, "logs": logs, "days": CORRECTION_DAYS}
    status = 422 if request.method == "POST" else 200
    return render(request, "patient/correct.html", context, status=status)


@transaction.atomic
def _apply(session: ExerciseSession, logs: list[StepLog], data: dict) -> list[dict]:
    """Saves what changed and returns it as [{field, was, now}] for the audit trail."""
    changes = []
    for field in ("pain_before", "pain_after"):
        if field in data and data[field] != getattr(session, field):
            changes.append({"field": field, "was": getattr(session, field), "now": data[field]})
            setattr(session, field, data[field])
    if changes:
        session.save(update_fields=[c["field"] for c in changes])
    for log in logs:
        new = data[f"step_{log.pk}"]
        if new == _outcome(log):
            continue
        changes.append({"field": f"step {log.pk}", "was": _outcome(log), "now": new})
        status, _sep, reason = new.partition(":")
        StepLog.objects.filter(pk=log.pk).update(status=status, skip_reason=reason)
    return changes
