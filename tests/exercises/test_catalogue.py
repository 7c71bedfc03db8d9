import pytest
from django.db import IntegrityError, transaction

from exercises.models import Exercise
from tests.factories import make_exercise

CORE_FIVE = {"hip-flexor-stretch", "glute-bridge", "clamshell", "lunge-with-twist", "deep-squat"}


@pytest.mark.django_db
def test_the_migration_ships_13_published_exercises_with_illustrations():
    exercises = list(Exercise.objects.published())
    assert len(exercises) == 13
    assert {e.slug for e in exercises} >= CORE_FIVE
    for exercise in exercises:
        assert exercise.illustration == f"img/exercises/{exercise.slug}.svg"
        assert exercise.illustration_alt
        assert 3 <= len(exercise.cue_list) <= 6, exercise.slug
        assert exercise.summary and exercise.target and exercise.start_position
        assert exercise.caution_list, exercise.slug
        assert exercise.source_list, exercise.slug
        assert (exercise.reps is None) != (exercise.hold_seconds is None)


@pytest.mark.django_db
def test_catalogue_text_makes_no_cure_claims():
    banned = (
        "cure",
        "fixes",
        "fix your",
        "heal",
        "eliminate",
        "guarantee",
        "miracle",
        "permanent",
        "pain-free forever",
    )
    for exercise in Exercise.objects.all():
        text = " ".join(
            [
                exercise.name,
                exercise.summary,
                exercise.target,
                exercise.cues,
                exercise.mistakes,
                exercise.easier_tip,
                exercise.harder_tip,
                exercise.cautions,
                exercise.start_position,
                exercise.illustration_alt,
            ]
        ).lower()
        assert not any(word in text for word in banned), exercise.slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    "dose",
    [
        {"reps": None, "hold_seconds": None},  # neither
        {"reps": 10, "hold_seconds": 301},  # reps with a hold too long
        {"reps": 10_000},
        {"reps": None, "hold_seconds": 0},
        {"sets": 0},
        {"sets": 11},
        {"rest_seconds": 601},
    ],
)
def test_the_database_refuses_impossible_doses(dose):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_exercise(**dose)
    assert not Exercise.objects.filter(slug__startswith="exercise-").exists()


@pytest.mark.django_db
def test_the_database_keeps_reps_with_a_hold_on_each():
    exercise = make_exercise(reps=10, hold_seconds=5)
    exercise.refresh_from_db()
    assert (exercise.reps, exercise.hold_seconds, exercise.dose_kind) == (10, 5, "reps_hold")


@pytest.mark.django_db
def test_an_exercise_cannot_be_its_own_easier_version():
    exercise = make_exercise()
    exercise.easier = exercise
    with pytest.raises(IntegrityError), transaction.atomic():
        exercise.save()
    exercise.refresh_from_db()
    assert exercise.easier is None


@pytest.mark.parametrize(
    ("sets", "reps", "hold", "per_side", "expected"),
    [
        (3, 10, None, False, "3 sets of 10"),
        (1, 6, None, False, "6 times"),
        (2, None, 30, True, "Hold for 30 seconds · 2 times · each side"),
        (1, None, 1, False, "Hold for 1 second"),
        (1, 10, 5, False, "10 times, hold each 5 seconds"),
        (2, 10, 5, False, "2 sets of 10, hold each 5 seconds"),
        (2, 8, 1, True, "2 sets of 8, hold each 1 second · each side"),
    ],
)
def test_doses_read_as_plain_words(sets, reps, hold, per_side, expected):
    exercise = Exercise(sets=sets, reps=reps, hold_seconds=hold, per_side=per_side)
    assert exercise.dose == expected
