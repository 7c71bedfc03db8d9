"""The red-flag questions of shared/docs/clinical.md §2.1 (revised after review), in the
project's own plain words, as code: loaded by the data migration, by `seed_demo` and by
the tests' `questions` fixture. Admins can change them in the Django admin; they are the
project's proposal and need the clinic's clinical sign-off either way.

Each episodic question asks about something new or changed, and on later checks about
what happened "since your last check"; none assumes a symptom or uses a double negative.
The English texts are the message ids of their Spanish translations (locale/es)."""

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _  # marks the texts for translation


@dataclass(frozen=True)
class Question:
    key: str
    tier: str  # emergency, urgent, history or review (safety.models.Tier)
    when: str  # every, once or after_two_weeks (safety.models.AskedWhen)
    short_name: str  # names the answer in the clinician's alert title
    text: str  # the first check
    recheck_text: str = ""  # later checks; empty: `text` every time


QUESTIONS = [
    # 1 to 5, emergency: possible cauda equina syndrome. Every check.
    Question(
        "saddle-numbness",
        "emergency",
        "every",
        _("numbness between the legs"),
        _(
            "Do you have new numbness or tingling between your legs, around your bottom or "
            "genitals, or a strange feeling when you wipe?"
        ),
        _(
            "Since your last check, have you had new numbness or tingling between your legs, "
            "around your bottom or genitals, or a strange feeling when you wipe?"
        ),
    ),
    Question(
        "bladder",
        "emergency",
        "every",
        _("bladder symptoms"),
        _(
            "Do you have new trouble starting or stopping when you pass urine, trouble telling "
            "when your bladder is full, or new leaking? Leaking you have had for years does "
            "not count."
        ),
        _(
            "Since your last check, have you had new trouble starting or stopping when you "
            "pass urine, trouble telling when your bladder is full, or new leaking? Leaking "
            "you have had for years does not count."
        ),
    ),
    Question(
        "bowel",
        "emergency",
        "every",
        _("bowel control"),
        _(
            "Have you newly lost control of your bowels, or lost the feeling when you pass a "
            "motion?"
        ),
        _(
            "Since your last check, have you lost control of your bowels, or lost the feeling "
            "when you pass a motion?"
        ),
    ),
    Question(
        "sexual-function",
        "emergency",
        "every",
        _("genital numbness or sexual problems"),
        _(
            "Since your back pain began, have you had new numbness in your genitals or new "
            "problems with sexual function?"
        ),
        _(
            "Since your last check, have you had new numbness in your genitals or new "
            "problems with sexual function?"
        ),
    ),
    Question(
        "both-legs",
        "emergency",
        "every",
        _("both legs weak or numb"),
        _("Are both of your legs weak or numb, or has the way you walk suddenly changed?"),
        _(
            "Since your last check, have both of your legs become weak or numb, or has the "
            "way you walk suddenly changed?"
        ),
    ),
    # 6 to 8, urgent: see a doctor today. Every check.
    Question(
        "leg-weakness",
        "urgent",
        "every",
        _("leg or foot weakness"),
        _(
            "Is a leg or foot weak in a way that is new or getting worse? For example, your "
            "foot catches on the ground or slaps down when you walk."
        ),
        _(
            "Since your last check, has a leg or foot become weak, or has the weakness got "
            "worse? For example, your foot catches on the ground or slaps down when you walk."
        ),
    ),
    Question(
        "fever",
        "urgent",
        "every",
        _("fever or chills"),
        _("Do you have a fever, chills or shivering fits at the same time as back pain?"),
        _(
            "Since your last check, have you had a fever, chills or shivering fits at the same "
            "time as back pain?"
        ),
    ),
    Question(
        "fall",
        "urgent",
        "every",
        _("fall or accident"),
        _(
            "Have you recently had a fall or an accident, or a small knock if you have thin "
            "bones or take steroid tablets?"
        ),
        _(
            "Since your last check, have you had a fall or an accident, or a small knock if "
            "you have thin bones or take steroid tablets?"
        ),
    ),
    # 9 and 10, history: shown to the clinician, pause nothing on their own. Asked at the
    # start and when the patient says something changed.
    Question("cancer", "history", "once", _("cancer in the past"), _("Have you ever had cancer?")),
    Question(
        "immune",
        "history",
        "once",
        _("weak immune system or injecting drugs"),
        _(
            "Do you have a weakened immune system (from an illness or from medicines), or do "
            "you inject drugs?"
        ),
    ),
    # 11 to 13, review: progression pauses until the clinician has looked.
    Question(
        "weight-loss",
        "review",
        "every",
        _("weight loss without trying"),
        _("Have you lost weight recently without trying?"),
        _("Since your last check, have you lost weight without trying?"),
    ),
    Question(
        "night-pain",
        "review",
        "every",
        _("pain all night"),
        _("Do you have pain all through the night, whatever position you lie in?"),
        _(
            "Since your last check, have you had pain all through the night, whatever "
            "position you lie in?"
        ),
    ),
    Question(
        "no-better",
        "review",
        "after_two_weeks",
        _("no better after 2 weeks"),
        _(
            "Is your back the same as or worse than two weeks ago, even though you have been "
            "doing the exercises?"
        ),
    ),
]


def load(apps) -> None:
    """Create or update the shipped questions; `apps` is a migration's registry or
    django.apps.apps. Safe to repeat."""
    ScreeningQuestion = apps.get_model("safety", "ScreeningQuestion")
    for order, q in enumerate(QUESTIONS):
        ScreeningQuestion.objects.update_or_create(
            key=q.key,
            defaults={
                "tier": q.tier,
                "when": q.when,
                "short_name": q.short_name,
                "text": q.text,
                "recheck_text": q.recheck_text,
                "order": order,
                "active": True,
            },
        )


def unload(apps) -> None:
    apps.get_model("safety", "ScreeningQuestion").objects.filter(
        key__in=[q.key for q in QUESTIONS]
    ).delete()
