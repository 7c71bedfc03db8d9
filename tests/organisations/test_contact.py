"""Patients see their own clinic's details and their country's emergency number: a
patient of a clinic in Spain is told 112 and that clinic's phone, never the UK's 999."""

import pytest

from organisations.models import Clinic
from tests.factories import HipMobClient

pytestmark = pytest.mark.django_db


def _page(person, path="/account/"):
    client = HipMobClient()
    client.force_login(person)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_patient_sees_their_clinics_details_and_emergency_number(alice, hana):
    Clinic.objects.filter(pk=alice.clinic_id).update(
        name="Leeds Physio", phone="0113 496 0000", hours="Mon–Fri 8–6", country="GB"
    )
    leeds = _page(alice)
    assert "Leeds Physio" in leeds and "0113 496 0000" in leeds and "Mon–Fri 8–6" in leeds
    assert 'href="tel:999"' in leeds and "Clínica Norte" not in leeds
    norte = _page(hana)
    assert "Clínica Norte" in norte and "910 000 000" in norte
    assert 'href="tel:112"' in norte and "999" not in norte and "Leeds Physio" not in norte


def test_a_clinics_own_emergency_number_wins_over_its_countrys(hana):
    Clinic.objects.filter(pk=hana.clinic_id).update(emergency_number="061")
    page = _page(hana)
    assert 'href="tel:061"' in page and 'href="tel:112"' not in page


def test_the_red_flag_page_names_the_clinics_number(hana, questions):
    """The safety check's emergency advice uses the patient's clinic's country."""
    page = _page(hana, "/safety/")
    assert "112" in page and "999" not in page
