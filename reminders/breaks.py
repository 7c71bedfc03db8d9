"""Sitting breaks: two one-minute moves from the catalogue, in their standing or
desk-side versions (clinical.md: the standing split-stance hip flexor stretch, and the
squat holding a support at a depth that stays comfortable)."""

from django.utils.translation import gettext_lazy as _

from exercises.models import Exercise

BREAKS = [
    (
        "hip-flexor-stretch",
        _(
            "Stand with one foot a step behind the other, holding your chair or desk. "
            "Tuck your tailbone under until you feel a gentle stretch at the front of the "
            "back hip. Hold for 20 seconds, then swap sides."
        ),
    ),
    (
        "deep-squat",
        _(
            "Hold the edge of your desk. Sit your hips back and down only as far as is "
            "comfortable, heels on the floor, then squeeze your buttocks to stand tall. "
            "About 8 times."
        ),
    ),
]


def sitting_breaks() -> list[dict]:
    """The two breaks, each with its catalogue exercise when it is published (one
    query). A missing exercise leaves the words without a link."""
    exercises = Exercise.objects.published().in_bulk(
        [slug for slug, _text in BREAKS], field_name="slug"
    )
    return [{"exercise": exercises.get(slug), "how": how} for slug, how in BREAKS]
