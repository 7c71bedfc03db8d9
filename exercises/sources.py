"""Sources shown to patients under exercises and reads, written one per line as
"Label — https://address" (shared/docs/clinical.md §6).

Only the kinds §6 allows, linked on the publisher's own site: `source_kind` says which
kind an address is, from an allow list of publisher hosts; a deny list names the kinds
§6 forbids (document-sharing copies, staging and archive mirrors, popular media,
fitness apps and blogs) so an editor is told why a link was refused. `parse_sources`
reads the text for the pages; `validate_sources` refuses bad lines in the admin.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

SEPARATOR = " — "


class SourceKind(models.TextChoices):
    GUIDELINE = "guideline", _("National guideline")
    HEALTH_SERVICE = "health_service", _("NHS page")
    TRUST_LEAFLET = "trust_leaflet", _("NHS trust leaflet")
    PROFESSIONAL_BODY = "professional_body", _("Professional body")
    CHARITY = "charity", _("Patient charity")
    POSITION_STAND = "position_stand", _("Position stand")
    ARTICLE = "article", _("Research article")


class DeniedKind(models.TextChoices):
    DOCUMENT_SHARING = "document_sharing", _("a document-sharing copy")
    MIRROR = "mirror", _("a staging or archive mirror")
    MEDIA = "media", _("popular media")
    FITNESS = "fitness", _("a fitness app or blog")


# (domain, kind, path prefix): the domain itself and its subdomains, most specific
# first; the first match wins. A path prefix narrows a rule to part of a site.
ALLOWED: list[tuple[str, SourceKind, str]] = [
    ("nice.org.uk", SourceKind.GUIDELINE, ""),
    ("nhsinform.scot", SourceKind.HEALTH_SERVICE, ""),
    ("www.nhs.uk", SourceKind.HEALTH_SERVICE, ""),
    # Every other *.nhs.uk host is a trust's or a board's own site.
    ("nhs.uk", SourceKind.TRUST_LEAFLET, ""),
    ("nhs.scot", SourceKind.TRUST_LEAFLET, ""),
    ("nhs.wales", SourceKind.TRUST_LEAFLET, ""),
    ("csp.org.uk", SourceKind.PROFESSIONAL_BODY, ""),
    ("choosept.com", SourceKind.PROFESSIONAL_BODY, ""),
    ("versusarthritis.org", SourceKind.CHARITY, ""),
    ("arthritis-uk.org", SourceKind.CHARITY, ""),  # Versus Arthritis' newer name
    ("acsm.org", SourceKind.POSITION_STAND, ""),
    ("journals.lww.com", SourceKind.POSITION_STAND, "/acsm-msse/"),
    ("doi.org", SourceKind.ARTICLE, ""),
    ("pubmed.ncbi.nlm.nih.gov", SourceKind.ARTICLE, ""),
    ("pmc.ncbi.nlm.nih.gov", SourceKind.ARTICLE, ""),
]
# Hosts whose kind differs from their parent domain's rule: nhs.uk itself, without
# www, is the national site, not a trust's.
EXACT_HOSTS: dict[str, SourceKind] = {"nhs.uk": SourceKind.HEALTH_SERVICE}

# A DOI alone can't tell a position stand from an article: the ones cited here.
POSITION_STAND_DOIS = {
    "10.1249/mss.0b013e318213fefb",  # ACSM, Garber et al. 2011
}

# Domains (and their subdomains) of the kinds §6 forbids.
DENIED: dict[DeniedKind, tuple[str, ...]] = {
    DeniedKind.DOCUMENT_SHARING: (
        "docslib.org",
        "studylib.net",
        "scribd.com",
        "issuu.com",
        "yumpu.com",
        "pdfcoffee.com",
        "pdfcoke.com",
        "pdffox.com",
        "dokumen.pub",
        "dokumen.tips",
        "vdocuments.net",
        "vdocuments.mx",
        "vdocuments.site",
        "vdocuments.us",
        "vdocument.in",
        "documents.pub",
        "docplayer.net",
        "healthdocbox.com",
        "slideshare.net",
        "coursehero.com",
        "studocu.com",
        "readkong.com",
    ),
    DeniedKind.MIRROR: (
        "azurewebsites.net",
        "herokuapp.com",
        "netlify.app",
        "vercel.app",
        "web.archive.org",
        "archive.org",
        "archive.ph",
        "archive.today",
        "archive.is",
        "archive.li",
        "webcache.googleusercontent.com",
    ),
    DeniedKind.MEDIA: (
        "yahoo.com",
        "dailymail.co.uk",
        "medium.com",
        "express.co.uk",
        "thesun.co.uk",
        "mirror.co.uk",
        "huffpost.com",
        "buzzfeed.com",
        "healthline.com",
        "verywellhealth.com",
        "menshealth.com",
        "womenshealthmag.com",
        "besthealthmag.ca",
        "sharecare.com",
    ),
    DeniedKind.FITNESS: (
        "golightweight.app",
        "pocketrocket.fit",
        "rexum.app",
        "planfit.ai",
        "fitnesspal.in",
        "myfitnesspal.com",
        "fitness.com",
        "stack.com",
        "blogspot.com",
        "wordpress.com",
        "wixsite.com",
        "substack.com",
    ),
}
# Words in any part of a host that mark a copy that isn't the publisher's live site
# (nhsinform-staging.azurewebsites.net, staging.nhs.uk).
MIRROR_WORDS = ("staging", "preprod")
# Paths on allowed hosts that are not of the host's kind (ACSM's blog isn't a
# position stand).
DENIED_PATHS: list[tuple[str, str, DeniedKind]] = [
    ("acsm.org", "/all-blog-posts/", DeniedKind.FITNESS),
    ("acsm.org", "/blog/", DeniedKind.FITNESS),
]


# Browsers read a backslash as "/", so "https://evil.example\@www.nhs.uk" would
# open evil.example; spaces and quotes have no place in an address either.
UNSAFE_CHARACTERS = ("\\", " ", "\t", "<", ">", '"', "'", "`")


class SourceRefused(ValueError):
    """An address that can't be shown to patients; str() is the reason, for editors."""


