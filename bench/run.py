"""`make bench`: throughput, latency, SQL queries and bytes of HipMob's budgeted pages.

Starts gunicorn with production settings against a fresh database holding a clinic of
500 patients with a year of history, a clinic of 5 and one of 5,000 (--no-huge leaves it
out: making it takes minutes), then measures each page with wrk in one run, beside a
bare Django template page as the baseline. Then the workers' resident memory (from
/proc: Linux only) and, per page, the most memory Python allocated for one request.
Prints a table and writes JSON to bench/results/. Budgets: shared/docs/product.md; how
to read the numbers: docs/performance.md.

    python bench/run.py [--patients 500] [--huge-patients 5000 | --no-huge] [--days 365]
                        [--duration 10] [--connections 16]
"""

import argparse
import functools
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (
    BIG,
    HUGE,
    ROOT,
    SMALL,
    Assets,
    Client,
    log,
    machine,
    reset_peak,
    running_server,
    worker_memory,
    write_json,
)

# A wrk script per page: method, body and headers, then one JSON line with the results.
# Any answer other than 200 is counted, so a page that starts redirecting (an expired
# session, say) can't pass for a fast one.
LUA = """
wrk.method = %(method)s
wrk.body = %(body)s
%(headers)s
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0 end
function response(status, headers, body) if status ~= 200 then not_ok = not_ok + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("not_ok") end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %%d, "duration_us": %%d, "not_200": %%d, "socket_errors": %%d, '
    .. '"p50_us": %%d, "p90_us": %%d, "p99_us": %%d, "mean_us": %%.1f}\\n',
    summary.requests, summary.duration, bad, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
"""
PATIENT_PAGE_RATIO = 2.0  # server time of a patient page, against the baseline
LIST_RATIO = 3.0  # the list at 500 patients against the list at 5 (5,000: reported only)
LISTS = ("list_5", "list_500", "list_5000")  # measured one after the other
MEMORY_SAMPLES = 3  # requests per page under tracemalloc
FIRST_LOAD_BYTES = 60 * 1024
SWAP_BYTES = 8 * 1024


@dataclass
class Page:
    key: str
    label: str
    path: str
    user: str
    method: str = "GET"
    data: dict | None = None
    htmx: bool = False
    patient_page: bool = False
    # X-Bench-Forget: the request finds nothing kept in the cache (bench/middleware.py), so the
    # page is worked out as on the first visit after a change of the patient's record.
    headers: dict | None = None


FORGET = {"X-Bench-Forget": "1"}


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal here


