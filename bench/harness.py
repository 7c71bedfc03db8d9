"""What `make bench` and `make lighthouse` share: a throw-away database filled with
scale data, a gunicorn server with production settings, and signed-in HTTP clients.

SQLite (a file in a temporary directory) by default; with DATABASE_URL pointing at
PostgreSQL, a database named after it with `_benchrun` appended is created for the
run and dropped afterwards. Nothing outside the temporary directory is touched.
"""

import base64
import contextlib
import gzip
import hmac
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = secrets.token_urlsafe(16)
BIG, SMALL = "big", "small"  # the two clinics: PREFIX-lead sees every patient of one
HUGE = "huge"  # a third, of 5,000 patients, when `make bench` asks for it
AUTHENTICATOR_KEYS = {}  # username -> the TOTP key its second step was set up with
CODES_USED = {}  # username -> the 30-second step of the last code it typed


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A database for one run, removed afterwards."""

    def __init__(self, workdir: Path):
        self.admin_url = None
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            parts = urllib.parse.urlsplit(url)
            self.name = (parts.path.lstrip("/") or "hipmob") + "_benchrun"
            self.url = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))
            self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
            self.vendor = "postgresql"
        else:
            self.name = str(workdir / "bench.sqlite3")
            self.url = f"sqlite:///{self.name}"
            self.vendor = "sqlite"

    def _admin(self, sql: str) -> None:
        import psycopg  # only needed for PostgreSQL runs (pip install -e ".[postgres]")

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def create(self) -> None:
        if self.admin_url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        if self.admin_url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes  # as sent (gzip-compressed when the server compressed it)
    header_bytes: int

    @property
    def text(self) -> str:
        raw = (
            gzip.decompress(self.body)
            if self.headers.get("content-encoding") == "gzip"
            else self.body
        )
        return raw.decode()

    @property
    def wire_bytes(self) -> int:
        return self.header_bytes + len(self.body)


@dataclass
class Client:
    """A tiny browser: keeps cookies, sends Accept-Encoding like one, and never follows
    redirects by itself."""

    port: int
    cookies: dict = field(default_factory=dict)

    def request(self, method: str, path: str, data=None, headers=None) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Accept-Encoding": "gzip", "Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = self.cookie_header
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        conn.request(method, path, body=body, headers=sent)
        raw = conn.getresponse()
        payload = raw.read()
        headers = {k.lower(): v for k, v in raw.getheaders()}
        # Status line and headers as they crossed the wire.
        head = len(f"HTTP/1.1 {raw.status} {raw.reason}\r\n") + 2
        head += sum(len(f"{k}: {v}\r\n") for k, v in raw.getheaders())
        for value in raw.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(value)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        conn.close()
        return Response(raw.status, headers, payload, head)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> Response:
        return self.request("POST", path, data=data, **kwargs)

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def use_link(self, path: str) -> "Client":
        """A patient's way in: the one-time link's page, then its button (a POST)."""
        page = self.get(path)
        done = self.post(path, {"csrfmiddlewaretoken": form_token(page)})
        if done.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"Signing in by link failed ({done.status}).")
        return self

    def sign_in(self, username: str, password: str, *, second_step: bool) -> "Client":
        """Through the real sign-in form, CSRF token and all; clinicians then set up
        the second step as a person would (an authenticator app's code, worked out
        here from the key the set-up page shows)."""
        page = self.get("/sign-in/")
        done = self.post(
            "/sign-in/",
            {"csrfmiddlewaretoken": form_token(page), "username": username, "password": password},
        )
        if done.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"Signing in as {username} failed ({done.status}).")
        if second_step:
            # The first time: set up the app. Later: type its code.
            path = "/two-step/" if username in AUTHENTICATOR_KEYS else "/two-step/set-up/"
            page = self.get(path)
            if path.endswith("set-up/"):
                key = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page.text).group(1)
                AUTHENTICATOR_KEYS[username] = key
            # A code is good once: like a person, wait for the app's next one if needed.
            while int(time.time() // 30) == CODES_USED.get(username):
                time.sleep(1)
            CODES_USED[username] = int(time.time() // 30)
            data = {
                "csrfmiddlewaretoken": form_token(page),
                "code": totp(AUTHENTICATOR_KEYS[username]),
            }
            if self.post(path, data).status != 302:
                raise RuntimeError(f"The second step for {username} failed.")
        return self


def form_token(page: Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def totp(key: str, at: float | None = None) -> str:
    """The 6-digit code an authenticator app shows for `key` (RFC 6238: SHA-1, 30 s)."""
    secret = key.replace(" ", "")
    secret = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(secret, int((at or time.time()) // 30).to_bytes(8, "big"), "sha1").digest()
    offset = digest[-1] & 0x0F
    return f"{(int.from_bytes(digest[offset : offset + 4], 'big') & 0x7FFFFFFF) % 10**6:06d}"


class Assets(HTMLParser):
    """What a page makes the browser load: stylesheets, icons, scripts and images."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])

    @classmethod
    def of(cls, html: str) -> list[str]:
        parser = cls()
        parser.feed(html)
        return list(dict.fromkeys(u for u in parser.urls if u.startswith("/")))


