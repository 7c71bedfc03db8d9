"""gunicorn reads this file from the directory it is started in (the repository root, as
in docs/deployment.md), or from `gunicorn -c gunicorn.conf.py`.

It stops gunicorn announcing itself: every response would otherwise say
`Server: gunicorn`, telling an attacker which server (and so which known bugs) to try.
gunicorn has no setting for this, so the header line is dropped from the response's
default headers; tests/hipmob/test_headers.py starts gunicorn and checks. (nginx in
front adds its own `Server: nginx` unless `server_tokens off` and, with the headers-more
module, `more_clear_headers Server`.)"""

import gunicorn.http.wsgi

_default_headers = gunicorn.http.wsgi.Response.default_headers


def _without_server_header(self):
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


gunicorn.http.wsgi.Response.default_headers = _without_server_header
