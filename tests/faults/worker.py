"""A real ``esitlik db_worker`` process, as ``esitlik serve`` starts it, against the test
database (see tests/datasets/test_worker.py for how a process shares it), and a way to watch
a run from outside while the worker holds it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings

import tests.datasets.test_worker as worker_tests  # imported whole: its test is not re-collected

ROOT = worker_tests.ROOT
DATABASE_TASKS = worker_tests.DATABASE_TASKS
database_for_a_process = worker_tests.database_for_a_process


@contextmanager
def running_worker(url: str, log: Path):
    """A worker polling the queue every 0.2 s until the block ends; it is killed, if still
    alive, whatever happens in the block."""
    for root in (settings.DATASETS_ROOT, settings.UPLOADS_ROOT):
        Path(root).mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.datasets.worker_settings",
        "ESITLIK_TEST_DATASETS_ROOT": str(settings.DATASETS_ROOT),
        "ESITLIK_TEST_UPLOADS_ROOT": str(settings.UPLOADS_ROOT),
        "DATABASE_URL": url,
    }
    with open(log, "w") as out:
        worker = subprocess.Popen(
            [
                *(sys.executable, "-m", "esitlik", "db_worker"),
                *("--no-startup-delay", "--no-reload", "--interval", "0.2"),
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield worker
        finally:
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)


def run_state(url: str, run_id: int) -> tuple[str, int] | None:
    """The run's (status, progress) as another process sees it now."""
    from esitlik.datasets.models import ImportRun

    if url.startswith("sqlite:///"):
        table = ImportRun._meta.db_table  # the model's own name, not input
        query = f"SELECT status, progress FROM {table} WHERE id = ?"  # noqa: S608
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"), timeout=10)) as db:
            return db.execute(query, (run_id,)).fetchone()
    return ImportRun.objects.filter(pk=run_id).values_list("status", "progress").first()


def wait_for(condition, worker, log: Path, timeout: float, what: str):
    """Poll ``condition`` every 20 ms until it returns something true; fail, showing the
    worker's output, when the worker dies or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        if worker.poll() is not None:
            raise AssertionError(f"the worker ended before {what}:\n{log.read_text()}")
        time.sleep(0.02)
    raise AssertionError(f"no {what} within {timeout} s:\n{log.read_text()}")
