"""Ship the first catalogue: 13 published exercises with the project's own drawings.

The content lives in _catalogue_v1.py beside this file (the underscore keeps the
migration loader away from it); it is frozen: later changes come as new migrations.
"""

from django.db import migrations

from exercises.migrations._catalogue_v1 import EQUIPMENT, EXERCISES

LINKS = ("easier", "harder")


def load_catalogue(apps, schema_editor):
    Equipment = apps.get_model("exercises", "Equipment")
    Exercise = apps.get_model("exercises", "Exercise")
    kit = {}
    for slug, name in EQUIPMENT:
        kit[slug], _ = Equipment.objects.get_or_create(slug=slug, defaults={"name": name})
    for entry in EXERCISES:
        fields = {
            key: value for key, value in entry.items() if key not in ("slug", "equipment", *LINKS)
        }
        fields["illustration"] = f"img/exercises/{entry['slug']}.svg"
        fields["published"] = True
        exercise, _ = Exercise.objects.update_or_create(slug=entry["slug"], defaults=fields)
        exercise.equipment.set([kit[slug] for slug in entry["equipment"]])
    by_slug = {e.slug: e for e in Exercise.objects.filter(slug__in=[x["slug"] for x in EXERCISES])}
    for entry in EXERCISES:
        exercise = by_slug[entry["slug"]]
        for link in LINKS:
            setattr(exercise, f"{link}_id", by_slug[entry[link]].pk if entry[link] else None)
        exercise.save(update_fields=list(LINKS))


def remove_catalogue(apps, schema_editor):
    Exercise = apps.get_model("exercises", "Exercise")
    Exercise.objects.filter(slug__in=[entry["slug"] for entry in EXERCISES]).delete()


class Migration(migrations.Migration):
    dependencies = [("exercises", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, remove_catalogue)]
