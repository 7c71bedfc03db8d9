"""HipMob settings, driven by environment variables.

Production is the default: DEBUG is off, SECRET_KEY must be set, cookies are secure and
HTTP is redirected to HTTPS. `make run` and the test suite opt in to development values
themselves. Every variable is listed in the README's configuration table.
"""

import base64
import binascii
import os
import re
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no; got {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_b64url(name: str, length: int) -> bytes:
    """A key in unpadded base64url (as browsers and pywebpush write them) of exactly
    `length` bytes; empty when unset."""
    raw = os.environ.get(name, "").strip().rstrip("=")
    if not raw:
        return b""
    try:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", raw):
            raise ValueError
        decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    except (ValueError, binascii.Error):
        raise ImproperlyConfigured(f"{name} must be base64url (A-Z, a-z, 0-9, - and _).") from None
    if len(decoded) != length:
        raise ImproperlyConfigured(
            f"{name} must be {length} bytes once decoded; got {len(decoded)}. "
            "Make a pair with `python manage.py vapid_keys`."
        )
    return decoded


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random string in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or use `make run` / `make test`, which set development values."
        )
    SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # In import order (tests/hipmob/test_import_order.py): each app may use the ones above.
    "organisations",
    "exercises",
    "accounts",
    "routines",
    "safety",
    "practice",
    "progression",
    "learn",
    "reminders",
    "patient",
    "clinic",
    # Before the admin: it registers the catalogue's translated fields first.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Staff single sign-on with OpenID Connect (accounts/sso.py): only the social
    # login machinery; allauth's own account pages are never mounted.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    # Outermost, so every response gets the CSP and the privacy headers, also one made
    # when a middleware below refuses the request (the 400 for an unknown Host header).
    "csp.middleware.CSPMiddleware",
    "hipmob.middleware.PrivacyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (a patient page is ~8 KB of HTML, ~2.5 KB sent). Django pads each
    # compressed page with random bytes against BREACH, and CSRF tokens are masked per
    # response; static files come pre-compressed from whitenoise, above.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after it: the rest of the request sees only the person's clinic's rows.
    "organisations.scoping.ClinicScopeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "hipmob.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hipmob.middleware.HtmxLoginRedirectMiddleware",
    # allauth requires it; it only tidies allauth's own unfinished sign-ins.
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffSessionMiddleware",
    # Last, as django-axes asks: it turns a lockout into the page that explains it.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hipmob.urls"
CSRF_FAILURE_VIEW = "hipmob.views.csrf_failure"
WSGI_APPLICATION = "hipmob.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        # `loaders` is left unset on purpose: Django then wraps them in the cached loader
        # (outside DEBUG), so templates are parsed once per process, not once per request.
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hipmob.context_processors.csp_nonce",
                "hipmob.context_processors.contact",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite by default (for `make run` and quick tests); PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite's defaults lose writes under concurrency ("database is locked"): take the
    # write lock at BEGIN, wait for it, and let readers run beside the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the server is away, so clients retry instead of piling up.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and sign-in -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and refuses a locked-out username+IP before the password check.
    "axes.backends.AxesStandaloneBackend",
    # Passwords sign in staff only; patients sign in by one-time link (which also logs
    # them in through this backend, so their sessions are checked by it).
    "accounts.backends.StaffPasswordBackend",
]

# Sign-in throttling (django-axes). Keyed on username and IP *together*: a clinic shares
# one public IP, so IP alone would let one person lock out everyone, and username alone
# would let anyone lock out a named clinician. The lock lifts itself after the cool-off.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind the reverse proxy, "IP" must be the client's, not the proxy's (accounts/throttle.py):
# it is read from X-Forwarded-For, trusting exactly this many proxies; 0 ignores the header.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1) if BEHIND_TLS_PROXY else 0
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_ip"
# Logs no patient sign-in: those are by link, and the path would keep the link's token.
AXES_HANDLER = "accounts.throttle.AxesHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False

# Clinicians and admins: a second step (TOTP app or a recovery code) after the password,
# and signed out after this long without a request (HIPAA "automatic logoff").
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30)
OTP_TOTP_ISSUER = "HipMob"
# Nobody, admins included, can read someone's authenticator key or QR code back out.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
OTP_TOTP_THROTTLE_FACTOR = 1  # seconds, doubled after each wrong code


