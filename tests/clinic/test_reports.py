"""The clinic admin's report (clinic/reports.py, clinic/views/reports.py)."""

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Episode, User
from clinic import episodes, reports
from practice.models import ExerciseSession
from progression.models import PsfsScore
from routines.models import EVERY_DAY, Routine
from tests.factories import link, make_exercise, make_patient, make_plan

pytestmark = pytest.mark.django_db

URL = "/clinic/reports/"
CSV_URL = "/clinic/reports/report.csv"


def today(clinic):
    return reports.clinic_today(clinic)


def session(patient, plan, days_ago: int, pain: int = 4) -> ExerciseSession:
    return ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=today(patient.clinic) - timedelta(days=days_ago),
        pain_before=pain,
        pain_after=pain,
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )


def psfs(patient, days_ago: int, mean: str) -> PsfsScore:
    return PsfsScore.objects.create(
        patient=patient,
        local_date=today(patient.clinic) - timedelta(days=days_ago),
        activities=[{"activity": "putting on socks", "score": round(Decimal(mean))}],
        mean=Decimal(mean),
    )


def episode(patient, started: int, discharged: int | None, outcome="improved") -> Episode:
    day = today(patient.clinic)
    return Episode.objects.create(
        clinic=patient.clinic,
        patient=patient,
        referral_reason="Low back pain",
        started_on=day - timedelta(days=started),
        discharged_on=None if discharged is None else day - timedelta(days=discharged),
        outcome="" if discharged is None else outcome,
    )


def signed_in(client, user):
    client.force_login(user)
    return client


# --- the words: direction and numbers, exactly ---------------------------------------------


@pytest.mark.parametrize(
    ("mean", "n", "words"),
    [
        (Decimal("-2.1"), 14, "Pain down 2.1 points on average: better (n=14)."),
        (Decimal("0.5"), 6, "Pain up 0.5 points on average: worse (n=6)."),
        (Decimal("0.0"), 3, "Pain unchanged on average (n=3)."),
        (Decimal("-0.0"), 3, "Pain unchanged on average (n=3)."),
        (None, 0, "No pain scores to compare: no episode discharged in this period has two."),
    ],
)
def test_it_says_which_way_pain_went_falling_is_better(mean, n, words):
    assert reports.pain_words(mean, n) == words


@pytest.mark.parametrize(
    ("mean", "n", "words"),
    [
        (Decimal("2.4"), 9, "Activity score up 2.4 points on average: better (n=9)."),
        (Decimal("-1.0"), 5, "Activity score down 1.0 points on average: worse (n=5)."),
        (Decimal("0.0"), 2, "Activity score unchanged on average (n=2)."),
        (
            None,
            0,
            "No activity scores to compare: no episode discharged in this period has two.",
        ),
    ],
)
def test_it_says_which_way_the_activity_score_went_rising_is_better(mean, n, words):
    assert reports.activity_words(mean, n) == words


@pytest.mark.parametrize(
    ("better_when", "changes", "mean", "improved", "too_few"),
    [
        # (-3 + 0 - 5 + 1) / 4 = -1.75: rounded half away from zero, two of them -2 or less
        ("down", [-3, 0, -5, 1], Decimal("-1.8"), 2, True),
        ("down", [-2, -2, -2, -2, -1], Decimal("-1.8"), 4, False),
        ("down", [1, 2], Decimal("1.5"), 0, True),
        # (3.5 - 1 + 2.34) / 3 = 1.6133
        ("up", [Decimal("3.5"), Decimal("-1"), Decimal("2.34")], Decimal("1.6"), 2, True),
        ("up", [Decimal("-2"), Decimal("-3")], Decimal("-2.5"), 0, True),
        ("up", [], None, 0, False),
    ],
)
def test_mean_changes(better_when, changes, mean, improved, too_few):
    # From a first score of 6 (pain: 6 to 5 is 17 %, under 30 %) or 3 (activity).
    first = Decimal(6 if better_when == "down" else 3)
    change = reports.Change(better_when, [(first, first + Decimal(c)) for c in changes])
    assert (change.mean, change.improved, change.too_few) == (mean, improved, too_few)


