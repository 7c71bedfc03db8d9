"""Clinicians attach reads to a patient's plan (shown on the patient's Today) or to
one of their templates (copied into every plan assigned from it). Plain forms: POST,
then back to the page."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import linked_patient, require_clinician
from accounts.models import AuditAction, AuditEvent
from learn.models import Read, RoutineRead
from routines.access import editable_template
from routines.models import Routine


class AttachReadForm(forms.Form):
    read = forms.ModelChoiceField(
        label=gettext_lazy("Add a read"),
        queryset=Read.objects.published(),
        to_field_name="slug",
        error_messages={"invalid_choice": gettext_lazy("Choose one of the published reads.")},
    )


def reads_context(routine: Routine | None) -> dict:
    """The routine's reads and the published ones it could have: two queries."""
    if routine is None:
        return {"attached_reads": [], "other_reads": []}
    return {
        "attached_reads": list(Read.objects.attached_to(routine).order_by("order", "title")),
        "other_reads": list(Read.objects.published().exclude(routine_links__routine=routine)),
    }


def _attach(request: HttpRequest, routine: Routine, clinician, patient=None) -> bool:
    form = AttachReadForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the published reads."))
        return False
    read = form.cleaned_data["read"]
    _link, created = RoutineRead.objects.get_or_create(
        routine=routine, read=read, defaults={"added_by": clinician}
    )
    if created and patient is not None:
        AuditEvent.record(clinician, AuditAction.READ_ATTACHED, patient=patient, target=read.slug)
    messages.success(request, _("“%(title)s” is added.") % {"title": read.title})
    return True


def _detach(routine: Routine, slug: str) -> int:
    deleted, _rows = RoutineRead.objects.filter(routine=routine, read__slug=slug).delete()
    return deleted


def _plan(clinician, code) -> tuple:
    patient = linked_patient(clinician, code)
    return patient, get_object_or_404(Routine.objects.for_patient(patient).active())


@require_POST
def attach_to_plan(request: HttpRequest, code) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient, plan = _plan(clinician, code)
    _attach(request, plan, clinician, patient)
    return redirect("clinic:patient", code=patient.code)


@require_POST
def detach_from_plan(request: HttpRequest, code, slug: str) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient, plan = _plan(clinician, code)
    if _detach(plan, slug):
        AuditEvent.record(clinician, AuditAction.READ_REMOVED, patient=patient, target=slug)
        messages.info(request, _("The read is removed from their Today page."))
    return redirect("clinic:patient", code=patient.code)


@require_POST
def attach_to_template(request: HttpRequest, code) -> HttpResponse:
    template = editable_template(require_clinician(request.user), code)
    _attach(request, template, request.user)
    return redirect("clinic:builder", code=template.code)


@require_POST
def detach_from_template(request: HttpRequest, code, slug: str) -> HttpResponse:
    template = editable_template(require_clinician(request.user), code)
    if _detach(template, slug):
        messages.info(request, _("The read is removed from this routine."))
    return redirect("clinic:builder", code=template.code)
