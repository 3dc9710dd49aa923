"""A report written to a file, from the command line (a scheduled job, a network
coordinator's script)::

    esitlik report equality-in-service --municipality SLUG --year YYYY --output FILE
    esitlik report plan-progress --municipality SLUG --plan N --period 2025H1 --output FILE

with ``--format html|pdf|xlsx|json`` (default: from the output's extension), ``--lang tr|en``
and ``--public``. ``--plan`` is the plan's number as its pages show it
(``/m/<slug>/plans/<N>/``)."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.plans.models import ActionPlan
from esitlik.reports.document import Audience
from esitlik.reports.equality import KIND as EQUALITY
from esitlik.reports.equality import build
from esitlik.reports.gather import gather
from esitlik.reports.progress import KIND as PROGRESS
from esitlik.reports.progress import PeriodError, build_progress, parse_period
from esitlik.reports.render import FORMATS, render


class Command(BaseCommand):
    help = "Write a report of one municipality to a file (HTML, PDF, XLSX or JSON)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[EQUALITY, PROGRESS], help="Which report.")
        parser.add_argument("--municipality", required=True, help="The municipality's slug.")
        parser.add_argument("--year", type=int, default=None, help=f"The year ({EQUALITY} only).")
        parser.add_argument(
            "--plan",
            type=int,
            default=None,
            help=f"The plan's number, as in its address /m/<slug>/plans/<N>/ ({PROGRESS} only).",
        )
        parser.add_argument(
            "--period",
            default=None,
            help=f"2025H1 (January–June), 2025H2 (July–December) or 2025 ({PROGRESS} only).",
        )
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

    def handle(self, *args, kind, municipality, output, lang, public, **options):
        target = Path(output)
        format = options["format"] or target.suffix.lstrip(".").lower()
        if format not in FORMATS:
            raise CommandError(
                f"Unknown format {format!r}: give --format with one of {', '.join(FORMATS)}, "
                "or an output file ending in one of them."
            )
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            known = ", ".join(Municipality.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No municipality {municipality!r}. Known: {known or 'none'}.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        audience = Audience.PUBLIC if public else Audience.INTERNAL
        if kind == PROGRESS:
            plan, period = self._plan_and_period(found, options["plan"], options["period"])
        else:
            year = options["year"]
            if year is None:
                raise CommandError(f"{EQUALITY} needs --year.")
            if not 2000 <= year <= 2100:
                raise CommandError(f"--year {year} is not a year this software has data for.")
        if options["verbosity"] < 2:
            # Disclosure control logs each table it protects; the log is for the server.
            logging.getLogger("esitlik.disclosure").setLevel(logging.WARNING)
        if kind == PROGRESS:
            try:
                report = build_progress(plan, period, language=lang, audience=audience)
            except PeriodError as error:
                raise CommandError(str(error)) from None
        else:
            report = build(gather(found, year), language=lang, audience=audience)
        data = render(report, format)
        target.write_bytes(data)
        self.stdout.write(f"{target}: {len(data):,} bytes ({format}, {lang}, {audience.value})")

    def _plan_and_period(self, municipality, number, period):
        """The plan of ``municipality`` numbered ``number`` and the parsed period, or a
        message saying what to give instead."""
        plans = ActionPlan.objects.filter(municipality=municipality).order_by("edition")
        listed = "; ".join(
            f"{plan.pk}: {localized(plan.title, 'en')} ({plan.period}, {plan.status})"
            for plan in plans
        )
        if number is None:
            raise CommandError(
                f"{PROGRESS} needs --plan, the plan's number. "
                f"{municipality.slug}'s plans: {listed or 'none'}."
            )
        plan = plans.filter(pk=number).first()
        if plan is None:
            elsewhere = ActionPlan.objects.filter(pk=number).exists()
            reason = "belongs to another municipality" if elsewhere else "does not exist"
            raise CommandError(
                f"Plan {number} {reason}. {municipality.slug}'s plans: {listed or 'none'}."
            )
        if not period:
            raise CommandError(f"{PROGRESS} needs --period: 2025H1, 2025H2 or 2025.")
        try:
            return plan, parse_period(period)
        except PeriodError as error:
            raise CommandError(str(error)) from None