@pytest.mark.parametrize(
    ("days", "first", "last", "expected"),
    [
        (EVERY_DAY, "2026-03-02", "2026-03-08", 7),
        (EVERY_DAY, "2026-03-02", "2026-03-01", 0),
        (0b0010101, "2026-03-02", "2026-03-15", 6),  # Mon, Wed, Fri over two weeks
        (0b0000001, "2026-03-03", "2026-03-09", 1),  # Mondays from a Tuesday: the 9th
        (0b1000000, "2026-03-02", "2026-03-07", 0),  # Sundays, Monday to Saturday
        (0b1100000, "2026-03-07", "2026-03-08", 2),
    ],
)
def test_scheduled_days(days, first, last, expected):
    from datetime import date

    assert reports.scheduled_days(days, date.fromisoformat(first), date.fromisoformat(last)) == (
        expected
    )


# --- the page ------------------------------------------------------------------------------


@pytest.fixture
def scores(ann, bob):
    """Five episodes discharged a week ago, with these pains before sessions and
    activity means within them: changes -3, 0, -5, +1 (and one with a single pain), and
    +3.5, -1, +2.34 (two with a single score or none)."""
    exercise = make_exercise()
    cases = [
        ([6, 5, 3], ["3.00", "6.50"]),
        ([4, 4], ["5.00", "4.00"]),
        ([7, 2], ["2.33", "4.67"]),
        ([3, 4], ["4.00"]),
        ([5], []),
    ]
    for pains, means in cases:
        patient = make_patient()
        link(bob, patient)
        plan = make_plan(patient, bob, [exercise], start_date=today(ann.clinic) - timedelta(60))
        episode(patient, started=40, discharged=7)
        for days_ago, pain in zip(range(30, 30 - len(pains), -1), pains, strict=True):
            session(patient, plan, days_ago, pain)
        for days_ago, mean in zip((35, 10), means, strict=False):
            psfs(patient, days_ago, mean)
        # Outside the episode: before it started and after it ended. Not counted.
        session(patient, plan, 45, pain=10)
        session(patient, plan, 3, pain=0)
        psfs(patient, 50, "0.00")
        psfs(patient, 2, "10.00")
    return cases


def test_it_reports_mean_changes_from_the_first_to_the_last_score_of_each_episode(
    client, ann, scores
):
    response = signed_in(client, ann).get(URL)
    assert response.status_code == 200
    report = response.context["report"]
    assert sorted(report.pain.changes) == [-5, -3, 0, 1]
    assert report.pain_words == "Pain down 1.8 points on average: better (n=4)."
    assert report.activity_words == "Activity score up 1.6 points on average: better (n=3)."
    page = response.content.decode()
    assert "Pain down 1.8 points on average: better (n=4)." in page
    assert "Activity score up 1.6 points on average: better (n=3)." in page
    assert "2 of 4 down 2 points or 30 % or more." in page
    assert "2 of 3 up 2 points or more." in page
    assert page.count("too few to read much into") == 2
    assert report.discharged_total == 5
    assert {row["outcome"]: row["n"] for row in report.discharged}["improved"] == 5


def test_five_episodes_or_more_carry_no_small_number_warning(client, ann, bob, scores):
    exercise = make_exercise()
    for _ in range(2):
        patient = make_patient()
        link(bob, patient)
        plan = make_plan(patient, bob, [exercise], start_date=today(ann.clinic) - timedelta(60))
        episode(patient, started=40, discharged=7)
        session(patient, plan, 20, pain=6)
        session(patient, plan, 19, pain=2)
    response = signed_in(client, ann).get(URL)
    # -3, 0, -5, +1, -4, -4: -15 / 6 = -2.5
    assert response.context["report"].pain_words == (
        "Pain down 2.5 points on average: better (n=6)."
    )
    assert response.content.decode().count("too few to read much into") == 1  # activity


