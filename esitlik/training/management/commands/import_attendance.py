from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from esitlik.core.models import Municipality
from esitlik.training.imports import import_attendance
from esitlik.training.models import TrainingSession


class Command(BaseCommand):
    help = (
        "Import a training session's sign-in sheet (CSV or Excel) into its attendance, all or "
        "nothing, exactly as the import page does. Prints a summary; with any problem, lists "
        "each one (row, column, value) on stderr, saves nothing and exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or Excel file")
        parser.add_argument("--municipality", required=True, help="the municipality's slug")
        parser.add_argument("--session", required=True, type=int, help="the session's id")
        parser.add_argument(
            "--add-new-staff",
            action="store_true",
            help="add people not on the staff list (rows with a name, directorate and sex)",
        )
        parser.add_argument("--dry-run", action="store_true", help="check only, save nothing")
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, **opts):
        municipality = Municipality.objects.filter(slug=opts["municipality"]).first()
        if municipality is None:
            raise CommandError(f"no municipality with slug {opts['municipality']!r}")
        session = (
            TrainingSession.objects.select_related("programme", "municipality")
            .filter(pk=opts["session"], municipality=municipality)
            .first()
        )
        if session is None:
            raise CommandError(f"{municipality.slug} has no training session {opts['session']}")
        path = Path(opts["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        with translation.override(opts["language"]):
            outcome = import_attendance(
                session=session,
                by=None,  # whoever runs the command on the server acts for the equality unit
                data=data,
                name=path.name,
                add_new_staff=opts["add_new_staff"],
                commit=not opts["dry_run"],
            )
            if outcome.refusal:
                raise CommandError(outcome.refusal)
            for label, items in (("problem", outcome.problems), ("note", outcome.notes)):
                for item in items:
                    where = f"row {item.row}"
                    if item.column:
                        letter = f" ({item.letter})" if item.letter else ""
                        where += f", column “{item.column}”{letter}"
                    value = f", value “{item.value}”" if item.value else ""
                    stream = self.stderr if label == "problem" else self.stdout
                    stream.write(f"{label}: {where}{value}: {item.message}")
        if outcome.problems:
            raise CommandError(
                f"{len(outcome.problems)} problem(s) in {outcome.rows} row(s); nothing was imported"
            )
        verb = "would be" if opts["dry_run"] else "were"
        self.stdout.write(
            f"{outcome.rows} row(s) read: {outcome.adding} people {verb} recorded as attending "
            f"({len(outcome.to_add)} on the staff list, {len(outcome.new)} added to it); "
            f"{len(outcome.already)} already attending"
        )
