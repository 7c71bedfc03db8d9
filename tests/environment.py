"""Loaded by pytest with `-p tests.environment` (see pyproject.toml), before Django's
settings are imported. The suite runs the production settings (DEBUG off); only what a
plain-HTTP test server can't do is switched off here. Values already in the environment
(CI's DATABASE_URL, say) win."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# The test client and the live server speak plain HTTP.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
# The live server's thread would keep a persistent connection open, and PostgreSQL
# won't drop the test database while anyone is connected.
os.environ.setdefault("CONN_MAX_AGE", "0")
