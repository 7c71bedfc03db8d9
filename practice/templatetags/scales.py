"""The 0-10 scales' radio buttons (patient/session.html#pain_scale), made in Python.

Eleven buttons with their labels, written out by the template, cost some ninety variable
lookups a scale; they only ever differ by the field's name, id, value and state, so each
combination is made once per process (a morning check, a check-in and a check-out show
the same scale to every patient)."""

from functools import lru_cache

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()

OPTION = (
    '\n    <span class="pain-scale__option"><input type="radio" name="{}" value="{}" id="{}_{}"'
    '{}><label for="{}_{}">{}</label></span>\n    '
)


@register.simple_tag
def scale_options(field) -> SafeString:
    """The radios of a scale's BoundField, as the template used to write them."""
    return _options(
        field.html_name,
        field.auto_id,
        tuple((str(choice), str(label)) for choice, label in field.field.choices),
        str(field.value()),
        field.field.required and field.form.use_required_attribute,
        field.field.disabled,
        bool(field.errors),
    )


@lru_cache(maxsize=512)
def _options(name, id_, choices, value, required, disabled, invalid) -> SafeString:
    def attributes(choice: str) -> SafeString:
        return flatatt(
            {
                "aria-invalid": "true" if invalid else None,
                "required": required,
                "disabled": disabled,
                "checked": choice == value,
            }
        )

    return format_html_join(
        "",
        OPTION,
        (
            (name, choice, id_, n, attributes(choice), id_, n, label)
            for n, (choice, label) in enumerate(choices)
        ),
    )
