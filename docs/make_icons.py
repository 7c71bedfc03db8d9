"""Draws the app icons (static/img/app/*.png) from the project's own SVGs with Chromium:
the home-screen icon (static/img/icon.svg, rounded) and the maskable one (full-bleed,
the figure inside the safe circle). Run again after changing either SVG:

    .venv/bin/python docs/make_icons.py
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "static" / "img"
ICONS = [
    (IMG / "icon.svg", "icon-192.png", 192),
    (IMG / "icon.svg", "icon-512.png", 512),
    (IMG / "app" / "icon-maskable.svg", "icon-maskable-512.png", 512),
    (IMG / "app" / "icon-maskable.svg", "apple-touch-icon.png", 180),
]


def main() -> None:
    chromium = os.environ.get("HIPMOB_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        for source, name, size in ICONS:
            page = browser.new_page(viewport={"width": size, "height": size})
            svg = source.read_text().replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
            page.set_content(f'<body style="margin:0;background:transparent">{svg}</body>')
            page.screenshot(path=IMG / "app" / name, omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
