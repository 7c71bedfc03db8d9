"""Addresses of things, remembered for the life of the process: reverse() costs
~50 µs (the URL patterns are searched and the result checked against its pattern) and
a static file's hashed name ~20 µs, and a page listing 25 patients or 20 sessions
would spend a millisecond on them per view, though an address never changes while the
process runs. Forgotten when tests change the settings they depend on."""

from functools import lru_cache

from django.dispatch import receiver
from django.templatetags.static import static
from django.test.signals import setting_changed
from django.urls import get_script_prefix, reverse


@lru_cache(maxsize=16384)
def _address(viewname: str, args: tuple, prefix: str) -> str:
    return reverse(viewname, args=args)


def address(viewname: str, arg=None) -> str:
    """reverse(viewname, args=[arg]) (no args without one), worked out once per
    process for each arg."""
    return _address(viewname, () if arg is None else (str(arg),), get_script_prefix())


@lru_cache(maxsize=1024)
def static_url(path: str) -> str:
    """static(path), once per process. Raises ValueError, uncached, for a file the
    production manifest doesn't know."""
    return static(path)


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "STORAGES", "STATIC_URL", "FORCE_SCRIPT_NAME"}:
        _address.cache_clear()
        static_url.cache_clear()
