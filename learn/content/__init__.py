from learn.content import (
    core_and_glutes,
    how_to_stretch,
    little_and_often,
    moving_and_lifting,
    sitting_breaks,
    soreness_or_warning_sign,
    what_the_evidence_shows,
    why_hips,
)
from learn.markup import render, word_count

"""The shipped reads, in English and Spanish, written for HipMob from the facts in
shared/docs/clinical.md and product.md. Content as code: loaded by the data migration,
by `seed_demo` and by the tests' `reads` fixture (all through `load`); admins may edit
the rows afterwards."""


# In the order Learn lists them.
READS = [
    why_hips.READ,
    what_the_evidence_shows.READ,
    soreness_or_warning_sign.READ,
    sitting_breaks.READ,
    moving_and_lifting.READ,
    little_and_often.READ,
    how_to_stretch.READ,
    core_and_glutes.READ,
]


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


def load(apps) -> None:
    """Create or update the shipped reads (after the catalogue: they link exercises).
    `apps` is a migration's registry or django.apps.apps; safe to repeat."""
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
        read.exercises.set(Exercise._default_manager.filter(slug__in=entry["exercises"]))


def unload(apps) -> None:
    apps.get_model("learn", "Read").objects.filter(slug__in=[r["slug"] for r in READS]).delete()
