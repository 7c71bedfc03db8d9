"""A clinic's own exercises: made and changed by its clinic admin, seen by that clinic
only (Exercise.objects is scoped to the clinic and the shared catalogue,
organisations/scoping.py), in its library and routine builder like any other."""

from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from clinic.forms_exercise import start_drawing
from exercises.models import Exercise

SLUG_LENGTH = 50  # Exercise.slug's max_length
TEXTS = ("name", "summary", "target", "start_position", "cues", "mistakes", "cautions")
FIELDS = ("kind", "level", "sets", "reps", "hold_seconds", "rest_seconds", "per_side")


def of_clinic(clinic):
    """The clinic's own exercises, published or not (the catalogue's are not theirs)."""
    return Exercise.objects.filter(clinic=clinic)


def own_exercise(clinic, slug: str) -> Exercise:
    return get_object_or_404(of_clinic(clinic), slug=slug)


def new_slug(clinic, name: str) -> str:
    """The clinic's short name, then the exercise's: never the catalogue's slug nor
    another clinic's. Slugs are unique across the installation (they name the detail
    page), so the check reads every clinic's exercises: `unscoped`, on purpose."""
    base = slugify(f"{clinic.slug} {name}")[:SLUG_LENGTH].strip("-") or clinic.slug
    taken = set(
        Exercise.unscoped.filter(slug__startswith=base[: SLUG_LENGTH - 4]).values_list(
            "slug", flat=True
        )
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        suffix = f"-{n}"
        slug = base[: SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return slug


def _columns(clinic) -> list[str]:
    """The text columns written: the English one, which every page falls back to, and
    the clinic's own language's, so a page in that language shows it as its own."""
    languages = {settings.LANGUAGE_CODE}
    if clinic.language in dict(settings.LANGUAGES):
        languages.add(clinic.language)
    return sorted(languages)


def _write(exercise: Exercise, clinic, data: dict) -> None:
    for field in TEXTS:
        for language in _columns(clinic):
            setattr(exercise, f"{field}_{language}", data[field])
    for field in FIELDS:
        setattr(exercise, field, data[field])
    exercise.illustration = data["illustration"]
    exercise.illustration_start = start_drawing(data["illustration"])
    for language in _columns(clinic):
        setattr(exercise, f"illustration_alt_{language}", data["illustration_alt"])


@transaction.atomic
def create(clinic, data: dict) -> Exercise:
    """Published at once: the clinic's clinicians can prescribe it."""
    exercise = Exercise(clinic=clinic, slug=new_slug(clinic, data["name"]), published=True)
    _write(exercise, clinic, data)
    exercise.save()
    return exercise


def update(exercise: Exercise, clinic, data: dict) -> None:
    """The slug stays: it is in the address of the exercise's page."""
    _write(exercise, clinic, data)
    exercise.save()


def initial(exercise: Exercise) -> dict:
    """The form's values for an exercise, in the columns _write() fills (English)."""
    values = {field: getattr(exercise, f"{field}_{settings.LANGUAGE_CODE}") for field in TEXTS}
    values.update({field: getattr(exercise, field) for field in FIELDS})
    values["illustration"] = exercise.illustration
    values["illustration_alt"] = getattr(exercise, f"illustration_alt_{settings.LANGUAGE_CODE}")
    return values


def set_published(exercise: Exercise, published: bool) -> None:
    """Unpublished, it leaves the library and the builder; plans that have it keep it
    (their patients still see it), and templates with it can't be assigned until
    changed."""
    exercise.published = published
    exercise.save(update_fields=["published", "updated"])