@pytest.fixture
def adherence_world(ann, alice, bob, charlie, dana):
    """Alice: every day for 10 days, 8 done and today's too (9 of 11). Charlie: every
    day for 14 days, 3 done (3 of 14). Xan: a plan for 15 days (10 done), replaced by
    one for the last 5 (5 done): 15 of 20. Yu: one weekday, two due, one done and an
    extra on a rest day (1 of 2)."""
    exercise = make_exercise()
    day = today(ann.clinic)
    plan = make_plan(alice, bob, [exercise], start_date=day - timedelta(10))
    for days_ago in [*range(1, 9), 0]:
        session(alice, plan, days_ago)
    link(dana, charlie)
    plan = make_plan(charlie, dana, [exercise], start_date=day - timedelta(14))
    for days_ago in (14, 9, 2):
        session(charlie, plan, days_ago)
    xan = make_patient(name="Xan Doe")
    link(bob, xan)
    first = make_plan(xan, bob, [exercise], start_date=day - timedelta(20))
    Routine.objects.filter(pk=first.pk).update(
        active=False, created=datetime(2020, 1, 1, tzinfo=UTC)
    )
    second = make_plan(xan, bob, [exercise], start_date=day - timedelta(5))
    Routine.objects.filter(pk=second.pk).update(
        created=datetime.combine(day - timedelta(5), datetime.min.time(), tzinfo=UTC)
        + timedelta(hours=12)
    )
    for days_ago in range(11, 21):
        session(xan, first, days_ago)
    for days_ago in range(1, 6):
        session(xan, second, days_ago)
    yu = make_patient(name="Yu Li")
    link(bob, yu)
    weekday = 1 << (day - timedelta(3)).weekday()
    plan = make_plan(yu, bob, [exercise], start_date=day - timedelta(13), schedule_days=weekday)
    session(yu, plan, 3)
    session(yu, plan, 4)  # a rest day
    return {"xan": xan, "yu": yu}


def test_adherence_is_sessions_done_on_due_days_over_days_due(client, ann, adherence_world):
    response = signed_in(client, ann).get(URL)
    a = response.context["report"].adherence
    ratios = {User.objects.get(pk=pk).name: (r.done, r.due) for pk, r in a.patients.items()}
    assert ratios == {
        "Alice Morgan": (9, 11),
        "Charlie Stone": (3, 14),
        "Xan Doe": (15, 20),
        "Yu Li": (1, 2),
    }
    assert (a.overall.done, a.overall.due, a.overall.percent) == (28, 47, 60)
    assert (a.good, a.middling, a.low) == (1, 2, 1)
    assert (a.good_share, a.middling_share, a.low_share) == (25, 50, 25)
    page = response.content.decode()
    assert "28 of 47 due sessions done, across the clinic." in page
    clinicians = {row["name"]: row for row in response.context["report"].clinicians}
    assert clinicians["Bob Reid"]["caseload"] == 3
    assert (clinicians["Bob Reid"]["ratio"].done, clinicians["Bob Reid"]["ratio"].due) == (
        25,
        33,
    )
    assert clinicians["Dana Kerr"]["ratio"].percent == 21
    assert clinicians["Ann Lead"]["caseload"] == 0


def test_a_shorter_period_counts_only_its_days(client, ann, adherence_world):
    day = today(ann.clinic)
    start = (day - timedelta(days=4)).isoformat()
    response = signed_in(client, ann).get(URL, {"start": start, "end": day.isoformat()})
    a = response.context["report"].adherence
    # Alice 4 of 4 and today's (5 of 5); Charlie 1 of 4; Xan 4 of 4; Yu 1 of 1.
    assert (a.overall.done, a.overall.due) == (11, 14)


def test_active_patients_have_a_link_and_a_plan_or_an_open_episode(
    client, ann, alice, bob, charlie, gus, hana
):
    exercise = make_exercise()
    make_plan(alice, bob, [exercise])  # linked with a plan: active
    link(bob, charlie)  # linked, no plan: not active
    unlinked = make_patient()
    episode(unlinked, started=3, discharged=None)  # an open episode: active
    ended = make_patient()
    episode(ended, started=30, discharged=3)  # discharged: not active
    make_plan(hana, gus, [exercise])  # another clinic's
    response = signed_in(client, ann).get(URL)
    assert response.context["report"].active == 2
    response = signed_in(client, gus).get(URL)
    assert response.context["report"].active == 1


