"""Load and fault test: simulated patients do whole sessions over real HTTP while the
servers fail under them; then the database is counted against what the clients did.

    make load                     # 100 patients, one gunicorn, a worker SIGKILLed and
                                  # PostgreSQL restarted mid-run
    make load SERVERS=2           # two gunicorns behind nginx; one instance killed too
    make load FAULTS=none         # the same load without server faults

What it does, in order: creates its own PostgreSQL database (hipmob_loadtest_<pid>),
migrates it and makes N patients with plans through the app's own code (a child
process running Django: `assign_template`, `SignInLink.issue`); starts gunicorn with
production settings (DEBUG off) on 127.0.0.1, behind nginx with --servers 2; then runs N
phones at once. Each signs in (one-time link, or the password form), answers the safety
check, starts today's session, checks in, does every step and checks out, exactly as
templates/patient/session.html and static/js/player.js do: HTMX posts with the CSRF
header, a 15 s timeout, and the player's retry schedule on timeouts, dropped
connections and 5xx answers. Faults on the client side: every step POST is sent twice
(half of them at the same moment), some sessions are reloaded mid-way, some abandoned
and resumed later (half of those on a "new phone" signed in with the password).

Verdict: every step a client was told was saved is in the database with the status it
asked for (lost = 0), no step or session exists twice (duplicates = 0), every session is
whole (completed, both pain scores, one log per plan step, nothing logged after the
finish), and no request got a 5xx outside a fault window (5xx during faults are
counted separately). One summary line; exit status 1 when the verdict fails, 2 when
the run itself could not be made, 130 on Ctrl+C.

Only 127.0.0.1 is used. Every loop is bounded in count and time, and the run stops by
itself (--deadline). However it ends (Ctrl+C included) it stops its processes, drops
its database, removes its temporary files and leaves PostgreSQL running.
"""

# This script starts gunicorn, nginx, manage.py and pg_ctlcluster with arguments it
# builds itself (S603/S607), and its pseudo-random choices only shape the simulated
# patients, so that a run can be repeated (S311).
# ruff: noqa: S603, S607, S311

import argparse
import contextlib
import http.client
import http.cookies
import json
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
RETRY_DELAYS = [1, 2, 4, 8, 8, 15, 15, 30]  # seconds, as RETRY_DELAYS in player.js
CLIENT_TIMEOUT = 15  # seconds, htmx's "timeout" in templates/base.html
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_RESTART = ["pg_ctlcluster", "--skip-systemctl-redirect"]  # + version, name, action

# Patient-side behaviour, per session.
RELOAD_SHARE = 0.2  # reload the page at some step
ABANDON_SHARE = 0.15  # walk away at some step and come back later
NEW_PHONE_SHARE = 0.5  # of those who come back: on another phone, signed in by password
# Patients have no password (they sign in only by link): none signs in by password.
PASSWORD_SIGN_IN_SHARE = 0.0
EASIER_SHARE, SKIP_SHARE = 0.1, 0.04  # the rest press Done


class Interrupted(Exception):
    """Ctrl+C or SIGTERM: stop the clients, then clean up."""


# --- The child processes that use Django (the parent never imports it) ----------------


