from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from esitlik.core.models import Municipality
from esitlik.participation.imports import KINDS, Options, import_participation
from esitlik.participation.models import Event


class Command(BaseCommand):
    help = (
        "Import stakeholders or inputs from a CSV or Excel file, all or nothing, exactly as "
        "the import page does. Prints a summary; with any problem, lists each one (row, "
        "column, value) on stderr, saves nothing and exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or Excel file")
        parser.add_argument("--municipality", required=True, help="the municipality's slug")
        parser.add_argument("--kind", required=True, choices=KINDS)
        parser.add_argument("--event", type=int, help="id of the event every input belongs to")
        parser.add_argument(
            "--update-existing",
            action="store_true",
            help="update stakeholders whose name is already in the registry",
        )
        parser.add_argument(
            "--add-neighbourhoods",
            action="store_true",
            help="add neighbourhoods missing from the municipality's list",
        )
        parser.add_argument("--dry-run", action="store_true", help="check only, save nothing")
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, **opts):
        municipality = Municipality.objects.filter(slug=opts["municipality"]).first()
        if municipality is None:
            raise CommandError(f"no municipality with slug {opts['municipality']!r}")
        event = None
        if opts["event"] is not None:
            event = Event.objects.filter(pk=opts["event"], municipality=municipality).first()
            if event is None:
                raise CommandError(f"{municipality.slug} has no event {opts['event']}")
        path = Path(opts["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        # Whoever runs the command on the server acts for the equality unit.
        options = Options(
            event=event,
            update_existing=opts["update_existing"],
            add_neighbourhoods=opts["add_neighbourhoods"],
            may_add_neighbourhoods=True,
            may_decide=True,
        )
        with translation.override(opts["language"]):
            outcome = import_participation(
                kind=opts["kind"],
                municipality=municipality,
                by=None,
                data=data,
                name=path.name,
                options=options,
                commit=not opts["dry_run"],
            )
            if outcome.refusal:
                raise CommandError(outcome.refusal)
            for problem in outcome.problems:
                where = f"row {problem.row}" if problem.row else "file"
                if problem.column:
                    letter = f" ({problem.letter})" if problem.letter else ""
                    where += f", column “{problem.column}”{letter}"
                value = f", value “{problem.value}”" if problem.value else ""
                self.stderr.write(f"{where}{value}: {problem.message}")
        if outcome.problems:
            raise CommandError(
                f"{len(outcome.problems)} problem(s) in {outcome.rows} row(s); nothing was imported"
            )
        verb = "would be" if opts["dry_run"] else "were"
        self.stdout.write(
            f"{outcome.rows} row(s) read: {outcome.created} {verb} added, {outcome.updated} "
            f"updated, {outcome.unchanged} unchanged"
        )
        if outcome.neighbourhoods_added:
            names = ", ".join(outcome.neighbourhoods_added)
            self.stdout.write(f"neighbourhoods {verb} added: {names}")
