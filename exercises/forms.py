from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language

from exercises.models import Equipment, Kind, Level

NO_EQUIPMENT = "none"


class LibraryFilterForm(forms.Form):
    """The library's filters. Works as a plain GET form and behind HTMX alike."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. bridge, hip")}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Kind.choices]
    )
    equipment = forms.ChoiceField(label=_("Equipment"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any level")), *Level.choices]
    )

    def __init__(self, *args, equipment: QuerySet[Equipment], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].choices = [
            ("", _("Any equipment")),
            (NO_EQUIPMENT, _("None needed")),
            *((item.slug, item.name) for item in equipment),
        ]

    def filter(self, exercises: QuerySet) -> QuerySet:
        # After is_valid(), cleaned_data holds the fields that were valid: a bad value in one
        # filter (an old bookmark, a hand-edited address) drops only that filter.
        data = {name: self.cleaned_data.get(name, "") for name in self.fields}
        if data["q"]:
            # In the page's language and in English: a Spanish page shows the English
            # where the Spanish is still empty.
            words, matches = data["q"], Q()
            for language in {get_language(), settings.LANGUAGE_CODE}:
                for field in ("name", "summary", "target"):
                    matches |= Q(**{f"{field}_{language}__icontains": words})
            exercises = exercises.filter(matches)
        if data["kind"]:
            exercises = exercises.filter(kind=data["kind"])
        if data["level"]:
            exercises = exercises.filter(level=data["level"])
        if data["equipment"] == NO_EQUIPMENT:
            exercises = exercises.filter(equipment__isnull=True)
        elif data["equipment"]:
            exercises = exercises.filter(equipment__slug=data["equipment"])
        return exercises

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
