"""Episodes of care: opened from the patient's page (one at a time), shown there with
their review date, summarised and closed on the discharge page, which then stays
read-only for the record."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import AuditAction, AuditEvent, Episode, User
from clinic import episodes, reports
from exercises.models import Exercise
from routines.models import Routine, RoutineItem
from safety.models import Alert, AlertKind
from tests.clinic.helpers import count, make_session, post
from tests.factories import link, make_alert, make_plan
from tests.hipmob.test_hostile_input import ALLOWED, CHECKED, HOSTILE, assert_every_row_is_valid


def episodes_url(patient) -> str:
    return f"/clinic/patients/{patient.code}/episodes/"


def discharge_url(episode) -> str:
    return f"/clinic/patients/{episode.patient.code}/episodes/{episode.code}/discharge/"


def make_episode(patient, days_ago=10, **fields) -> Episode:
    return Episode.objects.create(
        clinic=patient.clinic,
        patient=patient,
        referral_reason=fields.pop("referral_reason", "Low back pain, 6 weeks"),
        started_on=patient.local_date() - timedelta(days=days_ago),
        **fields,
    )


def at(patient, days_ago):
    """Nine in the morning, `days_ago` days ago where the patient is."""
    day = patient.local_date() - timedelta(days=days_ago)
    return datetime.combine(day, time(9), patient.zone)


def state() -> list:
    return list(Episode.objects.order_by("pk").values())


# --- Opening -------------------------------------------------------------------------


def test_the_clinician_opens_an_episode_and_the_patient_page_shows_it(client, bob, alice):
    client.force_login(bob)
    today = alice.local_date()
    response = post(
        client,
        episodes_url(alice),
        {
            "referral_reason": "Low back pain, 6 weeks",
            "started_on": today.isoformat(),
            "review_on": (today + timedelta(weeks=4)).isoformat(),
        },
    )
    assert response.status_code == 302
    episode = Episode.objects.get()
    assert (episode.patient, episode.opened_by, episode.clinic) == (alice, bob, alice.clinic)
    assert episode.review_on == today + timedelta(weeks=4) and episode.is_open
    event = AuditEvent.objects.get(action=AuditAction.EPISODE_OPENED)
    assert event.patient == alice and event.target == f"episode {episode.code}"
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert "Low back pain, 6 weeks" in html and "Review on" in html
    assert "data-review-due" not in html
    assert discharge_url(episode) in html


def test_the_start_defaults_to_the_patients_today(client, bob, alice):
    client.force_login(bob)
    form = client.get(f"/clinic/patients/{alice.code}/").context["episode_form"]
    assert form.initial["started_on"] == alice.local_date()


def test_a_review_date_that_has_come_is_highlighted_in_words(client, bob, alice):
    make_episode(alice, days_ago=30, review_on=alice.local_date() - timedelta(days=2))
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert "data-review-due" in html and "Review due:" in html


def test_a_second_open_episode_is_refused_with_a_message(client, bob, alice):
    make_episode(alice)
    client.force_login(bob)
    before = state()
    response = post(
        client,
        episodes_url(alice),
        {"referral_reason": "Again", "started_on": alice.local_date().isoformat()},
    )
    assert response.status_code == 302
    assert state() == before
    page = client.get(response.url).content.decode()
    assert "already has an open episode: discharge it before opening another." in page
    assert not AuditEvent.objects.filter(action=AuditAction.EPISODE_OPENED).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"referral_reason": ""}, "This field is required."),
        ({"started_on": "not a date"}, "Enter a valid date."),
        ({"started_on": "2001-01-01"}, "Choose a start from a year ago to today"),
        ({"started_on": "TOMORROW"}, "open the episode on the day care starts."),
        ({"review_on": "BEFORE"}, "The review can&#x27;t be before the start."),
        ({"referral_reason": "x" * 201}, "Ensure this value has at most 200 characters"),
    ],
)
def test_a_bad_episode_is_refused_on_the_patient_page_and_nothing_is_stored(
    client, bob, alice, data, message
):
    today = alice.local_date()
    values = {"referral_reason": "Hip pain", "started_on": today.isoformat(), **data}
    if values.get("review_on") == "BEFORE":
        values["review_on"] = (today - timedelta(days=1)).isoformat()
    if values["started_on"] == "TOMORROW":
        # A start in the future could never be discharged (a discharge is from the
        # start to today), and the episode would block opening another.
        values["started_on"] = (today + timedelta(days=1)).isoformat()
    client.force_login(bob)
    response = post(client, episodes_url(alice), values)
    assert response.status_code == 422
    html = response.content.decode()
    assert message in html and "Please check the fields marked below." in html
    assert "<h1>Alice Morgan</h1>" in html  # the patient's page, with what to put right
    assert not Episode.objects.exists()


def test_opening_is_a_post(client, bob, alice):
    client.force_login(bob)
    assert client.get(episodes_url(alice)).status_code == 405


# --- The summary and discharging ----------------------------------------------------


def test_the_summary_shows_the_episode_plan_and_a_form_while_open(client, bob, alice, plan):
    episode = make_episode(alice, review_on=alice.local_date() + timedelta(days=20))
    make_session(alice, plan, 2, 5)
    client.force_login(bob)
    response = client.get(discharge_url(episode))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Episode summary: Alice Morgan" in html
    assert "The episode is still open" in html
    assert "Low back pain, 6 weeks" in html
    assert "Morning routine" in html and "Glute bridge" in html
    assert "Discharge and close the episode" in html
    assert "Also end the patient" in html  # she has a plan
    assert AuditEvent.objects.filter(
        action=AuditAction.PATIENT_VIEWED, target=f"discharge summary {episode.code}"
    ).exists()


def test_discharging_closes_the_episode_ends_the_plan_and_stays_for_the_record(
    client, bob, alice, plan
):
    episode = make_episode(alice)
    today = alice.local_date()
    client.force_login(bob)
    response = post(
        client,
        discharge_url(episode),
        {
            "outcome": "goals_met",
            "discharged_on": today.isoformat(),
            "note": "Back to gardening.\nKeep the bridges going.",
            "end_plan": "on",
        },
    )
    assert response.status_code == 302 and response.url == discharge_url(episode)
    episode.refresh_from_db()
    assert (episode.discharged_on, episode.outcome, episode.discharged_by) == (
        today,
        "goals_met",
        bob,
    )
    plan.refresh_from_db()
    assert not plan.active and plan.end_date == today
    event = AuditEvent.objects.get(action=AuditAction.EPISODE_DISCHARGED)
    assert event.detail == {"outcome": "goals_met", "plan_ended": True}
    page = client.get(response.url)
    html = page.content.decode()
    assert "is discharged; their plan has ended." in html
    assert "Discharge summary: Alice Morgan" in html and "Goals met" in html
    assert "Back to gardening." in html
    assert page.context["form"] is None and "Discharge and close" not in html
    patient_page = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert "Past episodes" in patient_page and "Goals met" in patient_page
    assert "Open an episode" in patient_page  # a new one may start


def test_the_plan_stays_unless_the_box_is_ticked(client, bob, alice, plan):
    episode = make_episode(alice)
    client.force_login(bob)
    response = post(
        client,
        discharge_url(episode),
        {"outcome": "improved", "discharged_on": alice.local_date().isoformat()},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.active and plan.end_date is None
    assert (
        AuditEvent.objects.get(action=AuditAction.EPISODE_DISCHARGED).detail["plan_ended"] is False
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": ""}, "Choose the outcome."),
        ({"outcome": "cured"}, "Select a valid choice."),
        (
            {"discharged_on": "BEFORE"},
            "The discharge can&#x27;t be before the episode&#x27;s start",
        ),
        ({"discharged_on": "FUTURE"}, "The discharge date can&#x27;t be in the future."),
        ({"note": "x" * 2001}, "Ensure this value has at most 2000 characters"),
    ],
)
def test_a_bad_discharge_is_refused_and_nothing_changes(client, bob, alice, plan, data, message):
    episode = make_episode(alice)
    today = alice.local_date()
    values = {"outcome": "improved", "discharged_on": today.isoformat(), "end_plan": "on", **data}
    if values["discharged_on"] == "BEFORE":
        values["discharged_on"] = (episode.started_on - timedelta(days=1)).isoformat()
    if values["discharged_on"] == "FUTURE":
        values["discharged_on"] = (today + timedelta(days=1)).isoformat()
    client.force_login(bob)
    before = state()
    response = post(client, discharge_url(episode), values)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert state() == before
    plan.refresh_from_db()
    assert plan.active
    assert not AuditEvent.objects.filter(action=AuditAction.EPISODE_DISCHARGED).exists()


def test_a_discharged_episode_cannot_be_discharged_again(client, bob, alice, plan):
    episode = make_episode(alice)
    Episode.objects.filter(pk=episode.pk).update(
        discharged_on=alice.local_date(), outcome="no_change"
    )
    client.force_login(bob)
    before = state()
    response = post(
        client,
        discharge_url(episode),
        {"outcome": "goals_met", "discharged_on": alice.local_date().isoformat(), "end_plan": "on"},
    )
    assert response.status_code == 302
    assert state() == before
    plan.refresh_from_db()
    assert plan.active


def test_two_discharges_of_the_same_episode_at_once_the_second_changes_nothing(bob, alice, plan):
    """Two tabs, each loaded while the episode was open: both pass the "still open"
    check, but only the first discharge happens; the second is told, and neither its
    outcome, nor an audit, nor the plan changes."""
    first_tab = make_episode(alice)
    second_tab = Episode.objects.get(pk=first_tab.pk)
    today = alice.local_date()
    episodes.discharge(
        first_tab, by=bob, outcome="goals_met", note="First", on=today, end_plan=False
    )
    before = state()
    with pytest.raises(episodes.EpisodeAlreadyDischarged):
        episodes.discharge(
            second_tab, by=bob, outcome="worse", note="Second", on=today, end_plan=True
        )
    assert state() == before
    assert Episode.objects.get().outcome == "goals_met"
    plan.refresh_from_db()
    assert plan.active and plan.end_date is None
    assert AuditEvent.objects.filter(action=AuditAction.EPISODE_DISCHARGED).count() == 1


@pytest.mark.parametrize("who", ["dana", "gus", "charlie", "ann"])
def test_strangers_get_a_404_and_change_nothing(request, client, alice, plan, who):
    episode = make_episode(alice)
    client.force_login(request.getfixturevalue(who))
    before = state()
    assert client.get(discharge_url(episode)).status_code == 404
    data = {"outcome": "improved", "discharged_on": alice.local_date().isoformat()}
    assert post(client, discharge_url(episode), data).status_code == 404
    data = {"referral_reason": "x", "started_on": alice.local_date().isoformat()}
    assert post(client, episodes_url(alice), data).status_code == 404
    assert state() == before


def test_another_patients_episode_is_not_found_under_this_patient(client, bob, alice, charlie):
    link(bob, charlie)
    theirs = make_episode(charlie)
    client.force_login(bob)
    url = f"/clinic/patients/{alice.code}/episodes/{theirs.code}/discharge/"
    assert client.get(url).status_code == 404


def test_the_summary_counts_each_plan_on_its_own_days(client, bob, alice):
    """A plan replaced half-way: the first is due until the second starts, and each is
    listed with its doses. Sessions before the episode are not counted."""
    today = alice.local_date()
    bridge, clam = (Exercise.objects.get(slug=s) for s in ("glute-bridge", "clamshell"))
    first = make_plan(alice, bob, [bridge], title="First", start_date=today - timedelta(days=30))
    Routine.objects.filter(pk=first.pk).update(active=False)
    make_plan(alice, bob, [clam], title="Second", start_date=today - timedelta(days=4))
    episode = make_episode(alice, days_ago=9)
    for days_ago in (20, 8, 7, 3, 1):
        make_session(alice, first, days_ago, 4)
    client.force_login(bob)
    response = client.get(discharge_url(episode))
    summary = response.context["summary"]
    assert [(p.plan.title, p.start, p.end) for p in summary.plans] == [
        ("First", today - timedelta(days=9), today - timedelta(days=5)),
        ("Second", today - timedelta(days=4), today),
    ]
    # First: days 9..5 due (5), done 8 and 7. Second: days 4..1 due, 3 and 1 done (today
    # not yet). 4 of 9.
    assert (summary.done, summary.due, summary.finished) == (4, 9, 4)
    html = response.content.decode()
    assert "4 of 9 due days done (44 %); 4 sessions finished in all." in html


def test_a_plan_replaced_before_the_next_one_starts_stops_when_it_was_replaced(client, bob, alice):
    """Assigning a plan ends the old one at once, even when the new one starts later:
    the days between are nobody's (not missed days of the old plan), as the clinic's
    report counts them."""
    today = alice.local_date()
    bridge = Exercise.objects.get(slug="glute-bridge")
    old = make_plan(
        alice, bob, [bridge], title="Old", start_date=today - timedelta(20), active=False
    )
    new = make_plan(alice, bob, [bridge], title="New", start_date=today - timedelta(days=3))
    Routine.objects.filter(pk=old.pk).update(created=at(alice, 21))
    # Assigned ten days ago, to start three days ago.
    Routine.objects.filter(pk=new.pk).update(created=at(alice, 10))
    for days_ago in range(11, 21):
        make_session(alice, old, days_ago, 3)
    for days_ago in range(1, 4):
        make_session(alice, new, days_ago, 3)
    episode = make_episode(alice, days_ago=20)
    client.force_login(bob)
    summary = client.get(discharge_url(episode)).context["summary"]
    assert [(p.plan.title, p.start, p.end) for p in summary.plans] == [
        ("Old", today - timedelta(days=20), today - timedelta(days=11)),
        ("New", today - timedelta(days=3), today),
    ]
    assert (summary.done, summary.due) == (13, 13)
    period = reports.Period(today - timedelta(days=20), today)
    report = reports.adherence(alice.clinic, period).patients[alice.pk]
    assert (report.done, report.due) == (summary.done, summary.due)


def test_alerts_of_the_period_are_counted_by_tier(client, bob, alice):
    episode = make_episode(alice, days_ago=5)
    make_alert(alice, AlertKind.INACTIVE)
    make_alert(alice, AlertKind.BAD_DAY)
    old = make_alert(alice, AlertKind.STOPPED_FOR_PAIN)
    Alert.objects.filter(pk=old.pk).update(created=old.created - timedelta(days=30))
    client.force_login(bob)
    summary = client.get(discharge_url(episode)).context["summary"]
    assert sum(n for _label, n in summary.alerts) == 2


def test_the_pages_keep_a_fixed_number_of_queries_as_the_history_grows(client, bob, alice, plan):
    episode = make_episode(alice, days_ago=60)
    past = make_episode(
        alice, days_ago=200, discharged_on=alice.local_date() - timedelta(100), outcome="improved"
    )
    client.force_login(bob)
    urls = [discharge_url(episode), discharge_url(past), f"/clinic/patients/{alice.code}/"]
    small = [count(client, url) for url in urls]
    for days_ago in range(1, 50):
        make_session(alice, plan, days_ago, days_ago % 8)
    for exercise in Exercise.objects.all()[:6]:
        RoutineItem.from_exercise(exercise, routine=plan, order=9).save()
    for n in range(4):
        make_plan(alice, bob, [], title=f"Old {n}", start_date=alice.local_date(), active=False)
        make_alert(alice, AlertKind.INACTIVE, resolved_at=plan.created)
    for n in range(3):
        discharged = alice.local_date() - timedelta(300)
        make_episode(alice, days_ago=400 + 10 * n, discharged_on=discharged, outcome="worse")
    assert [count(client, url) for url in urls] == small
    # The summary: the request's 3, the patient, the episode, the audit of viewing it,
    # then plans, items, sessions, scores, alerts by tier; the patient page 16 + 1, its
    # episodes.
    assert small == [11, 11, 17]


def test_the_demo_patients_have_an_open_episode_once(db, settings):
    settings.DEBUG = True
    for _run in range(2):  # safe to run again: still one each
        call_command("seed_demo", stdout=StringIO())
    for username in ("demo-patient", "demo-patient-2"):
        patient = User.objects.get(username=username)
        episode = Episode.objects.get(patient=patient)
        plan = Routine.objects.for_patient(patient).active().get()
        assert episode.is_open and episode.started_on == plan.start_date
        assert episode.review_on == plan.start_date + timedelta(weeks=4)
    alice = User.objects.get(username="demo-patient")
    assert alice.clinic_identifier and alice.date_of_birth


# --- Hostile input (as tests/hipmob/test_hostile_input.py does for the older forms) ---


def hostile_forms(alice, episode) -> dict:
    today = alice.local_date().isoformat()
    return {
        "record": (
            f"/clinic/patients/{alice.code}/record/",
            {
                "name": "Alice",
                "date_of_birth": "1960-01-01",
                "phone": "0113 496 0000",
                "language": "en",
                "clinic_identifier": "N-1",
                "timezone": "Europe/London",
            },
        ),
        "open_episode": (
            episodes_url(alice),
            {"referral_reason": "Back", "started_on": today, "review_on": ""},
        ),
        "discharge": (
            discharge_url(episode),
            {"outcome": "improved", "discharged_on": today, "note": "", "end_plan": "on"},
        ),
        "add_patient": (
            "/clinic/patients/new/",
            {
                "request_id": "a" * 32,
                "name": "Nia",
                "email": "",
                "timezone": "Europe/London",
                "date_of_birth": "",
                "phone": "",
                "language": "",
                "clinic_identifier": "",
            },
        ),
    }


@pytest.mark.parametrize("name", ["record", "open_episode", "discharge", "add_patient"])
def test_hostile_values_never_cause_a_server_error(client, bob, alice, plan, name):
    episode = make_episode(alice)
    url, valid = hostile_forms(alice, episode)[name]
    client.force_login(bob)
    client.get("/account/")
    token = client.cookies["csrftoken"].value

    @CHECKED
    @given(hostile=st.dictionaries(st.sampled_from(sorted(valid)), HOSTILE, min_size=1))
    def send(hostile):
        response = client.post(url, {**valid, **hostile, "csrfmiddlewaretoken": token})
        assert response.status_code in ALLOWED, (name, hostile, response.status_code)

    send()
    assert_every_row_is_valid()
    for row in Episode.objects.all():
        row.full_clean(validate_unique=False, validate_constraints=False)
