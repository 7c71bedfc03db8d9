"""A patient's record: the details the clinic keeps, given when the patient is added or
changed later by their clinician. Bad input is refused with a message and changes
nothing; the audit names the fields that changed, never their values."""

from datetime import date, timedelta

import pytest

from accounts.models import AuditAction, AuditEvent, SignInLink, User
from tests.clinic.helpers import count, post
from tests.factories import make_patient

REQUEST_ID = "0123456789abcdef0123456789abcdef"


def record_url(patient) -> str:
    return f"/clinic/patients/{patient.code}/record/"


def good_record(**changes) -> dict:
    return {
        "name": "Alice Morgan",
        "date_of_birth": "1961-04-12",
        "phone": "+44 7700 900123",
        "language": "es",
        "clinic_identifier": "NHS-1234",
        "timezone": "Europe/Madrid",
        **changes,
    }


def stored(patient) -> tuple:
    patient.refresh_from_db()
    return (
        patient.name,
        patient.date_of_birth,
        patient.phone,
        patient.language,
        patient.clinic_identifier,
        patient.timezone,
    )


def test_the_clinician_changes_the_record_and_the_audit_names_the_fields(client, bob, alice):
    client.force_login(bob)
    page = client.get(record_url(alice))
    assert page.status_code == 200
    assert page.context["form"].initial["timezone"] == "Europe/London"
    assert 'name="email"' not in page.content.decode()  # its own, confirmed flow
    response = post(client, record_url(alice), good_record())
    assert response.status_code == 302
    assert stored(alice) == (
        "Alice Morgan",
        date(1961, 4, 12),
        "+44 7700 900123",
        "es",
        "NHS-1234",
        "Europe/Madrid",
    )
    event = AuditEvent.objects.get(action=AuditAction.RECORD_CHANGED)
    assert event.actor == bob and event.patient == alice
    assert sorted(event.detail["fields"]) == sorted(
        ["date_of_birth", "phone", "language", "clinic_identifier", "timezone"]
    )
    assert "NHS-1234" not in str(event.detail) and "7700" not in str(event.detail)
    detail = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    for text in ("12 Apr 1961", "+44 7700 900123", "Spanish", "NHS-1234", "Edit the record"):
        assert text in detail, text


def test_sending_the_same_record_again_changes_and_audits_nothing(client, bob, alice):
    client.force_login(bob)
    post(client, record_url(alice), good_record())
    response = post(client, record_url(alice), good_record())
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED).count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_of_birth": "2999-01-01"}, "The date of birth can&#x27;t be in the future."),
        ({"date_of_birth": "1899-12-31"}, "Check the year: the date of birth is before 1900."),
        ({"date_of_birth": "1960-13-45"}, "Enter a valid date."),
        ({"phone": "call me maybe"}, "Use digits, spaces and + ( ) - only"),
        ({"language": "xx"}, "Select a valid choice."),
        ({"timezone": "Mars/Base"}, "Select a valid choice."),
        ({"name": ""}, "This field is required."),
        ({"clinic_identifier": "x" * 41}, "Ensure this value has at most 40 characters"),
    ],
)
def test_a_bad_record_is_refused_with_a_message_and_nothing_changes(
    client, bob, alice, changes, message
):
    client.force_login(bob)
    before = stored(alice)
    response = post(client, record_url(alice), good_record(**changes))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert stored(alice) == before
    assert not AuditEvent.objects.filter(action=AuditAction.RECORD_CHANGED).exists()


def test_a_clinic_identifier_another_patient_has_is_refused_not_a_500(client, bob, alice):
    make_patient(name="Other", clinic_identifier="NHS-1234")
    client.force_login(bob)
    before = stored(alice)
    response = post(client, record_url(alice), good_record())
    assert response.status_code == 422
    assert "Another patient of this clinic already has that number." in response.content.decode()
    assert stored(alice) == before


def test_the_same_identifier_in_another_clinic_is_fine(client, bob, alice, hana):
    User.objects.filter(pk=hana.pk).update(clinic_identifier="NHS-1234")
    client.force_login(bob)
    assert post(client, record_url(alice), good_record()).status_code == 302
    assert stored(alice)[4] == "NHS-1234"


def test_a_patient_keeps_their_own_identifier_when_saving_again(client, bob, alice):
    User.objects.filter(pk=alice.pk).update(clinic_identifier="NHS-1234")
    client.force_login(bob)
    assert post(client, record_url(alice), good_record(phone="01632 960000")).status_code == 302
    assert stored(alice)[2] == "01632 960000"


@pytest.mark.parametrize("who", ["dana", "gus", "charlie", "ann"])
def test_strangers_get_a_404_and_change_nothing(request, client, alice, who):
    client.force_login(request.getfixturevalue(who))
    before = stored(alice)
    assert client.get(record_url(alice)).status_code == 404
    assert post(client, record_url(alice), good_record()).status_code == 404
    assert stored(alice) == before


# --- Adding a patient with the record ------------------------------------------------


def test_the_add_form_starts_with_the_clinics_time_zone_and_language(client, bob):
    clinic = bob.clinic
    clinic.timezone, clinic.language = "Europe/Madrid", "es"
    clinic.save()
    client.force_login(bob)
    form = client.get("/clinic/patients/new/").context["form"]
    assert form.initial["timezone"] == "Europe/Madrid"
    assert form.initial["language"] == "es"


def test_a_patient_is_added_with_their_record(client, bob):
    client.force_login(bob)
    response = post(
        client,
        "/clinic/patients/new/",
        {
            "name": "Dee Walker",
            "email": "",
            "timezone": "Europe/London",
            "request_id": REQUEST_ID,
            "date_of_birth": "1970-02-03",
            "phone": "0113 496 0000",
            "language": "en",
            "clinic_identifier": "P-77",
        },
    )
    assert response.status_code == 201
    dee = User.objects.get(name="Dee Walker")
    assert (dee.date_of_birth, dee.phone, dee.language, dee.clinic_identifier) == (
        date(1970, 2, 3),
        "0113 496 0000",
        "en",
        "P-77",
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"clinic_identifier": "TAKEN"},
        {"date_of_birth": (date.today() + timedelta(days=3)).isoformat()},
        {"phone": "<script>"},
    ],
)
def test_a_new_patient_with_a_bad_record_is_refused_and_nothing_is_made(client, bob, changes):
    make_patient(name="Other", clinic_identifier="TAKEN")
    client.force_login(bob)
    users = User.objects.count()
    data = {"name": "Dee", "timezone": "Europe/London", "request_id": REQUEST_ID, **changes}
    response = post(client, "/clinic/patients/new/", data)
    assert response.status_code == 422
    assert User.objects.count() == users and not SignInLink.objects.exists()


def test_the_record_page_keeps_a_fixed_number_of_queries(client, bob, alice):
    client.force_login(bob)
    small = count(client, record_url(alice))
    for n in range(20):
        make_patient(clinic_identifier=f"N-{n}")
    assert count(client, record_url(alice)) == small
