"""Settings for `make bench` and `make lighthouse` only: production settings (from the
environment, DEBUG off) plus a baseline page and a query counter, and for
`bench/profile_pages.py` a profiler. Production never loads this module, so none of
them exists there."""

import os

from hipmob.settings import *  # noqa: F403
from hipmob.settings import BASE_DIR, MIDDLEWARE, TEMPLATES

ROOT_URLCONF = "bench.urls"
# Outermost, so it counts the session and user lookups too.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
if os.environ.get("BENCH_PROFILE_DIR"):
    # Outside even the counter: a profile covers every middleware.
    MIDDLEWARE = ["bench.middleware.ProfileMiddleware", *MIDDLEWARE]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]
