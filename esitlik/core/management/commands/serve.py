import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serve esitlik with gunicorn (static files through whitenoise). Collects static files "
        "first. Put a TLS-terminating reverse proxy in front of it in production."
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

    def handle(self, *args, bind, workers, **options):
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"esitlik: serving on http://{bind}/ (Ctrl+C stops)")
        sys.stdout.flush()
        # Replace this process so signals (Ctrl+C, systemd stop) reach gunicorn directly.
        os.execvp(  # noqa: S606 — fixed argument list, no shell
            sys.executable,
            [
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
            ],
        )
