from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exercises.models import Exercise
from safety.models import AlertKind
from tests.clinic.helpers import count, make_session
from tests.factories import link, make_alert, make_patient, make_plan


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
    # session, user, second-step device, the count (and how many rows are out of
    # date: none once the first request of the day refreshed them), the page's rows
    assert count(client, "/clinic/patients/") == at_five == 5
    assert count(client, "/clinic/patients/?page=3") == 5


def test_the_list_is_paginated(client, dana):
    client.force_login(dana)
    add_patients(dana, 30)
    first = client.get("/clinic/patients/").context
    assert len(first["rows"]) == 25 and first["pages"] == 2
    assert len(client.get("/clinic/patients/?page=2").context["rows"]) == 5
    assert client.get("/clinic/patients/?page=abc").status_code == 200


TIERS_IN_ORDER = ["emergency", "urgent", "attention", "information"]


def tiered_patients(clinician):
    """One patient per alert tier, added least pressing first (so a list in order of
    joining, or of name, would come out backwards), and one with two open alerts: a
    bad-back day (information) and an emergency red flag, which must lead."""
    made = {}
    for tier, kind, name in [
        ("information", AlertKind.BAD_DAY, "Ann Info"),
        ("attention", AlertKind.MORNING_WORSE, "Ben Attention"),
        ("urgent", AlertKind.PAIN_CEILING, "Cat Urgent"),
        ("emergency", AlertKind.RED_FLAG, "Dan Emergency"),
    ]:
        patient = make_patient(name=name)
        link(clinician, patient)
        make_alert(patient, kind, tier=tier, title=f"{name}'s alert")
        made[tier] = patient
    return made


def test_the_list_orders_by_alert_tier_at_two_sizes_with_fixed_queries(client, dana):
    client.force_login(dana)
    tiered = tiered_patients(dana)
    sizes = []
    for total in (5, 40):
        add_patients(dana, total)
        queries = count(client, "/clinic/patients/")
        context = client.get("/clinic/patients/").context
        rows = context["rows"]
        assert [row["tier"] for row in rows[:4]] == TIERS_IN_ORDER
        assert [row["patient"].pk for row in rows[:4]] == [tiered[t].pk for t in TIERS_IN_ORDER]
        assert all(row["tier"] is None for row in rows[4:])
        sizes.append((context["total"], queries))
    assert [n for n, _ in sizes] == [5, 40]
    assert sizes[0][1] == sizes[1][1] == 5


def test_an_emergency_leads_a_bad_back_day_and_is_named_in_words(client, bob, alice):
    """The review's case: a bad-back-day patient was listed above an emergency red flag,
    both as "⚠ 1 open alert" in the same amber."""
    bad_day = make_patient(name="Zoe Badday")
    link(bob, bad_day)
    make_alert(bad_day, AlertKind.BAD_DAY, title="Bad-back day")
    make_alert(alice, AlertKind.BAD_DAY, title="Bad-back day")
    make_alert(alice, AlertKind.RED_FLAG, title="Red flag: bladder or bowel symptoms")
    client.force_login(bob)
    response = client.get("/clinic/patients/")
    rows = response.context["rows"]
    assert [row["patient"].name for row in rows] == ["Alice Morgan", "Zoe Badday"]
    assert rows[0]["tier"] == "emergency" and rows[1]["tier"] == "information"
    html = response.content.decode()
    assert "open alert" not in html.replace("more open alert", "")
    first, second = html.index("Alice Morgan"), html.index("Zoe Badday")
    assert html.index(">Emergency<") < first < html.index(">For information<") < second
    assert "Red flag: bladder or bowel symptoms (and 1 more open alert)" in html


def test_within_a_tier_the_longest_waiting_comes_first(client, bob):
    from datetime import timedelta

    from safety.models import Alert

    newer, older = make_patient(name="Abe Newer"), make_patient(name="Zed Older")
    for patient in (newer, older):  # by joining and by name, the newer would lead
        link(bob, patient)
        make_alert(patient, AlertKind.MORNING_WORSE, title="Worse the next morning: 6/10")
    Alert.objects.filter(patient=older).update(created=timezone.now() - timedelta(hours=3))
    client.force_login(bob)
    rows = client.get("/clinic/patients/").context["rows"]
    assert [row["patient"].name for row in rows[:2]] == ["Zed Older", "Abe Newer"]


def test_an_open_alert_keeps_its_tier_when_there_are_other_reasons_too(client, bob, alice):
    """Reasons for attention rank as "needs attention" only for a patient without an
    open alert: Alice's bad-back day stays "for information", after Ann's reasons."""
    quiet = make_patient(name="Ann Quiet")
    link(bob, quiet)
    for patient in (alice, quiet):
        plan = make_plan(patient, bob, [Exercise.objects.get(slug="glute-bridge")])
        make_session(patient, plan, 6, 3)  # nothing for six days
    make_alert(alice, AlertKind.BAD_DAY, title="Bad-back day")
    client.force_login(bob)
    rows = client.get("/clinic/patients/").context["rows"]
    assert [(row["patient"].name, row["tier"]) for row in rows] == [
        ("Ann Quiet", "attention"),
        ("Alice Morgan", "information"),
    ]
    assert rows[1]["flag"] == "Bad-back day; Nothing logged on 3 or more due days"


def test_the_first_list_of_a_day_refreshes_its_rows_in_a_fixed_number_of_queries(client, dana):
    """Every row out of date (a new day for everyone): the same queries at 5 and 40
    patients, then the steady 5. (SQLite inserts at most ~58 rows a statement, so a
    caseload past that adds one a batch there; PostgreSQL does 500 at once.)"""
    from progression.models import CaseloadEntry

    client.force_login(dana)
    counts = []
    for total in (5, 40):
        add_patients(dana, total)
        client.get("/clinic/patients/")
        CaseloadEntry.objects.update(fresh_until=None)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/clinic/patients/").status_code == 200
        counts.append(len(queries))
        assert count(client, "/clinic/patients/") == 5
    # the 5, the stale ids, a savepoint, insert the missing, lock the rows (so a write
    # being committed is waited for, tests/progression/test_caseload_race.py), the write
    # columns, the entries, their fortnight of sessions, the upsert, release
    assert counts == [14, 14]
