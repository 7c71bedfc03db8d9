"""The patient's pages, composed from the domain apps. No models."""

from django.apps import AppConfig


class PatientConfig(AppConfig):
    name = "patient"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Pages kept under a patient's record stamp follow every save of what they show.
        from patient import freshness

        freshness.connect()