def child_seed(count: int) -> None:
    """Make a clinician, the core-five template and `count` patients, each with an active
    plan (the app's assign_template), a one-time sign-in link and a password. Prints,
    per patient, the username, the link's token and the plan's steps in order."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django_scopes import scopes_disabled

    from accounts.models import CareLink, Role, SignInLink, User
    from clinic.management.commands.seed_demo import CORE_FIVE, TEMPLATE_TITLE
    from exercises.models import Exercise
    from organisations.models import Clinic, Organisation
    from practice.steps import plan_steps
    from routines.models import Routine, RoutineItem, RoutineKind
    from routines.plans import assign_template

    password = make_password(os.environ["LOAD_PASSWORD"])  # one Argon2 hash, shared
    out = []
    with transaction.atomic(), scopes_disabled():
        organisation = Organisation.objects.create(name="Load group", slug="load")
        clinic = Clinic.objects.create(organisation=organisation, name="Load clinic", slug="load")
        clinician = User.objects.create(
            username="load-clinician", name="Load Clinician", role=Role.CLINICIAN, clinic=clinic
        )
        template = Routine.objects.create(
            kind=RoutineKind.TEMPLATE, title=TEMPLATE_TITLE, owner=clinician, shared=True
        )
        exercises = Exercise.objects.in_bulk(CORE_FIVE, field_name="slug")
        RoutineItem.objects.bulk_create(
            RoutineItem.from_exercise(exercises[slug], routine=template, order=index)
            for index, slug in enumerate(CORE_FIVE)
        )
        for n in range(count):
            patient = User.objects.create(
                username=f"load-patient-{n:04}",
                name=f"Load Patient {n}",
                role=Role.PATIENT,
                password=password,
                clinic=clinic,
            )
            CareLink.objects.create(clinician=clinician, patient=patient)
            plan = assign_template(
                template, patient, owner=clinician, start_date=patient.local_date()
            )
            _link, token = SignInLink.issue(patient, created_by=clinician)
            items = plan.items.select_related("exercise").order_by("order", "id")
            steps = [list(step.key) for step in plan_steps(list(items))]
            out.append({"username": patient.username, "token": token, "steps": steps})
    print(json.dumps(out))


def child_count() -> None:
    """Every session and step log in the database, and any (session, step) or
    (patient, day) that occurs more than once."""
    import django

    django.setup()
    from django.db.models import Count

    from practice.models import ExerciseSession, StepLog

    sessions = list(
        ExerciseSession.objects.values(
            "code", "patient__username", "status", "pain_before", "pain_after", "finished"
        )
    )
    logs = list(
        StepLog.objects.values("session__code", "item_id", "side", "set_number", "status", "at")
    )
    twice = StepLog.objects.values("session", "item", "side", "set_number")
    twice = twice.annotate(n=Count("id")).filter(n__gt=1).count()
    days = ExerciseSession.objects.values("patient", "local_date").annotate(n=Count("id"))
    print(
        json.dumps(
            {
                "sessions": sessions,
                "logs": logs,
                "duplicate_steps": twice,
                "duplicate_sessions": days.filter(n__gt=1).count(),
            },
            default=str,
        )
    )


# --- One phone ---------------------------------------------------------------------


@dataclass
class Request:
    kind: str  # what it was for: "step", "check-in", "page", ...
    status: int  # 0: no answer (refused, reset, timed out)
    start: float
    end: float
    error: str = ""


@dataclass
class Answer:
    status: int
    text: str = ""
    location: str = ""


STAGE = re.compile(r'id="player" class="player" data-stage="(\w+)"')
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_HEADER = re.compile(r'"X-CSRFToken": "([^"]+)"')
STEP_FIELDS = re.compile(
    r'name="item" value="(\d+)">\s*<input type="hidden" name="side" value="(\w+)">'
    r'\s*<input type="hidden" name="set_number" value="(\d+)">'
)
SESSION_LINK = re.compile(r'href="/sessions/([0-9a-f-]{36})/"')
# The last line of a traceback in gunicorn's log: what the app failed on.
SERVER_ERROR = re.compile(r"^(\w+\.)+\w*(Error|Exception)\b|^\[.*\] \[\d+\] \[(ERROR|CRITICAL)\]")
RADIO_NO = re.compile(r'type="radio" name="([\w-]+)" value="no"')


class Phone:
    """A browser on one phone: its own cookies and CSRF token, one connection per
    request (gunicorn's sync workers close after each answer), every request logged."""

    def __init__(self, port: int, requests: list, stop: threading.Event):
        self.port, self.requests, self.stop = port, requests, stop
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.lock = threading.Lock()  # a retry may run beside the first send

    def request(self, method: str, path: str, kind: str, data=None, htmx=False) -> Answer:
        headers = {"Host": f"{LOOPBACK}:{self.port}"}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            body = urlencode({"csrfmiddlewaretoken": self.csrf, **(data or {})})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if htmx:  # what htmx adds (base.html puts the token in hx-headers)
            headers.update({"HX-Request": "true", "X-CSRFToken": self.csrf})
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=CLIENT_TIMEOUT)
        start = time.monotonic()
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode()
            answer = Answer(response.status, text, response.getheader("Location", ""))
            for raw in response.headers.get_all("Set-Cookie") or []:
                self._keep(raw)
            error = ""
        except (OSError, http.client.HTTPException) as exc:
            answer, error = Answer(0), type(exc).__name__
        finally:
            connection.close()
        self.requests.append(Request(kind, answer.status, start, time.monotonic(), error))
        token = CSRF_INPUT.search(answer.text) or CSRF_HEADER.search(answer.text)
        if token:
            self.csrf = token.group(1)
        return answer

    def _keep(self, raw: str) -> None:
        for name, morsel in http.cookies.SimpleCookie(raw).items():
            with self.lock:
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def send(self, method: str, path: str, kind: str, data=None, htmx=False) -> Answer:
        """player.js's retry: the same fields again after 1, 2, 4, 8, 8, 15, 15 and 30 s
        when there is no answer or a 5xx. A refusal (4xx) is not retried."""
        for delay in [*RETRY_DELAYS, None]:
            answer = self.request(method, path, kind, data, htmx)
            if 0 < answer.status < 500 or delay is None or self.stop.wait(delay):
                return answer
        raise AssertionError("unreachable")


