from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.models import signed_out_everywhere
        from reminders.models import UnsubscribeLink

        # A lost phone or a shared inbox: "sign out everywhere" also ends the links in
        # reminder emails already sent.
        signed_out_everywhere.connect(
            lambda sender, user, **kwargs: UnsubscribeLink.revoke_all(user),
            weak=False,
            dispatch_uid="reminders.revoke_unsubscribe_links",
        )
