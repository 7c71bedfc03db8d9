"""The clinician's workspace for patients: the list, adding a patient, their detail
page, sign-in links, assigning a routine, and the printable handout."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import patients
from accounts.access import linked_patient, patients_of, require_clinician
from accounts.models import AuditAction, AuditEvent, SignInLink, User
from clinic import caseload, detail, episodes
from clinic.forms import AssignForm
from clinic.forms_record import (
    IDENTIFIER_TAKEN,
    NEW_PATIENT_FIELDS,
    NewPatientForm,
    OpenEpisodeForm,
)
from hipmob.qr import qr_data_uri
from learn import plans
from learn.forms import AttachReadForm
from progression import decisions
from progression.models import SuggestionScope, SuggestionStatus
from routines import schedule
from routines.access import usable_templates
from routines.models import Routine

PAGE_SIZE = 25


@require_GET
@never_cache
def patient_list(request: HttpRequest) -> HttpResponse:
    """Who needs attention first (clinic/caseload.py), sorted and paged in SQL. Five
    queries for any number of patients: session, user, second-step device, the count
    and the page's rows (more only when some rows are out of date: a new day)."""
    clinician = require_clinician(request.user)
    query = request.GET.get("q", "").strip()[:100]
    number = max(1, min(_int(request.GET.get("page"), 1), 10_000))
    page = caseload.page_for(clinician, query, number, PAGE_SIZE)
    context = {
        "rows": page.rows,
        "page_number": page.number,
        "pages": page.pages,
        "total": page.total,
        "query": query,
    }
    return render(request, "clinic/patient_list.html", context)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


ADDED_KEY = "clinic_added_patients"


def _added_before(request: HttpRequest, clinician, request_id: str) -> User | None:
    """The patient this same form made already, if it is being sent again."""
    code = request.session.get(ADDED_KEY, {}).get(request_id)
    return patients_of(clinician).filter(code=code).first() if code else None


def _remember_added(request: HttpRequest, request_id: str, patient: User) -> None:
    request.session[ADDED_KEY] = {
        **request.session.get(ADDED_KEY, {}),
        request_id: str(patient.code),
    }


@require_http_methods(["GET", "POST"])
@never_cache
def add_patient(request: HttpRequest) -> HttpResponse:
    """A refresh or a double click sends the same form again: the request id it carries
    is remembered, and a repeat goes to the patient already made instead of a second
    account."""
    clinician = require_clinician(request.user)
    clinic = clinician.clinic  # loaded with the user: its defaults cost no query
    form = NewPatientForm(
        request.POST or None,
        initial={
            "request_id": uuid.uuid4().hex,
            "timezone": clinic.timezone,
            "language": clinic.language,
        },
        clinic_id=clinician.clinic_id,
        today=clinician.local_date(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if existing := _added_before(request, clinician, data["request_id"]):
            messages.info(request, _("%(name)s was already added.") % {"name": existing.name})
            return redirect("clinic:patient", code=existing.code)
        try:
            patient, token = patients.add_patient(
                clinician,
                **{name: data[name] for name in NEW_PATIENT_FIELDS},
            )
        except IntegrityError:  # the same clinic identifier given at the same moment
            form.add_error("clinic_identifier", IDENTIFIER_TAKEN)
            return render(request, "clinic/add_patient.html", {"form": form}, status=422)
        _remember_added(request, data["request_id"], patient)
        messages.success(request, _("%(name)s is added.") % {"name": patient.name})
        return _link_page(request, patient, token, status=201)
    status = 422 if request.method == "POST" else 200
    return render(request, "clinic/add_patient.html", {"form": form}, status=status)


def _link_page(request, patient: User, token: str, status: int = 200) -> HttpResponse:
    """The token exists only in this response: it is shown once, never stored."""
    url = request.build_absolute_uri(reverse("use_link", args=[token]))
    context = {
        "patient": patient,
        "url": url,
        "qr": qr_data_uri(url),
        "days": settings.SIGN_IN_LINK_DAYS,
    }
    return render(request, "clinic/link.html", context, status=status)


@require_POST
@never_cache
def new_link(request: HttpRequest, code) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    _link, token = SignInLink.issue(patient, created_by=clinician)
    return _link_page(request, patient, token)


@require_GET
@never_cache
def patient_detail(request: HttpRequest, code) -> HttpResponse:
    """Everything about the patient the clinician acts on (clinic/detail.py)."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    AuditEvent.record(clinician, AuditAction.PATIENT_VIEWED, patient=patient)
    context = {
        **detail.detail_for(patient).context(),
        **episodes.for_patient_page(patient),
        "read_form": AttachReadForm(),
        "episode_form": OpenEpisodeForm(today=patient.local_date()),
    }
    return render(request, "clinic/patient_detail.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
def assign(request: HttpRequest, code) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    templates = usable_templates(clinician).order_by("title")
    form = AssignForm.for_patient(
        request.POST or None,
        patient=patient,
        templates=templates,
        template_code=request.GET.get("template", ""),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plans.assign(
            data["template"],
            patient,
            by=clinician,
            start_date=data["start_date"],
            schedule_days=data["days"],
            end_date=data["end_date"],
        )
        messages.success(
            request,
            _("%(name)s's plan is now “%(title)s”.")
            % {"name": patient.name, "title": data["template"].title},
        )
        return redirect("clinic:patient", code=patient.code)
    status = 422 if request.method == "POST" else 200
    context = {"patient": patient, "form": form, "has_templates": templates.exists()}
    return render(request, "clinic/assign.html", context, status=status)


@require_GET
@never_cache
def handout(request: HttpRequest, code) -> HttpResponse:
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    AuditEvent.record(clinician, AuditAction.HANDOUT_VIEWED, patient=patient)
    plan = Routine.objects.for_patient(patient).active().with_items().first()
    context = {
        "patient": patient,
        "plan": plan,
        "clinician": clinician,
        "days_label": schedule.days_label(plan.schedule_days) if plan else "",
    }
    return render(request, "clinic/handout.html", context)


@require_POST
def decide_suggestion(request: HttpRequest, code, suggestion_code) -> HttpResponse:
    """Accept (the plan item takes the suggested exercise and dose, audited) or dismiss."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    suggestion = decisions.pending_suggestion(patient, suggestion_code)
    accept = request.POST.get("decision") == "accept"
    outcome = decisions.decide(suggestion, clinician, accept=accept)
    if outcome == SuggestionStatus.SUPERSEDED:
        messages.error(
            request, _("The plan has changed since this suggestion was made, so it was withdrawn.")
        )
    elif outcome == SuggestionStatus.ACCEPTED and suggestion.scope == SuggestionScope.ROUTINE:
        messages.success(request, _("The whole routine now steps back one level."))
    elif outcome == SuggestionStatus.ACCEPTED:
        messages.success(
            request,
            _("The plan now has %(dose)s of %(name)s.")
            % {"dose": suggestion.dose, "name": suggestion.exercise.name},
        )
    elif outcome == SuggestionStatus.DISMISSED:
        messages.info(request, _("Suggestion dismissed; the plan is unchanged."))
    return redirect("clinic:patient", code=patient.code)