# Staff single sign-on (accounts/sso.py, docs/deployment.md): one OpenID Connect
# identity provider per organisation, as JSON in HIPMOB_OIDC_PROVIDERS, e.g.
# [{"organisation": "<org slug>", "name": "Acme Health", "issuer": "https://idp…",
#   "client_id": "…", "secret": "…"}]. Unset: no SSO, the sign-in page is unchanged.
def oidc_apps(raw: str) -> list[dict]:
    import json
    from urllib.parse import urlsplit

    if not raw.strip():
        return []
    try:
        entries = json.loads(raw)
    except ValueError:
        raise ImproperlyConfigured("HIPMOB_OIDC_PROVIDERS must be a JSON list.") from None
    if not isinstance(entries, list):
        raise ImproperlyConfigured("HIPMOB_OIDC_PROVIDERS must be a JSON list.")
    keys = {"organisation", "name", "issuer", "client_id", "secret"}
    apps, seen = [], set()
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) != keys:
            raise ImproperlyConfigured(
                f"HIPMOB_OIDC_PROVIDERS entry {n} must have exactly {sorted(keys)}."
            )
        if not all(isinstance(value, str) and value.strip() for value in entry.values()):
            raise ImproperlyConfigured(f"HIPMOB_OIDC_PROVIDERS entry {n} has an empty value.")
        slug, issuer = entry["organisation"], entry["issuer"].rstrip("/")
        if not re.fullmatch(r"[-a-zA-Z0-9_]+", slug) or slug in seen:
            raise ImproperlyConfigured(
                f"HIPMOB_OIDC_PROVIDERS entry {n}: {slug!r} is not an organisation's "
                "short name, or is named twice."
            )
        seen.add(slug)
        parts = urlsplit(issuer)
        if parts.scheme != "https" and parts.hostname not in ("127.0.0.1", "localhost"):
            raise ImproperlyConfigured(
                f"HIPMOB_OIDC_PROVIDERS entry {n}: the issuer must be an https:// address."
            )
        apps.append(
            {
                "provider_id": slug,
                "name": entry["name"],
                "client_id": entry["client_id"],
                "secret": entry["secret"],
                "settings": {
                    "server_url": issuer,
                    # The code flow with PKCE (S256), and the claims read from the id
                    # token, whose issuer, audience and expiry allauth checks.
                    "oauth_pkce_enabled": True,
                    "fetch_userinfo": False,
                },
            }
        )
    return apps


SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"APPS": oidc_apps(os.environ.get("HIPMOB_OIDC_PROVIDERS", ""))}
}
SOCIALACCOUNT_ADAPTER = "accounts.sso.StaffSSOAdapter"
ACCOUNT_ADAPTER = "accounts.sso.NoLocalAccountsAdapter"
# Only people who already have a HipMob account sign in; nobody is created or linked.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
# A GET (a link, a prefetch) never starts a sign-in: the page's buttons POST.
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # The rest only verify (and upgrade) hashes made elsewhere.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Each worker keeps what a patient's pages work out from their record (Today, history,
# the plan's items), under the patient's record stamp (accounts/stamps.py): a change is
# seen at once by every worker, so nothing needs a shared cache, and nothing is ever
# deleted, only no longer asked for. A patient's entries come to about 40 KB (Today 2,
# a page of history 8, the plan's items with their exercises' texts 27); 1,500 entries
# (some 500 patients a day per worker) stay near 20 MB. When full, a third is dropped.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 1500)},
    }
}
# Patients stay signed in on their own phone for weeks; the session lives in the
# database, so "sign out everywhere" can revoke it.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 42)
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The address people use, for links made outside a request (sign-in links, emails).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# How long a one-time sign-in link handed to a patient stays valid.
SIGN_IN_LINK_DAYS = env_int("SIGN_IN_LINK_DAYS", 7)
# Offline use (patient/offline.py): how many days of plan, today included, a patient's
# phone keeps for a session without a connection, and how long after it happened a
# step done offline is still accepted when the phone sends it.
OFFLINE_DAYS = env_int("OFFLINE_DAYS", 4)
OFFLINE_SYNC_DAYS = env_int("OFFLINE_SYNC_DAYS", 7)
# How long the link that confirms a patient's new email address works (sent to that
# address; accounts/email_change.py). It also dies once the address changes otherwise.
EMAIL_CHANGE_LINK_HOURS = env_int("EMAIL_CHANGE_LINK_HOURS", 48)
# How long a clinic admin's emailed invitation to a new clinician works
# (accounts/invitations.py).
INVITATION_DAYS = env_int("INVITATION_DAYS", 7)

# --- HTTPS and cookies (production defaults; switch off only behind plain HTTP in dev) --
_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _SECURE)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", _SECURE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no script reads the cookie: the token comes from the page
# Load balancers probe /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365 if _SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The preload flag only matters once the domain is submitted to the browsers' list.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", _SECURE)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if BEHIND_TLS_PROXY:
    # Only when a reverse proxy that sets this header terminates TLS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Strict CSP: scripts only from this origin and only with the request's nonce; no inline
