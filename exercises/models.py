import hashlib
import json
import logging
from collections.abc import Mapping

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language

from exercises.dose import dose_kind, dose_text, estimated_seconds, hold_text
from exercises.sources import Source, parse_sources
from hipmob import links
from hipmob.links import address
from organisations.scoping import SHARED_CATALOGUE, catalogue_scoped

logger = logging.getLogger(__name__)

# Dose limits shared by the catalogue and by every plan item (routines.RoutineItem):
# wide enough for any real prescription, narrow enough to catch a typo like 10,000 reps.
SETS = (1, 10)
REPS = (1, 50)
HOLD_SECONDS = (1, 300)
REST_SECONDS = (0, 600)
TRANSITION_SECONDS = (3, 60)


def static_url(path: str) -> str:
    """The address of a drawing under static/, or "" for none. Production's manifest
    storage raises for a file it doesn't know; one bad path must not take a whole list
    of pages down (the admin forms refuse it). Remembered per process (hipmob/links.py)."""
    if not path:
        return ""
    try:
        return links.static_url(path)
    except ValueError:
        logger.error("No static file for illustration %r", path)
        return ""


# The text a patient reads, written in English and translated: exercises/translation.py
# gives each a column per language beside it (name_en, name_es, ...), and `exercise.name`
# reads the active language's, else the English.
TRANSLATED_FIELDS = (
    "name",
    "summary",
    "target",
    "start_position",
    "cues",
    "mistakes",
    "easier_tip",
    "harder_tip",
    "cautions",
    "illustration_alt",
)
# Without these in Spanish, a Spanish page about the exercise is mostly English.
REQUIRED_SPANISH = ("name", "summary", "start_position", "cues", "illustration_alt")


def english_fingerprint(english: Mapping[str, str]) -> str:
    """A short hash of an exercise's English text (`english`: each of TRANSLATED_FIELDS'
    English value), stored when the Spanish is checked against it: a later change to
    the English shows as a different hash. Line endings and spaces at the ends of lines
    don't count (the admin's text boxes send CRLF)."""
    texts = [
        "\n".join(line.rstrip() for line in (english[field] or "").splitlines()).strip()
        for field in TRANSLATED_FIELDS
    ]
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:16]


def text_languages(obj, fields) -> dict[str, str]:
    """{field: "en"} for each field shown in English on a page in another language (the
    translation is empty), else {field: ""}: templates mark that text lang="en" so a
    screen reader pronounces it right. Reads the loaded columns only, no queries."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return dict.fromkeys(fields, "")
    return {
        field: ""
        if getattr(obj, f"{field}_{language}", "")
        or not getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", "")
        else settings.LANGUAGE_CODE
        for field in fields
    }


def shown_text(path: str):
    """A translated field as pages show it, for values() and annotations through other
    models (which modeltranslation doesn't rewrite), e.g. shown_text("exercise__name"):
    the active language's column, else the English one."""
    language = get_language()
    english = F(f"{path}_{settings.LANGUAGE_CODE}")
    if language == settings.LANGUAGE_CODE:
        return english
    # Each translation column has its own field class: name the output type.
    return Coalesce(
        NullIf(F(f"{path}_{language}"), Value("")), english, output_field=models.TextField()
    )


class SpanishStatus(models.TextChoices):
    MISSING = "missing", _("Spanish missing")
    NEEDS_REVIEW = "needs_review", _("Spanish needs review")
    OK = "ok", _("Spanish checked")


def bounded(low: int, high: int) -> list:
    return [MinValueValidator(low), MaxValueValidator(high)]


class Dose(models.Model):
    """Sets, reps and/or a hold (a hold on each rep when both), rest and sides: the
    catalogue's default dose and every plan item's prescribed dose, with the same
    limits in forms and in the database."""

    sets = models.PositiveSmallIntegerField(_("sets"), default=2, validators=bounded(*SETS))
    reps = models.PositiveSmallIntegerField(
        _("reps"),
        null=True,
        blank=True,
        validators=bounded(*REPS),
        help_text=_("Leave empty for an exercise that is only held."),
    )
    hold_seconds = models.PositiveSmallIntegerField(
        _("hold (seconds)"),
        null=True,
        blank=True,
        validators=bounded(*HOLD_SECONDS),
        help_text=_("Leave empty for reps without a hold; with reps, the hold of each rep."),
    )
    rest_seconds = models.PositiveSmallIntegerField(
        _("rest between sets (seconds)"), default=30, validators=bounded(*REST_SECONDS)
    )
    per_side = models.BooleanField(_("each side"), default=False)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(sets__gte=SETS[0], sets__lte=SETS[1]), name="%(class)s_sets_range"
            ),
            # Reps, a hold, or reps with a hold on each (10 x 5 s); never neither.
            models.CheckConstraint(
                condition=Q(reps__isnull=False) | Q(hold_seconds__isnull=False),
                name="%(class)s_reps_or_hold",
            ),
            models.CheckConstraint(
                condition=Q(reps__isnull=True) | Q(reps__gte=REPS[0], reps__lte=REPS[1]),
                name="%(class)s_reps_range",
            ),
            models.CheckConstraint(
                condition=Q(hold_seconds__isnull=True)
                | Q(hold_seconds__gte=HOLD_SECONDS[0], hold_seconds__lte=HOLD_SECONDS[1]),
                name="%(class)s_hold_range",
            ),
            models.CheckConstraint(
                condition=Q(rest_seconds__gte=REST_SECONDS[0], rest_seconds__lte=REST_SECONDS[1]),
                name="%(class)s_rest_range",
            ),
        ]

    @property
    def dose(self) -> str:
        return dose_text(self.sets, self.reps, self.hold_seconds, self.per_side)

    @property
    def hold_text(self) -> str:
        return hold_text(self.hold_seconds) if self.hold_seconds else ""

    @property
    def dose_kind(self) -> str:
        return dose_kind(self.reps, self.hold_seconds)

    @property
    def estimated_seconds(self) -> int:
        return estimated_seconds(
            self.sets, self.reps, self.hold_seconds, self.rest_seconds, self.per_side
        )

    @property
    def estimated_minutes(self) -> int:
        return max(1, round(self.estimated_seconds / 60))


