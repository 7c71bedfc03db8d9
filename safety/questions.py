"""The red-flag questions of shared/docs/clinical.md §2, in the project's own plain words,
as code: loaded by the data migration, by `seed_demo` and by the tests' `questions`
fixture. Admins can change them in the Django admin; they need the clinic's clinical
sign-off either way."""

from django.utils.translation import gettext_noop as _  # marks the texts for translation

QUESTIONS = [
    # Emergency: possible cauda equina syndrome.
    (
        "saddle-numbness",
        "emergency",
        _(
            "Is there any new numbness or tingling between your legs, around your bottom or "
            "genitals, or does it feel strange when you wipe?"
        ),
    ),
    (
        "bladder",
        "emergency",
        _(
            "Is it newly hard to start or stop passing urine, can you not tell when your bladder "
            "is full, or have you leaked?"
        ),
    ),
    (
        "bowel",
        "emergency",
        _("Have you lost control of your bowels, or can you not feel when you open them?"),
    ),
    (
        "both-legs",
        "emergency",
        _("Are both legs weak or numb, or has your walking suddenly changed?"),
    ),
    # Urgent: see a doctor today.
    ("leg-weakness", "urgent", _("Is weakness in a leg or foot getting worse?")),
    (
        "fever",
        "urgent",
        _(
            "Do you have a fever, chills or shivering, or feel generally unwell, as well as the "
            "back pain?"
        ),
    ),
    (
        "fall",
        "urgent",
        _(
            "Did the pain start after a fall or an accident, or after a small knock if you have "
            "thin bones or take steroid tablets?"
        ),
    ),
    # Review: carry on gently, the clinician reviews progress.
    ("cancer", "review", _("Have you ever had cancer?")),
    ("weight-loss", "review", _("Have you lost weight without trying?")),
    ("night-pain", "review", _("Is the pain there all night, whatever position you lie in?")),
    (
        "immune",
        "review",
        _("Is your immune system weakened (by illness or medicines), or do you inject drugs?"),
    ),
    ("no-better", "review", _("Has your back not improved at all in the last 2 weeks?")),
]


def load(apps) -> None:
    """Create or update the shipped questions; `apps` is a migration's registry or
    django.apps.apps. Safe to repeat."""
    ScreeningQuestion = apps.get_model("safety", "ScreeningQuestion")
    for order, (key, tier, text) in enumerate(QUESTIONS):
        ScreeningQuestion.objects.update_or_create(
            key=key, defaults={"tier": tier, "text": text, "order": order, "active": True}
        )


def unload(apps) -> None:
    apps.get_model("safety", "ScreeningQuestion").objects.filter(
        key__in=[key for key, _tier, _text in QUESTIONS]
    ).delete()
