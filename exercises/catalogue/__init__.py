"""The shipped catalogue of 23 exercises, as code: loaded by the data migration, by
`seed_demo` and by the tests' `catalogue` fixture (all through `load`).

Written in HipMob's own words from shared/docs/clinical.md; doses are beginner starting points
for a clinician to adjust. The Spanish of each is in `es.py`, checked against its English.
"""

from django.conf import settings
from django.utils import translation

from exercises.catalogue import (
    band_clamshell,
    bird_dog,
    bird_dog_arm_reach,
    butterfly_stretch,
    cat_camel,
    chair_sit_to_stand,
    childs_pose,
    clamshell,
    dead_bug,
    deep_squat,
    es,
    figure_four_stretch,
    glute_bridge,
    hamstring_stretch,
    heel_taps,
    hip_flexor_stretch,
    lunge_with_twist,
    lying_windscreen_wipers,
    ninety_ninety_switch,
    partial_bridge,
    prone_press_up,
    split_squat,
    standing_hip_flexor_stretch,
    walking_break,
)
from exercises.catalogue.references import SOURCES
from exercises.models import TRANSLATED_FIELDS, english_fingerprint

EQUIPMENT = [  # (slug, name)
    ("mat", "Exercise mat"),
    ("cushion", "Cushion or pillow"),
    ("chair", "Sturdy chair or counter"),
    ("towel", "Towel or strap"),
    ("band", "Resistance band"),
]

# Grouped with their easier and harder versions (the library itself sorts by name).
EXERCISES = [
    standing_hip_flexor_stretch.EXERCISE,
    hip_flexor_stretch.EXERCISE,
    partial_bridge.EXERCISE,
    glute_bridge.EXERCISE,
    clamshell.EXERCISE,
    band_clamshell.EXERCISE,
    split_squat.EXERCISE,
    lunge_with_twist.EXERCISE,
    chair_sit_to_stand.EXERCISE,
    deep_squat.EXERCISE,
    hamstring_stretch.EXERCISE,
    butterfly_stretch.EXERCISE,
    figure_four_stretch.EXERCISE,
    lying_windscreen_wipers.EXERCISE,
    ninety_ninety_switch.EXERCISE,
    bird_dog_arm_reach.EXERCISE,
    bird_dog.EXERCISE,
    heel_taps.EXERCISE,
    dead_bug.EXERCISE,
    cat_camel.EXERCISE,
    childs_pose.EXERCISE,
    prone_press_up.EXERCISE,
    walking_break.EXERCISE,
]


LINKS = ("easier", "harder")


def text_columns(base: dict, spanish: dict, fields) -> dict:
    """The translated fields' columns, written out: the migration's historical models
    have plain name_en/name_es fields and no translation descriptors. The plain name
    comes first, so that on the real model (where setting it sets the active language's
    column) the explicit columns after it win."""
    columns = {}
    for field in fields:
        columns[field] = base.get(field, "")
        columns[f"{field}_{settings.LANGUAGE_CODE}"] = base.get(field, "")
        columns[f"{field}_es"] = spanish.get(field, "")
    return columns


def load(apps) -> None:
    """Create or update the shipped exercises. `apps` is the migration's historical app
    registry, or django.apps.apps for seed_demo and the tests; safe to repeat."""
    # The plain columns hold the English, whatever language the caller has active.
    with translation.override(settings.LANGUAGE_CODE):
        _load(apps)


def _load(apps) -> None:
    Equipment = apps.get_model("exercises", "Equipment")
    Exercise = apps.get_model("exercises", "Exercise")
    kit = {}
    for slug, name in EQUIPMENT:
        names = text_columns({"name": name}, {"name": es.EQUIPMENT.get(slug, "")}, ["name"])
        kit[slug], _ = Equipment.objects.get_or_create(slug=slug, defaults=names)
    for entry in EXERCISES:
        spanish = es.SPANISH.get(entry["slug"], {})
        fields = {
            key: value
            for key, value in entry.items()
            if key not in ("slug", "equipment", *LINKS, *TRANSLATED_FIELDS)
        }
        fields.update(text_columns(entry, spanish, TRANSLATED_FIELDS))
        fields["spanish_checked_against"] = spanish.get("checked_against", "")
        fields["illustration"] = f"img/exercises/{entry['slug']}.svg"
        fields["illustration_start"] = f"img/exercises/{entry['slug']}-start.svg"
        fields["published"] = True
        fields["sources"] = SOURCES[entry["slug"]]
        exercise, _ = Exercise._default_manager.update_or_create(
            slug=entry["slug"], defaults=fields
        )
        exercise.equipment.set([kit[slug] for slug in entry["equipment"]])
    by_slug = {
        e.slug: e for e in Exercise._default_manager.filter(slug__in=[x["slug"] for x in EXERCISES])
    }
    for entry in EXERCISES:
        exercise = by_slug[entry["slug"]]
        for link in LINKS:
            setattr(exercise, f"{link}_id", by_slug[entry[link]].pk if entry[link] else None)
        exercise.save(update_fields=list(LINKS))


def fingerprints() -> None:
    """Print each shipped exercise's English fingerprint beside the one its Spanish in
    es.py was checked against: after checking the Spanish, copy the first into es.py."""
    for entry in EXERCISES:
        now = english_fingerprint({field: entry.get(field, "") for field in TRANSLATED_FIELDS})
        checked = es.SPANISH.get(entry["slug"], {}).get("checked_against", "")
        print(now, entry["slug"], "ok" if now == checked else "CHECK THE SPANISH")


def unload(apps) -> None:
    Exercise = apps.get_model("exercises", "Exercise")
    Exercise._default_manager.filter(slug__in=[entry["slug"] for entry in EXERCISES]).delete()
