import csv
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from exercises.models import Exercise
from practice.models import ExerciseSession, StepLog
from tests.factories import make_plan


@pytest.fixture
def plan(alice, bob):
    return make_plan(
        alice, bob, [Exercise.objects.get(slug="glute-bridge")], start_date=date(2026, 1, 1)
    )


@pytest.fixture
def sessions(alice, plan):
    today = alice.local_date()
    made = []
    for days_ago, before, after in [(3, 5, 4), (2, 4, 4), (1, 6, 3)]:
        session = ExerciseSession.objects.create(
            patient=alice,
            plan=plan,
            local_date=today - timedelta(days=days_ago),
            pain_before=before,
            pain_after=after,
            effort="right",
            status="completed",
            finished=datetime(2026, 1, 1, tzinfo=UTC),
            note='=HYPERLINK("http://evil.example")' if days_ago == 1 else "",
        )
        item = plan.items.get()
        StepLog.objects.create(
            session=session,
            item=item,
            exercise=item.exercise,
            side="both",
            set_number=1,
            status="done",
            reps=10,
        )
        made.append(session)
    return made


@pytest.fixture
def patient(client, alice):
    client.force_login(alice)
    return client


def test_history_draws_the_pain_chart_with_the_numbers_as_text(patient, sessions):
    html = patient.get("/history/").content.decode()
    assert "<svg" in html and "<polyline" in html
    assert 'role="img"' in html and "<desc" in html
    assert "Pain from 0 to 10 before and after the last 3 sessions" in html
    # The table holds every number the chart draws.
    for session in sessions:
        assert f"<td>{session.pain_before}</td><td>{session.pain_after}</td>" in html


def test_history_lists_sessions_newest_first_with_weekly_adherence(patient, sessions):
    response = patient.get("/history/")
    by_code = {str(s.code): s.local_date for s in sessions}
    listed = [
        by_code[row["url"].rstrip("/").rsplit("/", 1)[1]] for row in response.context["sessions"]
    ]
    assert len(listed) == len(sessions) and listed == sorted(listed, reverse=True)
    assert len(response.context["weeks"]) == 8
    assert "1 done fully · pain 6 → 3" in response.content.decode()


def test_history_without_sessions_says_what_will_appear(patient, plan):
    html = patient.get("/history/").content.decode()
    assert "after your first finished session" in html
    assert "No sessions yet" in html


@pytest.mark.parametrize("persona", ["bob", "dana"])
def test_history_is_only_for_patients(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/history/").status_code == 404


def test_the_json_export_holds_every_session_and_step(patient, sessions):
    response = patient.get("/my-data/hipmob.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="hipmob-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert [s["date"] for s in data["sessions"]] == [s.local_date.isoformat() for s in sessions]
    assert data["sessions"][0]["steps"][0]["exercise"] == "Glute bridge"
    assert data["person"]["username"] == "alice"


def test_the_csv_export_defuses_spreadsheet_formulas(patient, sessions):
    response = patient.get("/my-data/hipmob.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 3
    assert rows[-1]["note"].startswith("'=HYPERLINK")
    assert rows[0]["exercise"] == "Glute bridge" and rows[0]["pain_before"] == "5"


def test_exports_hold_only_the_patients_own_data(client, sessions, charlie):
    client.force_login(charlie)
    data = json.loads(client.get("/my-data/hipmob.json").content)
    assert data["sessions"] == []
    rows = list(csv.reader(io.StringIO(client.get("/my-data/hipmob.csv").content.decode())))
    assert len(rows) == 1  # the header only


def test_the_account_page_offers_downloads_and_sign_out_everywhere(patient):
    html = patient.get("/account/").content.decode()
    assert "/my-data/hipmob.csv" in html and "/my-data/hipmob.json" in html
    assert 'action="/sign-out/everywhere/"' in html
