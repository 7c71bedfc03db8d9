"""The player's byte budgets (docs/performance.md): a first load of a step at most
60 KB and a step swap at most 8 KB, counted as sent: HTML, CSS, JS and SVG, gzip-
compressed as GZipMiddleware and whitenoise's compressed copies send them."""

import gzip
import re

from django.contrib.staticfiles import finders

from tests.practice.test_player import checked_in, post, step_data

FIRST_LOAD, SWAP = 60_000, 8_000
ASSETS = re.compile(r'(?:src|href)="/static/([^"]+\.(?:css|js|svg))"')


def sent(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=9))


def assets(html: str) -> dict[str, int]:
    found = {}
    for path in ASSETS.findall(html):
        with open(finders.find(path), "rb") as f:
            found[path] = sent(f.read())
    return found


def test_a_step_loads_in_60_kb_and_swaps_in_8_kb(patient, plan):
    session = checked_in(patient)
    page = patient.get(f"/sessions/{session.code}/")
    html = page.content.decode()
    files = assets(html)
    assert {"css/app.css", "js/player.js"} <= set(files)
    assert any(path.startswith("img/exercises/") for path in files), "the picture counts too"
    first_load = sent(page.content) + sum(files.values())
    assert first_load <= FIRST_LOAD, (first_load, files)
    swap = post(patient, f"/sessions/{session.code}/step/", step_data(plan), htmx=True)
    assert b"<html" not in swap.content
    # The next picture counted as if not cached yet (a new exercise's would not be).
    pictures = assets(swap.content.decode())
    assert sent(swap.content) + sum(pictures.values()) <= SWAP, (sent(swap.content), pictures)
