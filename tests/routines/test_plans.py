from datetime import date

import pytest
from django.db import IntegrityError, transaction

from exercises.models import Exercise
from routines.models import Routine, RoutineItem, RoutineKind
from routines.plans import assign_template
from tests.factories import make_plan


@pytest.fixture
def template(bob):
    template = Routine.objects.create(kind=RoutineKind.TEMPLATE, title="Core", owner=bob)
    for i, slug in enumerate(["glute-bridge", "clamshell"]):
        RoutineItem.from_exercise(Exercise.objects.get(slug=slug), routine=template, order=i).save()
    return template


def test_assigning_copies_the_template_and_later_edits_do_not_reach_the_plan(alice, bob, template):
    plan = assign_template(template, alice, owner=bob, start_date=date(2026, 5, 1))
    assert [i.exercise.slug for i in plan.items.all()] == ["glute-bridge", "clamshell"]
    template.items.update(sets=9)
    template.items.first().delete()
    plan.refresh_from_db()
    assert plan.items.count() == 2
    assert all(item.sets != 9 for item in plan.items.all())
    assert plan.source_template == template


def test_assigning_a_new_plan_ends_the_old_one(alice, bob, template):
    first = assign_template(template, alice, owner=bob, start_date=date(2026, 5, 1))
    second = assign_template(template, alice, owner=bob, start_date=date(2026, 6, 1))
    first.refresh_from_db()
    assert not first.active and second.active


def test_the_database_allows_one_active_plan_per_patient(alice, bob):
    make_plan(alice, bob, [])
    with pytest.raises(IntegrityError), transaction.atomic():
        make_plan(alice, bob, [])
    assert Routine.objects.for_patient(alice).count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"patient": None},  # a plan without a patient
        {"start_date": None},  # a plan without a start
        {"schedule_days": 0},  # never due
        {"end_date": date(2025, 1, 1)},  # ends before it starts
    ],
)
def test_the_database_refuses_impossible_plans(alice, bob, fields):
    values = {
        "kind": RoutineKind.PLAN,
        "title": "x",
        "owner": bob,
        "patient": alice,
        "start_date": date(2026, 1, 1),
        **fields,
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Routine.objects.create(**values)
    assert not Routine.objects.exists()
