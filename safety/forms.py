from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YES_NO = [("no", gettext_lazy("No")), ("yes", gettext_lazy("Yes"))]
KNOWN_HELP = gettext_lazy(
    "Your clinician knows about this. Answer yes only if it is new or has changed."
)


class ScreeningForm(forms.Form):
    """One yes/no question per question of this check (safety/screenings.check_for),
    each required."""

    changed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for asked in questions:
            self.fields[asked.key] = forms.ChoiceField(
                # The shipped questions are translated (their English text is the
                # message id); a question an admin rewrote is shown as written.
                label=_(asked.text),
                help_text=KNOWN_HELP if asked.known else "",
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer yes or no.")},
            )

    def question_fields(self):
        return [self[asked.key] for asked in self.questions]

    def answers(self) -> list[dict]:
        return [
            {
                "key": a.key,
                "text": a.text,
                "name": a.question.short_name,
                "tier": a.question.tier,
                "yes": self.cleaned_data[a.key] == "yes",
                "known": a.known,
            }
            for a in self.questions
        ]
