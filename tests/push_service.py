"""Web Push without the internet: a real HTTP server on 127.0.0.1 plays the push
service, and a `Browser` plays the browser (its own P-256 key pair and auth secret, as
PushManager.subscribe() makes them), so a test can read what the push service got.

Browsers only ever hand out https endpoints; the suite lets accounts/push.py send to
this plain-HTTP receiver through PUSH_ALLOW_HTTP_ENDPOINTS and PUSH_SERVICE_HOSTS, two
settings that exist for this and are off in production (see `push_on`)."""

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from django.test import override_settings

from accounts.management.commands.vapid_keys import new_key_pair
from accounts.models import PushSubscription

SUBJECT = "mailto:clinic@example.org"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    """What each request was, and what to answer: `status` by path, default 201."""

    port: int = 0
    requests: list = field(default_factory=list)
    status: dict = field(default_factory=dict)
    delay: float = 0

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def endpoint(self, name: str) -> str:
        return f"{self.origin}/push/{name}"

    def paths(self) -> list[str]:
        return sorted(r.path for r in self.requests)


def _handler(receiver: Receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            receiver.requests.append(
                Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            if receiver.delay:
                time.sleep(receiver.delay)
            status = receiver.status.get(self.path, 201)
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", f"{receiver.origin}/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return Handler


class Browser:
    """One browser's push subscription: the keys it would give the page."""

    def __init__(self):
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.public_raw = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.auth = os.urandom(16)

    @property
    def keys(self) -> dict:
        return {"p256dh": b64url(self.public_raw), "auth": b64url(self.auth)}

    def subscription_json(self, endpoint: str) -> str:
        """What push.js posts: PushSubscription.toJSON()."""
        return json.dumps({"endpoint": endpoint, "expirationTime": None, "keys": self.keys})

    def subscribe(self, user, endpoint: str, device: str = "Chrome on Android"):
        return PushSubscription.objects.create(
            user=user, endpoint=endpoint, device=device, **self.keys
        )

    def read(self, body: bytes) -> dict:
        """Decrypts the body as the browser would (RFC 8291, aes128gcm)."""
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


def vapid_claims(authorization: str, public_key: str) -> dict:
    """The claims of a `vapid t=<JWT>, k=<key>` header (RFC 8292) after checking that
    k is `public_key` and that the JWT's ES256 signature verifies with it."""
    scheme, _, rest = authorization.partition(" ")
    assert scheme == "vapid", authorization
    parts = dict(item.strip().split("=", 1) for item in rest.split(","))
    assert parts["k"] == public_key
    header, payload, signature = parts["t"].split(".")
    assert json.loads(unb64url(header)) == {"typ": "JWT", "alg": "ES256"}
    raw = unb64url(signature)
    assert len(raw) == 64
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
    key.verify(  # raises InvalidSignature
        encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")),
        f"{header}.{payload}".encode(),
        ec.ECDSA(hashes.SHA256()),
    )
    return json.loads(unb64url(payload))


@pytest.fixture
def receiver():
    state = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def push_on(receiver):
    """Push configured with a fresh key pair, sending to the local receiver only."""
    public, private = new_key_pair()
    with override_settings(
        VAPID_PUBLIC_KEY=public,
        VAPID_PRIVATE_KEY=private,
        VAPID_SUBJECT=SUBJECT,
        PUSH_ALLOW_HTTP_ENDPOINTS=True,
        PUSH_SERVICE_HOSTS=["127.0.0.1"],
        PUSH_TIMEOUT=2,
    ):
        yield receiver
