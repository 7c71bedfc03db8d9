from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import APP_DEVICE_NAME, current_code
from organisations.scoping import across_clinics


class Command(BaseCommand):
    help = (
        "Print the current second-step code of the demo staff accounts, standing in for "
        "an authenticator app. Works only with DEBUG on, like the demo itself."
    )

    @across_clinics
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing with DEBUG off: this prints sign-in codes.")
        devices = TOTPDevice.objects.filter(
            user__username__in=["demo-clinician", "demo-admin"], name=APP_DEVICE_NAME
        ).select_related("user")
        if not devices:
            raise CommandError("No demo accounts yet: run `make run` (or seed_demo) first.")
        for device in devices:
            self.stdout.write(f"{device.user.username}: {current_code(device)}")
