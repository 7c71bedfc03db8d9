from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LearnConfig(AppConfig):
    name = "learn"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from exercises.permissions import ensure_catalogue_editors

        # Catalogue editors edit the reads too.
        post_migrate.connect(ensure_catalogue_editors, sender=self)
