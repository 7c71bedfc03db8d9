import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@cache
def timezone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_timezone(value: str) -> None:
    """Only IANA names ("Europe/London"): the patient's local date depends on it."""
    if value not in timezone_names():
        raise ValidationError(
            _(
                "“%(value)s” is not a time zone we know. Pick one from the list, such as "
                "Europe/London."
            ),
            code="invalid_timezone",
            params={"value": value},
        )
