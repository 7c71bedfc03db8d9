"""The shipped reads (learn/content.py); they link exercises of the catalogue."""

from django.db import migrations

from learn.content import load, unload


def forwards(apps, schema_editor):
    load(apps)


def backwards(apps, schema_editor):
    unload(apps)


class Migration(migrations.Migration):
    dependencies = [("learn", "0001_initial"), ("exercises", "0002_catalogue")]

    operations = [migrations.RunPython(forwards, backwards)]
