from datetime import date, timedelta
from decimal import Decimal

import pytest

from progression import psfs
from progression.models import PsfsScore
from tests.factories import make_plan


@pytest.fixture
def patient(client, alice, bob):
    make_plan(alice, bob, [], start_date=date(2026, 1, 1))
    client.force_login(alice)
    return client


def post(client, data):
    token = client.get("/activities/").context["csrf_token"]
    return client.post("/activities/", {"csrfmiddlewaretoken": token, **data})


def test_it_is_due_at_first_and_then_every_two_weeks():
    today = date(2026, 3, 20)
    assert psfs.due(None, today)
    assert not psfs.due(PsfsScore(local_date=today - timedelta(days=13)), today)
    assert psfs.due(PsfsScore(local_date=today - timedelta(days=14)), today)
    # The same rule from the day alone (Today reads the date, not the scores).
    assert psfs.due_after(None, today)
    assert not psfs.due_after(today - timedelta(days=13), today)
    assert psfs.due_after(today - timedelta(days=14), today)


def test_the_first_time_names_activities_and_stores_the_mean(patient, alice):
    assert "How are everyday activities going?" in patient.get("/today/").content.decode()
    response = post(
        patient,
        {
            "activity_0": "Putting on socks",
            "score_0": 3,
            "activity_1": "Sitting through a film",
            "score_1": 6,
        },
    )
    assert response.status_code == 302
    score = PsfsScore.objects.get(patient=alice)
    assert score.mean == Decimal("4.50")
    assert [a["activity"] for a in score.activities] == [
        "Putting on socks",
        "Sitting through a film",
    ]
    assert "How are everyday activities going?" not in patient.get("/today/").content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"activity_0": "Socks", "score_0": 11},
        {"activity_0": "Socks"},
        {"score_0": 4},
        {"activity_0": "x" * 100_000, "score_0": 4},
        {"activity_0": "Socks", "score_0": "abc"},
        {"activity_0": "Socks", "score_0": 4, "score_1": 5},
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(patient, data):
    response = post(patient, data)
    assert response.status_code == 422
    assert not PsfsScore.objects.exists()


def test_later_the_same_activities_are_rated_again(patient, alice):
    PsfsScore.objects.create(
        patient=alice,
        local_date=alice.local_date() - timedelta(days=14),
        activities=[{"activity": "Socks", "score": 3}],
        mean=3,
    )
    page = patient.get("/activities/")
    assert "activity_0" not in page.context["form"].fields
    post(patient, {"score_0": 6, "activity_0": "Something else"})
    latest = PsfsScore.objects.order_by("-local_date").first()
    assert latest.activities == [{"activity": "Socks", "score": 6}]


def test_one_score_a_day(patient, alice):
    post(patient, {"activity_0": "Socks", "score_0": 3})
    PsfsScore.objects.update(local_date=alice.local_date())
    post(patient, {"score_0": 9})  # a second answer the same day is ignored
    assert PsfsScore.objects.count() == 1


def test_the_clinician_sees_the_mean_and_whether_the_change_is_meaningful(client, alice, bob):
    today = alice.local_date()
    for days_ago, mean in [(28, 3), (14, 4), (0, 5.5)]:
        PsfsScore.objects.create(
            patient=alice,
            local_date=today - timedelta(days=days_ago),
            activities=[{"activity": "Socks", "score": mean}],
            mean=mean,
        )
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert "Mean 3.00 at the start, 5.50 now (change 2.50)." in html
    assert "A meaningful improvement" in html
    assert 'class="chart__line chart__line--psfs"' in html