class Kind(models.TextChoices):
    STRETCH = "stretch", _("Stretch")
    STRENGTH = "strength", _("Strength")
    MOBILITY = "mobility", _("Mobility")
    CONTROL = "control", _("Core control")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Equipment(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("equipment")

    def __str__(self) -> str:
        return self.name

    @property
    def text_lang(self) -> dict[str, str]:
        return text_languages(self, ["name"])


class ExerciseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_cards(self):
        """Everything a card shows: one extra query for equipment, whatever the number
        of exercises."""
        return self.prefetch_related("equipment")

    def for_detail(self):
        """A detail page also shows the easier and harder versions (joined)."""
        return self.select_related("easier", "harder").prefetch_related("equipment")


class Exercise(Dose):
    slug = models.SlugField(unique=True, help_text=_("Used in the address of the page."))
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER
    )
    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One plain sentence: what it does for you.")
    )
    target = models.CharField(_("what it works"), max_length=200)
    start_position = models.TextField(_("starting position"))
    cues = models.TextField(_("how to do it"), help_text=_("One cue per line, 3 to 6 lines."))
    mistakes = models.TextField(_("common mistakes"), blank=True, help_text=_("One per line."))
    equipment = models.ManyToManyField(Equipment, blank=True, related_name="exercises")

    # The dose fields (Dose) hold a beginner's starting point that a clinician adjusts.
    transition_seconds = models.PositiveSmallIntegerField(
        _("time to get into position (seconds)"),
        default=10,
        validators=bounded(*TRANSITION_SECONDS),
        help_text=_(
            "Given before the first set and before each side: enough to kneel, lie down or "
            "roll over (10 s or more for kneeling and floor changes)."
        ),
    )

    easier = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="harder_of",
        verbose_name=_("easier version"),
    )
    harder = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="easier_of",
        verbose_name=_("harder version"),
    )
    easier_tip = models.TextField(_("how to make it easier"), blank=True)
    harder_tip = models.TextField(_("how to make it harder"), blank=True)
    cautions = models.TextField(_("cautions"), blank=True, help_text=_("One per line."))
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("One per line: “Label — address”.")
    )

    illustration = models.CharField(
        _("illustration"),
        max_length=200,
        blank=True,
        help_text=_(
            "Path of the project's own drawing under static/, e.g. img/exercises/glute-bridge.svg."
        ),
    )
    illustration_start = models.CharField(
        _("illustration, start position"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional drawing of the start position, in the same style as the illustration "
            "(which shows the end position). With both, pages show them as a gentle loop."
        ),
    )
    illustration_alt = models.CharField(
        _("picture description"),
        max_length=300,
        help_text=_("Describes the movement for people who can't see the picture."),
    )
    # Optional uploaded photo: only the re-encoded renditions are ever stored
    # (exercises/images.py), under generated names.
    image = models.ImageField(upload_to="exercises/", blank=True, editable=False)
    thumbnail = models.ImageField(upload_to="exercises/", blank=True, editable=False)

    published = models.BooleanField(_("published"), default=False)
    # Empty for the shared catalogue; a clinic's own exercise otherwise, seen by that
    # clinic only. The key is what the scoping layer filters on (organisations/scoping.py).
    clinic = models.ForeignKey(
        "organisations.Clinic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_exercises",
        verbose_name=_("clinic's own"),
    )
    catalogue_key = models.GeneratedField(
        expression=Coalesce(F("clinic"), Value(SHARED_CATALOGUE)),
        output_field=models.BigIntegerField(),
        db_persist=True,
    )
    # english_fingerprint() of the English when an editor last confirmed the Spanish
    # says the same ("" for never): the admin sets it, and the shipped catalogue.
    spanish_checked_against = models.CharField(
        _("Spanish checked against"), max_length=16, blank=True, editable=False
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = catalogue_scoped(models.Manager.from_queryset(ExerciseQuerySet))
    unscoped = ExerciseQuerySet.as_manager()

    class Meta:
        default_manager_name = "unscoped"
        ordering = ["name"]
        constraints = [
            *Dose.Meta.constraints,
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="exercise_kind_valid"),
            models.CheckConstraint(
                condition=Q(level__in=Level.values), name="exercise_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(
                    transition_seconds__gte=TRANSITION_SECONDS[0],
                    transition_seconds__lte=TRANSITION_SECONDS[1],
                ),
                name="exercise_transition_range",
            ),
            models.CheckConstraint(
                condition=~Q(easier=models.F("id")) & ~Q(harder=models.F("id")),
                name="exercise_variant_not_self",
            ),
        ]
        indexes = [
            # The library list: published exercises filtered by kind and level.
            models.Index(fields=["published", "kind", "level"], name="exercise_library_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return address("exercises:detail", self.slug)

    @property
    def english(self) -> dict[str, str]:
        return {
            field: getattr(self, f"{field}_{settings.LANGUAGE_CODE}") for field in TRANSLATED_FIELDS
        }

    @property
    def english_fingerprint(self) -> str:
        return english_fingerprint(self.english)

    @property
    def spanish_status(self) -> SpanishStatus:
        """Missing (a required field has no Spanish), needs review (the English changed
        since the Spanish was checked against it), or ok."""
        if not all((getattr(self, f"{field}_es") or "").strip() for field in REQUIRED_SPANISH):
            return SpanishStatus.MISSING
        if self.spanish_checked_against != self.english_fingerprint:
            return SpanishStatus.NEEDS_REVIEW
        return SpanishStatus.OK

    @property
    def text_lang(self) -> dict[str, str]:
        """For each translated field, "en" when it is shown in English on a page in
        another language (no translation yet), else "": text_languages()."""
        return text_languages(self, TRANSLATED_FIELDS)

    @property
    def name_lang(self) -> str:
        """text_lang's "name" alone: reads only the name's columns, so a list that
        loads an exercise's name and nothing more of its texts can mark it."""
        return text_languages(self, ["name"])["name"]

    @property
    def cue_list(self) -> list[str]:
        return [line.strip() for line in self.cues.splitlines() if line.strip()]

    @property
    def mistake_list(self) -> list[str]:
        return [line.strip() for line in self.mistakes.splitlines() if line.strip()]

    @property
    def caution_list(self) -> list[str]:
        return [line.strip() for line in self.cautions.splitlines() if line.strip()]

    @property
    def source_list(self) -> list[Source]:
        return parse_sources(self.sources)

    @property
    def picture_url(self) -> str:
        """The uploaded photo when there is one, else the project's own drawing."""
        if self.image:
            return self.image.url
        return static_url(self.illustration)

    @property
    def start_picture_url(self) -> str:
        """The start-position drawing, shown with picture_url as a two-pose loop; "" when
        there is none or an uploaded photo replaces the drawings."""
        if self.image:
            return ""
        return static_url(self.illustration_start)

    @property
    def thumbnail_url(self) -> str:
        if self.thumbnail:
            return self.thumbnail.url
        return self.picture_url
