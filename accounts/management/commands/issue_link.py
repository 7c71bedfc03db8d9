from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from accounts.models import SignInLink, User
from organisations.scoping import across_clinics


class Command(BaseCommand):
    help = (
        "Print a one-time sign-in link for a patient (valid for SIGN_IN_LINK_DAYS days). "
        "Any earlier unused link of theirs stops working."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    @across_clinics
    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active account is called {username!r}.")
        if not user.is_patient or user.is_staff:
            raise CommandError("Sign-in links are for patients; staff sign in with a password.")
        _link, token = SignInLink.issue(user)
        url = settings.SITE_URL.rstrip("/") + reverse("use_link", args=[token])
        self.stdout.write(url)
