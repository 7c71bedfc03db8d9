"""Clinicians attach reads to a patient's plan (shown on the patient's Today) or to
one of their templates (copied into every plan assigned from it). Plain forms: POST,
then back to the page. The writes are in learn/reads.py."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import linked_patient, require_clinician
from learn import reads
from learn.forms import AttachReadForm
from routines.access import editable_template
from routines.models import Routine


def _attach(request: HttpRequest, routine: Routine, clinician, patient=None) -> None:
    form = AttachReadForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the published reads."))
        return
    read = form.cleaned_data["read"]
    reads.attach(routine, read, clinician, patient)
    messages.success(request, _("“%(title)s” is added.") % {"title": read.title})


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
    if reads.detach(plan, slug, clinician, patient):
        messages.info(request, _("The read is removed from their Today page."))
    return redirect("clinic:patient", code=patient.code)


@require_POST
def attach_to_template(request: HttpRequest, code) -> HttpResponse:
    clinician = require_clinician(request.user)
    template = editable_template(clinician, code)
    _attach(request, template, clinician)
    return redirect("clinic:builder", code=template.code)


@require_POST
def detach_from_template(request: HttpRequest, code, slug: str) -> HttpResponse:
    clinician = require_clinician(request.user)
    template = editable_template(clinician, code)
    if reads.detach(template, slug, clinician):
        messages.info(request, _("The read is removed from this routine."))
    return redirect("clinic:builder", code=template.code)
