"""Learn: short reads that explain the why behind the exercises.

A read is written in the site's default language (English) on the Read itself; other
languages come as ReadTranslation rows. Pages ask for reads `localized()` to the
active language: the translation is joined in the same query, and a read without one
falls back to English (and says so with a lang attribute)."""

import math

from django.conf import settings
from django.db import models
from django.db.models import F, FilteredRelation, Q
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from exercises.models import Exercise, static_url
from exercises.sources import Source, parse_sources
from learn import markup

WORDS_PER_MINUTE = 180  # unhurried reading on a phone


def other_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class ReadQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def attached_to(self, routine):
        return self.filter(routine_links__routine=routine)

    def localized(self, language: str | None = None):
        """Each read with its text in `language` (default: the active one) where a
        translation exists: a LEFT JOIN in the same query, never a query per read."""
        language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if language == settings.LANGUAGE_CODE:
            return self
        return self.annotate(
            tr=FilteredRelation("translations", condition=Q(translations__language=language)),
            tr_language=F("tr__language"),
            tr_title=F("tr__title"),
            tr_summary=F("tr__summary"),
            tr_body_html=F("tr__body_html"),
            tr_body_words=F("tr__body_words"),
            tr_illustration_alt=F("tr__illustration_alt"),
        )


class ReadText(models.Model):
    """The words of a read, in one language: the read itself, or a translation."""

    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"), max_length=240, help_text=_("One plain sentence shown in the list.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Markdown: a blank line between paragraphs, ## for a heading, - for a list, "
            "**bold**, [words](address) for a link. HTML is cleaned: only simple "
            "formatting and links survive. Aim for 150 to 300 words."
        ),
    )
    # The body as sanitised HTML, made on every save (and cleaned again when shown).
    body_html = models.TextField(editable=False, default="")
    body_words = models.PositiveIntegerField(editable=False, default=0)
    illustration_alt = models.CharField(
        _("picture description"),
        max_length=300,
        help_text=_("What the drawing shows, for people who can't see it."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.body_html = markup.render(self.body)
        self.body_words = markup.word_count(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "body_words"}
        super().save(*args, **kwargs)


class Read(ReadText):
    slug = models.SlugField(unique=True, help_text=_("Used in the address of the page."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=False)
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("One per line: “Label — address”.")
    )
    illustration = models.CharField(
        _("illustration"),
        max_length=200,
        blank=True,
        help_text=_(
            "Path of the project's own drawing under static/, e.g. img/learn/why-hips.svg."
        ),
    )
    exercises = models.ManyToManyField(
        Exercise,
        blank=True,
        related_name="reads",
        verbose_name=_("exercises"),
        help_text=_("Each of these exercises' pages links to this read."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ReadQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        indexes = [
            # The Learn list: published reads in order.
            models.Index(fields=["published", "order"], name="read_list_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learn:read", args=[self.slug])

    def _localized(self, field: str):
        """The translation's value when `localized()` found one, else the read's own."""
        value = getattr(self, f"tr_{field}", None)
        return value if getattr(self, "tr_language", None) else getattr(self, field)

    @property
    def shown_title(self) -> str:
        return self._localized("title")

    @property
    def shown_summary(self) -> str:
        return self._localized("summary")

    @property
    def shown_alt(self) -> str:
        return self._localized("illustration_alt")

    @property
    def shown_html(self) -> str:
        """With the installation's emergency number (hipmob/contact.py)."""
        return self.html_for(None)

    def html_for(self, details) -> str:
        """With this reader's clinic's emergency number and wording (`details`, a
        hipmob.contact.Contact; None: the installation's). Sanitised when saved, and
        again here: a row written past save() (a bulk update, a restore) still can't
        carry script into the page."""
        html = markup.with_contact(markup.sanitise(self._localized("body_html")), details)
        return mark_safe(html)  # noqa: S308  # nosec B308 B703

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self._localized("body_words") / WORDS_PER_MINUTE))

    @property
    def fallback_language(self) -> str:
        """The lang attribute for text shown in English on a page in another language
        (empty when the text is in the page's language)."""
        wanted = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if wanted == settings.LANGUAGE_CODE or getattr(self, "tr_language", None):
            return ""
        return settings.LANGUAGE_CODE

    @property
    def picture_url(self) -> str:
        return static_url(self.illustration)

    @property
    def source_list(self) -> list[Source]:
        return parse_sources(self.sources)


class ReadTranslation(ReadText):
    read = models.ForeignKey(Read, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=other_languages)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["read", "language"], name="readtranslation_one_per_lang"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.read} ({self.language})"


class RoutineRead(models.Model):
    """A read a clinician attached to a template or a patient's plan. Like the items,
    they are copied when a template is assigned and when a plan is copied to edit."""

    routine = models.ForeignKey(
        "routines.Routine", on_delete=models.CASCADE, related_name="read_links"
    )
    read = models.ForeignKey(Read, on_delete=models.CASCADE, related_name="routine_links")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # Attaching twice (a double click, a retried request) attaches once.
            models.UniqueConstraint(fields=["routine", "read"], name="routineread_once"),
        ]

    def __str__(self) -> str:
        return f"{self.read} in {self.routine}"

    @classmethod
    def copy(cls, source, target, by) -> None:
        """With a template assigned, or a plan copied to edit: two queries."""
        cls.objects.bulk_create(
            [
                cls(routine=target, read_id=link.read_id, added_by=by)
                for link in source.read_links.all()
            ],
            ignore_conflicts=True,
        )
