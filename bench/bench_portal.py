"""Public portal latency under load (issue #8): the 95th percentile of each public page at
50 concurrent connections against the production server (`esitlik serve`, gunicorn, two
workers) on 127.0.0.1 with the demo's data, beside two baselines served by the same server
in the same run: a static file (WhiteNoise, no view) and `/healthz` (Django's request cycle
with a constant answer) — the floor any page of this stack stands on.

    uv run python bench/bench_portal.py                       # 10 s per address
    uv run python bench/bench_portal.py --duration 20 --keep  # reuse the demo data

The load tool is wrk (Debian's `wrk` package), closed loop: each connection sends its next
request when the last one is answered, so latency = connections ÷ throughput. Every run is
bounded (``--duration`` seconds per address, one address at a time) and targets 127.0.0.1
only. Non-2xx answers and socket errors are counted and fail the run.

Public pages are kept once made (``esitlik.portal.caching``) until the public content
changes, so wrk measures the kept copies. What the first visitor after a change waits for is
measured too ("first after a change"): the edition is raised in the database, the workers
see it within a second, and one request times the page being made again.

Prints a Markdown table; ``--json FILE`` writes the figures too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# wrk's Lua hooks: the percentiles wrk itself does not print (95th) and the error counts.
REPORT_LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "p50": %.3f, "p95": %.3f, "p99": %.3f, '
    .. '"max": %.3f, "non_2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""

PAGES = [
    ("/p/", "portal: municipalities"),
    ("/p/ornek/", "portal: home (commitment)"),
    ("/p/ornek/plan/", "portal: the plan"),
    ("/p/ornek/indicators/", "portal: indicators"),
    ("/p/ornek/reports/", "portal: reports"),
    ("/p/ornek/heard/", "portal: what we heard"),
    ("/p/ornek/figures/", "portal: training and participation"),
    ("/p/ornek/data/", "portal: open data"),
    ("/p/ornek/data/plan-actions.csv", "portal: open-data CSV"),
]
# Not the API: its rate limit (API_RATE_ANON) answers a load test with 429, by design.
BASELINES = [
    ("/static/esitlik/css/site.css", "baseline: static file"),
    ("/healthz", "baseline: /healthz"),
]


def _demo(data: Path, keep: bool) -> None:
    if keep and (data / "esitlik.sqlite3").exists():
        return
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "ESITLIK_DATA_DIR": str(data)}
    subprocess.run(
        ["uv", "run", "esitlik", "demo", "--no-serve"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(data: Path, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "ESITLIK_DATA_DIR": str(data),
        "SECRET_KEY": (data / "secret_key").read_text().strip(),
        "ESITLIK_HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "ESITLIK_LOG_LEVEL": "WARNING",
    }
    command = [
        "uv", "run", "esitlik", "serve",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--no-task-worker",
    ]  # fmt: skip
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"esitlik serve stopped (exit {server.returncode})")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.5)
    _stop(server)
    raise SystemExit("the server did not answer /healthz within 120 s")


def _stop(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)


def _first_after_a_change(data: Path, url: str) -> float:
    """Milliseconds for one request after the public content's edition was raised."""
    env = {**os.environ, "ESITLIK_DATA_DIR": str(data), "ESITLIK_LOG_LEVEL": "WARNING"}
    env["SECRET_KEY"] = (data / "secret_key").read_text().strip()
    subprocess.run(
        ["uv", "run", "esitlik", "shell", "-c",
         "from esitlik.portal import edition; edition.raise_stored()"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(1.5)  # the workers read the stored edition at most once a second
    started = time.perf_counter()
    urllib.request.urlopen(url, timeout=60).read()  # noqa: S310 (127.0.0.1)
    return (time.perf_counter() - started) * 1000


def _wrk(url: str, connections: int, threads: int, duration: int, script: Path) -> dict:
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],  # fmt: skip
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "esitlik-bench-portal"))
    parser.add_argument("--keep", action="store_true", help="reuse the demo data in --work")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, default=2, help="the server's workers")
    parser.add_argument("--duration", type=int, default=10, help="seconds per address")
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    parser.add_argument("--target-ms", type=float, default=100.0)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    data = Path(args.work) / "data"
    _demo(data, args.keep)
    args.port = args.port or _free_port()
    load_before = os.getloadavg()
    server = _serve(data, args.port, args.workers)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            script = Path(folder) / "report.lua"
            script.write_text(REPORT_LUA)
            base = f"http://127.0.0.1:{args.port}"
            for path, _label in BASELINES + PAGES:
                # Warm up: the first request of each worker imports and compiles templates.
                for _ in range(args.workers * 2):
                    urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310 (127.0.0.1)
            for path, label in BASELINES + PAGES:
                result = _wrk(base + path, args.connections, args.threads, args.duration, script)
                if (path, label) in PAGES:
                    # The floor measured right after, so a page is compared with the machine
                    # as it was while the page ran (other work on a shared machine drifts).
                    floor = _wrk(
                        base + "/healthz", args.connections, args.threads, args.duration, script
                    )
                    result["floor_p95"] = floor["p95"]
                    result["first_ms"] = _first_after_a_change(data, base + path)
                rows.append({"path": path, "label": label, **result})
                print(f"{label}: p95 {result['p95']:.1f} ms, {result['rps']:.0f}/s", flush=True)
    finally:
        _stop(server)
    load_after = os.getloadavg()

    print()
    print(
        f"{args.connections} connections, {args.workers} server workers, wrk -t{args.threads}, "
        f"{args.duration} s per address; load average {load_before[0]:.2f} → {load_after[0]:.2f}"
    )
    print()
    print(
        "| address | requests/s | p50 ms | p95 ms | p99 ms | errors | p95 under target "
        "| /healthz p95 beside it, ms | first after a change, ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    failed = False
    for row in rows:
        errors = row["non_2xx"] + row["socket_errors"]
        failed |= errors > 0
        ok = "yes" if row["p95"] < args.target_ms else "**no**"
        first = f"{row['first_ms']:.0f}" if "first_ms" in row else "—"
        floor = f"{row['floor_p95']:.1f}" if "floor_p95" in row else "—"
        print(
            f"| {row['label']} (`{row['path']}`) | {row['rps']:,.0f} | {row['p50']:.1f} | "
            f"{row['p95']:.1f} | {row['p99']:.1f} | {errors} | {ok} | {floor} | {first} |"
        )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"args": vars(args), "load": [load_before, load_after], "rows": rows})
        )
    if failed:
        sys.exit("some requests failed (non-2xx or socket errors): see the table")


if __name__ == "__main__":
    main()
