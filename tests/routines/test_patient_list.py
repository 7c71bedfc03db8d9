import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from tests.factories import link, make_patient, make_plan


def test_a_clinician_sees_only_linked_patients(client, alice, bob, charlie):
    client.force_login(bob)
    response = client.get("/clinic/patients/")
    assert response.status_code == 200
    assert b"Alice Morgan" in response.content
    assert b"Charlie Stone" not in response.content


def test_an_ended_link_hides_the_patient(client, alice, bob):
    from django.utils import timezone

    bob.patient_links.update(ended=timezone.now())
    client.force_login(bob)
    response = client.get("/clinic/patients/")
    assert b"Alice Morgan" not in response.content
    assert b"No patients are linked to you yet" in response.content


@pytest.mark.parametrize("persona", ["alice", "charlie", "erin"])
def test_people_who_are_not_clinicians_get_a_404(client, db, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/clinic/patients/").status_code == 404


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/clinic/patients/").status_code == 200
    return len(queries)


def add_patients(clinician, total: int) -> None:
    exercises = list(Exercise.objects.all()[:3])
    while clinician.patient_links.count() < total:
        patient = make_patient()
        link(clinician, patient)
        make_plan(patient, clinician, exercises)


def test_the_list_keeps_a_fixed_number_of_queries_at_5_and_60_patients(client, dana):
    client.force_login(dana)
    add_patients(dana, 5)
    at_five = count_queries(client)
    add_patients(dana, 60)
    assert count_queries(client) == at_five == 4  # session, user, patients, plans