# --- One patient's session -----------------------------------------------------------


@dataclass
class Outcome:
    username: str
    code: str = ""
    completed: bool = False
    asked: dict = field(default_factory=dict)  # step key -> status the patient chose
    acknowledged: set = field(default_factory=set)  # keys the server answered for
    problems: list = field(default_factory=list)  # what the client saw go wrong
    divergent: int = 0  # a step's two sends answered with different next screens
    reloads: int = 0
    resumes: int = 0


class Patient:
    def __init__(self, seed: dict, index: int, run: "Run"):
        self.seed, self.run = seed, run
        self.rng = random.Random(index)
        self.steps = [tuple(step) for step in seed["steps"]]
        self.outcome = Outcome(seed["username"])
        self.phone: Phone

    def new_phone(self) -> Phone:
        return Phone(self.run.front_port, self.run.requests, self.run.stop)

    def problem(self, text: str) -> None:
        self.outcome.problems.append(text)

    # -- sign-in and Today --
    def sign_in(self, by_password: bool) -> bool:
        phone = self.phone
        if by_password:
            phone.send("GET", "/sign-in/", "sign-in")
            data = {"username": self.seed["username"], "password": self.run.password}
            answer = phone.send("POST", "/sign-in/", "sign-in", data)
        else:
            path = f"/link/{self.seed['token']}/"
            phone.send("GET", path, "sign-in")
            answer = phone.send("POST", path, "sign-in")
        if answer.status != 302 or "sessionid" not in phone.cookies:
            self.problem(f"sign-in failed ({answer.status})")
            return False
        return True

    def open_today(self) -> Answer:
        answer = self.phone.send("GET", "/today/", "page")
        if answer.status == 200 and "Start with the safety check" in answer.text:
            form = self.phone.send("GET", "/safety/", "safety")
            data = dict.fromkeys(RADIO_NO.findall(form.text), "no")
            done = self.phone.send("POST", "/safety/", "safety", data)
            if done.status != 302:
                self.problem(f"safety check refused ({done.status})")
            answer = self.phone.send("GET", "/today/", "page")
        return answer

    def start(self) -> str:
        self.open_today()
        answer = self.phone.send("POST", "/sessions/start/", "start")
        match = re.fullmatch(r"/sessions/([0-9a-f-]{36})/", answer.location)
        if answer.status != 302 or not match:
            self.problem(f"start failed ({answer.status} {answer.location})")
            return ""
        return match.group(1)

    # -- the player --
    def page(self, kind: str) -> Answer:
        return self.phone.send("GET", f"/sessions/{self.outcome.code}/", kind)

    def post_twice(self, action: str, kind: str, data: dict) -> Answer:
        """A client retry: the same POST twice, half the time both at once (the first
        still in flight), else one after the other. Returns the later answer."""
        path = f"/sessions/{self.outcome.code}/{action}/"
        answers: list[Answer] = []

        def post():
            answers.append(self.phone.send("POST", path, kind, data, htmx=True))

        if self.rng.random() < 0.5:
            other = threading.Thread(target=post, daemon=True)
            other.start()
            post()
            other.join(timeout=sum(RETRY_DELAYS) + 20 * CLIENT_TIMEOUT)
        else:
            post()
            post()
        good = [a for a in answers if a.status == 200]
        if len(good) == 2 and _screen(good[0].text) != _screen(good[1].text):
            self.outcome.divergent += 1
        return good[-1] if good else (answers[-1] if answers else Answer(0))

    def expected_next(self):
        return next((key for key in self.steps if key not in self.outcome.asked), None)

    def do_step(self, key) -> tuple[Answer, dict]:
        """Press Done, "Done, but easier" or Skip; returns the answer and what the
        patient asked for, per step (a skip covers the exercise's remaining sets)."""
        roll = self.rng.random()
        if roll < SKIP_SHARE:
            action = "skip"
        else:
            action = "easier" if roll < SKIP_SHARE + EASIER_SHARE else "done"
        data = {"item": key[0], "side": key[1], "set_number": key[2], "action": action}
        if action == "skip":
            data["reason"] = "no_time"
            asked = {
                later: "skipped"
                for later in self.steps[self.steps.index(key) :]
                if later[0] == key[0] and later not in self.outcome.asked
            }
        else:
            asked = {key: action}
        self.outcome.asked.update(asked)
        return self.post_twice("step", "step", data), asked

    def come_back(self) -> Answer:
        """Walk away, then open Today (maybe on another phone) and carry on."""
        self.run.stop.wait(self.rng.uniform(2, 6))
        self.outcome.resumes += 1
        if self.rng.random() < NEW_PHONE_SHARE:
            self.phone = self.new_phone()
            if not self.sign_in(by_password=True):
                return Answer(0)
        today = self.open_today()
        codes = SESSION_LINK.findall(today.text)
        if self.outcome.code not in codes:
            self.problem("Today did not offer the unfinished session")
        return self.page("resume")

    def play(self) -> None:
        outcome = self.outcome
        self.phone = self.new_phone()
        if not self.sign_in(by_password=self.rng.random() < PASSWORD_SIGN_IN_SHARE):
            return
        outcome.code = self.start()
        if not outcome.code:
            return
        screen = self.page("page")
        if _stage(screen.text) == "checkin":
            screen = self.post_twice("check-in", "check-in", {"pain": self.rng.randint(2, 6)})
        turns = len(self.steps)
        reload_at = self.rng.randrange(turns) if self.rng.random() < RELOAD_SHARE else -1
        abandon_at = self.rng.randrange(turns) if self.rng.random() < ABANDON_SHARE else -1
        for turn in range(3 * len(self.steps)):  # bounded: a stuck server can't loop us
            if self.run.stop.is_set():
                return
            stage, key = _screen(screen.text)
            if stage != "step":
                break
            if key != self.expected_next():
                self.problem(f"server showed step {key}, expected {self.expected_next()}")
            self.run.stop.wait(self.rng.uniform(0, self.run.think))
            screen, asked = self.do_step(key)
            shown = _screen(screen.text)
            if screen.status == 200 and shown[0] in ("step", "checkout") and shown != ("step", key):
                outcome.acknowledged.update(asked)  # the player moved on: the server has them
            elif screen.status == 200:
                self.problem(f"step {key} answered with {shown}")
            else:
                # No answer after every retry: look at the page again, as a patient would.
                self.problem(f"step {key} got no answer after retries ({screen.status})")
                screen = self.page("reload")
                if _screen(screen.text) == ("step", key):  # not saved: do it again
                    for asked_key in asked:
                        outcome.asked.pop(asked_key, None)
            if turn == reload_at:
                outcome.reloads += 1
                screen = self.page("reload")
            if turn == abandon_at:
                screen = self.come_back()
        if _stage(screen.text) == "checkout":
            data = {"pain": self.rng.randint(1, 6), "effort": "right", "note": "load test"}
            screen = self.post_twice("check-out", "check-out", data)
        final = self.page("page")
        outcome.completed = _stage(final.text) == "summary"
        if not outcome.completed:
            self.problem(f"session ended at stage {_stage(final.text)!r} ({final.status})")


