"""`make lighthouse`: Lighthouse (mobile) on Today, a session step, history and the
clinician's list of 500 patients, signed in, against gunicorn with production settings.

Lighthouse 12 comes from bench/package.json (`npm ci --prefix bench`, done by the
Makefile); Chromium from CHROME_PATH, else /usr/bin/chromium. Prints performance,
accessibility and best practices per page, with the failing checks, and writes
bench/results/lighthouse.json (full reports: bench/results/lighthouse/).

    python bench/lighthouse.py [--patients 500] [--days 365]
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BIG, ROOT, log, machine, running_server, write_json

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --no-first-run "
    "--disable-sync --disable-quic"
)
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def chrome() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise SystemExit(
            "Chromium not found: set CHROME_PATH, or on Debian/Ubuntu: "
            "sudo apt-get install -y chromium"
        )
    return path


def audit(url: str, cookie: str, out: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--extra-headers={json.dumps({'Cookie': cookie})}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    # Lighthouse sometimes loses the trace on a loaded machine (NO_NAVSTART) and asks to
    # be run again: up to three tries.
    for attempt in range(1, 4):
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome()})  # noqa: S603
        if done.returncode == 0:
            break
        log(f"Lighthouse failed on {url} (try {attempt} of 3)")
    else:
        raise RuntimeError(f"Lighthouse failed three times on {url}")
    report = json.loads(out.read_text())
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    final = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
    if final.rstrip("/") != url.rstrip("/"):
        raise RuntimeError(f"{url} ended at {final}: not signed in?")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = {
        c: [
            report["audits"][ref["id"]]["title"]
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"] > 0
            and report["audits"][ref["id"]].get("score") is not None
            and report["audits"][ref["id"]]["score"] < 1
        ]
        for c in ("accessibility", "best-practices")
    }
    metrics = {
        short: report["audits"][key].get("displayValue", "") for key, short in METRICS.items()
    }
    requests = report["audits"]["network-requests"]["details"]["items"]
    return {
        "url": url,
        "scores": scores,
        "metrics": metrics,
        "failing": failing,
        "requests": len(requests),
        "transfer_bytes": sum(r.get("transferSize", 0) for r in requests),
        "lighthouse": report["lighthouseVersion"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=500)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--only", nargs="*", help="Page keys: today, step, history, list_500.")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up as on Ctrl+C
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci --prefix bench`.", file=sys.stderr)
        return 2
    reports = args.output / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    with running_server(patients=args.patients, days=args.days, seed=args.seed, workers=2) as s:
        patient = s.client(s.patient).cookie_header
        clinician = s.client(f"{BIG}-lead").cookie_header
        pages = [
            ("today", "Patient: Today", "/today/", patient),
            ("step", "Patient: session step", f"/sessions/{s.session_code}/", patient),
            ("history", "Patient: history", "/history/", patient),
            ("list_500", f"Clinician: list, {s.patients} patients", "/clinic/patients/", clinician),
        ]
        before = machine()
        results = {}
        for key, label, path, cookie in pages:
            if args.only and key not in args.only:
                continue
            log(f"Lighthouse: {label}")
            results[key] = {"label": label, **audit(s.url(path), cookie, reports / f"{key}.json")}
    version = next(iter(results.values()))["lighthouse"]
    write_json(
        args.output / "lighthouse.json",
        {
            "started": started.isoformat(timespec="seconds"),
            "lighthouse": version,
            "form_factor": "mobile (simulated throttling: slow 4G, 4x CPU slowdown)",
            "machine": before,
            "pages": results,
        },
    )
    print(f"\nLighthouse {version}, mobile, {started:%Y-%m-%d %H:%M} UTC — {before['uptime']}")
    head = (
        f"{'Page':32} {'perf':>5} {'a11y':>5} {'best':>5}  "
        f"{'FCP':>7} {'LCP':>7} {'TBT':>7} {'CLS':>6} {'KB':>6}"
    )
    print(head)
    print("-" * len(head))
    missed = []
    for r in results.values():
        s, m = r["scores"], r["metrics"]
        print(
            f"{r['label']:32} {s['performance']:>5} {s['accessibility']:>5} "
            f"{s['best-practices']:>5}  {m['FCP']:>7} {m['LCP']:>7} {m['TBT']:>7} {m['CLS']:>6} "
            f"{r['transfer_bytes'] / 1024:>6.1f}"
        )
        missed += [f"{r['label']}: {c} {s[c]} (budget {b})" for c, b in BUDGET.items() if s[c] < b]
        missed += [f"{r['label']}: fails “{t}”" for ts in r["failing"].values() for t in ts]
    print()
    for line in missed or ["every page meets the budgets (performance ≥ 95, the others 100)"]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
