"""Signed-in pages and data entry under load (issue #9): 50 focal points enter data through the
production server (`esitlik serve`: gunicorn and its task worker) on 127.0.0.1 while service-
records imports and Equality in Service reports run in the background, and every write they
were told was saved is then found in the database.

    uv run python bench/bench_load.py                          # SQLite, the embedded default
    uv run python bench/bench_load.py --database-url postgres://postgres@127.0.0.1:54440/load

Two phases with the same users, in the same run:

- **baseline**: the users alone;
- **with imports and reports**: the same users while the equality unit, all the while, uploads
  service-records files (``--imports`` of ``--import-rows`` rows, default 4 × 300,000) one
  after another through the upload and column pages, each imported by the task worker, and
  asks for Equality in Service reports (internal and public in turn), each built by the task
  worker, until the users are done.

Each user signs in through the login page, then, ``--iterations`` times: opens the dashboard
and the plan, opens their directorate's action and reports its status and progress on it (the
form as the page gives it, version included), records a participation input, and opens the
list of inputs; between two requests they pause ``--think`` seconds on average (people read
before they type). Users are focal points of the action's lead directorate, two or three per
action, so some reports meet a report saved meanwhile by a colleague: those must be refused
with the "someone else saved a change" message, never saved over.

Checked afterwards, in the database: every report answered "saved" is an audit entry with its
values, and each action holds the last report saved on it; every input answered "saved" exists
once with its text; every import landed whole (rows read = rows of the file) and every report
is ready with its PDF. Any other answer (a 5xx, an unexpected page, a socket error or a
timeout) is counted as an error, and the run fails on any error or lost write.

Bounded: ``--users`` × ``--iterations`` per phase, every request has a 120 s timeout, the
whole run ``--timeout`` seconds; only 127.0.0.1. Prints a Markdown table; ``--json FILE``
writes the figures too. Two-step sign-in is turned off for the run (the server's own
environment), as in the demo: the users here are generated.
"""

from __future__ import annotations

import argparse
import csv
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "ornek"
PASSWORD = "yuk-testi-2026"  # noqa: S105 (the generated users' password)
DEMO_PASSWORD = "esitlik-demo-2026"  # noqa: S105 (the demo's, printed by `esitlik demo`)
SAVED_REPORT = "Rapor kaydedildi."
STALE = "başka biri bu kayıtta değişiklik kaydetti"
BUSY = "with imports and reports"


# The pages' forms, read as a browser would ---------------------------------------------------


class Forms(HTMLParser):
    """The POST forms of a page: each one's action and the values a browser would send as it
    stands (hidden fields, filled inputs, checked boxes, selected options, textarea text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: tuple[str, bool] | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self.forms.append({"action": a.get("action") or "", "fields": []})
            return
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.append((name, a.get("value") or "on"))
            elif kind not in ("submit", "button", "file", "reset", "image"):
                fields.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in a), []
        elif tag == "option" and self._select:
            self._options.append((a.get("value") or "", "selected" in a))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "select" and self._select and self.forms:
            name, multiple = self._select
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.forms[-1]["fields"].extend((name, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self.forms:
            self.forms[-1]["fields"].append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None


def form_errors(page: str) -> str:
    """The error summary of a page given back with its form, as text."""
    found = re.search(r'class="form-errors.*?</(?:div|section)>', page, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(0)).strip()[:300] if found else page[:300]


def form_with(page: str, field_name: str) -> dict:
    """The page's POST form that has a field ``field_name``."""
    parser = Forms()
    parser.feed(page)
    for form in parser.forms:
        if any(name == field_name for name, _ in form["fields"]):
            return form
    raise LookupError(f"no form with {field_name!r} on the page")


def filled(form: dict, **values) -> list[tuple[str, str]]:
    """The form's fields with ``values`` in place of theirs (or added)."""
    kept = [(n, v) for n, v in form["fields"] if n not in values]
    return kept + [(n, str(v)) for n, v in values.items()]


# One person's browser --------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    location: str
    body: str


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect is an answer to look at
        return None


@dataclass
class Timing:
    phase: str
    what: str
    ms: float
    ok: bool


@dataclass
class Tally:
    """What every user saw, shared by their threads."""

    timings: list[Timing] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reports: list[tuple[str, int, int]] = field(default_factory=list)  # user, action, progress
    stale: int = 0
    inputs: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, **kwargs):
        with self.lock:
            for name, value in kwargs.items():
                target = getattr(self, name)
                if isinstance(target, list):
                    target.append(value)
                else:
                    setattr(self, name, target + value)


