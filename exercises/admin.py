from django import forms
from django.contrib import admin, messages
from django.contrib.staticfiles import finders
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from exercises.images import process_upload
from exercises.models import Equipment, Exercise
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

    class Meta:
        model = Exercise
        fields = (
            "name",
            "slug",
            "published",
            "kind",
            "level",
            "summary",
            "target",
            "start_position",
            "cues",
            "mistakes",
            "equipment",
            "sets",
            "reps",
            "hold_seconds",
            "rest_seconds",
            "per_side",
            "transition_seconds",
            "easier",
            "harder",
            "easier_tip",
            "harder_tip",
            "cautions",
            "sources",
            "illustration",
            "illustration_start",
            "illustration_alt",
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

    def clean_cues(self):
        cues = self.cleaned_data["cues"]
        count = len([line for line in cues.splitlines() if line.strip()])
        if not 3 <= count <= 6:
            raise forms.ValidationError(
                _("Write 3 to 6 cues, one per line (there are %(count)s)."),
                params={"count": count},
            )
        return cues

    def clean_sources(self):
        sources = self.cleaned_data["sources"]
        validate_sources(sources)
        return sources

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        self.renditions = process_upload(upload) if upload else None
        return upload

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
        return cleaned


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    form = ExerciseAdminForm
    list_display = ("preview_small", "name", "kind", "level", "dose", "published", "updated")
    list_display_links = ("name",)
    list_filter = ("published", "kind", "level", "equipment", "per_side")
    search_fields = ("name", "slug", "summary", "target", "cues")
    list_select_related = ("easier", "harder")
    prepopulated_fields = {"slug": ("name",)}
    # Plain selects and checkboxes, not Django's autocomplete (Select2) and two-box
    # widgets: those add inline styles our CSP blocks, and fail axe (unnamed inputs,
    # aria-label on a span). A catalogue of a few dozen exercises needs neither.
    formfield_overrides = CHECKBOXES
    readonly_fields = ("preview", "created", "updated")
    actions = ("publish", "unpublish")
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("name", "slug", "published", "kind", "level", "summary", "target")}),
        (_("How to do it"), {"fields": ("start_position", "cues", "mistakes", "equipment")}),
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
        (_("Variants"), {"fields": (("easier", "harder"), "easier_tip", "harder_tip")}),
        (_("Safety and sources"), {"fields": ("cautions", "sources")}),
        (
            _("Picture"),
            {
                "fields": (
                    "preview",
                    "illustration",
                    "illustration_start",
                    "illustration_alt",
                    "upload",
                    "remove_photo",
                )
            },
        ),
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
            super().save_model(request, obj, form, change)
        if replace:
            # Only once the new row is committed: a rollback must not leave it
            # pointing at deleted files.
            storage = Exercise._meta.get_field("image").storage
            transaction.on_commit(lambda: [storage.delete(name) for name in old_files])

    @admin.action(description=_("Publish the selected exercises"))
    def publish(self, request, queryset):
        count = queryset.update(published=True)
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
