from datetime import UTC, datetime, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from practice.corrections import OUTCOMES
from practice.models import (
    Effort,
    ExerciseSession,
    MorningResponse,
    Side,
    SkipReason,
    StepLog,
    StopReason,
)

PAIN_CHOICES = [(n, str(n)) for n in range(11)]
PAIN_ERRORS = {
    "required": _("Choose a number from 0 (no pain) to 10 (worst imaginable)."),
    "invalid_choice": _("Choose a number from 0 (no pain) to 10 (worst imaginable)."),
}


def pain_field(label):
    return forms.TypedChoiceField(
        label=label,
        choices=PAIN_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages=PAIN_ERRORS,
    )


class MomentField(forms.IntegerField):
    """When something happened, as the phone's clock said it (milliseconds since 1970):
    a step done offline is sent later and keeps its own time. Optional: without it the
    server's time is used. A phone a little ahead of the server is taken as now; a
    moment older than OFFLINE_SYNC_DAYS is refused, so a stale phone can't rewrite the
    distant past."""

    default_error_messages = {
        "invalid": _("That didn't save. Reload the page and try again."),
        "too_old": _("This was done too long ago to be saved. Your clinic can add it for you."),
    }

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, widget=forms.HiddenInput, **kwargs)

    def clean(self, value):
        millis = super().clean(value)
        if millis is None:
            return None
        try:
            moment = datetime.fromtimestamp(millis / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        now = timezone.now()
        if moment < now - timedelta(days=settings.OFFLINE_SYNC_DAYS):
            raise forms.ValidationError(self.error_messages["too_old"], code="too_old")
        return min(moment, now)


class StartForm(forms.Form):
    """Start is a button; a session done offline also says which of the patient's days
    it was for, and when it began (the view checks the day against the plan)."""

    day = forms.DateField(required=False, widget=forms.HiddenInput)
    at = MomentField()


class CheckInForm(forms.Form):
    pain = pain_field(_("How is your back right now?"))
    at = MomentField()


class StepForm(forms.Form):
    """One step, named by what the server showed: item, side and set. The view
    checks that this step belongs to this session's plan."""

    ACTIONS = [("done", _("Done")), ("easier", _("Easier version")), ("skip", _("Skip"))]

    item = forms.IntegerField(min_value=1)
    side = forms.ChoiceField(choices=Side.choices)
    set_number = forms.IntegerField(min_value=1, max_value=10)
    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.ChoiceField(
        label=_("Why are you skipping it?"),
        choices=SkipReason.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    # What to skip. A form without it (an older page) skips the rest of the exercise,
    # as the player always did.
    SCOPES = [
        ("side", _("Only this side")),
        ("set", _("This set")),
        ("exercise", _("The whole exercise")),
    ]
    scope = forms.ChoiceField(label=_("What do you want to skip?"), choices=SCOPES, required=False)
    at = MomentField()

    def clean(self):
        cleaned = super().clean()
        cleaned["scope"] = cleaned.get("scope") or "exercise"
        if cleaned.get("action") == "skip" and not cleaned.get("reason"):
            self.add_error("reason", _("Choose why you are skipping this exercise."))
        return cleaned

    @property
    def key(self):
        data = self.cleaned_data
        return (data["item"], data["side"], data["set_number"])


class StopForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you stopping?"),
        choices=StopReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose why you are stopping."),
            "invalid_choice": _("Choose why you are stopping."),
        },
    )
    at = MomentField()


class CheckOutForm(forms.Form):
    pain_worst = pain_field(_("What was the worst pain during the exercises?"))
    pain = pain_field(_("How is your back now?"))
    effort = forms.ChoiceField(
        label=_("How hard did it feel?"),
        choices=Effort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how hard it felt.")},
    )
    note = forms.CharField(
        label=_("Anything to tell your clinician? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Keep the note under 1,000 characters.")},
    )
    at = MomentField()


class MorningForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Compared with before yesterday's session, your back this morning is…"),
        choices=MorningResponse.choices,
        widget=forms.RadioSelect,
    )
    pain = pain_field(_("And how is it right now, from 0 to 10?"))


class CorrectionForm(forms.Form):
    def __init__(self, *args, session: ExerciseSession, logs: list[StepLog], **kwargs):
        super().__init__(*args, **kwargs)
        if session.pain_before is not None:
            self.fields["pain_before"] = pain_field(gettext_lazy("Pain before the session"))
        if session.pain_worst is not None:
            self.fields["pain_worst"] = pain_field(gettext_lazy("Worst pain during the exercises"))
        if session.pain_after is not None:
            self.fields["pain_after"] = pain_field(gettext_lazy("Pain after the session"))
        for log in logs:
            self.fields[f"step_{log.pk}"] = forms.ChoiceField(
                label=_("%(exercise)s: %(side)s, set %(set)d")
                % {
                    "exercise": log.exercise.name,
                    "side": log.get_side_display(),
                    "set": log.set_number,
                },
                choices=OUTCOMES,
            )

    def step_fields(self):
        return [self[name] for name in self.fields if name.startswith("step_")]