class Browser:
    def __init__(self, base: str, tally: Tally, phase: str):
        self.base, self.tally, self.phase = base, tally, phase
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _KeepRedirects()
        )

    def send(self, what: str, path: str, data=None, content_type=None) -> Answer:
        url = path if path.startswith("http") else self.base + path
        body = None
        headers = {"Accept-Language": "tr"}
        if data is not None:
            if content_type is None:
                body = urllib.parse.urlencode(data).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                body, headers["Content-Type"] = data, content_type
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (127.0.0.1)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                answer = Answer(response.status, "", response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            answer = Answer(
                error.code,
                error.headers.get("Location", ""),
                error.read().decode("utf-8", "replace"),
            )
        except OSError as error:  # refused, reset, timed out
            self.tally.add(
                timings=Timing(self.phase, what, (time.perf_counter() - started) * 1000, False),
                errors=f"{what}: {type(error).__name__}: {error}",
            )
            raise
        ms = (time.perf_counter() - started) * 1000
        ok = answer.status < 400
        self.tally.add(timings=Timing(self.phase, what, ms, ok))
        if not ok:
            self.tally.add(errors=f"{what}: HTTP {answer.status} for {path}")
        return answer

    def page(self, what: str, path: str) -> str:
        answer = self.send(what, path)
        if answer.status != 200:
            raise Unexpected(f"{what}: {answer.status} for {path}")
        return answer.body

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        page = self.page("sign-in page", "/accounts/login/")
        form = form_with(page, "username")
        answer = self.send(
            "sign in",
            "/accounts/login/",
            filled(form, username=username, password=password),
        )
        if answer.status != 302:
            raise Unexpected(f"sign in as {username}: {answer.status}")


class Unexpected(Exception):
    pass


# The users -------------------------------------------------------------------------------------


def user_session(base, tally, phase, username, plan_id, action_id, iterations, think, seed):
    rng = random.Random(seed)
    browser = Browser(base, tally, phase)

    def pause():
        time.sleep(rng.uniform(0.5, 1.5) * think)

    try:
        browser.sign_in(username)
        for step in range(iterations):
            pause()
            browser.page("dashboard", f"/m/{SLUG}/")
            pause()
            browser.page("plan", f"/m/{SLUG}/plans/{plan_id}/")
            pause()
            action_path = f"/m/{SLUG}/plans/{plan_id}/actions/{action_id}/"
            form = form_with(browser.page("action form", action_path), "progress")
            pause()
            # Always a change, so that a saved report is always an audit entry to find.
            current = dict(form["fields"]).get("progress", "")
            progress = rng.choice([p for p in range(101) if str(p) != current])
            answer = browser.send(
                "report progress (POST)",
                action_path,
                filled(
                    form,
                    status="on_track",
                    progress=progress,
                    budget_actual=f"{rng.randint(0, 99999)},50",
                ),
            )
            if answer.status == 302:
                saved = browser.page("plan (after report)", answer.location)
                if SAVED_REPORT not in saved:
                    raise Unexpected("a saved report without its message")
                tally.add(reports=(username, action_id, progress))
            elif answer.status == 200 and STALE in answer.body:
                tally.add(stale=1)  # a colleague saved first: refused, said so
            else:
                raise Unexpected(f"report: {answer.status} {form_errors(answer.body)}")
            pause()
            new_input = f"/m/{SLUG}/participation/inputs/new/"
            form = form_with(browser.page("input form", new_input), "text")
            text = f"Yük testi {username} {phase} {step} {uuid.uuid4().hex[:8]}: durak aydınlatması"
            answer = browser.send(
                "record an input (POST)",
                new_input,
                filled(form, text=text, received_on="15.03.2026", kind="need"),
            )
            if answer.status != 302:
                raise Unexpected(f"input: {answer.status} {answer.body[:300]}")
            tally.add(inputs=text)
            browser.page("input", answer.location)
            pause()
            browser.page("inputs list", f"/m/{SLUG}/participation/inputs/")
    except (Unexpected, LookupError, OSError) as error:
        tally.add(errors=f"{username}: {error}")


def run_users(base, tally, phase, people, iterations, think) -> float:
    threads = [
        threading.Thread(
            target=user_session,
            args=(base, tally, phase, name, plan, action, iterations, think, index + hash(phase)),
            daemon=True,
        )
        for index, (name, plan, action) in enumerate(people)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
        time.sleep(0.05)  # people do not all press the button at the same millisecond
    for thread in threads:
        thread.join(timeout=1800)
    return time.perf_counter() - started


# The equality unit's background work --------------------------------------------------------


def multipart(fields, file_field, file_name, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{file_name}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def wait_for(browser: Browser, status_url: str, what: str, limit: float = 600) -> dict:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        answer = browser.send(f"{what} status", status_url)
        state = json.loads(answer.body) if answer.status == 200 else {}
        if state.get("done"):
            return state
        time.sleep(1)
    raise Unexpected(f"{what} did not finish in time")


def import_records(base, tally, files: list[Path], directorate_id: int, results, until):
    """The equality unit imports the files one after another while ``until`` is not set:
    upload, the column page confirmed as proposed, then the task worker's import."""
    browser = Browser(base, tally, "background")
    try:
        browser.sign_in("yonetici", DEMO_PASSWORD)
        for csv_path in files:
            if until.is_set():
                return
            started = time.perf_counter()
            upload = f"/m/{SLUG}/data/imports/new/"
            form = form_with(browser.page("upload form", upload), "year")
            fields = filled(
                form, kind="service_records", year=2025, directorate=directorate_id, mode="add"
            )
            body, kind = multipart(fields, "file", csv_path.name, csv_path.read_bytes())
            answer = browser.send("upload (POST)", upload, body, kind)
            if answer.status != 302:
                raise Unexpected(f"upload: {answer.status} {form_errors(answer.body)}")
            mapping_page = browser.page("column page", answer.location)
            form = form_with(mapping_page, "col_0")  # not the sheet chooser above it
            answer = browser.send("confirm columns (POST)", answer.location, form["fields"])
            if answer.status != 302:
                raise Unexpected(f"confirm: {answer.status} {form_errors(answer.body)}")
            run_id = int(re.search(r"/imports/(\d+)/", answer.location).group(1))
            state = wait_for(browser, f"/m/{SLUG}/data/imports/{run_id}/status.json", "import")
            results.append(
                {
                    "import": run_id,
                    "state": state.get("status"),
                    "seconds": time.perf_counter() - started,
                }
            )
    except (Unexpected, LookupError, OSError, AttributeError) as error:
        tally.add(errors=f"import: {error}")


def make_reports(base, tally, results, until):
    """The equality unit asks for Equality in Service reports, internal and public in turn,
    one after another while ``until`` is not set, each built by the task worker."""
    browser = Browser(base, tally, "background")
    try:
        browser.sign_in("yonetici", DEMO_PASSWORD)
        for number in range(1000):
            if until.is_set():
                return
            started = time.perf_counter()
            new = f"/m/{SLUG}/reports/new/"
            form = form_with(browser.page("new report form", new), "kind")
            audience = ("internal", "public")[number % 2]
            answer = browser.send(
                "ask for a report (POST)",
                new,
                filled(form, kind="equality-in-service", audience=audience, language="tr"),
            )
            if answer.status != 302:
                raise Unexpected(f"report: {answer.status} {form_errors(answer.body)}")
            report_id = int(re.search(r"/reports/(\d+)/", answer.location).group(1))
            state = wait_for(browser, f"/m/{SLUG}/reports/{report_id}/status.json", "report")
            results.append(
                {
                    "report": report_id,
                    "state": state.get("status"),
                    "seconds": time.perf_counter() - started,
                }
            )
    except (Unexpected, LookupError, OSError, AttributeError) as error:
        tally.add(errors=f"report: {error}")


# Setting up and checking, in the bench's own process -------------------------------------------


def django_env(data: Path, database_url: str | None) -> dict:
    env = {
        "ESITLIK_DATA_DIR": str(data),
        "ESITLIK_LOG_LEVEL": "WARNING",
        "ESITLIK_2FA_REQUIRED_ROLES": "none",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def demo(data: Path, env: dict) -> None:
    shutil.rmtree(data, ignore_errors=True)
    subprocess.run(
        ["uv", "run", "esitlik", "demo", "--no-serve"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def setup_django(data: Path, env: dict) -> None:
    os.environ.update(env)
    os.environ["SECRET_KEY"] = (data / "secret_key").read_text().strip()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esitlik.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_people(count: int):
    """``count`` focal points, each of the lead directorate of one action of Örnek's plan in
    implementation, in turn: (user name, plan id, action id)."""
    from django.contrib.auth import get_user_model

    from esitlik.core.models import Membership, Municipality, Role
    from esitlik.plans.models import Action, ActionPlan

    municipality = Municipality.objects.get(slug=SLUG)
    plan = ActionPlan.objects.filter(municipality=municipality, status="in_implementation").first()
    actions = list(
        Action.objects.filter(objective__aim__plan=plan, lead_directorate__isnull=False).order_by(
            "pk"
        )
    )
    User = get_user_model()
    people = []
    for number in range(1, count + 1):
        action = actions[(number - 1) % len(actions)]
        name = f"yuk{number:02d}"
        user = User.objects.create_user(name, f"{name}@example.org", PASSWORD)
        Membership.objects.create(
            user=user,
            municipality=municipality,
            role=Role.FOCAL_POINT,
            directorate=action.lead_directorate,
        )
        people.append((name, plan.pk, action.pk))
    return people


def records_file(path: Path, rows: int, seed: int) -> int:
    """A year of service records of one directorate, as a directorate would send them (each
    ``seed`` another file: the same file twice would be refused as already imported)."""
    from esitlik.core.models import Municipality, Neighbourhood
    from esitlik.datasets.models import Service

    municipality = Municipality.objects.get(slug=SLUG)
    services = list(Service.objects.filter(municipality=municipality, directorate__isnull=False))
    directorate_id = max(
        {s.directorate_id for s in services},
        key=lambda d: sum(1 for s in services if s.directorate_id == d),
    )
    names = [s.name["tr"] for s in services if s.directorate_id == directorate_id]
    places = list(
        Neighbourhood.objects.filter(municipality=municipality).values_list("name", flat=True)
    )
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Hizmet", "Tarih", "Cinsiyet", "Yaş", "Mahalle"])
        for _ in range(rows):
            writer.writerow(
                [
                    rng.choice(names),
                    f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2025",
                    rng.choice(["Kadın", "Erkek", "Kadın", "Erkek", "Belirtilmemiş"]),
                    rng.randint(0, 95),
                    rng.choice(places),
                ]
            )
    return directorate_id


def check(tally: Tally, results: dict, people, rows: int) -> dict:
    """What the database holds against what the users were told: lost writes and the rest."""
    from esitlik.core.models import AuditEntry
    from esitlik.datasets.models import ImportRun
    from esitlik.participation.models import Input
    from esitlik.plans.models import Action
    from esitlik.reports.models import StoredReport

    lost = []
    entries = AuditEntry.objects.filter(
        action="plans.action.reported", actor__username__startswith="yuk"
    )
    recorded = [
        (
            entry.actor.username,
            int(entry.object_id),
            (entry.changes.get("progress") or {}).get("new"),
        )
        for entry in entries.order_by("pk").select_related("actor")
    ]
    for report in tally.reports:
        if report not in recorded:
            lost.append(f"report {report} has no audit entry")
    last = {}
    for _user, action_id, progress in recorded:
        if progress is not None:
            last[action_id] = progress
    for action_id, progress in last.items():
        held = Action.objects.get(pk=action_id).progress
        if held != progress:
            lost.append(f"action {action_id} holds {held}, the last saved report said {progress}")
    texts = list(Input.objects.filter(text__startswith="Yük testi").values_list("text", flat=True))
    missing = set(tally.inputs) - set(texts)
    lost += [f"input missing: {text}" for text in sorted(missing)]
    doubled = len(texts) - len(set(texts))
    if doubled:
        lost.append(f"{doubled} inputs stored twice")
    found = {"lost": lost, "imports": [], "reports": []}
    for done in results:
        if "import" in done:
            run = ImportRun.objects.get(pk=done["import"])
            found["imports"].append({"run": run.pk, "status": run.status, "rows": run.rows_read})
            if run.status != "landed" or run.rows_read != rows:
                lost.append(f"import {run.pk}: {run.status}, {run.rows_read} of {rows} rows")
        else:
            report = StoredReport.objects.get(pk=done["report"])
            found["reports"].append({"report": report.pk, "status": report.status})
            if report.status != "ready" or not report.pdf:
                lost.append(f"report {report.pk}: {report.status}")
    return found


# The server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(data: Path, env: dict, port: int, workers: int) -> subprocess.Popen:
    environment = {
        **os.environ,
        **env,
        "SECRET_KEY": (data / "secret_key").read_text().strip(),
        "ESITLIK_HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        ["uv", "run", "esitlik", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(data / "serve.log").open("w"),
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"esitlik serve stopped (exit {server.returncode}): {data}/serve.log")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()  # noqa: S310
            return server
        except OSError:
            time.sleep(0.5)
    stop(server)
    raise SystemExit("the server did not answer /healthz within 180 s")


def stop(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)


# Figures ---------------------------------------------------------------------------------------


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def table(tally: Tally, phases) -> list[dict]:
    lines = []
    for phase in phases:
        mine = [t for t in tally.timings if t.phase == phase]
        for what in dict.fromkeys(t.what for t in mine):
            ms = [t.ms for t in mine if t.what == what]
            lines.append(
                {
                    "phase": phase,
                    "what": what,
                    "requests": len(ms),
                    "errors": sum(1 for t in mine if t.what == what and not t.ok),
                    "p50": statistics.median(ms),
                    "p95": percentile(ms, 0.95),
                    "max": max(ms),
                }
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--iterations", type=int, default=6)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between requests")
    parser.add_argument("--import-rows", type=int, default=300_000, help="rows of each file")
    parser.add_argument("--imports", type=int, default=4, help="files ready to import, at most")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "esitlik-bench-load"
    )
    parser.add_argument("--database-url", help="a PostgreSQL database to use (emptied)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds for the whole run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(SystemExit("timed out")))
    signal.alarm(args.timeout)

    data = args.work / "data"
    env = django_env(data, args.database_url)
    if args.database_url:
        subprocess.run(
            ["uv", "run", "esitlik", "flush", "--no-input"],
            cwd=ROOT, env={**os.environ, **env, "SECRET_KEY": "x"}, check=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    print("demo data…", file=sys.stderr)
    demo(data, env)
    setup_django(data, env)
    people = make_people(args.users)
    files = [args.work / f"hizmet-kayitlari-{number}.csv" for number in range(args.imports)]
    for number, path in enumerate(files):
        directorate_id = records_file(path, args.import_rows, seed=number)
    from django.db import connections

    connections.close_all()  # the server's processes write now

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    print("starting the server…", file=sys.stderr)
    server = serve(data, env, port, args.workers)
    tally, results, seconds = Tally(), [], {}
    try:
        print(f"baseline: {args.users} users…", file=sys.stderr)
        seconds["baseline"] = run_users(
            base, tally, "baseline", people, args.iterations, args.think
        )
        print("with imports and reports…", file=sys.stderr)
        until = threading.Event()  # the users are done: the equality unit stops too
        background = [
            threading.Thread(
                target=import_records, args=(base, tally, files, directorate_id, results, until)
            ),
            threading.Thread(target=make_reports, args=(base, tally, results, until)),
        ]
        for thread in background:
            thread.start()
        seconds[BUSY] = run_users(base, tally, BUSY, people, args.iterations, args.think)
        until.set()
        for thread in background:
            thread.join(timeout=900)
    finally:
        stop(server)
    found = check(tally, results, people, args.import_rows)

    phases = ["baseline", BUSY, "background"]
    lines = table(tally, phases)
    print(
        f"\n{args.users} signed-in users × {args.iterations} rounds, think {args.think} s, "
        f"{args.workers} gunicorn workers + the task worker, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}\n"
    )
    print("| phase | request | requests | errors | p50 ms | p95 ms | max ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for line in lines:
        print(
            f"| {line['phase']} | {line['what']} | {line['requests']} | {line['errors']} | "
            f"{line['p50']:.0f} | {line['p95']:.0f} | {line['max']:.0f} |"
        )
    for phase, value in seconds.items():
        print(f"\n{phase}: {value:.0f} s")
    print(f"reports saved {len(tally.reports)}, refused as stale {tally.stale}, inputs saved "
          f"{len(tally.inputs)}")  # fmt: skip
    for kind in ("import", "report"):
        done = [r for r in results if kind in r]
        seconds_each = ", ".join(f"{r['seconds']:.0f}" for r in done)
        states = sorted({r["state"] for r in done})
        print(
            f"{kind}s during the users' work: {len(done)} ({', '.join(states)}), s: {seconds_each}"
        )
    print(f"errors: {len(tally.errors)}; lost writes: {len(found['lost'])}")
    for problem in (tally.errors + found["lost"])[:20]:
        print("  ", problem)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "lines": lines,
                    "seconds": seconds,
                    "results": results,
                    "found": found,
                    "errors": tally.errors,
                    "reports": len(tally.reports),
                    "stale": tally.stale,
                    "inputs": len(tally.inputs),
                },
                indent=1,
                default=str,
            )
        )
    if tally.errors or found["lost"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