@dataclass
class Server:
    port: int
    env: dict
    database: Database
    data_seconds: dict
    patients: int = 500
    huge_patients: int = 0  # the third clinic's patients; 0: not made
    gunicorn_pid: int = 0  # the master; its children are the workers
    patient: str = f"{BIG}-patient-0001"
    session_code: str = ""
    step: dict = field(default_factory=dict)

    def client(self, username: str | None = None) -> Client:
        client = Client(self.port)
        if not username:
            return client
        if "-patient-" in username:  # patients have no password: a one-time link
            url = manage(self.env, "issue_link", username).strip()
            return client.use_link(url[url.index("/link/") :])
        return client.sign_in(username, PASSWORD, second_step=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def clinics(patients: int, huge_patients: int = 0) -> list[tuple[str, int]]:
    """The clinics a run makes: prefix and patients."""
    made = [(BIG, patients), (SMALL, 5)]
    if huge_patients:
        made.append((HUGE, huge_patients))
    return made


def _data(env: dict, patients: int, days: int, seed: int, huge_patients: int = 0) -> dict:
    timings = {}
    for prefix, count in clinics(patients, huge_patients):
        log(f"{prefix}: making {count:,} patients with {days} days of history...")
        started = time.perf_counter()
        out = manage(
            env,
            "make_scale_data",
            f"--patients={count}",
            f"--days={days}",
            f"--seed={seed}",
            f"--prefix={prefix}",
            f"--password={PASSWORD}",
        )
        timings[prefix] = round(time.perf_counter() - started, 1)
        log(f"{prefix}: {out.strip()} ({timings[prefix]} s)")
    return timings


def _wait_until_up(port: int, process: subprocess.Popen) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited at start-up; see the lines above.")
        with contextlib.suppress(OSError):
            if Client(port).get("/healthz").status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer /healthz within 30 s.")


def start_session(server: Server) -> None:
    """The patient taps Start and answers the check-in, as in the app; the player then
    shows the first step, whose form fields the step POST sends."""
    patient = server.client(server.patient)
    token = form_token(patient.get("/today/"))
    started = patient.post("/sessions/start/", {"csrfmiddlewaretoken": token})
    location = started.headers.get("location", "")
    match = re.fullmatch(r"/sessions/([0-9a-f-]{36})/", location)
    if not match:
        raise RuntimeError(f"Start did not open a session (went to {location!r}).")
    server.session_code = match.group(1)
    patient.post(f"{location}check-in/", {"csrfmiddlewaretoken": token, "pain": "3"})
    page = patient.get(location).text
    fields = dict(
        re.findall(r'<input type="hidden" name="(item|side|set_number)" value="([^"]*)"', page)
    )
    if set(fields) != {"item", "side", "set_number"}:
        raise RuntimeError("The session page shows no step to log.")
    server.step = {**fields, "action": "done"}


@contextlib.contextmanager
def running_server(*, patients: int, days: int, seed: int, workers: int, huge_patients: int = 0):
    """A migrated database with both clinics (and a third of `huge_patients` if not 0),
    static files collected with the production storage, and gunicorn with production
    settings (DEBUG off) on a free port. Cleans everything up afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="hipmob-bench-"))
    database = Database(workdir)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on loopback: no HTTPS redirect, and cookies a client can send back.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "DATABASE_URL": database.url,
        "LOG_LEVEL": "ERROR",
    }
    process = None
    try:
        database.create()
        log(f"database: {database.vendor} ({database.name})")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        timings = _data(env, patients, days, seed, huge_patients)
        process = subprocess.Popen(  # noqa: S603 - gunicorn from our own virtualenv
            [
                PYTHON,
                "-m",
                "gunicorn",
                "hipmob.wsgi",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                "--worker-class=sync",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=env,
        )
        _wait_until_up(port, process)
        log(f"gunicorn: {workers} sync workers on port {port}")
        server = Server(
            port=port,
            env=env,
            database=database,
            data_seconds=timings,
            patients=patients,
            huge_patients=huge_patients,
            gunicorn_pid=process.pid,
        )
        start_session(server)
        yield server
    finally:
        if process and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=20)
            if process.poll() is None:
                process.kill()
        try:
            database.drop()
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


def children_of(pid: int, proc: Path = Path("/proc")) -> list[int]:
    """The processes whose parent is `pid` (gunicorn's workers, for its master), from
    /proc/<pid>/stat: Linux only."""
    found = []
    for stat in proc.glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # "pid (command) state ppid ...": the command may hold spaces and brackets.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return sorted(found)


def memory_of(pid: int, proc: Path = Path("/proc")) -> dict:
    """A process's resident memory now (VmRSS) and at its peak (VmHWM), in KB, from
    /proc/<pid>/status (Linux only; {} if it is gone or not Linux)."""
    try:
        text = (proc / str(pid) / "status").read_text()
    except OSError:
        return {}
    wanted = {"VmRSS": "rss_kb", "VmHWM": "peak_kb"}
    found = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name in wanted:
            found[wanted[name]] = int(value.split()[0])  # "  123456 kB"
    return found


def reset_peak(pid: int, proc: Path = Path("/proc")) -> bool:
    """Start a process's VmHWM again from its resident memory now (writing 5 to
    /proc/<pid>/clear_refs: Linux 4.0 and later, our own processes). False if it could
    not be done; the peak then stays the highest since the process started."""
    try:
        (proc / str(pid) / "clear_refs").write_text("5")
    except OSError:
        return False
    return True


def worker_memory(master: int, proc: Path = Path("/proc")) -> dict[int, dict]:
    """Each gunicorn worker's memory (memory_of), by pid."""
    return {pid: memory_of(pid, proc) for pid in children_of(master, proc)}


def machine() -> dict:
    load = os.getloadavg()
    return {
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in load],
        "python": sys.version.split()[0],
        "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),  # noqa: S607
    }


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")
