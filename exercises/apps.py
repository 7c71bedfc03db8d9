from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ExercisesConfig(AppConfig):
    name = "exercises"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from exercises.permissions import ensure_catalogue_editors

        post_migrate.connect(ensure_catalogue_editors, sender=self)
