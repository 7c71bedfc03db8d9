"""The shipped red-flag questions (safety/questions.py)."""

from django.db import migrations

from safety.questions import load, unload


def forwards(apps, schema_editor):
    load(apps)


def backwards(apps, schema_editor):
    unload(apps)


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