# styles at all. htmx is configured (base.html) not to need eval or inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# --- Clinical thresholds (clinical.md §3; proposed rules that need clinical sign-off) ---
PAIN_MEANINGFUL_POINTS = env_int("PAIN_MEANINGFUL_POINTS", 2)
PAIN_MEANINGFUL_SHARE = 0.3  # 30 % of the baseline score
PAIN_ACCEPTABLE_CEILING = env_int("PAIN_ACCEPTABLE_CEILING", 5)
# 0 to 3 safe, 4 to 5 acceptable, over 5 not (the common banding, clinical.md §3).
PAIN_SAFE_CEILING = env_int("PAIN_SAFE_CEILING", 3)
# A score before the session at or above this gets the "go gently today" advice.
PAIN_SEVERE = env_int("PAIN_SEVERE", 8)
PROGRESS_AFTER_SESSIONS = env_int("PROGRESS_AFTER_SESSIONS", 2)
# The progression ladder (clinical.md §3.1), one rung per suggestion. Holds (stretches,
# mobility): +10 s up to 60 s, then +1 set up to 3. Reps: +2 up to 12 (ACSM's 8-12;
# 15 for older or untrained beginners is the clinician's call), then +1 set up to 3.
# Reps with a hold on each: +2 s up to 10 s, then +2 reps up to 12, then +1 set. A step
# back goes down the same rungs to the bottom ones below; below those, the easier
# exercise; above the top, the harder one.
LADDER_HOLD_STEP = env_int("LADDER_HOLD_STEP", 10)
LADDER_HOLD_TOP = env_int("LADDER_HOLD_TOP", 60)
LADDER_HOLD_BOTTOM = env_int("LADDER_HOLD_BOTTOM", 10)
LADDER_REPS_STEP = env_int("LADDER_REPS_STEP", 2)
LADDER_REPS_TOP = env_int("LADDER_REPS_TOP", 12)
LADDER_REPS_BOTTOM = env_int("LADDER_REPS_BOTTOM", 4)
LADDER_HELD_REP_STEP = env_int("LADDER_HELD_REP_STEP", 2)
LADDER_HELD_REP_TOP = env_int("LADDER_HELD_REP_TOP", 10)
LADDER_HELD_REP_BOTTOM = env_int("LADDER_HELD_REP_BOTTOM", 2)
LADDER_SETS_TOP = env_int("LADDER_SETS_TOP", 3)
# On a bad-back day, an item with no easier version becomes this catalogue exercise
# (once per session; clinical.md §3.1).
BAD_DAY_FALLBACK = os.environ.get("BAD_DAY_FALLBACK", "walking-break")

# --- Who to call (hipmob/contact.py) ----------------------------------------------------
# The country decides the emergency number (GB 999; the EU, Spain included, 112; US and
# CA 911; any other country 112) and the urgent-care wording, unless set here.
HIPMOB_COUNTRY = os.environ.get("HIPMOB_COUNTRY", "GB").strip().upper() or "GB"
EMERGENCY_NUMBER = os.environ.get("EMERGENCY_NUMBER", "").strip()
URGENT_CARE = os.environ.get("URGENT_CARE", "").strip()
# The clinic's details, shown wherever the patient is told to contact the clinic (a
# later issue moves them to a clinic profile). Empty: a general sentence instead.
CLINIC_NAME = os.environ.get("CLINIC_NAME", "").strip()
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "").strip()
CLINIC_HOURS = os.environ.get("CLINIC_HOURS", "").strip()

# --- Internationalisation ---------------------------------------------------------------
# The patient pages are translated; each person picks a language on their account page
# (User.language, applied by hipmob.middleware.UserLanguageMiddleware), else the
# browser's Accept-Language decides (LocaleMiddleware). Names are shown in their own
# language in the selector.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365  # set when a patient picks a language
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
# The catalogue's patient-facing text has a column per language (exercises/translation.py);
# a Spanish page shows the English where the Spanish is still empty.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# An exercise made in code with plain field names (`Exercise(name=...)`) gets them in
# English too, whatever language is active, so the English is never left empty.
MODELTRANSLATION_AUTO_POPULATE = "default"
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # the admin makes slugs from the English name
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")  # also the default for new users

# --- Static and uploaded files --------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

# Uploaded exercise images: the pipeline in exercises/images.py enforces these.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
UPLOAD_MAX_PIXELS = env_int("UPLOAD_MAX_PIXELS", 24_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440


# --- Email ------------------------------------------------------------------------------
# Either one EMAIL_URL (smtp://user:password@host:587 uses STARTTLS, smtps://…:465 uses
# TLS from the start, smtp+plain://host:25 neither; console:// prints to stderr), or the
# separate EMAIL_* variables. With DEBUG and neither, mail goes to the console.
def email_from_url(url: str) -> dict:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+plain": "django.core.mail.backends.smtp.EmailBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(s + '://' for s in backends)}; "
            f"got {parts.scheme!r}."
        )
    try:
        port = parts.port
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL has a port that isn't a number.") from None
    default_port = {"smtps": 465, "smtp": 587}.get(parts.scheme, 25)
    return {
        "EMAIL_BACKEND": backends[parts.scheme],
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": parts.scheme == "smtp",
        "EMAIL_USE_SSL": parts.scheme == "smtps",
    }


