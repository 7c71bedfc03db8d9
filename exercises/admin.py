from django import forms
from django.contrib import admin, messages
from django.contrib.staticfiles import finders
from django.db import transaction
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from exercises.images import process_upload
from exercises.models import REQUIRED_SPANISH, Equipment, Exercise, SpanishStatus
from exercises.sources import SOURCES_HELP, validate_sources
from hipmob.adminkit import CHECKBOXES


def clean_drawing_path(path: str, folder: str, example: str) -> str:
    """A path to one of the project's own SVG drawings under static/`folder`."""
    path = path.strip()
    if path and (
        not path.startswith(folder)
        or not path.endswith(".svg")
        or ".." in path
        or not finders.find(path)
    ):
        raise forms.ValidationError(
            _(
                "There is no drawing at “%(path)s”. Use the name of a file in "
                "static/%(folder)s, such as %(example)s."
            ),
            params={"path": path, "folder": folder, "example": folder + example},
        )
    return path


def clean_cue_lines(cues: str, required: bool) -> str:
    count = len([line for line in cues.splitlines() if line.strip()])
    if (required or count) and not 3 <= count <= 6:
        raise forms.ValidationError(
            _("Write 3 to 6 cues, one per line (there are %(count)s)."),
            params={"count": count},
        )
    return cues


def both(field: str) -> tuple[str, str]:
    """A translated field's English and Spanish columns, side by side on one row."""
    return (f"{field}_en", f"{field}_es")


class ExerciseAdminForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP. It is checked, turned the right way up, resized "
            "and saved anew without its hidden data (such as location). "
            "Without a photo, the project's own drawing is shown."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(
        label=_("Remove the current photo"),
        required=False,
    )
    spanish_checked = forms.BooleanField(
        label=_("The Spanish matches this English"),
        required=False,
        help_text=_(
            "Tick when you have checked every Spanish field against the English on this "
            "page. If the English changes later, the exercise shows “Spanish needs "
            "review” until someone ticks this again."
        ),
    )

    class Meta:
        model = Exercise
        # The translated fields by column (exercises/translation.py): the English is
        # required as before, the Spanish may wait (pages show the English meanwhile).
        fields = (
            *both("name"),
            "slug",
            "published",
            "kind",
            "level",
            *both("summary"),
            *both("target"),
            *both("start_position"),
            *both("cues"),
            *both("mistakes"),
            "equipment",
            "sets",
            "reps",
            "hold_seconds",
            "rest_seconds",
            "per_side",
            "transition_seconds",
            "easier",
            "harder",
            *both("easier_tip"),
            *both("harder_tip"),
            *both("cautions"),
            "sources",
            "illustration",
            "illustration_start",
            *both("illustration_alt"),
        )
        help_texts = {"sources": SOURCES_HELP}

    def clean_illustration(self):
        return clean_drawing_path(
            self.cleaned_data["illustration"], "img/exercises/", "glute-bridge.svg"
        )

    def clean_illustration_start(self):
        return clean_drawing_path(
            self.cleaned_data["illustration_start"], "img/exercises/", "glute-bridge-start.svg"
        )

    def clean_cues_en(self):
        return clean_cue_lines(self.cleaned_data["cues_en"] or "", required=True)

    def clean_cues_es(self):
        # Empty until translated; once written, the same 3 to 6 as the English.
        return clean_cue_lines(self.cleaned_data["cues_es"] or "", required=False)

    def clean_sources(self):
        sources = self.cleaned_data["sources"]
        validate_sources(sources)
        return sources

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        self.renditions = process_upload(upload) if upload else None
        return upload

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An easier or harder version is shown to every patient who has the exercise,
        # so it comes from the shared catalogue, or from the same clinic's own ones
        # (the admin sees across clinics: Exercise.unscoped).
        clinic_id = self.instance.clinic_id if self.instance.pk else None
        choices = Exercise.unscoped.filter(Q(clinic__isnull=True) | Q(clinic_id=clinic_id))
        for name in ("easier", "harder"):
            if name in self.fields:
                self.fields[name].queryset = choices

    def clean(self):
        cleaned = super().clean()
        reps, hold = cleaned.get("reps"), cleaned.get("hold_seconds")
        if (
            not reps
            and not hold
            and "reps" not in self.errors
            and "hold_seconds" not in self.errors
        ):
            self.add_error("reps", _("Give reps, a hold time, or both (a hold on each rep)."))
        instance_id = self.instance.pk
        for field in ("easier", "harder"):
            variant = cleaned.get(field)
            if instance_id and variant and variant.pk == instance_id:
                self.add_error(field, _("An exercise can't be its own variant."))
        if cleaned.get("spanish_checked"):
            empty = [
                field
                for field in REQUIRED_SPANISH
                if f"{field}_es" not in self.errors
                and not (cleaned.get(f"{field}_es") or "").strip()
            ]
            if empty:
                names = ", ".join(
                    str(Exercise._meta.get_field(f"{f}_es").verbose_name) for f in empty
                )
                self.add_error(
                    "spanish_checked",
                    _("Write the Spanish first: %(fields)s.") % {"fields": names},
                )
        return cleaned


class SpanishStatusFilter(admin.SimpleListFilter):
    title = _("Spanish")
    parameter_name = "spanish"

    def lookups(self, request, model_admin):
        return SpanishStatus.choices

    def queryset(self, request, queryset):
        if self.value() not in SpanishStatus.values:
            return queryset
        # The status compares a hash of the English made in Python, so it is worked out
        # row by row: one query over the catalogue (a few dozen exercises).
        wanted = [e.pk for e in queryset if e.spanish_status == self.value()]
        return queryset.filter(pk__in=wanted)


