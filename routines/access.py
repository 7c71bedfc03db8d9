"""The one place that decides who may see whose data. Strangers get a 404."""

from django.http import Http404

from accounts.models import CareLink, Role, User


def require_patient(user: User) -> User:
    if not user.is_authenticated or user.role != Role.PATIENT:
        raise Http404
    return user


def require_clinician(user: User) -> User:
    if not user.is_authenticated or user.role != Role.CLINICIAN:
        raise Http404
    return user


def patients_of(clinician: User):
    """The patients a clinician may see: those joined to them by an active care link."""
    linked = CareLink.objects.active().filter(clinician=clinician).values("patient_id")
    return User.objects.patients().filter(pk__in=linked)