def test_discharges_count_by_outcome_within_the_period(client, ann, gus, hana):
    for outcome, discharged in [("goals_met", 1), ("goals_met", 30), ("worse", 89), ("worse", 90)]:
        episode(make_patient(), started=200, discharged=discharged, outcome=outcome)
    episode(hana, started=20, discharged=2, outcome="stopped")  # another clinic's
    response = signed_in(client, ann).get(URL)
    counts = {row["outcome"]: row["n"] for row in response.context["report"].discharged}
    assert counts == {
        "goals_met": 2,
        "improved": 0,
        "no_change": 0,
        "worse": 1,
        "referred_on": 0,
        "stopped": 0,
    }


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2026-02-30", "end": "2026-03-01"},
        {"start": "yesterday", "end": "today"},
        {"start": "2026-03-01"},
        {"start": "2026-03-10", "end": "2026-03-01"},
        {"start": "1990-01-01", "end": "2026-01-01"},
        {"start": "2026-01-01", "end": "2999-01-01"},
        {"start": "99999-01-01", "end": "2026-01-01"},
        {"start": "\x00", "end": "%"},
    ],
)
def test_a_bad_period_gets_a_message_and_the_default(client, ann, query):
    response = signed_in(client, ann).get(URL, query)
    assert response.status_code == 200
    period = response.context["report"].period
    assert period == reports.default_period(today(ann.clinic))
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert messages[0].endswith("Showing the last 90 days instead.")
    # And the CSV, too: the default period, no error.
    response = client.get(CSV_URL, query)
    assert response.status_code == 200


def test_the_period_asked_for_is_used_and_shown(client, ann):
    response = signed_in(client, ann).get(URL, {"start": "2025-01-01", "end": "2025-03-31"})
    assert response.context["report"].period == reports.Period(
        datetime(2025, 1, 1).date(), datetime(2025, 3, 31).date()
    )
    assert "From 1 Jan 2025 to 31 Mar 2025 (90 days)." in response.content.decode()
    assert not list(response.context["messages"])


def test_only_a_clinic_admin_sees_the_report(client, bob, alice, erin):
    for person in (alice, bob, erin):
        client.force_login(person)
        assert client.get(URL).status_code == 404
        assert client.get(CSV_URL).status_code == 404
    client.logout()
    assert client.get(URL).status_code == 302


def test_another_clinics_episodes_and_adherence_are_not_in_the_report(
    client, gus, hana, ann, scores
):
    response = signed_in(client, gus).get(URL)
    report = response.context["report"]
    assert (report.pain.n, report.activity.n, report.discharged_total) == (0, 0, 0)
    assert report.adherence.overall.due == 0
    assert [row["name"] for row in report.clinicians] == ["Gus Romero"]
    response = client.get(CSV_URL)
    assert len(list(csv.reader(io.StringIO(response.content.decode())))) == 1  # header


# --- CSV -----------------------------------------------------------------------------------


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_episodes_csv_has_codes_not_names_and_defused_cells(client, ann, bob, scores):
    patient = Episode.objects.order_by("pk").first().patient
    User.objects.filter(pk=patient.pk).update(clinic_identifier="=HYPERLINK(1)")
    response = signed_in(client, ann).get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="hipmob-test-clinic-')
    rows = rows_of(response)
    assert rows[0] == reports.EPISODE_COLUMNS
    assert len(rows) == 6
    body = response.content.decode()
    for person in User.objects.filter(episodes__isnull=False):
        assert person.name not in body
        assert person.username not in body
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["clinic_identifier"] == "'=HYPERLINK(1)"
    assert first["episode"] == str(Episode.objects.order_by("pk").first().code)
    # Numbers stay numbers: a negative change is not defused into text.
    assert (first["pain_first"], first["pain_last"]) == ("6", "3")
    assert first["pain_change_negative_is_better"] == "-3"
    assert first["activity_change_positive_is_better"] == "3.50"
    single = dict(zip(rows[0], rows[5], strict=True))
    assert single["pain_change_negative_is_better"] == ""  # one pain score only
    assert single["pain_first"] == ""


def test_the_summary_csv_has_the_pages_numbers(client, ann, scores):
    response = signed_in(client, ann).get(CSV_URL, {"kind": "summary"})
    assert "-summary-" in response["Content-Disposition"]
    values = dict(rows_of(response)[1:])
    assert values["pain_mean_change_negative_is_better"] == "-1.8"
    assert values["pain_episodes_compared"] == "4"
    assert values["activity_mean_change_positive_is_better"] == "1.6"
    assert values["episodes_discharged"] == "5"
    assert values["discharged_improved"] == "5"


