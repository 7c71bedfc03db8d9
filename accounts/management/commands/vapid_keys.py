import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand

from organisations.scoping import across_clinics


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def new_key_pair() -> tuple[str, str]:
    """(public, private): a fresh P-256 pair in the unpadded base64url that browsers
    (applicationServerKey) and pywebpush use: the 65-byte point and the 32-byte scalar."""
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(public), b64url(private.private_numbers().private_value.to_bytes(32, "big"))


class Command(BaseCommand):
    help = (
        "Print a new VAPID key pair for Web Push as environment lines "
        "(VAPID_PUBLIC_KEY=…, VAPID_PRIVATE_KEY=…). Keep the private key secret; a new "
        "pair ends every device's subscription (docs/deployment.md)."
    )

    @across_clinics
    def handle(self, *args, **options):
        public, private = new_key_pair()
        self.stdout.write(f"VAPID_PUBLIC_KEY={public}\nVAPID_PRIVATE_KEY={private}")
