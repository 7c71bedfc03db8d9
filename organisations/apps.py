from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Organisations and clinics"
    default_auto_field = "django.db.models.BigAutoField"
