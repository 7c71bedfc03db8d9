"""Phone-sized screenshots of HipMob for the README.

Start the app with `make run` in one terminal, then in another:
    .venv/bin/python docs/take_screenshots.py [http://127.0.0.1:8000]
Chromium is taken from $HIPMOB_CHROMIUM (default /usr/bin/chromium).
"""

import os
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

SHOTS = [  # (account or None, path, file name, full page?)
    (None, "/sign-in/", "sign-in.png", False),
    ("demo-patient", "/today/", "today.png", False),
    ("demo-patient", "/exercises/", "library.png", False),
    ("demo-patient", "/exercises/glute-bridge/", "exercise.png", False),
    ("demo-clinician", "/clinic/patients/", "clinician-patients.png", False),
]


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for account, path, name, full_page in SHOTS:
            context = browser.new_context(
                viewport={"width": 390, "height": 844},
                device_scale_factor=2,
                is_mobile=True,
                has_touch=True,
                color_scheme="light",
            )
            page = context.new_page()
            if account:
                page.goto(f"{BASE}/sign-in/")
                page.fill("#id_username", account)
                page.fill("#id_password", "hipmob-demo")
                page.click("button[type=submit]")
                page.wait_for_load_state()
            page.goto(f"{BASE}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=OUT / name, full_page=full_page)
            print(OUT / name)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
