"""The player's tests share one plan and a signed-in patient ready to exercise."""

from datetime import date

import pytest

from exercises.models import Exercise
from tests.factories import make_plan, make_screening


@pytest.fixture
def plan(alice, bob):
    """Bridge (2 sets, both sides) then clamshell (2 sets, each side): 6 steps."""
    exercises = [Exercise.objects.get(slug="glute-bridge"), Exercise.objects.get(slug="clamshell")]
    return make_plan(alice, bob, exercises, start_date=date(2026, 1, 1))


@pytest.fixture
def patient(client, alice, plan):
    """Alice, signed in, her safety check done yesterday."""
    make_screening(alice, days_ago=1)
    client.force_login(alice)
    return client
