"""The clinic admin's pages: the hub, the staff list, invitations, deactivating and
reactivating clinicians, handing a caseload over, and the clinic's profile with the
sign-off of its clinical thresholds. Every view starts with require_clinic_admin and
sees only the admin's own clinic (the request's clinic scope): another clinic's
person or invitation is a 404, like a stranger's patient."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import invitations
from accounts.access import require_clinic_admin
from accounts.models import Invitation, User
from clinic import staff
from clinic.forms_staff import ClinicProfileForm, HandoverForm, InviteForm
from organisations.models import Clinic


def _clinician(admin: User, code) -> User:
    """A clinician of the admin's own clinic, or a 404 that says nothing more."""
    return get_object_or_404(User.objects.clinicians(), clinic_id=admin.clinic_id, code=code)


@require_GET
@never_cache
def manage(request: HttpRequest) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    clinic = admin.clinic  # loaded with the user (accounts.backends): no query
    context = {
        "clinic": clinic,
        "signed_off": bool(clinic.thresholds_signed_at),
        "current": clinic.thresholds_version == staff.thresholds_version(),
    }
    return render(request, "clinic/manage.html", context)


@require_GET
@never_cache
def staff_list(request: HttpRequest) -> HttpResponse:
    """Three queries besides the session's, for any number of staff: the staff with
    their caseload sizes, and the waiting invitations."""
    admin = require_clinic_admin(request.user)
    context = {
        "people": list(staff.staff_of(admin)),
        "invitations": list(Invitation.objects.pending().order_by("created", "pk")),
        "clinic": admin.clinic,
    }
    return render(request, "clinic/staff.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
def invite(request: HttpRequest) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, token = invitations.issue(
                admin.clinic,
                admin,
                name=data["name"],
                email=data["email"],
                as_clinic_admin=data["as_clinic_admin"],
            )
        except invitations.InvitationRefused as refused:
            form.add_error("email", str(refused))
        else:
            url = request.build_absolute_uri(reverse("accept_invitation", args=[token]))
            if invitations.send(invitation, url):
                messages.success(
                    request,
                    _("Invitation sent to %(email)s.") % {"email": invitation.email},
                )
            else:
                messages.error(
                    request,
                    _(
                        "The invitation to %(email)s is made, but the email couldn't be sent. "
                        "Revoke it and try again later."
                    )
                    % {"email": invitation.email},
                )
            return redirect("clinic:staff")
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "invitation_days": settings.INVITATION_DAYS}
    return render(request, "clinic/staff_invite.html", context, status=status)


@require_POST
def revoke_invitation(request: HttpRequest, code) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    invitation = get_object_or_404(Invitation.objects.all(), code=code)
    if staff.revoke_invitation(admin, invitation):
        messages.success(
            request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email}
        )
    else:
        messages.info(request, _("That invitation was already used or revoked."))
    return redirect("clinic:staff")


@require_POST
def deactivate_staff(request: HttpRequest, code) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    person = _clinician(admin, code)
    try:
        holding = staff.deactivate(admin, person)
    except staff.StaffError as refused:
        messages.error(request, str(refused))
        return redirect("clinic:staff")
    messages.success(
        request,
        _("%(name)s is deactivated and signed out everywhere.") % {"name": person},
    )
    if holding:
        messages.warning(
            request,
            _(
                "%(name)s still holds %(count)d patients, and deactivated clinicians are told "
                "of no alerts. Hand them over to a colleague now."
            )
            % {"name": person, "count": holding},
        )
        return redirect("clinic:handover", code=person.code)
    return redirect("clinic:staff")


@require_POST
def reactivate_staff(request: HttpRequest, code) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    person = _clinician(admin, code)
    try:
        staff.reactivate(admin, person)
    except staff.StaffError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("%(name)s can sign in again.") % {"name": person})
    return redirect("clinic:staff")


@require_http_methods(["GET", "POST"])
@never_cache
def handover(request: HttpRequest, code) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    leaver = _clinician(admin, code)
    colleagues = (
        User.objects.clinicians()
        .filter(clinic_id=admin.clinic_id, is_active=True)
        .exclude(pk=leaver.pk)
        .order_by("name", "username")
    )
    form = HandoverForm(request.POST or None, colleagues=colleagues)
    if request.method == "POST" and form.is_valid():
        colleague = form.cleaned_data["colleague"]
        try:
            moved = staff.hand_over(admin, leaver, colleague)
        except staff.StaffError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _(
                    "%(leaver)s's %(patients)d patients are now %(colleague)s's, with "
                    "%(alerts)d open alerts and %(suggestions)d waiting suggestions."
                )
                % {
                    "leaver": leaver,
                    "colleague": colleague,
                    "patients": moved.patients,
                    "alerts": moved.alerts,
                    "suggestions": moved.suggestions,
                },
            )
            return redirect("clinic:staff")
    context = {
        "leaver": leaver,
        "form": form,
        "counts": staff.handover_counts(leaver),
        "has_colleagues": colleagues.exists(),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "clinic/handover.html", context, status=status)


@require_http_methods(["GET", "POST"])
@never_cache
def clinic_profile(request: HttpRequest) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    # Its own copy: the form sets the fields it checks, even when they are refused.
    clinic = Clinic.objects.get(pk=admin.clinic_id)
    before = staff.profile_values(clinic)
    form = ClinicProfileForm(request.POST or None, instance=clinic)
    if request.method == "POST" and form.is_valid():
        if staff.save_profile(admin, clinic, before):
            messages.success(request, _("The clinic's profile is saved."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("clinic:profile")
    context = {
        "form": form,
        "clinic": clinic,  # its sign-off fields are not the form's: as stored
        "version": staff.thresholds_version(),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "clinic/clinic_profile.html", context, status=status)


@require_POST
def sign_off_thresholds(request: HttpRequest) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    clinic = Clinic.objects.get(pk=admin.clinic_id)
    version = staff.sign_off_thresholds(admin, clinic)
    messages.success(
        request,
        _("You signed off the clinical thresholds and safety questions (version %(version)s).")
        % {"version": version},
    )
    return redirect("clinic:profile")
