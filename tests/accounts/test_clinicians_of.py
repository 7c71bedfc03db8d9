"""Who is told about a patient's alert: never nobody."""

import pytest

from accounts.access import clinicians_of
from clinic import staff
from tests.factories import make_clinician, make_patient

pytestmark = pytest.mark.django_db


def test_the_linked_active_clinicians_are_told(alice, bob, ann):
    assert list(clinicians_of(alice)) == [bob]


def test_with_their_clinician_deactivated_the_clinic_admins_are_told(alice, bob, ann, gus):
    """Bob leaves before Alice is handed over: Ann, the clinic admin, hears of her
    alerts until she is; Gus, another clinic's admin, never does."""
    staff.deactivate(ann, bob)
    assert list(clinicians_of(alice)) == [ann]


def test_a_patient_never_linked_is_the_clinic_admins(ann, gus):
    lone = make_patient(name="Not linked yet")
    assert list(clinicians_of(lone)) == [ann]


def test_no_clinic_admin_no_fallback_to_another_clinic(hana, gus):
    other = make_patient(name="Norte, not linked", clinic=hana.clinic)
    gus.is_clinic_admin = False
    gus.save(update_fields=["is_clinic_admin"])
    assert list(clinicians_of(other)) == []
    make_clinician(name="Plain", clinic=hana.clinic)
    assert list(clinicians_of(other)) == []