def test_an_unknown_csv_kind_gets_the_episodes(client, ann):
    response = signed_in(client, ann).get(CSV_URL, {"kind": "../../etc"})
    assert rows_of(response)[0] == reports.EPISODE_COLUMNS


def test_the_csv_refuses_post(client, ann):
    signed_in(client, ann)
    assert client.get(URL).status_code == 200
    token = client.cookies["csrftoken"].value
    assert client.post(CSV_URL, {"csrfmiddlewaretoken": token}).status_code == 405


# --- queries ----------------------------------------------------------------------------


def grow(clinician, n: int) -> None:
    exercise = make_exercise()
    day = today(clinician.clinic)
    for i in range(n):
        patient = make_patient()
        link(clinician, patient)
        plan = make_plan(patient, clinician, [exercise], start_date=day - timedelta(30))
        for days_ago in range(1, 20, 2):
            session(patient, plan, days_ago, pain=6 - i % 3)
        episode(patient, started=25, discharged=1 if i % 2 else None)
        psfs(patient, 20, "3.00")
        psfs(patient, 5, "5.00")


def counted(client, url) -> int:
    client.get(url)  # the staff idle timer is written on the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [URL, CSV_URL, CSV_URL + "?kind=summary"])
def test_the_report_keeps_a_fixed_number_of_queries(client, ann, bob, dana, url):
    grow(bob, 2)
    signed_in(client, ann)
    small = counted(client, url)
    grow(bob, 20)
    grow(dana, 10)
    large = counted(client, url)
    # session, user, device; then the page's seven, the episodes CSV's one, the summary's seven
    expected = {URL: 10, CSV_URL: 4, CSV_URL + "?kind=summary": 10}[url]
    assert (small, large) == (expected, expected)


# --- regressions: ended plans, the patient's own day, a meaningful fall in pain -----------


def test_a_plan_ended_by_discharge_before_it_started_has_no_days_due(alice, bob, time_machine):
    """Discharging with "end the plan" before the plan's start leaves it inactive with
    no end date (clinic/episodes.py): none of its days were ever due."""
    day = alice.local_date()
    plan = make_plan(alice, bob, [make_exercise()], start_date=day + timedelta(days=2))
    started = Episode.objects.create(
        clinic=alice.clinic,
        patient=alice,
        referral_reason="Low back pain",
        started_on=day - timedelta(days=5),
    )
    assert (
        episodes.discharge(started, by=bob, outcome="stopped", note="", on=day, end_plan=True)
        == plan
    )
    plan.refresh_from_db()
    assert (plan.active, plan.end_date) == (False, None)
    time_machine.move_to(timedelta(days=30))
    later = alice.local_date()
    a = reports.adherence(alice.clinic, reports.Period(later - timedelta(days=29), later))
    assert (a.overall.done, a.overall.due, a.counted) == (0, 0, 0)


def test_an_inactive_plan_without_an_end_stops_on_its_last_change_in_the_patients_zone(
    bob, time_machine
):
    """Stopped (inactive, no end date, nothing after it): due from its start to the day
    it was last changed where the patient lives (3 March to 9 March in Los Angeles;
    the 10th in London)."""
    time_machine.move_to(datetime(2026, 3, 20, 12, tzinfo=UTC))
    patient = make_patient(username="la", timezone="America/Los_Angeles")
    link(bob, patient)
    plan = make_plan(patient, bob, [make_exercise()], start_date=date(2026, 3, 3))
    Routine.objects.filter(pk=plan.pk).update(
        active=False, updated=datetime(2026, 3, 10, 3, tzinfo=UTC)
    )
    for day in (3, 4, 5):
        completed(patient, plan, date(2026, 3, day))
    a = reports.adherence(patient.clinic, reports.Period(date(2026, 3, 1), date(2026, 3, 20)))
    assert (a.overall.done, a.overall.due) == (3, 7)


