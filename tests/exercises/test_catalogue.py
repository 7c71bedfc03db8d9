import pytest
from django.db import IntegrityError, transaction

from exercises.catalogue import EXERCISES
from exercises.models import Exercise
from tests.factories import make_exercise

CORE_FIVE = {"hip-flexor-stretch", "glute-bridge", "clamshell", "lunge-with-twist", "deep-squat"}


NEW_ENTRIES = {  # clinical.md §1.14: regressions and progressions as catalogue entries
    "standing-hip-flexor-stretch",
    "partial-bridge",
    "band-clamshell",
    "split-squat",
    "chair-sit-to-stand",
    "prone-press-up",
    "walking-break",
}
LEVELS = ["beginner", "intermediate", "advanced"]


@pytest.mark.django_db
def test_the_migration_ships_the_published_catalogue_with_two_pose_illustrations():
    exercises = list(Exercise.objects.published())
    assert len(exercises) == len(EXERCISES) == 23
    assert {e.slug for e in exercises} >= CORE_FIVE | NEW_ENTRIES
    for exercise in exercises:
        assert exercise.illustration == f"img/exercises/{exercise.slug}.svg"
        assert exercise.illustration_start == f"img/exercises/{exercise.slug}-start.svg"
        assert exercise.illustration_alt
        assert 3 <= len(exercise.cue_list) <= 6, exercise.slug
        assert exercise.summary and exercise.target and exercise.start_position
        assert exercise.caution_list, exercise.slug
        assert exercise.source_list, exercise.slug
        assert exercise.reps is not None or exercise.hold_seconds is not None


@pytest.mark.django_db
def test_every_exercise_links_an_easier_and_a_harder_version_or_says_why_not():
    """clinical.md §1.14. Above the easiest level an exercise links an easier one; below
    the hardest it links a harder one, or its harder tip says there is none and how to
    progress instead. Links point the right way on the level scale and to published
    exercises, and following "harder" never loops."""
    exercises = {e.slug: e for e in Exercise.objects.published().select_related("easier", "harder")}
    for slug, exercise in exercises.items():
        level = LEVELS.index(exercise.level)
        if level > 0:
            assert exercise.easier is not None, f"{slug} needs an easier link"
        if exercise.easier is not None:
            assert exercise.easier.published, slug
            assert LEVELS.index(exercise.easier.level) <= level, slug
        if exercise.harder is not None:
            assert exercise.harder.published, slug
            assert LEVELS.index(exercise.harder.level) >= level, slug
        elif level < len(LEVELS) - 1:
            assert "no harder" in exercise.harder_tip, f"{slug}: link a harder one or say why not"
        seen, step = {slug}, exercise.harder
        while step is not None:
            assert step.slug not in seen, f"harder links loop at {slug}"
            seen.add(step.slug)
            step = exercises[step.slug].harder


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "easier", "harder"),
    [  # clinical.md §1.14, row by row
        ("hip-flexor-stretch", "standing-hip-flexor-stretch", None),
        ("glute-bridge", "partial-bridge", None),
        ("clamshell", None, "band-clamshell"),
        ("lunge-with-twist", "split-squat", None),
        ("deep-squat", "chair-sit-to-stand", None),
        ("ninety-ninety-switch", "lying-windscreen-wipers", None),
        ("bird-dog", "bird-dog-arm-reach", None),
        ("dead-bug", "heel-taps", None),
        ("cat-camel", None, None),  # §1.14: bird dog is added after it, never replaces it
        ("standing-hip-flexor-stretch", None, "hip-flexor-stretch"),
        ("partial-bridge", None, "glute-bridge"),
        ("band-clamshell", "clamshell", None),
        ("split-squat", None, "lunge-with-twist"),
        ("chair-sit-to-stand", None, "deep-squat"),
    ],
)
def test_the_links_follow_the_clinical_table(slug, easier, harder):
    exercise = Exercise.objects.get(slug=slug)
    assert (exercise.easier.slug if exercise.easier else None) == easier
    assert (exercise.harder.slug if exercise.harder else None) == harder


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "words"),
    [  # clinical.md §1.14's text fixes
        ("hip-flexor-stretch", ["cushion"]),
        ("glute-bridge", ["Hold still at the top", "tingling or numbness"]),
        ("clamshell", ["Roll your top hip slightly forward", "pelvis still"]),
        (
            "lunge-with-twist",
            ["leg of the side you are working", "toward your front knee", "Fold your arms"],
        ),
        ("deep-squat", ["comfortable depth", "chair behind you"]),
        ("hamstring-stretch", ["toward the ceiling", "travels down your leg"]),
        ("butterfly-stretch", ["it is fine to stay upright"]),
        ("figure-four-stretch", ["hands behind the thigh", "knee of the crossed leg"]),
        ("ninety-ninety-switch", ["hands on the floor behind you"]),
        ("dead-bug", ["keep your back still"]),
        ("childs-pose", ["worse when you bend forward", "pillow between your heels"]),
        ("prone-press-up", ["down your leg"]),
        ("walking-break", ["5 to 10 minutes", "bad-back day"]),
    ],
)
def test_the_text_carries_each_correction(slug, words):
    exercise = Exercise.objects.get(slug=slug)
    text = " ".join(
        [
            exercise.summary,
            exercise.start_position,
            exercise.cues,
            exercise.easier_tip,
            exercise.cautions,
        ]
    )
    for word in words:
        assert word.lower() in text.lower(), (slug, word)


@pytest.mark.django_db
def test_the_doses_follow_the_clinical_table():
    """Glute bridge and bird dog are reps with a hold (§1.14), each a real dose."""
    bridge = Exercise.objects.get(slug="glute-bridge")
    assert (bridge.sets, bridge.reps, bridge.hold_seconds) == (2, 10, 3)
    assert bridge.dose == "2 sets of 10, hold each 3 seconds"
    bird = Exercise.objects.get(slug="bird-dog")
    assert 6 <= bird.reps <= 10 and 5 <= bird.hold_seconds <= 8 and bird.per_side
    walk = Exercise.objects.get(slug="walking-break")
    assert walk.dose == "Keep going for 5 minutes"
    assert Exercise.objects.get(slug="hip-flexor-stretch").transition_seconds >= 10


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
