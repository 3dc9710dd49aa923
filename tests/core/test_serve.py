"""`esitlik serve` runs gunicorn, the background worker and the upkeep loop side by side,
restarts a worker that dies, and stops them all on SIGTERM."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from esitlik.core.supervise import Child, Supervisor

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> dict[int, str]:
    """The live child processes of ``pid`` with their command lines (Linux /proc)."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
            except FileNotFoundError:
                continue
            found[int(child)] = cmdline.decode()
    return found


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def worker_pid(pid: int) -> int | None:
    return next((c for c, cmd in children(pid).items() if "db_worker" in cmd), None)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    return state != "Z"


@pytest.fixture
def environment(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "ESITLIK_TASKS_BACKEND"}
    }
    env.update(
        ESITLIK_DATA_DIR=str(tmp_path),
        SECRET_KEY="serve-test-" + "x" * 40,
        ESITLIK_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1",
    )
    subprocess.run(
        [sys.executable, "-m", "esitlik", "migrate", "--verbosity", "0"],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    return env


def test_it_serves_with_a_worker_restarts_it_and_stops_both(environment):
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "esitlik", "serve", "--no-collectstatic", "--workers", "1"),
            *("--bind", f"127.0.0.1:{port}"),
        ],
        env=environment,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(
            lambda: _answers(f"http://127.0.0.1:{port}/healthz") or server.poll() is not None,
            90,
            "the server",
        )
        assert server.poll() is None
        first = wait_for(lambda: worker_pid(server.pid), 30, "the worker")
        web = [c for c, cmd in children(server.pid).items() if "gunicorn" in cmd]
        assert web, children(server.pid)
        upkeep = wait_for(
            lambda: [c for c, cmd in children(server.pid).items() if "upkeep" in cmd],
            30,
            "the upkeep loop",
        )

        os.kill(first, signal.SIGKILL)  # the worker crashes
        second = wait_for(
            lambda: (pid := worker_pid(server.pid)) and pid != first and pid, 15, "a new worker"
        )
        assert alive(second)

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=40) == 0
        assert not alive(second) and not any(alive(pid) for pid in web + upkeep)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    output = server.stdout.read()
    assert "background worker stopped" in output
    # No control socket in the service user's home (gunicorn 27 opens one unless told not to).
    assert "Control socket" not in output


def _answers(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200  # noqa: S310 — http only
    except OSError:
        return False


def test_the_supervisor_waits_longer_after_each_quick_crash():
    said = []
    worker = Child("worker", [sys.executable, "-c", "raise SystemExit(3)"])
    supervisor = Supervisor(web=Child("web", []), workers=[worker], say=said.append)
    waits = []
    for _ in range(4):
        worker.start()
        worker.process.wait()
        supervisor._watch(worker)
        waits.append(round(worker.restart_at - time.monotonic()))
    assert waits == [1, 2, 4, 8]
    assert "exit code 3" in said[0]
