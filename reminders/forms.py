from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import push
from accounts.models import PushSubscription
from reminders.models import BY_EMAIL, BY_PUSH, ReminderSettings


class ReminderForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ("channel", "time", "sitting_breaks")
        labels = {"channel": _("Remind me by"), "time": _("Reminder time")}
        widgets = {
            "channel": forms.RadioSelect,
            # A native time picker; without one, the browser shows a text box for HH:MM.
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["time"].error_messages["invalid"] = _(
            "Enter a time as hours and minutes, for example 18:30."
        )
        # Notifications are offered only once the clinic has set up push (VAPID keys).
        self.push_available = push.configured()
        if not self.push_available:
            field = self.fields["channel"]
            field.choices = [(v, label) for v, label in field.choices if v not in BY_PUSH]

    def clean_channel(self):
        channel = self.cleaned_data["channel"]
        if channel in BY_EMAIL and not self.patient.email:
            raise forms.ValidationError(
                _(
                    "We don't have an email address for you. Add one under “Your email” "
                    "on your account page."
                )
            )
        # One query, only when a notification is chosen.
        if channel in BY_PUSH and not PushSubscription.objects.for_user(self.patient).exists():
            raise forms.ValidationError(
                _(
                    "No device has notifications on yet. Turn them on under Notifications on "
                    "the phone you want them on, then choose them here."
                )
            )
        return channel


def reminder_form_for(patient) -> ReminderForm:
    """The form as the account page shows it, with the patient's current choices."""
    return ReminderForm(instance=ReminderSettings.for_patient(patient), patient=patient)
