"""Suggestions for the plan, adherence, attention and the outcome measure."""

from django.apps import AppConfig
from django.db.models.signals import post_save


class ProgressionConfig(AppConfig):
    name = "progression"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The caseload's columns follow every save of their inputs, wherever it is made
        # (progression/caseload.py); the layers below don't import this one.
        from practice.models import ExerciseSession
        from progression import caseload
        from routines.models import Routine
        from safety.models import Alert

        post_save.connect(caseload.on_session_saved, sender=ExerciseSession)
        post_save.connect(caseload.on_alert_saved, sender=Alert)
        post_save.connect(caseload.on_routine_saved, sender=Routine)
