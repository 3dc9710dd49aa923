import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from esitlik.core.collected import collect_static_if_changed
from esitlik.core.supervise import Child, Supervisor

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


def gunicorn_command(bind: str, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "esitlik.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "20",
        # gunicorn 27 otherwise opens a control socket in ~/.gunicorn, which a service user
        # with a read-only home cannot write; esitlik is managed by signals, not that socket.
        "--no-control-socket",
    ]


def worker_command() -> list[str]:
    # The same `esitlik` command, so the worker reads the same settings as the web server.
    return [sys.executable, "-m", "esitlik", "db_worker", "--no-reload", "--interval", "1"]


def upkeep_command() -> list[str]:
    return [sys.executable, "-m", "esitlik", "upkeep", "--every", str(UPKEEP_EVERY)]


# How often the upkeep loop looks for interrupted imports and forgotten uploads.
UPKEEP_EVERY = 600


def needs_worker() -> bool:
    """Whether queued tasks wait for a worker: the database backend is the one that queues
    (the immediate backend runs a task inside the request that enqueues it)."""
    return any(backend.get("BACKEND") == DATABASE_TASKS for backend in settings.TASKS.values())


class Command(BaseCommand):
    help = (
        "Serve esitlik with gunicorn (static files through whitenoise) and run beside it the "
        "background worker that carries out queued imports and the upkeep loop (`esitlik "
        "upkeep`) that tidies after interrupted ones. Collects static files first when they "
        "changed since the last collection. Put a "
        "TLS-terminating reverse proxy in front of it in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("ESITLIK_BIND", "127.0.0.1:8000"),
            help="Address and port to listen on (default: ESITLIK_BIND or 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("ESITLIK_WORKERS", "3")),
            help="Worker processes (default: ESITLIK_WORKERS or 3, right for 2 cores).",
        )
        parser.add_argument(
            "--no-collectstatic",
            action="store_false",
            dest="collect",
            help="Do not collect static files first (they were collected when the release "
            "was built).",
        )
        parser.add_argument(
            "--no-task-worker",
            action="store_false",
            dest="task_worker",
            help="Do not start the background worker and the upkeep loop (run `esitlik "
            "db_worker` and `esitlik upkeep --every 600` as services of their own instead).",
        )

    def handle(self, *args, bind, workers, collect, task_worker, **options):
        if collect:
            # Skipped when the static files collected last time are still those of this code.
            collect_static_if_changed()
        with_worker = task_worker and needs_worker()
        self.stdout.write(
            f"esitlik: serving on http://{bind}/"
            + (" with the background worker" if with_worker else "")
            + " (Ctrl+C stops)"
        )
        sys.stdout.flush()
        supervisor = Supervisor(
            web=Child("the web server", gunicorn_command(bind, workers)),
            workers=[
                Child(
                    "the background worker",
                    worker_command(),
                    note=" Queued imports wait meanwhile.",
                ),
                Child("the upkeep loop", upkeep_command()),
            ]
            if with_worker
            else [],
        )
        code = supervisor.run()
        if code:
            sys.exit(code)