def completed(patient, plan, day) -> ExerciseSession:
    return ExerciseSession.objects.create(
        patient=patient,
        plan=plan,
        local_date=day,
        pain_before=2,
        pain_after=2,
        status="completed",
        finished=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_each_patients_today_is_their_own_not_the_clinics(client, ann, bob, time_machine):
    """3 a.m. on 10 March in London, 8 p.m. on the 9th in Los Angeles. The patient's
    9th is still open and not done: not missed. Their next plan was assigned on the 5th
    where they live (the 6th in London), so the first plan stopped after the 4th."""
    time_machine.move_to(datetime(2026, 3, 10, 3, tzinfo=UTC))
    assert reports.clinic_today(ann.clinic) == date(2026, 3, 10)
    patient = make_patient(username="la", timezone="America/Los_Angeles")
    link(bob, patient)
    assert patient.local_date() == date(2026, 3, 9)
    exercise = make_exercise()
    first = make_plan(patient, bob, [exercise], start_date=date(2026, 3, 1))
    Routine.objects.filter(pk=first.pk).update(
        active=False, created=datetime(2026, 2, 28, 12, tzinfo=UTC)
    )
    second = make_plan(patient, bob, [exercise], start_date=date(2026, 3, 7))
    Routine.objects.filter(pk=second.pk).update(created=datetime(2026, 3, 6, 3, tzinfo=UTC))
    for day in (1, 2):
        completed(patient, first, date(2026, 3, day))
    completed(patient, second, date(2026, 3, 8))
    # Another patient, in London, did the clinic's today: it counts for them.
    londoner = make_patient(username="ldn", timezone="Europe/London")
    link(bob, londoner)
    plan = make_plan(londoner, bob, [exercise], start_date=date(2026, 3, 9))
    completed(londoner, plan, date(2026, 3, 10))
    a = reports.adherence(ann.clinic, reports.Period(date(2026, 3, 1), date(2026, 3, 10)))
    # Los Angeles: the 1st to the 4th (2 done), the 7th and 8th (1 done); London: the 9th
    # missed, the 10th done.
    assert {pk: (r.done, r.due) for pk, r in a.patients.items()} == {
        patient.pk: (3, 6),
        londoner.pk: (1, 2),
    }
    # Done today where they live: the 9th counts in Los Angeles too.
    completed(patient, second, date(2026, 3, 9))
    a = reports.adherence(ann.clinic, reports.Period(date(2026, 3, 1), date(2026, 3, 10)))
    assert (a.patients[patient.pk].done, a.patients[patient.pk].due) == (4, 7)
    response = signed_in(client, ann).get(URL, {"start": "2026-03-01", "end": "2026-03-10"})
    assert "5 of 9 due sessions done, across the clinic." in response.content.decode()


@pytest.mark.parametrize(
    ("first", "last", "meaningful"),
    [
        (3, 2, True),  # 1 point, but 33 % of 3
        (10, 8, True),  # 2 points, 20 %
        (10, 7, True),
        (7, 5, True),  # 2 points
        (6, 5, False),  # 1 point, 17 %
        (4, 3, False),  # 1 point, 25 %
        (10, 9, False),
        (1, 0, True),  # 100 %
        (0, 0, False),
        (2, 4, False),  # worse
    ],
)
def test_a_meaningful_fall_in_pain_is_2_points_or_30_percent(first, last, meaningful):
    assert reports.Change("down", [(first, last)]).improved == int(meaningful)


def test_the_page_counts_a_30_percent_fall_as_meaningful(client, ann, bob):
    """Pain 3 → 2 (a third) and 6 → 5 (a sixth): one of two meaningful, as the
    discharge summary says (clinic/episodes.py pain_meaning)."""
    exercise = make_exercise()
    for before, after in ((3, 2), (6, 5)):
        patient = make_patient()
        link(bob, patient)
        plan = make_plan(patient, bob, [exercise], start_date=today(ann.clinic) - timedelta(60))
        episode(patient, started=40, discharged=7)
        session(patient, plan, 30, before)
        session(patient, plan, 20, after)
    response = signed_in(client, ann).get(URL)
    assert response.context["report"].pain.improved == 1
    page = response.content.decode()
    assert "1 of 2 down 2 points or 30 % or more." in page
    assert "A fall of 2 points or 30 % or more is a meaningful change for one person." in page
    values = dict(rows_of(client.get(CSV_URL, {"kind": "summary"}))[1:])
    assert values["pain_episodes_down_meaningfully"] == "1"
