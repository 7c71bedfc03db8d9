"""Real Chromium through pytest-playwright, at phone size.

Chromium is looked up in $HIPMOB_CHROMIUM (default /usr/bin/chromium), then
Playwright's own download. With none, browser tests are skipped with one loud line,
unless HIPMOB_REQUIRE_BROWSER=1 (as in CI), which turns that into a failure.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

from accounts.models import SignInLink, User
from accounts.two_factor import current_code
from tests.factories import PASSWORD, add_authenticator

# Playwright's sync API runs an event loop in the test thread, which makes Django refuse
# ORM calls from fixtures and assertions there. They are safe: the live server has its
# own thread and connection. (Read by Django at each call, so setting it here suffices.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def _find_chromium() -> str | None:
    """A path for executable_path, "" for Playwright's own browser, None for none."""
    configured = os.environ.get("HIPMOB_CHROMIUM", "/usr/bin/chromium")
    if configured and Path(configured).is_file() and os.access(configured, os.X_OK):
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            if Path(playwright.chromium.executable_path).is_file():
                return ""
    except Exception:  # Playwright's browser not downloaded, or no driver
        return None
    return None


CHROMIUM = _find_chromium()
REQUIRED = os.environ.get("HIPMOB_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "tests/e2e/" in str(item.fspath)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    # Firefox and WebKit (tests/e2e/engines) need no Chromium, and fail by their own rule.
    browser_items = [item for item in browser_items if not item.get_closest_marker("engines")]
    if CHROMIUM is not None or not browser_items:
        return
    message = (
        f"NO CHROMIUM FOUND: {len(browser_items)} browser tests cannot run. Install it "
        "(apt-get install chromium) or set HIPMOB_CHROMIUM to its path."
    )
    if REQUIRED:
        for item in browser_items:
            item.add_marker(pytest.mark.usefixtures("_browser_required"))
        return
    sys.stderr.write(f"\n{'!' * 20} {message} {'!' * 20}\n")
    skip = pytest.mark.skip(reason=message)
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture
def _browser_required():
    pytest.fail(
        "HIPMOB_REQUIRE_BROWSER=1 but no Chromium was found "
        "(set HIPMOB_CHROMIUM or apt-get install chromium)."
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if CHROMIUM:
        args["executable_path"] = CHROMIUM
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": PHONE,
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "locale": "en-GB",
        # The patient pages register a service worker (templates/sw.js). Blocked here, so
        # these tests see the pages as a browser without one does and page.route sees
        # every request; tests/e2e/test_offline.py opens contexts that allow it.
        "service_workers": "block",
    }


def sign_in_on(page, base_url: str, username: str, password: str = PASSWORD):
    """Signs in through the real form, with the second step for staff; a patient, who
    has no password, through a one-time link as their clinician would hand out."""
    user = User.objects.get(username=username)
    if user.is_patient:
        _link, token = SignInLink.issue(user)
        page.goto(f"{base_url}/link/{token}/")
        page.get_by_role("button", name="Sign me in").click()
        page.wait_for_load_state()
        return page
    device = add_authenticator(user) if user.needs_second_factor else None
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if device is not None:
        # The second step, typed from the authenticator app as a person would.
        page.get_by_label("Code").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
    return page


@pytest.fixture
def sign_in(live_server, page):
    def sign_in_as(username: str, password: str = PASSWORD):
        return sign_in_on(page, live_server.url, username, password)

    return sign_in_as


@pytest.fixture
def csp_violations(page):
    """Collects Content-Security-Policy violations reported in the console."""
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
            else None
        ),
    )
    return violations
