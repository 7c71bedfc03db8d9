"""Where a patient page's time goes: cProfile over many requests of one page, served by
gunicorn with production settings (DEBUG off, collectstatic with the manifest storage,
the cached template loader) against the bench's data (a clinic of 500 patients with a
year of history, and one of 5), exactly as `make bench` sets it up.

    python bench/profile_pages.py [--page today|step|step_post|history|baseline ...]
                                  [--requests 200] [--warmup 20] [--top 25] [--keep DIR]

One gunicorn worker; `bench.middleware.ProfileMiddleware` profiles only the requests
this script marks (warm-up and sign-in are left out). It prints, per page: the share of
the request in a few parts (SQL in the driver, the ORM compiling and building objects,
templates by name, middleware, translation, static names), then the functions with the
most cumulative time, the app's own first, then Django's and other libraries'. cProfile
slows Python calls down, so read the shares, not the milliseconds. `--keep DIR` leaves
the .prof files there (`python -m pstats DIR/today.prof`).
"""

import argparse
import json
import os
import pstats
import shutil
import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = ("today", "step", "step_post", "history", "baseline")
VENV = f"{os.sep}site-packages{os.sep}"
ROOT = str(Path(__file__).resolve().parent.parent) + os.sep


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--page",
        action="append",
        choices=PAGES,
        help="A page to profile (repeatable; default: every page but the baseline).",
    )
    parser.add_argument("--requests", type=int, default=200, help="Profiled requests a page.")
    parser.add_argument("--warmup", type=int, default=20, help="Unprofiled requests first.")
    parser.add_argument("--top", type=int, default=25, help="Functions listed per group.")
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="Keep the .prof files in this directory.")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be at least 1 and --warmup at least 0.")
    args.page = list(dict.fromkeys(args.page or [p for p in PAGES if p != "baseline"]))
    return args


def where(func) -> str:
    """A function as a short name: `patient/today.py:54 today_for`."""
    filename, line, name = func
    if filename == "~":
        return name
    path = filename.split(VENV, 1)[1] if VENV in filename else filename
    return f"{path.removeprefix(ROOT)}:{line} {name}"


def is_app(func) -> bool:
    filename = func[0]
    return (
        filename.startswith(ROOT)
        and VENV not in filename
        and not filename.startswith(ROOT + "bench" + os.sep)
    )


def calls(path: str, *names: str):
    """A test for the functions called `names` in the file whose path ends with `path`."""
    return lambda f: f[0].replace(os.sep, "/").endswith(path) and f[2] in names


def under(*fragments: str):
    return lambda f: any(x in f[0].replace(os.sep, "/") for x in fragments)


def cumulative(stats: pstats.Stats, test) -> float:
    """Cumulative seconds of the functions `test` accepts. cProfile counts a function's
    recursion once, but not a set's: each part below is a set of functions that do not
    call one another."""
    return sum(ct for func, (_cc, _nc, _tt, ct, _callers) in stats.stats.items() if test(func))


def entered(stats: pstats.Stats, inside) -> float:
    """Cumulative seconds in the functions `inside` accepts, entered from functions it
    does not: for code that does not call back out and in again (translation, URLs)."""
    total = 0.0
    for func, (_cc, _nc, _tt, _ct, callers) in stats.stats.items():
        if inside(func):
            total += sum(edge[3] for caller, edge in callers.items() if not inside(caller))
    return total


