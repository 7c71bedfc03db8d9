"""The patient's pages, composed from the domain apps. No models."""

from django.apps import AppConfig


class PatientConfig(AppConfig):
    name = "patient"
    default_auto_field = "django.db.models.BigAutoField"
