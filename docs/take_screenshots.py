"""Phone-sized screenshots of HipMob for the README.

Start the app with `make run` in one terminal, then in another:
    .venv/bin/python docs/take_screenshots.py [http://127.0.0.1:8000]
Chromium is taken from $HIPMOB_CHROMIUM (default /usr/bin/chromium).
"""

import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).parent / "screenshots"
CHROMIUM = os.environ.get("HIPMOB_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

SHOTS = [  # (account or None, path, file name)
    (None, "/sign-in/", "sign-in.png"),
    ("demo-patient", "/today/", "today.png"),
    ("demo-patient", "/history/", "history.png"),
    ("demo-patient", "/exercises/", "library.png"),
    ("demo-patient", "/exercises/glute-bridge/", "exercise.png"),
    # The second demo clinic's patient: Clínica Norte in Madrid, in Spanish, 112.
    ("demo-patient-2", "/today/", "today-es.png"),
    ("demo-patient-2", "/account/", "account-es.png"),
]

# The clinician works at a desk: (path, file name, viewport, media).
CLINICIAN_SHOTS = [
    ("/clinic/patients/", "clinician-patients.png", {"width": 1280, "height": 800}, "screen"),
    ("patient", "clinician-patient.png", {"width": 1280, "height": 800}, "screen"),
    ("builder", "builder.png", {"width": 1280, "height": 800}, "screen"),
    ("handout", "handout.png", {"width": 794, "height": 1123}, "print"),
    ("discharge", "discharge-summary.png", {"width": 794, "height": 1123}, "print"),
    # demo-clinician is also the clinic admin of the demo clinic.
    ("/clinic/manage/", "clinic-admin.png", {"width": 1280, "height": 800}, "screen"),
    ("/clinic/manage/staff/", "clinic-staff.png", {"width": 1280, "height": 800}, "screen"),
    ("/clinic/reports/", "clinic-report.png", {"width": 1280, "height": 800}, "screen"),
]


def manage(*args: str) -> str:
    """`manage.py` with `make run`'s settings, its output."""
    env = {"DEBUG": "1", "SECRET_KEY": "django-insecure-make-run-only", **os.environ}
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=Path(__file__).parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def patient_link(username: str) -> str:
    """A one-time sign-in link from `manage.py issue_link`."""
    path = manage("issue_link", username).strip().split("/link/", 1)[1]
    return f"{BASE}/link/{path}"


def clinician(browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    page.goto(f"{BASE}/sign-in/")
    page.fill("#id_username", "demo-clinician")
    page.fill("#id_password", "hipmob-demo")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    # The second step, with the code `make demo-code` shows.
    codes = dict(line.split(": ") for line in manage("demo_code").splitlines() if ": " in line)
    page.get_by_label("Code").fill(codes["demo-clinician"])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Alice Morgan").click()
    patient_url = page.url
    for path, name, viewport, media in CLINICIAN_SHOTS:
        page.set_viewport_size(viewport)
        page.emulate_media(media=media)
        if path == "patient":
            page.goto(patient_url)
        elif path == "handout":
            page.goto(patient_url + "handout/")
        elif path == "discharge":
            page.emulate_media(media="screen")  # print hides the page's buttons
            page.goto(patient_url)
            page.get_by_role("link", name="Summary and discharge").click()
            page.emulate_media(media=media)
        elif path == "builder":
            page.goto(f"{BASE}/clinic/routines/")
            page.locator("table a").first.click()
        else:
            page.goto(f"{BASE}{path}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / name, full_page=media == "print")
        print(OUT / name)
    context.close()


def offline(page) -> None:
    """Today with no connection: opened once online (the service worker keeps the next
    days' sessions), then again with the network off."""
    page.goto(f"{BASE}/today/")
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()  # now under the worker
    page.wait_for_function("() => document.documentElement.dataset.offlineReady", polling=250)
    page.context.set_offline(True)
    page.goto(f"{BASE}/today/")
    page.screenshot(path=OUT / "today-offline.png")
    print(OUT / "today-offline.png")
    page.context.set_offline(False)


def player(page) -> None:
    """Today's session: check in, then catch the hold timer running. (This starts the
    demo patient's session for today, so it runs last.)"""
    page.goto(f"{BASE}/today/")
    start = page.get_by_role("button", name="Start today's routine")
    if start.count():
        start.click()
        page.get_by_role("radio", name="4", exact=True).check()
        page.get_by_role("button", name="Start the exercises").click()
    else:
        page.get_by_role("link", name="Carry on where you left off").click()
    page.wait_for_selector("[data-timer]:not([hidden])")
    page.wait_for_function("() => document.querySelector('[data-timer]').dataset.state === 'hold'")
    page.wait_for_timeout(2200)
    page.locator(".player__dose").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -60)")
    page.screenshot(path=OUT / "player-timer.png")
    print(OUT / "player-timer.png")


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for account, path, name in [*SHOTS, ("demo-patient", None, None)]:
            context = browser.new_context(
                viewport={"width": 390, "height": 844},
                device_scale_factor=2,
                is_mobile=True,
                has_touch=True,
                color_scheme="light",
            )
            page = context.new_page()
            if account:
                # Patients have no password: a fresh one-time link, as `make run` prints.
                page.goto(patient_link(account))
                page.click("button[type=submit]")
                page.wait_for_load_state()
            if path is None:
                offline(page)
                player(page)
            else:
                page.goto(f"{BASE}{path}")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / name)
                print(OUT / name)
            context.close()
        clinician(browser)
        browser.close()


if __name__ == "__main__":
    main()
