import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from esitlik.core import ratelimit
from esitlik.datasets.upkeep import upkeep
from esitlik.privacy.retention import retain
from esitlik.reports.upkeep import interrupted as interrupted_reports
from esitlik.reports.upkeep import stray_files as stray_report_files


class Command(BaseCommand):
    help = (
        "Tidy after interrupted imports and reports and forgotten uploads: imports still "
        "running long after they started are marked refused, such reports failed, uploads "
        "left unconfirmed for days are deleted, stray temporary files removed, ended "
        "rate-limit windows deleted, personal data past its retention period blanked (see "
        "esitlik/datasets/upkeep.py, esitlik/reports/upkeep.py, esitlik/core/ratelimit.py and "
        "esitlik/privacy/retention.py). Once, or every N "
        "seconds with --every; `esitlik serve` runs it every ten minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Run again every SECONDS seconds until stopped (default: once).",
        )

    def handle(self, *args, every, **options):
        while True:
            tidied = upkeep()
            reports = interrupted_reports()
            strays = stray_report_files()  # PDFs of builds killed while writing them
            ratelimit.purge()  # ended rate-limit windows (esitlik/core/ratelimit.py)
            retain()  # retention periods of personal data (esitlik/privacy/retention.py)
            busy = reports or strays or any(vars(tidied).values())
            if options["verbosity"] and (every == 0 or busy):
                self.stdout.write(
                    f"esitlik upkeep: {tidied}, interrupted reports: {reports}, "
                    f"stray report files: {strays}"
                )
            if every <= 0:
                return
            # A long-lived loop: let the database connection be renewed between rounds.
            close_old_connections()
            time.sleep(every)