QUERYSET_BUILDING = (
    "filter",
    "exclude",
    "annotate",
    "alias",
    "order_by",
    "select_related",
    "prefetch_related",
    "only",
    "defer",
    "values",
    "values_list",
    "distinct",
    "union",
)
# (label, how to add it up): the parts of a request shown per page.
PARTS = [
    (
        "the view, its decorators and templates (BaseHandler._get_response)",
        lambda s: cumulative(s, calls("django/core/handlers/base.py", "_get_response")),
    ),
    (
        "outside the view (middleware, session, user, response)",
        lambda s: (
            s.total_tt - cumulative(s, calls("django/core/handlers/base.py", "_get_response"))
        ),
    ),
    (
        "templates (the backend's render)",
        lambda s: cumulative(s, calls("django/template/backends/django.py", "render")),
    ),
    (
        "  of which form widgets ({{ field }}, {{ radio.tag }})",
        lambda s: cumulative(s, calls("django/forms/boundfield.py", "as_widget", "tag")),
    ),
    (
        "SQL in the driver (sqlite3 / psycopg)",
        lambda s: entered(s, lambda f: "sqlite3." in f[2] or "/psycopg/" in f[0]),
    ),
    (
        "ORM: compiling SQL (SQLCompiler.as_sql)",
        lambda s: cumulative(s, calls("django/db/models/sql/compiler.py", "as_sql")),
    ),
    (
        "ORM: building querysets (filter, annotate, ...)",
        lambda s: cumulative(s, calls("django/db/models/query.py", *QUERYSET_BUILDING)),
    ),
    (
        "ORM: running queries (_fetch_all, count, exists, save)",
        lambda s: cumulative(
            s,
            lambda f: (
                calls(
                    "django/db/models/query.py",
                    "_fetch_all",
                    "count",
                    "exists",
                    "aggregate",
                    "update",
                    "bulk_create",
                    "delete",
                )(f)
                or calls("django/db/models/base.py", "save_base")(f)
            ),
        ),
    ),
    (
        "ORM: making model objects (Model.from_db)",
        lambda s: cumulative(s, calls("django/db/models/base.py", "from_db")),
    ),
    (
        "session and user (auth.get_user, which loads the session; SessionStore.save)",
        lambda s: cumulative(
            s,
            lambda f: (
                calls("django/contrib/sessions/backends/db.py", "save")(f)
                or calls("django/contrib/auth/__init__.py", "get_user")(f)
            ),
        ),
    ),
    (
        "translation (django/utils/translation/)",
        lambda s: entered(s, under("django/utils/translation/")),
    ),
    ("modeltranslation", lambda s: entered(s, under("modeltranslation/"))),
    (
        "static names ({% static %}, hipmob/links.py static_url)",
        lambda s: cumulative(
            s,
            lambda f: (
                calls("django/templatetags/static.py", "render")(f)
                or calls("hipmob/links.py", "static_url")(f)
            ),
        ),
    ),
    ("URL reversing (django/urls/)", lambda s: entered(s, under("django/urls/"))),
    (
        "GZip (GZipMiddleware.process_response)",
        lambda s: cumulative(s, calls("django/middleware/gzip.py", "process_response")),
    ),
    (
        "CSRF (CsrfViewMiddleware, get_token)",
        lambda s: entered(s, under("django/middleware/csrf.py")),
    ),
]


def report(page: str, directory: Path, top: int) -> str:
    stats = pstats.Stats(str(directory / f"{page}.prof"))
    watched = json.loads((directory / f"{page}.templates.json").read_text())
    requests = watched["requests"]
    total = stats.total_tt  # every profiled second, all requests of the page
    lines = [
        f"== {page}: {requests} requests, {total / requests * 1000:.2f} ms each under cProfile"
    ]

    def row(label, seconds):
        return f"  {seconds / total * 100:5.1f}%  {seconds / requests * 1000:6.2f} ms  {label}"

    lines.append("-- parts (cumulative; they overlap: SQL is inside the view, say)")
    lines += [row(label, add_up(stats)) for label, add_up in PARTS]
    lines.append("-- templates (inclusive wall time; extends counts in the child)")
    # Template times are wall clock in the worker (profiled too): shares of the request's.
    wall = watched["seconds"]
    for name, (seconds, renders) in sorted(watched["templates"].items(), key=lambda kv: -kv[1][0]):
        lines.append(f"  {seconds / wall * 100:5.1f}%  {renders / requests:4.1f} renders  {name}")

    ranked = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])
    for title, test in (
        ("the app's own code", is_app),
        ("Django and libraries", lambda f: not is_app(f)),
    ):
        lines.append(f"-- top {top} functions by cumulative time: {title}")
        shown = 0
        for func, (_cc, nc, tt, ct, _callers) in ranked:
            if not test(func) or "bench/middleware.py" in func[0]:
                continue
            lines.append(
                f"  {ct / total * 100:5.1f}%  own {tt / total * 100:4.1f}%  "
                f"{nc / requests:6.1f}/req  {where(func)}"
            )
            shown += 1
            if shown == top:
                break
    return "\n".join(lines)


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    directory = Path(tempfile.mkdtemp(prefix="hipmob-profile-"))
    os.environ["BENCH_PROFILE_DIR"] = str(directory)  # running_server passes it to gunicorn

    from bench.harness import log, machine, running_server
    from bench.run import pages, request

    try:
        with running_server(
            patients=args.patients, days=args.days, seed=args.seed, workers=1
        ) as server:
            before = machine()
            chosen = [p for p in pages(server) if p.key in args.page]
            client = server.client(server.patient)
            for page in chosen:
                for _ in range(args.warmup):
                    request(page, client)
                marked = {
                    "X-Bench-Profile": page.key,
                    **({"HX-Request": "true"} if page.htmx else {}),
                }
                log(f"profiling {page.key}: {args.requests} requests")
                for _ in range(args.requests):
                    if page.method == "POST":
                        response = client.post(page.path, page.data, headers=marked)
                    else:
                        response = client.get(page.path, headers=marked)
                    if response.status != 200:
                        raise RuntimeError(f"{page.key}: {page.path} answered {response.status}")
            print(f"HipMob profiles, {server.database.vendor}, {before['uptime']}")
            for page in chosen:
                print()
                print(report(page.key, directory, args.top))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for path in directory.iterdir():
                shutil.copy2(path, args.keep / path.name)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
