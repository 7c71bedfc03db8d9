"""Reads are written in Markdown by admins and shown as HTML. Markdown lets raw HTML
through, so every rendering goes through an allowlist sanitiser (nh3): only the tags
below survive, links only to http(s), mailto or this site, and no attribute but href
and title. <script> and <style> are dropped with their content; event handlers,
style attributes and javascript: or data: URLs never get through."""

import re

import markdown
import nh3
from django.utils.html import conditional_escape

from hipmob import contact

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "svg", "math"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# Elements the sanitiser drops with everything inside them. Left unclosed in a read's
# source (`<math><style>…`), one would swallow the rest of the read, silently.
_EATERS = "math|svg|style|script|template|iframe|object|noscript|textarea|title|xmp|noembed"
_EATER_TAG = re.compile(rf"<(/?)({_EATERS})\b[^>]*>", re.IGNORECASE)
_BLOCKS = re.compile(r"(\n[ \t]*\n)")


def _close_eaters(text: str) -> str:
    """Each such element is closed by the end of the paragraph (blank-line block) it
    opens in, so at worst that paragraph is dropped, never the rest of the read."""
    parts = _BLOCKS.split(text)
    for i in range(0, len(parts), 2):
        open_tags: list[str] = []
        for closing, name in _EATER_TAG.findall(parts[i]):
            name = name.lower()
            if not closing:
                open_tags.append(name)
            elif name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
        if open_tags:
            parts[i] += "".join(f"</{name}>" for name in reversed(open_tags))
    return "".join(parts)


def render(text: str) -> str:
    """Markdown to sanitised HTML. Headings start at ## (the page's title is the h1)."""
    return sanitise(markdown.markdown(_close_eaters(text or ""), output_format="html"))


# Placeholders a read may use instead of writing a number in (hipmob/contact.py).
EMERGENCY_NUMBER = "{emergency_number}"
EMERGENCY_DEPARTMENT = "{emergency_department}"


def with_contact(html: str, details: contact.Contact | None = None) -> str:
    """The reader's clinic's emergency number (as a tap-to-call link) and emergency
    department (`details`; None: the installation's), in the active language, in place
    of the placeholders. Put in after sanitising: tel: links are not among the schemes
    an admin's Markdown may use."""
    if EMERGENCY_NUMBER not in html and EMERGENCY_DEPARTMENT not in html:
        return html
    details = details or contact.current()
    return html.replace(EMERGENCY_NUMBER, details.emergency_link).replace(
        EMERGENCY_DEPARTMENT, str(conditional_escape(details.emergency_department))
    )


def unlink(html: str, paths) -> str:
    """Sanitised HTML with links to these paths turned into their plain words: for pages
    this reader can't open (a clinician reading a read that sends patients to /safety/)."""
    for path in paths:
        html = re.sub(
            rf'<a href="{re.escape(path)}(?:[?#][^"]*)?"[^>]*>(.*?)</a>', r"\1", html, flags=re.S
        )
    return html


def word_count(text: str) -> int:
    return len(text.split())
