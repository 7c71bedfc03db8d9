"""Firefox ESR and WebKitGTK, from Debian, at phone size (docs/reliability.md).

Asked for by HIPMOB_ENGINES=firefox,webkit (CI's PostgreSQL pass); without it the
`engines` tests are deselected (counted as such, never passed). An engine that is asked
for but not installed fails its tests loudly, like HIPMOB_REQUIRE_BROWSER for Chromium.

- firefox: $HIPMOB_FIREFOX (default firefox-esr), driven over WebDriver BiDi.
- webkit: $HIPMOB_WEBKITWEBDRIVER (default WebKitWebDriver, package webkit2gtk-driver)
  on an Xvfb screen (package xvfb), opening phone_browser.py beside this file (packages
  python3-gi, gir1.2-webkit2-4.1).
"""

import os
import shutil
import socket
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path

import pytest

from accounts.models import SignInLink
from tests.e2e.engines.drivers import BiDi, Engine, Firefox, WebKit

ENGINES = ("firefox", "webkit")
HERE = Path(__file__).parent
RECORDER = HERE / "recorder.js"
PHONE = (390, 844)
INSTALL = {
    "firefox": "apt-get install firefox-esr, or set HIPMOB_FIREFOX",
    "webkit": "apt-get install webkit2gtk-driver xvfb python3-gi gir1.2-webkit2-4.1",
}


def requested() -> list[str]:
    names = [n.strip() for n in os.environ.get("HIPMOB_ENGINES", "").split(",") if n.strip()]
    unknown = sorted(set(names) - set(ENGINES))
    if unknown:
        raise pytest.UsageError(f"HIPMOB_ENGINES: unknown {unknown}; known: {', '.join(ENGINES)}")
    return names


def pytest_collection_modifyitems(config, items):
    wanted = requested()
    kept, dropped = [], []
    for item in items:
        if item.get_closest_marker("engines") is None:
            kept.append(item)
            continue
        engine = getattr(item, "callspec", None) and item.callspec.params.get("engine")
        (kept if engine in wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _which(variable: str, default: str) -> str | None:
    return shutil.which(os.environ.get(variable) or default)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_for_line(log: Path, marker: str, process: subprocess.Popen, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_text(errors="replace").splitlines():
            if marker in line:
                return line
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise AssertionError(f"no '{marker}' from {process.args[0]}:\n{log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def xvfb_display(tmp_path_factory):
    """A virtual screen for WebKitGTK (GTK 3 needs one even when nothing looks)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail(f"HIPMOB_ENGINES asks for webkit but Xvfb is missing: {INSTALL['webkit']}")
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display itself and writes its number there.
    process = subprocess.Popen(  # noqa: S603 - Debian's Xvfb, fixed arguments
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        _stop(process)
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    _stop(process)


@pytest.fixture(scope="session")
def webkit_driver(xvfb_display, tmp_path_factory):
    """WebKitWebDriver on a free port; each test gets its own session (a new browser)."""
    driver = _which("HIPMOB_WEBKITWEBDRIVER", "WebKitWebDriver")
    if driver is None:
        pytest.fail(
            f"HIPMOB_ENGINES asks for webkit but WebKitWebDriver is missing: {INSTALL['webkit']}"
        )
    probe = subprocess.run(
        ["/usr/bin/python3", "-c", "import gi; gi.require_version('WebKit2', '4.1')"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.fail(
            "phone_browser.py needs WebKit2 for the system Python: "
            f"{INSTALL['webkit']}\n{probe.stderr}"
        )
    port = _free_port()
    log = tmp_path_factory.mktemp("webkit") / "driver.log"
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - WebKitWebDriver, fixed arguments
            [driver, f"--port={port}"],
            env={**os.environ, "DISPLAY": xvfb_display},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        _stop(process)
        pytest.fail(f"WebKitWebDriver did not listen on {port}:\n{log.read_text()}")
    yield f"http://127.0.0.1:{port}"
    _stop(process)


def _webkit(request) -> Engine:
    url = request.getfixturevalue("webkit_driver")
    capabilities = {
        "webkitgtk:browserOptions": {
            "binary": str(HERE / "phone_browser.py"),
            "args": ["--automation", f"--user-script={RECORDER}"],
        }
    }
    engine = WebKit(url, capabilities)
    request.addfinalizer(engine.close)
    return engine


@pytest.fixture(scope="session")
def firefox_bidi(tmp_path_factory):
    """One headless Firefox ESR for the run, and its BiDi session; tests get tabs."""
    firefox = _which("HIPMOB_FIREFOX", "firefox-esr")
    if firefox is None:
        pytest.fail(f"HIPMOB_ENGINES asks for firefox but it is missing: {INSTALL['firefox']}")
    from websockets.sync.client import connect

    home = tmp_path_factory.mktemp("firefox")
    log = home / "firefox.log"
    (home / "profile").mkdir()
    with ExitStack() as stack, log.open("w") as out:
        # Port 0: Firefox picks a free one and prints it. The remote agent sets its
        # recommended preferences itself (no updates, no telemetry, no first-run pages).
        process = subprocess.Popen(  # noqa: S603 - Firefox ESR, fixed arguments
            [
                firefox,
                "--headless",
                "--no-remote",
                "--profile",
                str(home / "profile"),
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1"},
        )
        stack.callback(_stop, process)
        line = _wait_for_line(log, "WebDriver BiDi listening on ", process)
        address = line.split("listening on ", 1)[1].strip()
        websocket = stack.enter_context(
            connect(f"{address}/session", max_size=None, open_timeout=30)
        )
        bidi = BiDi(websocket, RECORDER.read_text())
        stack.callback(bidi.close)
        yield bidi


def _firefox(request) -> Engine:
    engine = Firefox(request.getfixturevalue("firefox_bidi"))
    request.addfinalizer(engine.close)
    return engine


@pytest.fixture(params=ENGINES)
def engine(request) -> Engine:
    """A fresh browser of one engine, its page PHONE-sized, the problem recorder on."""
    engine = {"firefox": _firefox, "webkit": _webkit}[request.param](request)
    engine.resize(*PHONE)
    return engine


def sign_in_by_link(engine: Engine, base_url: str, patient) -> Engine:
    """As a patient does: their one-time link, then the button on its page."""
    _link, token = SignInLink.issue(patient)
    engine.goto(f"{base_url}/link/{token}/")
    engine.press("Sign me in")
    engine.wait_for("() => location.pathname === '/today/' && document.readyState === 'complete'")
    return engine
