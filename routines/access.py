"""Which routines a clinician may use or change. Strangers get a 404."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.models import User
from routines.models import Routine


def usable_templates(clinician: User):
    """The clinician's own templates and everyone's shared ones."""
    return Routine.objects.templates().filter(Q(owner=clinician) | Q(shared=True))


def usable_template(clinician: User, code):
    return get_object_or_404(usable_templates(clinician), code=code)


def editable_template(clinician: User, code, queryset=None):
    """Only the author changes a template; others may copy a shared one. `queryset`
    lets the caller load related rows in the same lookup."""
    queryset = Routine.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.templates(), owner=clinician, code=code)
