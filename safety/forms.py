from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YES_NO = [("no", gettext_lazy("No")), ("yes", gettext_lazy("Yes"))]


class ScreeningForm(forms.Form):
    """One yes/no question per active ScreeningQuestion, each required."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = forms.ChoiceField(
                # The shipped questions are translated (their English text is the
                # message id); a question an admin rewrote is shown as written.
                label=_(question.text),
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer yes or no.")},
            )

    def answers(self) -> list[dict]:
        return [
            {"key": q.key, "text": q.text, "tier": q.tier, "yes": self.cleaned_data[q.key] == "yes"}
            for q in self.questions
        ]
