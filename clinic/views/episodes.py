"""Episodes of care: opening one from the patient's page, and the discharge summary,
which closes it and stays, read-only and printable, for the record."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import linked_patient, require_clinician
from accounts.models import AuditAction, AuditEvent, Episode
from clinic import detail, episodes
from clinic.forms_record import DischargeForm, OpenEpisodeForm
from learn.forms import AttachReadForm


@require_POST
@never_cache
def open_episode(request: HttpRequest, code) -> HttpResponse:
    """A refused form shows the patient's page again with what to put right."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    form = OpenEpisodeForm(request.POST, today=patient.local_date())
    if form.is_valid():
        data = form.cleaned_data
        try:
            episodes.open_episode(
                patient,
                by=clinician,
                reason=data["referral_reason"],
                started_on=data["started_on"],
                review_on=data["review_on"],
            )
        except episodes.EpisodeAlreadyOpen:
            messages.error(
                request,
                _("%(name)s already has an open episode: discharge it before opening another.")
                % {"name": patient.name},
            )
        else:
            messages.success(request, _("Episode of care opened."))
        return redirect("clinic:patient", code=patient.code)
    context = {
        **detail.detail_for(patient).context(),
        **episodes.for_patient_page(patient),
        "read_form": AttachReadForm(),
        "episode_form": form,
    }
    return render(request, "clinic/patient_detail.html", context, status=422)


@require_http_methods(["GET", "POST"])
@never_cache
def discharge(request: HttpRequest, code, episode_code) -> HttpResponse:
    """The summary of the episode, with the discharge form while it is open; a POST
    with the outcome closes it. Viewing it is audited as viewing the patient."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    episode = get_object_or_404(
        Episode.objects.filter(patient=patient).select_related("opened_by", "discharged_by"),
        code=episode_code,
    )
    episode.patient = patient  # loaded already: the summary reads it
    today = patient.local_date()
    form = None
    if episode.is_open:
        form = DischargeForm(request.POST or None, started_on=episode.started_on, today=today)
    if request.method == "POST" and form is None:
        messages.info(request, _("This episode was already discharged."))
        return redirect("clinic:discharge", code=patient.code, episode_code=episode.code)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ended = episodes.discharge(
                episode,
                by=clinician,
                outcome=data["outcome"],
                note=data["note"],
                on=data["discharged_on"],
                end_plan=data["end_plan"],
            )
        except episodes.EpisodeAlreadyDischarged:  # in another tab, a moment ago
            messages.info(request, _("This episode was already discharged."))
            return redirect("clinic:discharge", code=patient.code, episode_code=episode.code)
        messages.success(
            request,
            _("%(name)s is discharged; their plan has ended.") % {"name": patient.name}
            if ended
            else _("%(name)s is discharged.") % {"name": patient.name},
        )
        return redirect("clinic:discharge", code=patient.code, episode_code=episode.code)
    if request.method == "GET":
        AuditEvent.record(
            clinician,
            AuditAction.PATIENT_VIEWED,
            patient=patient,
            target=f"discharge summary {episode.code}",
        )
    summary = episodes.summary_for(episode, today)
    context = {
        **summary.context(),
        "patient": patient,
        "episode": episode,
        "form": form,
        "clinician": clinician,
        "today": today,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "clinic/discharge.html", context, status=status)