if os.environ.get("EMAIL_URL"):
    globals().update(email_from_url(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend",
    )
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = env_int("EMAIL_PORT", 25)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)  # a stuck mail server must not hang cron
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "HipMob <hipmob@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Reminders (reminders/selection.py; `manage.py send_reminders` runs every 15 min) --
# A reminder still goes out this long after the chosen time, so a late or skipped cron
# run doesn't lose it; after that the day's reminder is dropped, not sent at night.
REMINDER_WINDOW_MINUTES = env_int("REMINDER_WINDOW_MINUTES", 60)
# How long the unsubscribe link in a reminder email works (reminders.models.UnsubscribeLink);
# after that the page asks the patient to sign in and switch reminders off there.
UNSUBSCRIBE_LINK_DAYS = env_int("UNSUBSCRIBE_LINK_DAYS", 60)

# --- Alerts (safety/alerts.py; `manage.py send_alert_reminders` runs every 5 min) -------
# An emergency alert no linked clinician has acknowledged is sent to them again this
# long after the last notice (clinical.md §2.1, "Alert tiers").
ALERT_RESEND_MINUTES = env_int("ALERT_RESEND_MINUTES", 30)

# --- Web Push (accounts/push.py): patients' reminders and clinicians' urgent alerts ---
# A VAPID key pair (`python manage.py vapid_keys` makes one), both in unpadded
# base64url: the public key is the 65-byte uncompressed P-256 point browsers subscribe
# with, the private key its 32-byte scalar. Neither set: push is off (the account page
# says so and nothing is sent). Changing the pair ends every subscription (docs/deployment.md).
_vapid_public = env_b64url("VAPID_PUBLIC_KEY", 65)
_vapid_private = env_b64url("VAPID_PRIVATE_KEY", 32)
if bool(_vapid_public) != bool(_vapid_private):
    raise ImproperlyConfigured("Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.")
if _vapid_private:
    try:
        _derived = (
            ec.derive_private_key(int.from_bytes(_vapid_private, "big"), ec.SECP256R1())
            .public_key()
            .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        )
    except ValueError:
        raise ImproperlyConfigured("VAPID_PRIVATE_KEY is not a P-256 private key.") from None
    if _derived != _vapid_public:
        raise ImproperlyConfigured("VAPID_PUBLIC_KEY is not the public half of VAPID_PRIVATE_KEY.")
VAPID_PUBLIC_KEY = base64.urlsafe_b64encode(_vapid_public).decode().rstrip("=")
VAPID_PRIVATE_KEY = base64.urlsafe_b64encode(_vapid_private).decode().rstrip("=")
# Who push services contact about this sender: a mailto: or https: address. By default
# the address in DEFAULT_FROM_EMAIL, else SITE_URL when it is https.
_from_address = parseaddr(DEFAULT_FROM_EMAIL)[1]
VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "").strip() or (
    f"mailto:{_from_address}"
    if "@" in _from_address
    else SITE_URL
    if SITE_URL.startswith("https://")
    else ""
)
if VAPID_SUBJECT and not re.match(r"^(mailto:[^@\s]+@[^@\s]+|https://[^/\s]+\S*)$", VAPID_SUBJECT):
    raise ImproperlyConfigured(
        f"VAPID_SUBJECT must be a mailto: or https:// address; got {VAPID_SUBJECT!r}."
    )
# Seconds before a push service that doesn't answer is given up on (cron must not hang).
PUSH_TIMEOUT = env_int("PUSH_TIMEOUT", 10)
# The only hosts (and their subdomains) a subscription's endpoint may name: the push
# services of Chrome, Firefox, Safari and Edge. The server POSTs to whatever address a
# browser sent, so anything else would let a user make it call any host.
PUSH_SERVICE_HOSTS = env_list(
    "PUSH_SERVICE_HOSTS",
    "fcm.googleapis.com,push.services.mozilla.com,push.apple.com,notify.windows.com",
)
# Tests only (override_settings): a local plain-HTTP receiver plays the push service.
# Browsers only ever hand out https endpoints; there is no variable for this.
PUSH_ALLOW_HTTP_ENDPOINTS = False

# --- Logging: errors to stderr, where gunicorn and systemd collect them ----------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
