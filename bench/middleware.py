import time

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
    (queries a template runs included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
