import time
import tracemalloc

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.template.backends import django as django_backend

_render = django_backend.Template.render
_spent = {"render": 0.0}


def _timed_render(self, *args, **kwargs):
    started = time.process_time()
    try:
        return _render(self, *args, **kwargs)
    finally:
        _spent["render"] += time.process_time() - started


# Loaded only by bench/settings.py: times template rendering for the headers below.
django_backend.Template.render = _timed_render


class QueryCountMiddleware:
    """Adds, for the benchmark: X-Bench-Queries, the SQL statements this request ran;
    X-Bench-Wall-us, the time from the request reaching Django to the response leaving
    it (the database's own work included, wherever it runs); X-Bench-CPU-us, the CPU time
    the worker spent on it (time.process_time(): it hardly grows when other programs
    share the cores, but leaves out a database server's work); X-Bench-SQL-us, the CPU
    part inside the database driver; and X-Bench-Render-us, the part rendering templates
    (queries a template runs included).

    A request sent with an `X-Bench-Memory` header also runs under tracemalloc and gets
    X-Bench-Memory-KB: the most memory Python allocated for it at any one time (objects
    made before the request are not counted; memory the database driver's C library
    takes for itself is not seen). Tracing slows it down: its times are not meant to be
    used."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "X-Bench-Memory" not in request.headers:
            return self._counted(request)
        already = tracemalloc.is_tracing()  # PYTHONTRACEMALLOC=1, say: leave it running
        if already:
            tracemalloc.reset_peak()
        else:
            tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        try:
            response = self._counted(request)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            if not already:
                tracemalloc.stop()
        response["X-Bench-Memory-KB"] = str(round((peak - before) / 1024))
        return response

    def _counted(self, request):
        if "X-Bench-Forget" not in request.headers:
            return self._timed(request)
        # A page worked out as on the first visit after a change to the patient's record
        # (patient/today.py keeps it under the record stamp): this request finds nothing
        # kept and keeps nothing, and what the worker keeps for other requests stays.
        kept = caches["default"]
        caches["default"] = DummyCache("default", {})
        try:
            return self._timed(request)
        finally:
            caches["default"] = kept

    def _timed(self, request):
        count, sql = 0, 0.0

        def counter(execute, statement, params, many, context):
            nonlocal count, sql
            count += 1
            started = time.process_time()
            try:
                return execute(statement, params, many, context)
            finally:
                sql += time.process_time() - started

        _spent["render"] = 0.0
        started, clock = time.process_time(), time.perf_counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-Wall-us"] = str(round((time.perf_counter() - clock) * 1e6))
        response["X-Bench-Queries"] = str(count)
        response["X-Bench-CPU-us"] = str(round((time.process_time() - started) * 1e6))
        response["X-Bench-SQL-us"] = str(round(sql * 1e6))
        response["X-Bench-Render-us"] = str(round(_spent["render"] * 1e6))
        return response


class ProfileMiddleware:
    """For `bench/profile_pages.py` only (bench/settings.py adds it, outermost, when
    BENCH_PROFILE_DIR is set): a request sent with `X-Bench-Profile: <page>` runs under
    cProfile, added to that page's profile in BENCH_PROFILE_DIR/<page>.prof, and the
    time spent in each template (inclusive: a template's includes count in it too, and
    `base.html` in the page that extends it) goes to <page>.templates.json. Other
    requests (sign-in, warm-up) are not profiled."""

    def __init__(self, get_response):
        import cProfile
        import os

        self.get_response = get_response
        self.directory = os.environ["BENCH_PROFILE_DIR"]
        self.profiles = {}  # page -> cProfile.Profile, added to on every request
        self.templates = {}  # page -> {template name: [seconds, renders]}
        self.requests = {}  # page -> [requests, seconds]
        self.make_profile = cProfile.Profile
        _watch_templates()

    def __call__(self, request):
        import json
        import re

        page = request.headers.get("X-Bench-Profile", "")
        if not re.fullmatch(r"[a-z0-9_]{1,40}", page):
            return self.get_response(request)
        profile = self.profiles.setdefault(page, self.make_profile())
        _template_times.clear()
        started = time.perf_counter()
        profile.enable()
        try:
            response = self.get_response(request)
        finally:
            profile.disable()
        spent = self.requests.setdefault(page, [0, 0.0])
        spent[0] += 1
        spent[1] += time.perf_counter() - started
        totals = self.templates.setdefault(page, {})
        for name, (seconds, renders) in _template_times.items():
            total = totals.setdefault(name, [0.0, 0])
            total[0] += seconds
            total[1] += renders
        profile.dump_stats(f"{self.directory}/{page}.prof")
        with open(f"{self.directory}/{page}.templates.json", "w") as out:
            json.dump({"requests": spent[0], "seconds": spent[1], "templates": totals}, out)
        return response


_template_times = {}  # template name -> [seconds, renders], for the request profiled


def _watch_templates():
    from django.template import base

    if getattr(base.Template.render, "bench_watched", False):
        return
    render = base.Template.render

    def watched(self, context):
        started = time.perf_counter()
        try:
            return render(self, context)
        finally:
            spent = _template_times.setdefault(self.name or "<string>", [0.0, 0])
            spent[0] += time.perf_counter() - started
            spent[1] += 1

    watched.bench_watched = True
    base.Template.render = watched
