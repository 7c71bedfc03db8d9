"""The benchmark's baseline page and query counter exist only under bench.settings."""

import tracemalloc

import pytest

from bench import settings as bench

pytestmark = pytest.mark.django_db


def test_the_baseline_page_is_not_served_by_the_app(client, alice):
    client.force_login(alice)
    response = client.get("/bench/baseline/")
    assert response.status_code == 404
    assert "X-Bench-Queries" not in response


def test_under_the_bench_settings_the_baseline_renders_with_no_queries_of_its_own(
    client, alice, settings
):
    settings.ROOT_URLCONF = bench.ROOT_URLCONF
    settings.MIDDLEWARE = bench.MIDDLEWARE
    settings.TEMPLATES = bench.TEMPLATES
    client.force_login(alice)
    response = client.get("/bench/baseline/")
    assert response.status_code == 200
    assert response.content.decode().count("<li>Item ") == 20
    assert response["X-Bench-Queries"] == "2"  # the session and the user, as on any page
    assert int(response["X-Bench-CPU-us"]) > 0
    assert client.get("/today/")["X-Bench-Queries"] != "2"  # it counts, not a constant


def test_a_request_marked_x_bench_memory_is_told_the_python_memory_it_took(client, alice, settings):
    settings.ROOT_URLCONF = bench.ROOT_URLCONF
    settings.MIDDLEWARE = bench.MIDDLEWARE
    settings.TEMPLATES = bench.TEMPLATES
    client.force_login(alice)
    assert "X-Bench-Memory-KB" not in client.get("/bench/baseline/")
    response = client.get("/bench/baseline/", headers={"X-Bench-Memory": "1"})
    assert response.status_code == 200
    assert int(response["X-Bench-Memory-KB"]) > 0
    assert response["X-Bench-Queries"] == "2"
    assert not tracemalloc.is_tracing()  # stopped again


def test_a_forgetting_request_works_the_page_out_and_leaves_the_cache_alone(
    client, alice, settings
):
    """X-Bench-Forget (bench/run.py's "first visit after a change" pages): Today is
    worked out (all its queries) though it is kept, and stays kept for the next request."""
    from django.core.cache import cache

    settings.ROOT_URLCONF = bench.ROOT_URLCONF
    settings.MIDDLEWARE = bench.MIDDLEWARE
    settings.TEMPLATES = bench.TEMPLATES
    client.force_login(alice)
    cache.clear()
    worked_out = client.get("/today/")["X-Bench-Queries"]
    assert client.get("/today/")["X-Bench-Queries"] == "2"  # session, user (and the pause)
    assert int(worked_out) > 2
    forgetting = client.get("/today/", headers={"X-Bench-Forget": "1"})
    assert forgetting["X-Bench-Queries"] == worked_out
    assert client.get("/today/")["X-Bench-Queries"] == "2"
