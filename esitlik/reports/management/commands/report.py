"""``esitlik report equality-in-service --municipality SLUG --year YYYY --format pdf
--output FILE [--lang tr|en] [--public]``: a report written to a file, from the command line
(a scheduled job, a network coordinator's script)."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from esitlik.core.models import Municipality
from esitlik.reports.document import Audience
from esitlik.reports.equality import KIND as EQUALITY
from esitlik.reports.equality import build
from esitlik.reports.gather import gather
from esitlik.reports.render import FORMATS, render


class Command(BaseCommand):
    help = "Write a report of one municipality to a file (HTML, PDF, XLSX or JSON)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[EQUALITY], help="Which report.")
        parser.add_argument("--municipality", required=True, help="The municipality's slug.")
        parser.add_argument("--year", type=int, required=True, help="The report's year.")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            default=None,
            help="The file's format (default: from the output's extension).",
        )
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument("--lang", choices=["tr", "en"], default="tr")
        parser.add_argument(
            "--public",
            action="store_true",
            help="The public version: disclosure control on every figure.",
        )

    def handle(self, *args, kind, municipality, year, format, output, lang, public, **options):
        target = Path(output)
        format = format or target.suffix.lstrip(".").lower()
        if format not in FORMATS:
            raise CommandError(
                f"Unknown format {format!r}: give --format with one of {', '.join(FORMATS)}, "
                "or an output file ending in one of them."
            )
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            known = ", ".join(Municipality.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No municipality {municipality!r}. Known: {known or 'none'}.")
        if not 2000 <= year <= 2100:
            raise CommandError(f"--year {year} is not a year this software has data for.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        if options["verbosity"] < 2:
            # Disclosure control logs each table it protects; the log is for the server.
            logging.getLogger("esitlik.disclosure").setLevel(logging.WARNING)
        sources = gather(found, year)
        audience = Audience.PUBLIC if public else Audience.INTERNAL
        report = build(sources, language=lang, audience=audience)
        data = render(report, format)
        target.write_bytes(data)
        self.stdout.write(f"{target}: {len(data):,} bytes ({format}, {lang}, {audience.value})")