def wrk(page: Page, client: Client, url: str, args, seconds: int, workdir: Path) -> dict:
    headers = {"Cookie": client.cookie_header, "Accept-Encoding": "gzip"}
    body = ""
    if page.method == "POST":
        body = "&".join(f"{k}={v}" for k, v in page.data.items())
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["X-CSRFToken"] = client.cookies["csrftoken"]
    if page.htmx:
        headers["HX-Request"] = "true"
    headers.update(page.headers or {})
    script = workdir / f"{page.key}.lua"
    script.write_text(
        LUA
        % {
            "method": lua_string(page.method),
            "body": lua_string(body) if body else "nil",
            "headers": "\n".join(
                f"wrk.headers[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items()
            ),
        }
    )
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--timeout=10s",  # slow answers on a loaded machine are slow, not errors
        "--latency",
        "-s",
        str(script),
        url,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(x for x in out.splitlines() if x.startswith("WRK_JSON "))
    result = json.loads(line.removeprefix("WRK_JSON "))
    result["rps"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
    return result


def weigh(page: Page, client: Client) -> dict:
    """One request as a browser makes it: status, SQL queries (counted by the server),
    bytes on the wire, and the bytes of everything the page loads. For the HTMX swap,
    only what the fragment adds (its pictures); the page's CSS and JS are loaded."""
    response = request(page, client)
    if response.status != 200:
        raise RuntimeError(f"{page.label}: {page.path} answered {response.status}")
    assets = {}
    for url in Assets.of(response.text):
        if page.htmx and not url.startswith("/static/img/"):
            continue
        asset = client.get(url)
        assets[url] = {"bytes": asset.wire_bytes, "encoding": asset.headers.get("content-encoding")}
    return {
        "status": response.status,
        "queries": int(response.headers["x-bench-queries"]),
        "html_bytes": response.wire_bytes,
        "html_uncompressed": len(response.text.encode()),
        "compressed": response.headers.get("content-encoding") == "gzip",
        "assets": assets,
        "total_bytes": response.wire_bytes + sum(a["bytes"] for a in assets.values()),
    }


def request(page: Page, client: Client, headers: dict | None = None):
    headers = {
        **({"HX-Request": "true"} if page.htmx else {}),
        **(page.headers or {}),
        **(headers or {}),
    }
    if page.method == "POST":
        return client.post(page.path, page.data, headers=headers)
    return client.get(page.path, headers=headers)


def server_time(every: list[Page], clients: dict, samples: int) -> dict[str, dict]:
    """Per page, medians over `samples` single requests (one at a time, the pages taken
    in turn so that all see the same conditions) of the worker's X-Bench-* headers:
    "server", the milliseconds from the request reaching Django to the response
    leaving it (the database's own work included, wherever it runs), and the worker's
    CPU time in all, in the database driver and rendering templates. CPU time hardly
    moves when other programs load the machine, but on PostgreSQL it leaves out the
    database server's work."""
    spent = {page.key: {p: [] for p in ("wall", "cpu", "sql", "render")} for page in every}
    queries = {page.key: [] for page in every}
    for _ in range(samples):
        for page in every:
            headers = request(page, clients[page.key]).headers
            for part in spent[page.key]:
                spent[page.key][part].append(int(headers[f"x-bench-{part}-us"]) / 1000)
            queries[page.key].append(int(headers["x-bench-queries"]))
    return {
        key: {
            **{part: round(statistics.median(values), 2) for part, values in parts.items()},
            "queries": statistics.median(queries[key]),
        }
        for key, parts in spent.items()
    }


def memory_peaks(every: list[Page], clients: dict, samples: int) -> dict[str, int]:
    """Per page, the most memory Python allocated for one request (KB, tracemalloc in
    the worker: bench/middleware.py), the largest of `samples` requests. Sent after
    everything else: tracing slows the worker and keeps memory of its own."""
    peaks = {}
    for page in every:
        sizes = []
        for _ in range(samples):
            response = request(page, clients[page.key], {"X-Bench-Memory": "1"})
            sizes.append(int(response.headers["x-bench-memory-kb"]))
        peaks[page.key] = max(sizes)
    return peaks


def pages(server) -> list[Page]:
    session = f"/sessions/{server.session_code}/"
    patient = server.patient
    huge = [
        Page(
            "list_5000",
            f"Clinician: list, {server.huge_patients:,} patients",
            "/clinic/patients/",
            f"{HUGE}-lead",
        )
    ]
    return [
        Page("baseline", "Baseline: bare template page", "/bench/baseline/", patient),
        Page("today", "Patient: Today", "/today/", patient, patient_page=True),
        Page("step", "Patient: session step (GET)", session, patient, patient_page=True),
        Page(
            "step_post",
            "Patient: step POST (HTMX swap)",
            f"{session}step/",
            patient,
            method="POST",
            data=server.step,
            htmx=True,
            patient_page=True,
        ),
        Page("history", "Patient: history", "/history/", patient, patient_page=True),
        # The same pages worked out again (the first visit after a change to the
        # patient's record, a new day or a new worker): reported beside the budget.
        Page(
            "today_first", "  Today, first visit after a change", "/today/", patient, headers=FORGET
        ),
        Page("step_first", "  a step, first after a change", session, patient, headers=FORGET),
        Page(
            "history_first", "  history, first after a change", "/history/", patient, headers=FORGET
        ),
        Page("list_5", "Clinician: list, 5 patients", "/clinic/patients/", f"{SMALL}-lead"),
        Page(
            "list_500",
            f"Clinician: list, {server.patients} patients",
            "/clinic/patients/",
            f"{BIG}-lead",
        ),
        *(huge if server.huge_patients else []),
    ]


def list_ratios(results: dict, wrk_ratios: dict) -> dict[str, dict]:
    """The lists at 500 and 5,000 patients over the list at 5: server time, the
    worker's CPU, wrk's req/s (`wrk_ratios`, by key) and the queries of each."""
    few = results["list_5"]
    ratios = {}
    for key in LISTS[1:]:
        if key not in results:
            continue
        many = results[key]
        ratios[key] = {
            "server": round(many["server_ms"] / few["server_ms"], 2),
            "cpu": round(many["cpu_ms"] / few["cpu_ms"], 2),
            "wrk": wrk_ratios[key],
            "queries": (few["weight"]["queries"], many["weight"]["queries"]),
        }
    return ratios


def verdicts(results: dict, wrk_ratios: dict) -> dict:
    """Server time is judged on single requests timed by the server (the database's
    work included); the worker's CPU and wrk's req/s ratios are shown beside it. The
    list at 5,000 has no time budget: its ratio is reported (always "ok"), and its
    queries are checked against the list at 5's like the list at 500's."""
    checks = {}
    for key, r in results.items():
        if r["patient_page"]:
            checks[f"{key}: server time within {PATIENT_PAGE_RATIO}x baseline"] = (
                r["server_ratio"] <= PATIENT_PAGE_RATIO,
                f"{r['server_ratio']}x (CPU {r['cpu_ratio']}x, wrk {r['ratio']}x)",
            )
            if r["htmx"]:
                checks[f"{key}: swap within 8 KB"] = (
                    r["weight"]["total_bytes"] <= SWAP_BYTES,
                    f"{r['weight']['total_bytes'] / 1024:.1f} KB",
                )
            else:
                checks[f"{key}: first load within 60 KB"] = (
                    r["weight"]["total_bytes"] <= FIRST_LOAD_BYTES,
                    f"{r['weight']['total_bytes'] / 1024:.1f} KB",
                )
    for key, r in results.items():
        if key.endswith("_first"):
            checks[f"{key.removesuffix('_first')}, worked out (reported, no budget)"] = (
                True,
                f"{r['server_ratio']}x (CPU {r['cpu_ratio']}x, wrk {r['ratio']}x)",
            )
    ratios = list_ratios(results, wrk_ratios)
    for key, r in ratios.items():
        times = f"{r['server']}x (CPU {r['cpu']}x, wrk {r['wrk']}x)"
        if key == "list_500":
            checks[f"list at 500 within {LIST_RATIO}x the list at 5"] = (
                r["server"] <= LIST_RATIO,
                times,
            )
        else:
            checks["list at 5,000 over the list at 5 (reported, no budget)"] = (True, times)
    for key, r in ratios.items():
        few, many = r["queries"]
        size = "500" if key == "list_500" else "5,000"
        checks[f"list: same queries at 5 and {size} patients"] = (
            few == many,
            f"{few} and {many}",
        )
    for key, r in results.items():
        bad = sum(run["not_200"] + run["socket_errors"] for run in r["runs"])
        checks[f"{key}: every answer was 200"] = (bad == 0, f"{bad} other answers or errors")
    return {name: {"ok": ok, "value": value} for name, (ok, value) in checks.items()}


def queries_column(r: dict) -> str:
    """The first request's queries, and the timed requests' when they differ (a page
    kept in the cache after its first visit: "12/3")."""
    first, timed = r["weight"]["queries"], r.get("timed_queries", r["weight"]["queries"])
    return f"{first}" if first == timed else f"{first}/{timed:g}"


def table(results: dict) -> str:
    head = (
        f"{'Page':32} {'req/s':>6} {'p50 ms':>7} {'p99 ms':>7} {'x base':>7} "
        f"{'server':>7} {'x base':>7} {'CPU ms':>7} {'x base':>7} {'in SQL':>7} {'render':>7} "
        f"{'SQL':>6} {'HTML KB':>8} {'total KB':>9} {'mem KB':>7}"
    )
    lines = [head, "-" * len(head)]
    for r in results.values():
        lines.append(
            f"{r['label']:32} {r['rps']:>6.0f} {r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} "
            f"{r['ratio']:>7.2f} {r['server_ms']:>7.2f} {r['server_ratio']:>7.2f} "
            f"{r['cpu_ms']:>7.2f} {r['cpu_ratio']:>7.2f} "
            f"{r['sql_ms']:>7.2f} {r['render_ms']:>7.2f} "
            f"{queries_column(r):>6} "
            f"{r['weight']['html_bytes'] / 1024:>8.1f} {r['weight']['total_bytes'] / 1024:>9.1f} "
            f"{r.get('memory_kb', 0):>7}"
        )
    return "\n".join(lines)


def measure(server, args, workdir: Path) -> tuple[dict, dict, dict]:
    """Rounds of: baseline, page, baseline, page, ..., baseline. Each page's ratio is
    the mean of the two baselines around it over its own req/s, and the lists (at 5,
    500 and 5,000 patients) are measured one right after the other: on a shared machine
    the load drifts, and pairs measured seconds apart drift least. Medians over the
    rounds are reported. Then the workers' memory (resident now and at its peak; and
    how much a worker's peak grew during each page's warm-up, its first requests), and
    per page the most memory Python allocated for one request."""
    every = pages(server)
    baseline, others = every[0], every[1:]
    clients = {page.key: server.client(page.user) for page in every}
    results = {}
    for page in every:
        if page.key.startswith("list"):
            # The first list after the bench patient started a session refreshes that
            # patient's stored row (progression/caseload.py), once; the list's own
            # queries are those of the next request.
            request(page, clients[page.key])
        weight = weigh(page, clients[page.key])
        log(f"{page.label}: {weight['queries']} queries, {weight['total_bytes']} bytes")
        results[page.key] = {
            "label": page.label,
            "path": page.path if page.key != "step_post" else "/sessions/<code>/step/",
            "method": page.method,
            "htmx": page.htmx,
            "patient_page": page.patient_page,
            "weight": weight,
            "runs": [],
            "ratios": [],
        }

    def run(page: Page, seconds: int) -> dict:
        return wrk(page, clients[page.key], server.url(page.path), args, seconds, workdir)

    master = server.gunicorn_pid
    memory = {"at_start": worker_memory(master)}
    for page in every:  # warm every worker up on every page
        results[page.key]["peak_grew_in_warmup_kb"] = peak_growth(
            master, functools.partial(run, page, args.warmup)
        )
    for pid in worker_memory(master):  # the peak after the bench: that of the measurements
        reset_peak(pid)
    wrk_ratios = {key: [] for key in LISTS[1:] if key in results}
    last_list = [key for key in LISTS if key in results][-1]
    for number in range(1, args.rounds + 1):
        before = run(baseline, args.duration)
        results["baseline"]["runs"].append(before)
        waiting = []  # pages measured since the last baseline run
        for page in others:
            measured = run(page, args.duration)
            results[page.key]["runs"].append(measured)
            waiting.append((page.key, measured["rps"]))
            log(f"round {number}: {page.label} {measured['rps']} req/s")
            if page.key in LISTS and page.key != last_list:
                continue  # the next list follows at once
            after = run(baseline, args.duration)
            results["baseline"]["runs"].append(after)
            mean = (before["rps"] + after["rps"]) / 2
            for key, rps in waiting:
                results[key]["ratios"].append(mean / rps)
            waiting, before = [], after
        few = results["list_5"]["runs"][-1]
        for key, ratios in wrk_ratios.items():
            ratios.append(few["rps"] / results[key]["runs"][-1]["rps"])
    for r in results.values():
        runs = r["runs"]
        r["rps"] = round(statistics.median(x["rps"] for x in runs), 1)
        r["p50_ms"] = round(statistics.median(x["p50_us"] for x in runs) / 1000, 1)
        r["p99_ms"] = round(statistics.median(x["p99_us"] for x in runs) / 1000, 1)
        r["ratio"] = round(statistics.median(r["ratios"]), 2) if r["ratios"] else 1.0
    timed = server_time(every, clients, args.samples)
    for key, r in results.items():
        parts = timed[key]
        r["server_ms"], r["cpu_ms"], r["sql_ms"], r["render_ms"] = (
            parts[p] for p in ("wall", "cpu", "sql", "render")
        )
        r["timed_queries"] = parts["queries"]
        r["server_ratio"] = round(parts["wall"] / timed["baseline"]["wall"], 2)
        r["cpu_ratio"] = round(parts["cpu"] / timed["baseline"]["cpu"], 2)
    memory["after"] = worker_memory(server.gunicorn_pid)
    for key, kb in memory_peaks(every, clients, MEMORY_SAMPLES).items():
        results[key]["memory_kb"] = kb
    ratios = {key: round(statistics.median(values), 2) for key, values in wrk_ratios.items()}
    return results, ratios, memory


def peak_growth(master: int, serve) -> int:
    """How far (KB) a worker's peak resident memory rose above what it held before
    while `serve()` ran, for the worker in which it rose most. Each worker's peak
    (VmHWM) is reset first, where Linux allows (else it only counts above the peak
    since the worker started)."""
    for pid in worker_memory(master):
        reset_peak(pid)
    before = worker_memory(master)
    serve()
    return grown(before, worker_memory(master))


def grown(before: dict[int, dict], after: dict[int, dict]) -> int:
    """The largest rise of a worker's peak (peak_kb) from `before` to `after`, in KB;
    workers found only once (restarted, say) are left out."""
    rises = [
        after[pid]["peak_kb"] - before[pid]["peak_kb"]
        for pid in before.keys() & after.keys()
        if "peak_kb" in before[pid] and "peak_kb" in after[pid]
    ]
    return max(rises, default=0)


def megabytes(kb: int) -> str:
    return f"{kb / 1024:.1f} MB"


def memory_lines(memory: dict, results: dict) -> list[str]:
    """The workers' memory and, per list, how much memory it took, for the report."""
    lines = []
    labels = (("at_start", "at start"), ("after", "after the bench (peak: since warm-up)"))
    for when, label in labels:
        workers = memory.get(when) or {}
        if not workers:
            lines.append(f"workers' memory {label}: not known (needs Linux's /proc)")
            continue
        each = ", ".join(
            f"pid {pid} {megabytes(w.get('rss_kb', 0))} (peak {megabytes(w.get('peak_kb', 0))})"
            for pid, w in sorted(workers.items())
        )
        lines.append(f"workers' resident memory {label}: {each}")
    for key in LISTS:
        if key in results:
            r = results[key]
            lines.append(
                f"{r['label']}: at most {r.get('memory_kb', 0):,} KB allocated by Python for "
                f"one request; a worker's peak grew {r.get('peak_grew_in_warmup_kb', 0):,} KB "
                "during its warm-up"
            )
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument(
        "--huge-patients",
        type=int,
        default=5000,
        help="Patients of the third clinic, whose list is reported beside the others "
        "(0: none). Making 5,000 takes several minutes.",
    )
    parser.add_argument(
        "--no-huge",
        dest="huge_patients",
        action="store_const",
        const=0,
        help="No third clinic (the same as --huge-patients 0).",
    )
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=5, help="Seconds of wrk per run.")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds over every page.")
    parser.add_argument("--warmup", type=int, default=2, help="Seconds of wrk per page first.")
    parser.add_argument(
        "--samples", type=int, default=40, help="Single requests per page, timed by the server."
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers.")
    parser.add_argument("--output", type=Path, help="JSON file (default: bench/results/).")
    args = parser.parse_args(argv)
    if args.huge_patients < 0:
        parser.error("--huge-patients: give 0 (none) or more")
    return args


def data_line(data_seconds: dict, patients: int, huge_patients: int) -> str:
    """How long make_scale_data took for each clinic."""
    counts = {BIG: patients, SMALL: 5, HUGE: huge_patients}
    made = ", ".join(
        f"{counts[prefix]:,} patients in {seconds} s" for prefix, seconds in data_seconds.items()
    )
    return f"make_scale_data: {made}"


def main() -> int:
    args = parse_args()
    # Stopped (kill, a CI timeout): clean up as on Ctrl+C, gunicorn and database included.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not shutil.which("wrk"):
        print(
            "wrk is not installed. On Debian or Ubuntu: sudo apt-get install -y wrk "
            "(on macOS: brew install wrk).",
            file=sys.stderr,
        )
        return 2
    started = datetime.now(UTC)
    with (
        running_server(
            patients=args.patients,
            days=args.days,
            seed=args.seed,
            workers=args.workers,
            huge_patients=args.huge_patients,
        ) as server,
        tempfile.TemporaryDirectory(prefix="hipmob-wrk-") as workdir,
    ):
        before = machine()
        results, wrk_ratios, memory = measure(server, args, Path(workdir))
        checks = verdicts(results, wrk_ratios)
        report = {
            "started": started.isoformat(timespec="seconds"),
            "database": server.database.vendor,
            "settings": "production (DEBUG off) + bench/settings.py: baseline page, query counter",
            "gunicorn_workers": args.workers,
            "wrk": f"-t{args.threads} -c{args.connections} -d{args.duration}s --latency",
            "warmup_seconds": args.warmup,
            "data": {
                "patients": args.patients,
                "huge_patients": args.huge_patients,
                "days": args.days,
                "seed": args.seed,
                "make_scale_data_seconds": server.data_seconds,
            },
            "machine_before": before,
            "machine_after": machine(),
            "rounds": args.rounds,
            "list_500_over_list_5": wrk_ratios["list_500"],
            "list_5000_over_list_5": wrk_ratios.get("list_5000"),
            "lists_over_list_5": list_ratios(results, wrk_ratios),
            "worker_memory_kb": {
                when: {str(pid): kb for pid, kb in workers.items()}
                for when, workers in memory.items()
            },
            "memory_note": "worker_memory_kb: VmRSS (rss_kb) and VmHWM (peak_kb) from "
            "/proc/<pid>/status of each gunicorn worker, at start and after the bench; "
            "pages.*.memory_kb: the most Python allocated for one request (tracemalloc, "
            f"largest of {MEMORY_SAMPLES}); pages.*.peak_grew_in_warmup_kb: how much a "
            "worker's VmHWM rose above its resident memory during the page's warm-up (the "
            "peaks reset before each page, and again before the rounds: the peak after the "
            "bench is that of the measurements). Linux only",
            "pages": results,
            "budgets": checks,
        }
    output = args.output or ROOT / "bench" / "results" / f"bench-{report['database']}.json"
    write_json(output, report)
    print()
    print(f"HipMob bench, {report['database']}, {report['started']} — {before['uptime']}")
    print(
        f"{args.rounds} rounds of wrk {report['wrk']}; req/s and latencies are medians; "
        "'x base' is the baseline's req/s (the runs either side) over the page's;"
    )
    print(
        f"server: median ms Django spent on each of {args.samples} single requests, and its "
        "'x base' (the budgets' server time); CPU ms: the worker's CPU for them, its "
        "'x base', and the parts in the database driver and in templates"
    )
    print(data_line(server.data_seconds, args.patients, args.huge_patients))
    print(
        f"mem KB: the most memory Python allocated for one request of the page "
        f"(tracemalloc, the largest of {MEMORY_SAMPLES})"
    )
    print(table(results))
    print()
    for line in memory_lines(memory, results):
        print(f"  {line}")
    print()
    for name, check in checks.items():
        print(f"  {'ok  ' if check['ok'] else 'MISS'} {name}: {check['value']}")
    print(f"\nJSON: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
