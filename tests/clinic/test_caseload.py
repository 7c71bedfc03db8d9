from datetime import date

from django.utils import timezone

from exercises.models import Exercise
from tests.clinic.helpers import count, make_session
from tests.factories import link, make_patient, make_plan


def test_patients_who_need_attention_come_first(client, bob):
    exercises = [Exercise.objects.get(slug="glute-bridge")]
    steady, rising, quiet = (
        make_patient(name=n) for n in ("Ann Steady", "Ben Rising", "Cat Quiet")
    )
    for p in (steady, rising, quiet):
        link(bob, p)
        plan = make_plan(p, bob, exercises, start_date=date(2025, 1, 1))
        if p is steady:
            make_session(p, plan, 2, 4)
            make_session(p, plan, 0, 4)
        if p is rising:
            make_session(p, plan, 5, 3)
            make_session(p, plan, 0, 5)  # 2 points above the baseline
        if p is quiet:
            make_session(p, plan, 6, 3)  # nothing for six days
    client.force_login(bob)
    rows = client.get("/clinic/patients/").context["rows"]
    names = [row["patient"].name for row in rows if row["patient"].name != "Alice Morgan"]
    assert names[-1] == "Ann Steady"
    assert set(names[:2]) == {"Ben Rising", "Cat Quiet"}
    reasons = {row["patient"].name: row["attention"].reasons for row in rows}
    assert reasons["Ben Rising"] == ["Pain up on their baseline"]
    assert reasons["Cat Quiet"] == ["Nothing logged on 3 or more due days"]


def test_the_list_shows_only_linked_patients_and_searches(client, bob, alice, charlie):
    client.force_login(bob)
    html = client.get("/clinic/patients/").content.decode()
    assert "Alice Morgan" in html and "Charlie Stone" not in html
    assert "Alice" in client.get("/clinic/patients/?q=ali").content.decode()
    html = client.get("/clinic/patients/?q=zzz").content.decode()
    assert "No patient matches" in html


def test_an_ended_link_hides_the_patient(client, alice, bob):

    bob.patient_links.update(ended=timezone.now())
    client.force_login(bob)
    html = client.get("/clinic/patients/").content.decode()
    assert "Alice Morgan" not in html and "No patients yet" in html
    assert client.get(f"/clinic/patients/{alice.code}/").status_code == 404


def add_patients(clinician, total):
    exercises = list(Exercise.objects.all()[:3])
    while clinician.patient_links.count() < total:
        patient = make_patient()
        link(clinician, patient)
        plan = make_plan(patient, clinician, exercises, start_date=date(2025, 1, 1))
        for days_ago in range(0, 21, 3):
            make_session(patient, plan, days_ago, days_ago % 7)


def test_the_list_keeps_a_fixed_number_of_queries_at_5_and_60_patients(client, dana):
    client.force_login(dana)
    add_patients(dana, 5)
    at_five = count(client, "/clinic/patients/")
    add_patients(dana, 60)
    # session, user, second-step device, patients with their scores, their plans, the
    # last week, and the page's last fortnight
    assert count(client, "/clinic/patients/") == at_five == 7
    assert count(client, "/clinic/patients/?page=3") == 7


def test_the_list_is_paginated(client, dana):
    client.force_login(dana)
    add_patients(dana, 30)
    first = client.get("/clinic/patients/").context
    assert len(first["rows"]) == 25 and first["pages"] == 2
    assert len(client.get("/clinic/patients/?page=2").context["rows"]) == 5
    assert client.get("/clinic/patients/?page=abc").status_code == 200
