from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exercises.admin import clean_drawing_path
from exercises.sources import SOURCES_HELP, validate_sources
from hipmob.adminkit import CHECKBOXES, LabelledListEditable
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
        help_texts = {"sources": SOURCES_HELP}

    def clean_illustration(self):
        return clean_drawing_path(self.cleaned_data["illustration"], "img/learn/", "why-hips.svg")

    def clean_sources(self):
        sources = self.cleaned_data["sources"]
        validate_sources(sources)
        return sources


class ReadTranslationInline(admin.StackedInline):
    model = ReadTranslation
    extra = 0
    fields = ("language", "title", "summary", "body", "illustration_alt")


@admin.register(Read)
class ReadAdmin(LabelledListEditable, admin.ModelAdmin):
    form = ReadAdminForm
    inlines = [ReadTranslationInline]
    list_display = ("title", "order", "published", "languages", "updated")
    list_editable = ("order", "published")
    list_filter = ("published",)
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    formfield_overrides = CHECKBOXES  # not the two-box widget (hipmob/adminkit.py)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("languages"))
    def languages(self, obj: Read) -> str:
        return ", ".join(["en", *(t.language for t in obj.translations.all())])
