"""Settings for `make bench` and `make lighthouse` only: production settings (from the
environment, DEBUG off) plus a baseline page and a query counter. Production never
loads this module, so neither exists there."""

from hipmob.settings import *  # noqa: F403
from hipmob.settings import BASE_DIR, MIDDLEWARE, TEMPLATES

ROOT_URLCONF = "bench.urls"
# Outermost, so it counts the session and user lookups too.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]}]
