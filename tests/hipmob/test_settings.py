import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process with exactly these variables (plus PATH)."""
    clean = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_it_passes_check_deploy_with_only_secret_key_and_allowed_hosts():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-key-" + "k7Qz9" * 10,
        ALLOWED_HOSTS="hipmob.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_in_production():
    result = run_manage("check", ALLOWED_HOSTS="hipmob.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_refuses_a_malformed_boolean():
    result = run_manage("check", SECRET_KEY="x" * 50, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_debug_is_off_and_argon2_comes_first():
    assert settings.DEBUG is False
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_deny_by_default_is_installed():
    assert "django.contrib.auth.middleware.LoginRequiredMiddleware" in settings.MIDDLEWARE


def test_the_database_is_configured_for_concurrent_writes():
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
        assert db["OPTIONS"]["timeout"] >= 10
    else:
        assert connection.vendor == "postgresql"
        assert db["CONN_HEALTH_CHECKS"] is True
        assert db["OPTIONS"]["connect_timeout"] == 5


def test_the_sqlite_default_really_runs_in_wal_mode(tmp_path):
    """Through Django's own connection to a file database (the test database may be
    in memory or PostgreSQL), ask SQLite itself. Runs on every CI leg."""
    probe = (
        "from django.db import connection\n"
        "cursor = connection.cursor()\n"
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0],"
        " connection.transaction_mode)"
    )
    result = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        probe,
        SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'wal.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE"]


def test_email_url_sets_up_smtp_with_starttls():
    from hipmob.settings import email_from_url

    config = email_from_url("smtp://hipmob%40clinic.example:p%40ss@mail.example:2525")
    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "hipmob@clinic.example",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }
    assert email_from_url("smtps://mail.example")["EMAIL_PORT"] == 465
    assert email_from_url("smtps://mail.example")["EMAIL_USE_SSL"] is True
    assert email_from_url("smtp+plain://localhost")["EMAIL_USE_TLS"] is False
    assert email_from_url("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_a_malformed_email_url_stops_the_app():
    result = run_manage("check", SECRET_KEY="x" * 50, EMAIL_URL="imap://mail.example")
    assert result.returncode != 0
    assert "EMAIL_URL must start with one of" in result.stderr


def test_send_reminders_runs_from_cron_with_production_settings(tmp_path):
    """What cron runs: a fresh process, production settings, an empty database."""
    env = {
        "SECRET_KEY": "a-long-random-production-key-" + "k7Qz9" * 10,
        "ALLOWED_HOSTS": "hipmob.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cron.sqlite3'}",
        "EMAIL_URL": "console://",
    }
    assert run_manage("migrate", "--noinput", **env).returncode == 0
    result = run_manage("send_reminders", **env)
    assert result.returncode == 0, result.stderr
    assert "0 sent, 0 already sent, 0 failed, 0 patients with reminders." in result.stdout
