"""Imports run one way only (shared/docs/architecture.md):

    settings ← organisations ← exercises ← accounts ← routines ← safety ← practice ← progression
             ← learn, reminders ← patient, clinic

An app may import its own modules and those of the apps before it; apps on the same
level don't import each other. The root URLconf, the home and health views and the
WSGI/ASGI entry points wire everything together, so they may import any app. Imports
inside functions are refused too (they are how a cycle hides), except in an
AppConfig.ready(), where Django asks for them."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LEVELS = [
    {"hipmob"},
    {"organisations"},
    {"exercises"},
    {"accounts"},
    {"routines"},
    {"safety"},
    {"practice"},
    {"progression"},
    {"learn", "reminders"},
    {"patient", "clinic"},
]
LEVEL = {app: n for n, apps in enumerate(LEVELS) for app in apps}
# The wiring: it names every app's URLs and views.
WIRING = {"hipmob/urls.py", "hipmob/views.py", "hipmob/wsgi.py", "hipmob/asgi.py"}
# Outside the app layers, and allowed only to the top: bench/'s data generator is
# reached by the make_scale_data command, which bench/run.py calls through manage.py.
OUTSIDE = {"bench"}


def project_modules(root: Path = ROOT) -> list[Path]:
    return sorted(
        path
        for app in LEVEL
        for path in (root / app).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


def _function_bodies(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def violations(path: Path, source: str, root: Path = ROOT) -> list[str]:
    """What is wrong with one module's imports, as readable lines."""
    relative = path.relative_to(root).as_posix()
    app = relative.split("/")[0]
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        for module in _imported(node):
            target = module.split(".")[0]
            if target in OUTSIDE and LEVEL[app] < len(LEVELS) - 1:
                found.append(f"{relative}:{node.lineno} imports {module} (bench is for the top)")
            if target not in LEVEL or target == app or relative in WIRING:
                continue
            if LEVEL[target] >= LEVEL[app]:
                found.append(
                    f"{relative}:{node.lineno} imports {module}: {app} comes before {target}"
                )
    for function in _function_bodies(tree):
        if function.name == "ready" and relative.endswith("apps.py"):
            continue
        for node in ast.walk(function):
            for module in _imported(node):
                if module.split(".")[0] in LEVEL | dict.fromkeys(OUTSIDE):
                    found.append(
                        f"{relative}:{node.lineno} imports {module} inside {function.name}()"
                    )
    return found


def test_every_app_is_on_a_level():
    apps = {config.name for config in __import__("django.apps").apps.apps.get_app_configs()}
    ours = {name for name in apps if (ROOT / name).is_dir()}
    assert ours == set(LEVEL) - {"hipmob"}


def test_imports_run_one_way():
    found = [line for path in project_modules() for line in violations(path, path.read_text())]
    assert found == []


@pytest.mark.parametrize(
    ("where", "source", "expected"),
    [
        ("practice/rules.py", "from safety.models import Alert\n", []),
        (
            "safety/rules.py",
            "from practice.models import StepLog\n",
            ["safety/rules.py:1 imports practice.models: safety comes before practice"],
        ),
        (
            "accounts/views.py",
            "from reminders.forms import reminder_form_for\n",
            ["accounts/views.py:1 imports reminders.forms: accounts comes before reminders"],
        ),
        (
            "patient/views/today.py",
            "from clinic import caseload\n",
            ["patient/views/today.py:1 imports clinic: patient comes before clinic"],
        ),
        (
            "exercises/views.py",
            "def view():\n    from routines.models import RoutineItem\n",
            [
                "exercises/views.py:2 imports routines.models: exercises comes before routines",
                "exercises/views.py:2 imports routines.models inside view()",
            ],
        ),
        ("exercises/apps.py", "def ready():\n    from exercises import permissions\n", []),
        (
            "routines/plans.py",
            "import bench.scale_data\n",
            ["routines/plans.py:1 imports bench.scale_data (bench is for the top)"],
        ),
        ("hipmob/urls.py", "from clinic import urls\n", []),
    ],
)
def test_the_check_catches_what_it_should(where, source, expected):
    """The check itself can fail: a reverse import, one between apps on the same level,
    one hidden inside a function, and bench reached from below are each reported."""
    assert violations(ROOT / where, source) == expected
