"""The patient's pages, composed from the domain apps. No models: its one migration puts
the record stamp's triggers in the database (accounts/stamps.py)."""

from django.apps import AppConfig


class PatientConfig(AppConfig):
    name = "patient"
    default_auto_field = "django.db.models.BigAutoField"
