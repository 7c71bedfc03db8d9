"""The one scoping layer: every query of clinic-owned rows (people, care links,
routines, a clinic's own exercises) runs inside the signed-in person's clinic.

Their managers are django-scopes ScopedManagers on two dimensions:
- ``clinic``: the clinic's id (people, care links, routines, invitations, episodes);
- ``catalogue``: the exercises a clinic may use, the shared catalogue (key 0) and the
  clinic's own (key = its id).

Outside a scope such a query raises ScopeError: forgetting to scope fails closed, it
never shows another clinic's rows. ClinicScopeMiddleware opens the scope for every
request; code that must look across clinics (the sign-in steps before anyone is
known, management commands, the Django admin of the installation's own admins) says
so with ``scopes_disabled()``."""

import functools
from collections.abc import Callable
from contextlib import contextmanager

from django.http import HttpRequest, HttpResponse
from django_scopes import ScopedManager, scope, scopes_disabled

__all__ = [
    "SHARED_CATALOGUE",
    "ClinicScopeMiddleware",
    "across_clinics",
    "catalogue_scoped",
    "clinic_scope",
    "clinic_scoped",
    "scopes_disabled",
]

# The catalogue key of the shared exercises (a clinic's own have their clinic's id).
SHARED_CATALOGUE = 0


def _unmigrated(manager_class):
    # Made at runtime, so never serialised into migrations (the models' plain
    # `unscoped` manager is what migrations and Django's own machinery use).
    return type(manager_class.__name__, (manager_class,), {"use_in_migrations": False})


def clinic_scoped(manager_class):
    """`objects` for a model that belongs to one clinic (its `clinic`)."""
    return ScopedManager(_manager_class=_unmigrated(manager_class), clinic="clinic")


def catalogue_scoped(manager_class):
    """`objects` for exercises: the shared catalogue and the clinic's own."""
    return ScopedManager(_manager_class=_unmigrated(manager_class), catalogue="catalogue_key")


@contextmanager
def clinic_scope(clinic_id: int | None):
    """Queries see this clinic's rows and the shared catalogue; ``None`` (nobody
    signed in) sees no clinic's rows at all."""
    clinics = [] if clinic_id is None else [clinic_id]
    with scope(clinic=clinics, catalogue=[SHARED_CATALOGUE, *clinics]):
        yield


def scope_for(user) -> Callable:
    """The scope a request by this person runs in. The installation's own admins (no
    clinic; they work in the Django admin) see across clinics, as the admin must."""
    if not user.is_authenticated:
        return clinic_scope(None)
    if user.clinic_id is None and user.is_staff:
        return scopes_disabled()
    return clinic_scope(user.clinic_id)


class ClinicScopeMiddleware:
    """After authentication: the rest of the request runs in the person's clinic."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with scope_for(request.user):
            return self.get_response(request)


def across_clinics(function):
    """For management commands and jobs that serve every clinic (reminders, alerts,
    demo data): the function runs with the scopes off, and says so."""

    @functools.wraps(function)
    def unscoped(*args, **kwargs):
        with scopes_disabled():
            return function(*args, **kwargs)

    return unscoped
