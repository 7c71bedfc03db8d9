"""The shipped catalogue (exercises/catalogue.py)."""

from django.db import migrations

from exercises.catalogue import load, unload


def forwards(apps, schema_editor):
    load(apps)


def backwards(apps, schema_editor):
    unload(apps)


class Migration(migrations.Migration):
    dependencies = [("exercises", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
