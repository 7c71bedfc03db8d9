"""Small pieces that make the Django admin pass axe-core (WCAG 2.2 AA) under HipMob's
strict CSP. Every app's admin may use them (this is the lowest layer)."""

from django import forms
from django.db import models

# Checkboxes for many-to-many fields, instead of Django's two-box widget (its search
# icon is a span with a prohibited aria-label) or Select2 autocomplete (its inline
# styles are blocked by the CSP, and its inputs have no accessible name).
CHECKBOXES = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}


class LabelledListEditable:
    """A ModelAdmin mixin: the inputs of `list_editable` columns have no label of their
    own; each is named for its column and row ("Order: Why hips matter")."""

    def get_changelist_form(self, request, **kwargs):
        base = super().get_changelist_form(request, **kwargs)

        class Named(base):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                for name, field in self.fields.items():
                    label = f"{field.label or name}: {self.instance}"
                    field.widget.attrs["aria-label"] = label[:200]

        return Named