NEEDS_REVIEW_MESSAGE = _(
    "The Spanish needs review: the English has changed since the Spanish was last "
    "checked. Bring each Spanish field in line with the English, then tick “The Spanish "
    "matches this English” and save."
)
MISSING_MESSAGE = _(
    "Some of the Spanish is still empty, so Spanish pages show this exercise partly in English."
)


@admin.register(Equipment)
class EquipmentAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_es", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Exercise)
class ExerciseAdmin(TranslationAdmin):
    """The Spanish fields sit beside the English ones (modeltranslation's admin, with
    the fieldsets naming both columns of each row)."""

    form = ExerciseAdminForm
    list_display = (
        "preview_small",
        "name",
        "kind",
        "level",
        "dose",
        "published",
        "spanish",
        "updated",
    )
    list_display_links = ("name",)
    list_filter = ("published", SpanishStatusFilter, "kind", "level", "equipment", "per_side")
    search_fields = (
        *both("name"),
        "slug",
        *both("summary"),
        *both("target"),
        *both("cues"),
    )
    list_select_related = ("easier", "harder")
    prepopulated_fields = {"slug": ("name",)}
    # Plain selects and checkboxes, not Django's autocomplete (Select2) and two-box
    # widgets: those add inline styles our CSP blocks, and fail axe (unnamed inputs,
    # aria-label on a span). A catalogue of a few dozen exercises needs neither.
    formfield_overrides = CHECKBOXES
    readonly_fields = ("preview", "spanish_status_text", "created", "updated")
    actions = ("publish", "unpublish")
    save_on_top = True
    fieldsets = (
        (
            None,
            {
                "description": _(
                    "English on the left, Spanish on the right. Spanish pages show the "
                    "English wherever the Spanish is empty."
                ),
                "fields": (
                    both("name"),
                    "slug",
                    "published",
                    "kind",
                    "level",
                    both("summary"),
                    both("target"),
                ),
            },
        ),
        (
            _("How to do it"),
            {
                "fields": (
                    both("start_position"),
                    both("cues"),
                    both("mistakes"),
                    "equipment",
                )
            },
        ),
        (
            _("Default dose"),
            {
                "description": _(
                    "A beginner's starting point. Clinicians adjust it per "
                    "patient. Give reps, a hold time, or both (a hold on each rep)."
                ),
                "fields": (
                    ("sets", "reps", "hold_seconds"),
                    ("rest_seconds", "per_side"),
                    "transition_seconds",
                ),
            },
        ),
        (
            _("Variants"),
            {"fields": (("easier", "harder"), both("easier_tip"), both("harder_tip"))},
        ),
        (_("Safety and sources"), {"fields": (both("cautions"), "sources")}),
        (
            _("Picture"),
            {
                "fields": (
                    "preview",
                    "illustration",
                    "illustration_start",
                    both("illustration_alt"),
                    "upload",
                    "remove_photo",
                )
            },
        ),
        (_("Spanish"), {"fields": ("spanish_status_text", "spanish_checked")}),
        (_("History"), {"classes": ("collapse",), "fields": ("created", "updated")}),
    )

    @admin.display(description=_("Picture"))
    def preview(self, obj: Exercise):
        if not obj.picture_url:
            return _("No picture yet.")
        return format_html(
            '<img src="{}" alt="{}" width="320" class="exercise-preview">',
            obj.picture_url,
            obj.illustration_alt,
        )

    @admin.display(description=_("Spanish"))
    def spanish(self, obj: Exercise) -> str:
        return obj.spanish_status.label

    @admin.display(description=_("Spanish status"))
    def spanish_status_text(self, obj: Exercise | None) -> str:
        return obj.spanish_status.label if obj and obj.pk else SpanishStatus.MISSING.label

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and request.method == "GET":
            if obj.spanish_status == SpanishStatus.NEEDS_REVIEW:
                messages.warning(request, NEEDS_REVIEW_MESSAGE)
            elif obj.spanish_status == SpanishStatus.MISSING:
                messages.info(request, MISSING_MESSAGE)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("Picture"))
    def preview_small(self, obj: Exercise):
        if not obj.thumbnail_url:
            return ""
        return format_html('<img src="{}" alt="" width="64" height="40">', obj.thumbnail_url)

    def save_model(self, request, obj: Exercise, form, change):
        renditions = getattr(form, "renditions", None)
        old_files = [f.name for f in (obj.image, obj.thumbnail) if f]
        replace = renditions is not None or form.cleaned_data.get("remove_photo")
        with transaction.atomic():
            if renditions is not None:
                obj.image.save(renditions.display.name, renditions.display, save=False)
                obj.thumbnail.save(renditions.thumbnail.name, renditions.thumbnail, save=False)
            elif form.cleaned_data.get("remove_photo"):
                obj.image = obj.thumbnail = ""
            if form.cleaned_data.get("spanish_checked"):
                obj.spanish_checked_against = obj.english_fingerprint
            super().save_model(request, obj, form, change)
        if obj.spanish_status == SpanishStatus.NEEDS_REVIEW:
            messages.warning(request, NEEDS_REVIEW_MESSAGE)
        if replace:
            # Only once the new row is committed: a rollback must not leave it
            # pointing at deleted files.
            storage = Exercise._meta.get_field("image").storage
            transaction.on_commit(lambda: [storage.delete(name) for name in old_files])

    @admin.action(description=_("Publish the selected exercises"))
    def publish(self, request, queryset):
        count = queryset.update(published=True)  # the patients' pages follow (triggers)
        self.message_user(
            request,
            ngettext("%d exercise published.", "%d exercises published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Move the selected exercises back to draft"))
    def unpublish(self, request, queryset):
        count = queryset.update(published=False)
        self.message_user(
            request,
            ngettext("%d exercise moved to draft.", "%d exercises moved to draft.", count) % count,
            messages.SUCCESS,
        )