def _stage(text: str) -> str:
    match = STAGE.search(text)
    return match.group(1) if match else ""


def _screen(text: str):
    """What the player shows: the stage, and for a step its (item, side, set)."""
    fields = STEP_FIELDS.search(text)
    key = (int(fields.group(1)), fields.group(2), int(fields.group(3))) if fields else None
    return _stage(text), key


# --- Servers, faults and the run -------------------------------------------------------


@dataclass
class Fault:
    name: str
    at_progress: float  # share of all steps acknowledged when it fires
    start: float = 0.0
    healed: float = 0.0
    detail: str = ""
    unhealed: bool = False


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def children_of(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return []


class Run:
    def __init__(self, args):
        self.args = args
        self.think = args.think
        self.password = secrets.token_urlsafe(16)
        self.secret_key = "load-test-" + secrets.token_urlsafe(40)
        self.stop = threading.Event()
        self.requests: list[Request] = []
        url = urlsplit(args.database_url)
        self.tmp = Path(tempfile.mkdtemp(prefix="hipmob-load-"))
        self.db_name = f"hipmob_loadtest_{os.getpid()}"
        self.admin_url = url._replace(path="/postgres").geturl()
        self.db_url = url._replace(path=f"/{self.db_name}").geturl()
        self.db_port = url.port or 5432
        self.db_created = False
        self.servers: list[subprocess.Popen] = []
        self.server_ports: list[int] = []
        self.nginx: subprocess.Popen | None = None
        self.front_port = 0
        self.faults: list[Fault] = []
        self.started = time.monotonic()
        self.restarting: subprocess.Popen | None = None
        self.total_steps = 0
        self.patients: list[Patient] = []

    # -- environment --
    def env(self, **extra) -> dict:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hipmob.settings",
            "PYTHONPATH": str(ROOT),
            "DEBUG": "0",
            # One key for every instance: sessions and CSRF tokens must verify anywhere.
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": LOOPBACK,
            "DATABASE_URL": self.db_url,
            "CONN_MAX_AGE": "60",  # persistent, health-checked connections, as deployed
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback: no TLS proxy here
            "SECURE_COOKIES": "0",
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "LOG_LEVEL": "WARNING",
            "LOAD_PASSWORD": self.password,
        }
        env.update(extra)
        return env

    def manage(self, *command: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=self.env(),
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=300,
        )

    def child(self, mode: str, *extra: str) -> object:
        out = subprocess.run(
            [sys.executable, __file__, mode, *extra],
            cwd=ROOT,
            env=self.env(),
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return json.loads(out.stdout)

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(statement)

    def setup(self) -> None:
        self.cluster = self.find_cluster()
        self.sql(f'CREATE DATABASE "{self.db_name}"')
        self.db_created = True
        say(f"database {self.db_name} on port {self.db_port}; migrating")
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        seeds = self.child("_seed", str(self.args.patients))
        self.patients = [Patient(seed, n, self) for n, seed in enumerate(seeds)]
        self.total_steps = sum(len(p.steps) for p in self.patients)
        say(f"{len(self.patients)} patients with plans of {len(seeds[0]['steps'])} steps each")

    def find_cluster(self) -> tuple[str, str]:
        """The Debian cluster (version, name) listening on the database's port."""
        out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            version, name, port, *_rest = line.split()
            if int(port) == self.db_port:
                return version, name
        raise RuntimeError(f"no PostgreSQL cluster of this machine listens on port {self.db_port}")

    def start_servers(self) -> None:
        for n in range(self.args.servers):
            port = free_port()
            log = open(self.tmp / f"gunicorn-{n}.log", "wb")  # noqa: SIM115 - closed with the tmp dir
            command = [
                str(Path(sys.executable).with_name("gunicorn")),
                "hipmob.wsgi",
                f"--bind={LOOPBACK}:{port}",
                f"--workers={self.args.workers}",
                "--timeout=30",  # a stuck request is killed and its worker replaced
                "--graceful-timeout=20",
                f"--pid={self.tmp / f'gunicorn-{n}.pid'}",
            ]
            # Own process group, so one instance can be killed whole, and Ctrl+C in the
            # terminal reaches only this script, which then stops them in order.
            server = subprocess.Popen(
                command, cwd=ROOT, env=self.env(), stdout=log, stderr=log, start_new_session=True
            )
            self.servers.append(server)
            self.server_ports.append(port)
        for port in self.server_ports:
            self.wait_healthy(port, 60)
        self.front_port = self.server_ports[0]
        if self.args.servers > 1:
            self.tmp.chmod(0o711)  # nginx's workers (user nobody) reach their temp dirs
            self.start_nginx()
            self.wait_healthy(self.front_port, 30)
        say(
            f"{self.args.servers} gunicorn x {self.args.workers} workers on ports "
            f"{self.server_ports}; clients use port {self.front_port}"
        )

    def start_nginx(self) -> None:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            install = ["apt-get", "install", "-y", "nginx"]
            if os.geteuid() != 0 or not shutil.which("apt-get"):
                raise RuntimeError("SERVERS=2 needs nginx: sudo apt-get install -y nginx")
            say("installing nginx: " + " ".join(install))
            subprocess.run(install, check=True, stdout=subprocess.DEVNULL, timeout=300)
        self.front_port = free_port()
        upstreams = "\n".join(
            f"    server {LOOPBACK}:{port} max_fails=1 fail_timeout=5s;"
            for port in self.server_ports
        )
        conf = NGINX_CONF.format(tmp=self.tmp, port=self.front_port, upstreams=upstreams)
        (self.tmp / "nginx.conf").write_text(conf)
        self.nginx = subprocess.Popen(
            [nginx, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(self.tmp / "nginx-stderr.log", "wb"),  # noqa: SIM115
            start_new_session=True,
        )

    def healthy(self, port: int) -> bool:
        # A client's patience: under load the probe waits in the same queue as the
        # patients, and a shorter timeout would stretch the fault window past the fault.
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=CLIENT_TIMEOUT)
        try:
            connection.request("GET", "/healthz", headers={"Host": f"{LOOPBACK}:{port}"})
            return connection.getresponse().status == 200
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()

    def wait_healthy(self, port: int, seconds: float) -> float:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.healthy(port):
                return time.monotonic()
            server = (
                self.servers[self.server_ports.index(port)] if port in self.server_ports else None
            )
            if server is not None and server.poll() is not None:
                raise RuntimeError(f"gunicorn on port {port} exited")
            time.sleep(0.1)
        raise RuntimeError(f"port {port} is not healthy after {seconds:.0f} s")

    # -- faults --
    def plan_faults(self) -> list[Fault]:
        if self.args.faults == "none":
            return []
        faults = [Fault("worker-kill", 0.25)]
        if self.args.servers > 1:
            faults.append(Fault("instance-kill", 0.4))
        faults.append(Fault("pg-restart", 0.6))
        return faults

    def progress(self) -> float:
        done = sum(len(p.outcome.acknowledged) for p in self.patients)
        return done / self.total_steps if self.total_steps else 1.0

    def inject(self, clients_done: threading.Event) -> None:
        for fault in self.faults:
            while not clients_done.is_set() and self.progress() < fault.at_progress:
                if self.stop.wait(0.05):
                    return
            if clients_done.is_set():
                fault.detail = "not fired: the clients had finished"
                continue
            fault.start = time.monotonic()
            try:
                getattr(self, fault.name.replace("-", "_"))(fault)
                fault.healed = self.wait_healthy(self.front_port, 120)
            except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
                fault.healed, fault.detail = time.monotonic(), f"{fault.detail} NOT HEALED: {exc}"
                fault.unhealed = True
            say(
                f"fault {fault.name} at {self.at(fault.start):.1f} s ({fault.detail}); "
                f"healthy again after {fault.healed - fault.start:.1f} s"
            )

    def worker_kill(self, fault: Fault) -> None:
        master = self.servers[0].pid
        workers = children_of(master)
        victim = random.Random(1).choice(workers)
        os.kill(victim, signal.SIGKILL)
        fault.detail = f"SIGKILL worker {victim} of gunicorn {master}"
        deadline = time.monotonic() + 60  # the master starts a new worker
        while time.monotonic() < deadline:
            now = children_of(master)
            if victim not in now and len(now) >= self.args.workers:
                break
            time.sleep(0.05)

    def instance_kill(self, fault: Fault) -> None:
        victim = self.servers[-1]
        os.killpg(victim.pid, signal.SIGKILL)  # the whole instance, as if its host died
        victim.wait(timeout=10)
        fault.detail = f"SIGKILL gunicorn instance on port {self.server_ports[-1]}, not restarted"

    def pg_restart(self, fault: Fault) -> None:
        version, name = self.cluster
        command = [*PG_RESTART, version, name, "restart"]
        fault.detail = " ".join(command)
        # Its own session: Ctrl+C must not stop it half-way (cleanup waits for it).
        self.restarting = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        self.restarting.wait(timeout=120)
        fault.detail += f", took {time.monotonic() - fault.start:.1f} s"

    def at(self, t: float) -> float:
        return t - self.started

    # -- the run --
    def drive(self) -> float:
        self.faults = self.plan_faults()
        clients_done = threading.Event()
        injector = threading.Thread(target=self.inject, args=(clients_done,), daemon=True)
        threads = [threading.Thread(target=p.play, daemon=True) for p in self.patients]
        self.started = time.monotonic()
        deadline = self.started + self.args.deadline
        injector.start()
        for n, thread in enumerate(threads):
            thread.start()
            if n % 10 == 9:
                time.sleep(0.05)  # phones don't all connect in the same millisecond
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        if any(t.is_alive() for t in threads):
            say("deadline reached: stopping the clients")
            self.stop.set()
            for thread in threads:
                thread.join(timeout=CLIENT_TIMEOUT + 5)
        clients_done.set()
        injector.join(timeout=130)
        return time.monotonic() - self.started

    # -- the verdict --
    def verdict(self, wall: float) -> int:
        db = self.child("_count")
        sessions = {s["code"]: s for s in db["sessions"]}
        logs: dict[str, dict] = {}
        for log in db["logs"]:
            key = (log["item_id"], log["side"], log["set_number"])
            logs.setdefault(log["session__code"], {})[key] = log
        lost = wrong = impossible = unfinished = problems = 0
        notes: list[str] = []
        for patient in self.patients:
            out = patient.outcome
            session = sessions.get(out.code)
            saved = logs.get(out.code, {})
            for key in out.acknowledged:
                if key not in saved:
                    lost += 1
                    notes.append(f"{out.username}: acknowledged step {key} not in the database")
            for key, status in out.asked.items():
                if key in saved and saved[key]["status"] != status:
                    wrong += 1
                    notes.append(f"{out.username}: step {key} saved as {saved[key]['status']}")
            # What the client saw go wrong: a page that didn't resume where it should, a
            # step that got no answer after every retry.
            problems += len(out.problems)
            notes.extend(f"{out.username}: {p}" for p in out.problems[-2:])
            if not out.completed or session is None:
                unfinished += 1
                continue
            broken = _broken(session, saved, patient.steps)
            if broken:
                impossible += 1
                notes.append(f"{out.username}: {broken}")
        orphans = [code for code in logs if code not in sessions]
        impossible += len(orphans)
        duplicates = db["duplicate_steps"] + db["duplicate_sessions"]
        in_fault, outside, silent = self.server_errors()
        unhealed = [f.name for f in self.faults if f.unhealed]
        steps = sorted(r.end - r.start for r in self.requests if r.kind == "step" and r.status)
        p50, p95 = _percentile(steps, 50), _percentile(steps, 95)
        everything = sorted(r.end - r.start for r in self.requests if r.status)
        divergent = sum(p.outcome.divergent for p in self.patients)
        self.report(notes, outside)
        ok = (
            not (lost or duplicates or wrong or impossible or unfinished or problems or outside)
            and not unhealed
        )
        completed = sum(p.outcome.completed for p in self.patients)
        faults = "; ".join(
            f"{f.name}@{self.at(f.start):.0f}s healed+{f.healed - f.start:.1f}s"
            for f in self.faults
            if f.start
        ) + "".join(f" UNHEALED {name}" for name in unhealed)
        print(
            f"LOAD {'PASS' if ok else 'FAIL'} servers={self.args.servers} "
            f"workers={self.args.workers} patients={len(self.patients)} "
            f"completed={completed}/{len(self.patients)} "
            f"steps_in_db={sum(len(v) for v in logs.values())}/{self.total_steps} "
            f"lost={lost} duplicates={duplicates} wrong_status={wrong} impossible={impossible} "
            f"unfinished={unfinished} client_problems={problems} "
            f"5xx_outside_faults={len(outside)} "
            f"no_answer_outside_faults={silent} "
            f"during_faults=[5xx {in_fault[0]}, no-answer {in_fault[1]}] "
            f"step_posts={len(steps)} step_p50={p50 * 1000:.0f}ms step_p95={p95 * 1000:.0f}ms "
            f"all_p95={_percentile(everything, 95) * 1000:.0f}ms requests={len(self.requests)} "
            f"retry_answers_differing={divergent} "
            f"faults=[{faults or 'none'}] wall={wall:.0f}s",
            flush=True,
        )
        return 0 if ok else 1

    def server_errors(self):
        """5xx and no-answer requests, split by whether they overlap a fault window
        (from the fault until the front answers /healthz again)."""
        windows = [(f.start, f.healed) for f in self.faults if f.start]

        def during(r: Request) -> bool:
            return any(r.start <= end and r.end >= start for start, end in windows)

        failed = [r for r in self.requests if r.status >= 500 or r.status == 0]
        inside = [r for r in failed if during(r)]
        for fault in self.faults:
            # Each failure belongs to the last fault that began before it ended.
            mine = [r for r in inside if _last_fault(self.faults, r.end) is fault]
            if mine:
                last = max(r.end for r in mine) - fault.start
                say(f"  {fault.name}: {len(mine)} failed requests, the last {last:.1f} s after it")
        outside = [r for r in failed if not during(r) and r.status >= 500]
        # Client timeouts when the server is merely slow: reported, not a failure (the
        # retry that follows is counted like any other request).
        silent = sum(1 for r in failed if not during(r) and r.status == 0)
        counts = (sum(r.status >= 500 for r in inside), sum(r.status == 0 for r in inside))
        return counts, outside, silent

    def report(self, notes: list[str], outside: list[Request]) -> None:
        kinds = sorted({r.kind for r in self.requests})
        for kind in kinds:
            times = sorted(r.end - r.start for r in self.requests if r.kind == kind and r.status)
            statuses: dict[str, int] = {}
            for r in self.requests:
                if r.kind == kind:
                    name = str(r.status or r.error)
                    statuses[name] = statuses.get(name, 0) + 1
            say(
                f"  {kind:9} n={len(times):5} p50={_percentile(times, 50) * 1000:6.0f}ms "
                f"p95={_percentile(times, 95) * 1000:6.0f}ms "
                f"statuses={dict(sorted(statuses.items()))}"
            )
        errors: dict[str, int] = {}
        for log in sorted(self.tmp.glob("gunicorn-*.log")):
            for line in log.read_text(errors="replace").splitlines():
                if SERVER_ERROR.match(line):
                    errors[line[:140]] = errors.get(line[:140], 0) + 1
        for line, n in sorted(errors.items(), key=lambda e: -e[1])[:6]:
            say(f"  server log x{n}: {line}")
        for note in notes[:20]:
            say("  " + note)
        if outside:
            for r in outside[:5]:
                say(f"  5xx outside faults: {r.kind} {r.status} at {self.at(r.start):.1f} s")
            for log in sorted(self.tmp.glob("gunicorn-*.log")):
                say(f"  tail of {log.name}:\n" + "\n".join(log.read_text().splitlines()[-30:]))

    # -- cleanup: always, in this order --
    def cleanup(self) -> None:
        self.stop.set()
        for process in [self.nginx, *self.servers]:
            if process is not None and process.poll() is None:
                with contextlib.suppress(OSError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in [self.nginx, *self.servers]:
            if process is None:
                continue
            try:
                process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(OSError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if self.restarting is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.restarting.wait(timeout=120)
        self.ensure_postgres()
        if self.db_created:
            for _attempt in range(10):  # bounded: PostgreSQL may still be starting
                try:
                    self.sql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
                    break
                except Exception as exc:  # report, wait, try again
                    say(f"dropping {self.db_name}: {exc}")
                    time.sleep(2)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def ensure_postgres(self) -> None:
        cluster = getattr(self, "cluster", None)
        if cluster is None:
            return
        status = subprocess.run(
            [*PG_RESTART, *cluster, "status"], capture_output=True, text=True, check=False
        )
        if status.returncode != 0:
            say(f"PostgreSQL {cluster[0]}/{cluster[1]} is down: starting it")
            subprocess.run([*PG_RESTART, *cluster, "start"], check=False, timeout=120)


NGINX_CONF = """\
# Made by bench/load.py for one run; everything lives in {tmp}.
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/client_body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  upstream hipmob {{
{upstreams}
  }}
  server {{
    listen {LOOPBACK}:{port};
    location / {{
      proxy_pass http://hipmob;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
      # Try the other server when this one refuses the connection or times out
      # connecting: the request was never sent, so that is safe even for a POST.
      # No "non_idempotent": a POST that reached a server which then died is not
      # replayed here. The client resends it, and the app logs it once.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
    }}
  }}
}}
""".replace("{LOOPBACK}", LOOPBACK)


def _last_fault(faults: list[Fault], when: float) -> Fault | None:
    started = [f for f in faults if f.start and f.start <= when]
    return max(started, key=lambda f: f.start, default=None)


def _broken(session: dict, saved: dict, steps: list) -> str:
    """Why a finished session is not whole, or ""."""
    if session["status"] != "completed":
        return f"status {session['status']} after the client finished"
    if session["pain_before"] is None or session["pain_after"] is None or not session["finished"]:
        return "completed without both pain scores and a finish time"
    if set(saved) != set(steps):
        missing, extra = set(steps) - set(saved), set(saved) - set(steps)
        return f"logs differ from the plan: missing {sorted(missing)} extra {sorted(extra)}"
    late = [log for log in saved.values() if log["at"] > session["finished"]]
    if late:
        return f"{len(late)} steps logged after the session finished"
    return ""


def _percentile(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_seed":
        child_seed(int(sys.argv[2]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_count":
        child_count()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=100)
    parser.add_argument("--servers", type=int, choices=[1, 2], default=1)
    parser.add_argument("--workers", type=int, default=5, help="per gunicorn: 2 x cores + 1")
    parser.add_argument("--faults", choices=["all", "none"], default="all")
    parser.add_argument("--think", type=float, default=1.0, help="max pause between steps, s")
    parser.add_argument("--deadline", type=float, default=900, help="seconds for the clients")
    env_url = os.environ.get("DATABASE_URL", "")
    parser.add_argument(
        "--database-url",
        default=env_url if env_url.startswith("postgres") else DEFAULT_DATABASE_URL,
        help="a PostgreSQL server on this machine; the run makes and drops its own database",
    )
    args = parser.parse_args()
    if not 1 <= args.patients <= 1000:
        parser.error("--patients must be between 1 and 1000")
    if urlsplit(args.database_url).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("--database-url must name a PostgreSQL server on this machine")

    def interrupted(signum, frame):
        raise Interrupted

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    run = Run(args)
    try:
        run.setup()
        run.start_servers()
        wall = run.drive()
        return run.verdict(wall)
    except Interrupted:
        say("interrupted: cleaning up")
        return 130
    except Exception as exc:  # setup or servers failed: say why, then clean up
        say(f"LOAD ERROR {type(exc).__name__}: {exc}")
        if isinstance(exc, subprocess.CalledProcessError) and exc.stderr:
            say(str(exc.stderr)[-3000:])
        for log in sorted(run.tmp.glob("*.log")):
            say(f"tail of {log.name}:\n" + "\n".join(log.read_text().splitlines()[-20:]))
        return 2
    finally:
        # Cleanup must not be cut short by a second Ctrl+C.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        run.cleanup()


if __name__ == "__main__":
    sys.exit(main())
