"""Starts the local OpenID Connect provider (provider.mjs, panva's oidc-provider) for
the SSO tests, and drives its sign-in page the way a browser would.

Node and `npm ci --prefix tests/oidc` (run by `make test`) are needed. Without them the
SSO tests are skipped with one loud line, unless HIPMOB_REQUIRE_BROWSER=1 (as in CI),
which turns that into a failure, as tests/e2e/conftest.py does for Chromium.
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

HERE = Path(__file__).resolve().parent
CLIENT_ID = "hipmob-test-client"
SECRET = "hipmob-test-secret"
REQUIRED = os.environ.get("HIPMOB_REQUIRE_BROWSER") == "1"


def _unavailable(why: str):
    message = f"LOCAL OIDC PROVIDER CANNOT RUN: {why}"
    if REQUIRED:
        pytest.fail(f"HIPMOB_REQUIRE_BROWSER=1 but {message}")
    sys.stderr.write(f"\n{'!' * 20} {message} {'!' * 20}\n")
    pytest.skip(message)


@dataclass(frozen=True)
class LocalProvider:
    issuer: str

    def app(self, organisation: str, name: str = "Acme Health") -> dict:
        """An entry of HIPMOB_OIDC_PROVIDERS for this provider."""
        return {
            "organisation": organisation,
            "name": name,
            "issuer": self.issuer,
            "client_id": CLIENT_ID,
            "secret": SECRET,
        }


def _first_line(stream, timeout: float) -> str:
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        return ""


@contextmanager
def local_provider(
    accounts: dict[str, dict], redirect_uris: list[str], id_token_ttl: int = 600
) -> Iterator[LocalProvider]:
    """A provider on a free port of 127.0.0.1 with one confidential client, serving
    until the block ends. `accounts`: account id -> claims (email, email_verified)."""
    node = shutil.which("node")
    if node is None:
        _unavailable("no `node` on PATH (apt-get install nodejs npm)")
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        _unavailable("tests/oidc/node_modules is missing (npm ci --prefix tests/oidc)")
    clients = [{"client_id": CLIENT_ID, "client_secret": SECRET, "redirect_uris": redirect_uris}]
    env = {
        **os.environ,
        "NODE_ENV": "development",
        "OIDC_CLIENTS": json.dumps(clients),
        "OIDC_ACCOUNTS": json.dumps(accounts),
        "OIDC_ID_TOKEN_TTL": str(id_token_ttl),
    }
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(  # noqa: S603 (our own script, no shell)
            [node, str(HERE / "provider.mjs")],
            cwd=HERE,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        try:
            line = _first_line(process.stdout, timeout=20)
            if not line:
                log.seek(0)
                raise RuntimeError(f"the OIDC provider did not start:\n{log.read().decode()}")
            issuer = json.loads(line)["issuer"]
            _wait_for_discovery(issuer)
            yield LocalProvider(issuer)
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_for_discovery(issuer: str) -> None:
    url = f"{issuer}/.well-known/openid-configuration"
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (http://127.0.0.1)
                if json.load(response)["issuer"] == issuer:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.1)


def sign_in_at_provider(authorize_url: str, account: str) -> str:
    """Follows the redirect to the provider as a browser would, types `account` on its
    sign-in page, and returns the address the provider sends the browser back to
    (HipMob's callback, with the code and state)."""
    session = requests.Session()
    response = session.get(authorize_url, allow_redirects=False, timeout=10)
    assert response.status_code in (302, 303), response.text
    interaction = urljoin(authorize_url, response.headers["Location"])
    assert urlsplit(interaction).path.startswith("/interaction/"), interaction
    response = session.post(interaction, data={"login": account}, allow_redirects=False, timeout=10)
    assert response.status_code in (302, 303), response.text
    response = session.get(
        urljoin(interaction, response.headers["Location"]), allow_redirects=False, timeout=10
    )
    assert response.status_code in (302, 303), response.text
    return response.headers["Location"]
