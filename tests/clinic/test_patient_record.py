"""The clinician's patient page shows what the patient reported: each next-morning answer
beside the session it follows (table and chart), and each activity's PSFS change."""

from datetime import timedelta
from decimal import Decimal

import pytest

from practice.models import MorningCheck
from progression.models import PsfsScore
from tests.factories import make_exercise, make_plan, make_session


@pytest.fixture
def plan(alice, bob):
    return make_plan(alice, bob, [make_exercise(slug="bridge", name="Bridge")])


def test_a_worse_morning_is_beside_the_session_it_follows(client, alice, bob, plan):
    session = make_session(alice, plan, days_ago=1, before=4, after=5)
    MorningCheck.objects.create(
        patient=alice,
        local_date=session.local_date + timedelta(days=1),
        session=session,
        response="worse",
        pain=8,
    )
    client.force_login(bob)
    page = client.get(f"/clinic/patients/{alice.code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'class="morning morning--worse">Worse, 8/10</span>' in html
    # The chart draws it (a triangle) and its table says it in words.
    assert page.context["chart"]["morning"][0].value == 8
    assert "<td>Worse, 8/10</td>" in html
    assert "next morning (triangles)" in html


def test_a_session_without_a_morning_answer_says_so_and_draws_nothing(client, alice, bob, plan):
    make_session(alice, plan, days_ago=1, before=4, after=5)
    client.force_login(bob)
    page = client.get(f"/clinic/patients/{alice.code}/")
    assert page.context["chart"]["morning"] == []
    assert "next morning (triangles)" not in page.content.decode()
    assert page.context["chart"]["rows"][0]["morning"] == "–"


def test_the_patient_sees_their_own_mornings_in_the_history_chart(client, alice, bob, plan):
    session = make_session(alice, plan, days_ago=1, before=4, after=3)
    MorningCheck.objects.create(
        patient=alice,
        local_date=session.local_date + timedelta(days=1),
        session=session,
        response="better",
        pain=2,
    )
    client.force_login(alice)
    page = client.get("/history/")
    assert page.context["chart"]["rows"][0]["morning"] == "Better, 2/10"


def test_each_activity_shows_its_start_latest_and_change(client, alice, bob, plan):
    today = alice.local_date()
    PsfsScore.objects.create(
        patient=alice,
        local_date=today - timedelta(days=14),
        mean=Decimal("3.00"),
        activities=[
            {"activity": "Putting on socks", "score": 2},
            {"activity": "Stairs", "score": 4},
        ],
    )
    PsfsScore.objects.create(
        patient=alice,
        local_date=today,
        mean=Decimal("4.50"),
        activities=[
            {"activity": "Putting on socks", "score": 6},
            {"activity": "Stairs", "score": 3},
        ],
    )
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    assert '<th scope="row">Putting on socks</th><td>2</td><td>6</td>' in html
    assert "+4 <strong>better (3 points or more)</strong>" in html
    assert '<th scope="row">Stairs</th><td>4</td><td>3</td>' in html
    assert "-1</td>" in html
    assert "A change of 3 points in one activity, or 2 in the mean" in html
