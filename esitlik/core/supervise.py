"""Running the web server, the background worker and the upkeep loop side by side, for
``esitlik serve``.

One command on a single server (and the demo) must answer pages *and* run the imports people
queue from them (and tidy up after imports a crash interrupted). All run as child processes
of a small supervisor:

- Ctrl+C or SIGTERM (systemd stop, docker stop) reaches the supervisor only — the children
  have their own process group — and each child gets exactly one SIGTERM: gunicorn finishes
  the requests it is answering, the worker the task it is running. Whatever is still alive
  after ``grace`` seconds, or after a second Ctrl+C, is killed.
- The web server stopping ends everything: with nothing to serve, the supervisor exits with
  gunicorn's exit code, so a service manager sees the failure and restarts the whole.
- A worker (the task worker, the upkeep loop) that dies is reported on standard error and
  started again, waiting longer after each crash that follows a short life (1 s, 2 s, 4 s …
  up to a minute), so a worker that cannot start does not spin.
- On Linux each child is told to receive SIGTERM if the supervisor itself dies (even by
  SIGKILL), so no orphaned worker keeps running with an old version of the code.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# A worker that ran at least this long before dying is restarted at once.
STABLE_SECONDS = 60
MAX_BACKOFF = 60
POLL = 0.2


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux for SIGTERM when the parent dies."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the supervisor's own signal handling still stops the children


def _start(command: Sequence[str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 — fixed argument lists built by the caller
        list(command),
        process_group=0,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,  # noqa: PLW1509
    )


@dataclass
class Child:
    name: str
    command: Sequence[str]
    # Said after the child's name when it stopped: what waits meanwhile.
    note: str = ""
    process: subprocess.Popen | None = None
    started: float = 0.0
    crashes: int = 0
    restart_at: float | None = None

    def start(self) -> None:
        self.process = _start(self.command)
        self.started = time.monotonic()
        self.restart_at = None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal(self, signum: int) -> None:
        if self.alive():
            try:
                self.process.send_signal(signum)
            except ProcessLookupError:
                pass


@dataclass
class Supervisor:
    web: Child
    workers: Sequence[Child] = ()
    grace: float = 25.0
    say: Callable[[str], None] = field(default=lambda text: print(text, file=sys.stderr))
    stopping: bool = False
    kill_now: bool = False

    def _on_signal(self, signum, frame) -> None:
        if self.stopping:
            self.kill_now = True  # a second Ctrl+C: do not wait any longer
        self.stopping = True

    def run(self) -> int:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._on_signal)
        self.web.start()
        for worker in self.workers:
            worker.start()
        code = 0
        while not self.stopping:
            if not self.web.alive():
                code = self.web.process.returncode
                self.say(f"esitlik: the web server stopped (exit code {code}); stopping.")
                break
            for worker in self.workers:
                self._watch(worker)
            time.sleep(POLL)
        self._stop()
        return code

    def _watch(self, worker: Child) -> None:
        now = time.monotonic()
        if worker.restart_at is not None:
            if now >= worker.restart_at:
                worker.start()
            return
        if worker.alive():
            return
        lived = now - worker.started
        worker.crashes = 0 if lived >= STABLE_SECONDS else worker.crashes + 1
        wait = min(MAX_BACKOFF, 2 ** max(0, worker.crashes - 1)) if worker.crashes else 0
        self.say(
            f"esitlik: {worker.name} stopped (exit code {worker.process.returncode}) "
            f"after {lived:.0f} s; starting it again in {wait} s.{worker.note}"
        )
        worker.restart_at = now + wait

    def _stop(self) -> None:
        children = [self.web, *self.workers]
        for child in children:
            child.signal(signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        while any(c.alive() for c in children) and not self.kill_now:
            if time.monotonic() >= deadline:
                break
            time.sleep(POLL)
        for child in children:
            if child.alive():
                self.say(f"esitlik: {child.name} did not stop in time; killing it.")
                child.signal(signal.SIGKILL)
                child.process.wait()