def _on(host: str, domain: str) -> bool:
    """The host is the domain or one of its subdomains ("evilnhs.uk" is not nhs.uk)."""
    return host == domain or host.endswith("." + domain)


def _denied(host: str, path: str) -> DeniedKind | None:
    for kind, domains in DENIED.items():
        if any(_on(host, domain) for domain in domains):
            return kind
    if any(word in host for word in MIRROR_WORDS):
        return DeniedKind.MIRROR
    for domain, prefix, kind in DENIED_PATHS:
        if _on(host, domain) and path.startswith(prefix):
            return kind
    return None


def allowed_kinds_text() -> str:
    return ", ".join(str(label) for label in SourceKind.labels)


# The admin's help for a sources field (the models' own help text predates the checks;
# changing it would need a migration).
SOURCES_HELP = format_lazy(
    _(
        "One per line: “Label — https://address”, linked on the publisher's own site. "
        "Allowed kinds: {kinds}."
    ),
    kinds=lazy(allowed_kinds_text, str)(),
)


def source_kind(address: str) -> SourceKind:
    """The kind of an address shown to patients; SourceRefused says why it can't be."""
    address = address.strip()
    if any(char in address for char in UNSAFE_CHARACTERS):
        raise SourceRefused(_("it is not a web address"))
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").rstrip(".")
        parts.port  # noqa: B018  (raises ValueError for a port that isn't a number)
    except ValueError:
        raise SourceRefused(_("it is not a web address")) from None
    if not host or parts.scheme.lower() not in ("http", "https"):
        raise SourceRefused(_("it is not a web address"))
    denied = _denied(host, parts.path)
    if denied:
        raise SourceRefused(
            format_lazy(
                _("{host} is {kind}, not the publisher's own page"), host=host, kind=denied.label
            )
        )
    if parts.scheme.lower() != "https":
        raise SourceRefused(_("the address must start with https://"))
    if parts.username is not None or parts.port not in (None, 443):
        raise SourceRefused(_("the address has a user name or port in it"))
    if host in EXACT_HOSTS:
        return EXACT_HOSTS[host]
    for domain, kind, prefix in ALLOWED:
        if _on(host, domain) and parts.path.startswith(prefix):
            if domain == "doi.org" and parts.path.lstrip("/").lower() in POSITION_STAND_DOIS:
                return SourceKind.POSITION_STAND
            return kind
    raise SourceRefused(
        format_lazy(_("{host} is not one of the publishers' sites HipMob links to"), host=host)
    )


@dataclass(frozen=True)
class Source:
    label: str
    address: str  # empty for a line without one (only in rows written before the checks)
    kind: str  # a SourceKind value, or empty when the address isn't on the allow list

    @property
    def kind_label(self) -> str:
        return SourceKind(self.kind).label if self.kind else ""


def _split(line: str) -> tuple[str, str]:
    label, _sep, address = line.partition(SEPARATOR)
    address = address.strip()
    if not address.startswith(("https://", "http://")):
        return line.strip(), ""
    return label.strip(), address


def parse_sources(text: str) -> list[Source]:
    """The sources in `text`, one per non-blank line. An address off the allow list (a
    row saved before the checks) is left out, keeping its label: patients only ever
    get links of the allowed kinds."""
    sources = []
    for line in text.splitlines():
        label, address = _split(line)
        if not label:
            continue
        try:
            kind = source_kind(address) if address else ""
        except SourceRefused:
            address, kind = "", ""
        sources.append(Source(label, address, str(kind)))
    return sources


def validate_sources(text: str) -> None:
    """Refuse every line that isn't "Label — https://address" on the allow list, each
    with its line number and reason. Blank lines are ignored."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label, address = _split(line)
        params = {"number": number, "line": line.strip()}
        if not address:
            errors.append(
                ValidationError(
                    _(
                        "Line %(number)s (“%(line)s”) isn't written as “Label — "
                        "https://address”: patients need a label and a link."
                    ),
                    code="no_address",
                    params=params,
                )
            )
            continue
        if not label:
            errors.append(
                ValidationError(
                    _("Line %(number)s (“%(line)s”) needs a label before “ — ”."),
                    code="no_label",
                    params=params,
                )
            )
            continue
        try:
            source_kind(address)
        except SourceRefused as refused:
            errors.append(
                ValidationError(
                    _(
                        "Line %(number)s (“%(line)s”) can't be shown to patients: "
                        "%(reason)s. Link to the publisher's own page of one of these "
                        "kinds: %(kinds)s."
                    ),
                    code="not_allowed",
                    params={**params, "reason": refused.args[0], "kinds": allowed_kinds_text()},
                )
            )
    if errors:
        raise ValidationError(errors)
