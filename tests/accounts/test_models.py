from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import CareLink, User
from accounts.validators import validate_timezone
from tests.factories import link, make_clinician, make_patient


@pytest.mark.parametrize("name", ["Europe/London", "Pacific/Auckland", "America/Los_Angeles"])
def test_real_timezones_are_accepted(name):
    validate_timezone(name)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "GMT+25", "", "europe/london"])
def test_unknown_timezones_are_refused(name):
    with pytest.raises(ValidationError):
        validate_timezone(name)


@pytest.mark.django_db
def test_a_bad_timezone_fails_model_validation():
    patient = User(username="zed", role="patient", timezone="Nowhere/Land")
    with pytest.raises(ValidationError) as error:
        patient.full_clean()
    assert "timezone" in error.value.message_dict


@pytest.mark.django_db
def test_the_database_refuses_an_unknown_role():
    with pytest.raises(IntegrityError):
        User.objects.create(username="mallory", role="superhero")


@pytest.mark.django_db
def test_local_date_follows_the_patients_timezone_not_the_servers():
    # 23:30 UTC on 29 March 2026: already the 30th in London (BST began that night)
    # and in Auckland, still the 29th in Los Angeles.
    instant = datetime(2026, 3, 29, 23, 30, tzinfo=UTC)
    london = make_patient(timezone="Europe/London")
    auckland = make_patient(timezone="Pacific/Auckland")
    los_angeles = make_patient(timezone="America/Los_Angeles")
    assert london.local_date(instant) == date(2026, 3, 30)
    assert auckland.local_date(instant) == date(2026, 3, 30)
    assert los_angeles.local_date(instant) == date(2026, 3, 29)


@pytest.mark.django_db
def test_a_care_link_is_unique_per_pair_and_never_to_oneself():
    clinician, patient = make_clinician(), make_patient()
    link(clinician, patient)
    with pytest.raises(IntegrityError):
        link(clinician, patient)


@pytest.mark.django_db
def test_a_care_link_to_oneself_is_refused_by_the_database():
    clinician = make_clinician()
    with pytest.raises(IntegrityError):
        CareLink.objects.create(clinician=clinician, patient=clinician)
