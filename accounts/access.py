"""The one place that decides who may see whose data. Strangers get a 404. Every app
may use it: it needs nothing but accounts."""

import uuid

from django.db.models import Exists, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import CareLink, PushSubscription, Role, User


def require_patient(user: User) -> User:
    if not user.is_authenticated or user.role != Role.PATIENT:
        raise Http404
    return user


def require_clinician(user: User) -> User:
    if not user.is_authenticated or user.role != Role.CLINICIAN:
        raise Http404
    return user


def require_clinic_admin(user: User) -> User:
    """A clinician who also manages their clinic (staff, profile, templates, its own
    exercises, reports). Everyone else gets the same 404 as a stranger."""
    if not user.is_authenticated or user.role != Role.CLINICIAN or not user.is_clinic_admin:
        raise Http404
    return user


def patients_of(clinician: User):
    """The patients a clinician may see: those joined to them by an active care link."""
    linked = CareLink.objects.active().filter(clinician=clinician).values("patient_id")
    return User.objects.patients().filter(pk__in=linked)


def clinicians_of(patient: User):
    """Who is told when one of the patient's alerts needs a clinician: the active
    clinicians linked to them. When none is (their clinician was deactivated before
    the patients were handed over, or no link was ever made), the clinic's active
    clinic admins instead, so an alert is never sent to nobody. One query."""
    linked = CareLink.objects.active().filter(patient=patient).values("clinician_id")
    active = User.objects.clinicians().filter(is_active=True)
    unattended = ~Exists(active.filter(pk__in=linked))
    admins = Q(is_clinic_admin=True, clinic_id=patient.clinic_id) & unattended
    return active.filter(Q(pk__in=linked) | admins)


def linked_patient(clinician: User, code) -> User:
    """A patient this clinician is linked to, or a 404 that says nothing more."""
    return get_object_or_404(patients_of(clinician), code=code)


def require_push_user(user: User) -> User:
    """Who may turn on notifications: patients (reminders) and clinicians (urgent
    alerts). Admins get neither, so they have no devices to list."""
    if not user.is_authenticated or user.role not in (Role.PATIENT, Role.CLINICIAN):
        raise Http404
    return user


def own_device(user: User, code) -> PushSubscription:
    """One of this person's own devices with notifications on; anyone else's is a 404."""
    return get_object_or_404(PushSubscription, user=require_push_user(user), code=code)


def parse_uuid(value: str) -> uuid.UUID | None:
    """A code from a query string; anything malformed is simply "no such thing"."""
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
