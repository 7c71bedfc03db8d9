from django import forms
from django.utils.translation import gettext_lazy

from learn.models import Read


class AttachReadForm(forms.Form):
    read = forms.ModelChoiceField(
        label=gettext_lazy("Add a read"),
        queryset=Read.objects.published(),
        to_field_name="slug",
        error_messages={"invalid_choice": gettext_lazy("Choose one of the published reads.")},
    )
