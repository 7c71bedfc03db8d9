"""Ship the first eight reads, in English and Spanish, with the project's own drawings
and links to the exercises they explain. Content in _reads_v1.py beside this file."""

from django.db import migrations

from learn.markup import render, word_count
from learn.migrations._reads_v1 import READS


def _text(entry: dict) -> dict:
    return {
        "title": entry["title"],
        "summary": entry["summary"],
        "body": entry["body"],
        # Historical models have no save() of their own: render here as Read.save does.
        "body_html": render(entry["body"]),
        "body_words": word_count(entry["body"]),
        "illustration_alt": entry["alt"],
    }


def load_reads(apps, schema_editor):
    Read = apps.get_model("learn", "Read")
    ReadTranslation = apps.get_model("learn", "ReadTranslation")
    Exercise = apps.get_model("exercises", "Exercise")
    for order, entry in enumerate(READS):
        read, _ = Read.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                **_text(entry["en"]),
                "order": order,
                "published": True,
                "sources": entry["sources"],
                "illustration": f"img/learn/{entry['slug']}.svg",
            },
        )
        ReadTranslation.objects.update_or_create(
            read=read, language="es", defaults=_text(entry["es"])
        )
        read.exercises.set(Exercise.objects.filter(slug__in=entry["exercises"]))


def remove_reads(apps, schema_editor):
    apps.get_model("learn", "Read").objects.filter(slug__in=[r["slug"] for r in READS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learn", "0001_initial"),
        ("exercises", "0002_catalogue"),
    ]

    operations = [migrations.RunPython(load_reads, remove_reads)]
