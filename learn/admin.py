from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from exercises.admin import clean_drawing_path
from learn.models import Read, ReadTranslation


class ReadAdminForm(forms.ModelForm):
    class Meta:
        model = Read
        fields = (
            "title",
            "slug",
            "published",
            "order",
            "summary",
            "body",
            "illustration",
            "illustration_alt",
            "exercises",
            "sources",
        )
        widgets = {"body": forms.Textarea(attrs={"rows": 24})}

    def clean_illustration(self):
        return clean_drawing_path(self.cleaned_data["illustration"], "img/learn/", "why-hips.svg")


class ReadTranslationInline(admin.StackedInline):
    model = ReadTranslation
    extra = 0
    fields = ("language", "title", "summary", "body", "illustration_alt")


@admin.register(Read)
class ReadAdmin(admin.ModelAdmin):
    form = ReadAdminForm
    inlines = [ReadTranslationInline]
    list_display = ("title", "order", "published", "languages", "updated")
    list_editable = ("order", "published")
    list_filter = ("published",)
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    # Checkboxes, not the two-box widget (its search icon fails axe): see ExerciseAdmin.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}

    def get_changelist_form(self, request, **kwargs):
        """The list's editable order and published boxes have no visible label of their
        own: each is named for its column and row ("Order: Why hips matter")."""
        base = super().get_changelist_form(request, **kwargs)

        class Named(base):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                for name, field in self.fields.items():
                    label = f"{field.label or name}: {self.instance}"
                    field.widget.attrs["aria-label"] = label[:200]

        return Named

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("languages"))
    def languages(self, obj: Read) -> str:
        return ", ".join(["en", *(t.language for t in obj.translations.all())])
