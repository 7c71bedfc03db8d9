from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from practice.forms import PAIN_CHOICES
from progression.psfs import MAX_ACTIVITIES


class PsfsForm(forms.Form):
    """The first time, the patient names the activities; after that, the same ones are
    rated again (that is what makes the scores comparable)."""

    def __init__(self, *args, activities: list[str] | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fixed = activities
        for n in range(len(activities) if activities else MAX_ACTIVITIES):
            if not activities:
                self.fields[f"activity_{n}"] = forms.CharField(
                    label=gettext_lazy("Activity %(n)s") % {"n": n + 1},
                    max_length=80,
                    required=n == 0,
                    strip=True,
                    widget=forms.TextInput(attrs={"placeholder": _("e.g. putting on socks")}),
                )
            self.fields[f"score_{n}"] = forms.TypedChoiceField(
                label=activities[n] if activities else gettext_lazy("How well can you do it?"),
                choices=PAIN_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                required=bool(activities) or n == 0,
                error_messages={"required": _("Choose a number from 0 to 10.")},
            )

    def clean(self):
        cleaned = super().clean()
        if not self.fixed:
            for n in range(MAX_ACTIVITIES):
                named = cleaned.get(f"activity_{n}")
                scored = cleaned.get(f"score_{n}") not in (None, "")
                if named and not scored:
                    self.add_error(f"score_{n}", _("Rate this activity from 0 to 10."))
                if scored and not named:
                    self.add_error(f"activity_{n}", _("Name the activity you are rating."))
        return cleaned

    def rated(self) -> list[dict]:
        rows = []
        for n in range(len(self.fixed) if self.fixed else MAX_ACTIVITIES):
            name = self.fixed[n] if self.fixed else self.cleaned_data.get(f"activity_{n}")
            score = self.cleaned_data.get(f"score_{n}")
            if name and score not in (None, ""):
                rows.append({"activity": name, "score": int(score)})
        return rows
