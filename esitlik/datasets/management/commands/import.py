from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from esitlik.core.models import Municipality
from esitlik.core.tabular import CellError
from esitlik.datasets.imports import import_file
from esitlik.datasets.ingest.parsing import Directorates
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun

KINDS = [kind.slug for kind in Kind]


def _pairs(values: list[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        header, sep, field = value.partition("=")
        if not sep or not header.strip():
            raise CommandError(f"--map wants “Header=field”, not {value!r}")
        mapping[header.strip()] = field.strip()
    return mapping


class Command(BaseCommand):
    help = (
        "Import a dataset (CSV or Excel) of one kind and year, all or nothing, as the import "
        "pages do. Prints what was stored; with any problem, lists each one (row, column, "
        "value, message) on stderr, stores nothing and exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or Excel file")
        parser.add_argument("--municipality", required=True, help="the municipality's slug")
        parser.add_argument("--kind", required=True, choices=KINDS)
        parser.add_argument(
            "--year",
            type=int,
            help="the year of the data (default: the file's year column, or its dates if "
            "they all fall in one year)",
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help="read the column HEADER as FIELD (a field key or name; empty: leave it out)",
        )
        parser.add_argument(
            "--drop",
            action="append",
            default=[],
            metavar="HEADER",
            help="never read the column HEADER (e.g. one holding ID numbers or names)",
        )
        parser.add_argument("--directorate", help="the directorate sending the data (name or code)")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the data already imported for the same kind, year and directorate",
        )
        parser.add_argument("--sheet", help="the workbook's sheet to read (default: the first)")
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, **opts):
        municipality = Municipality.objects.filter(slug=opts["municipality"]).first()
        if municipality is None:
            raise CommandError(f"no municipality with slug {opts['municipality']!r}")
        path = Path(opts["file"])
        if not path.is_file():
            raise CommandError(f"cannot read {path}: no such file")
        with translation.override(opts["language"]):
            directorate = self._directorate(municipality, opts["directorate"])
            try:
                run = import_file(
                    municipality=municipality,
                    kind=Kind.from_slug(opts["kind"]),
                    year=opts["year"],
                    source=path,
                    file_name=path.name,
                    by=None,
                    directorate=directorate,
                    mapping=_pairs(opts["map"]),
                    drop=opts["drop"],
                    mode=ImportRun.Mode.REPLACE if opts["replace"] else ImportRun.Mode.ADD,
                    sheet=opts["sheet"],
                )
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            if run.status != ImportRun.Status.LANDED:
                self._problems(run)
                raise CommandError(
                    f"{run.error_count} problem(s) in {run.rows_read} row(s); nothing was imported"
                )
            self._summary(run)

    def _directorate(self, municipality, value):
        if not value:
            return None
        try:
            return Directorates.of(municipality).find(value)
        except CellError as error:
            raise CommandError(str(error)) from None

    def _problems(self, run) -> None:
        for problem in run.problems:
            where = f"row {problem['row']}" if problem["row"] else "file"
            if problem["column"]:
                letter = f" ({problem['letter']})" if problem["letter"] else ""
                where += f", column “{problem['column']}”{letter}"
            value = f", value “{problem['value']}”" if problem["value"] else ""
            self.stderr.write(f"{where}{value}: {problem['message']}")
        if run.error_count > len(run.problems):
            self.stderr.write(f"… and {run.error_count - len(run.problems)} more problem(s)")
        for unknown in (run.summary or {}).get("unknown", []):
            self.stderr.write(
                f"not found: “{unknown['value']}” in column “{unknown['column']}” "
                f"({unknown['letter']}), {unknown['rows']} row(s)"
            )

    def _summary(self, run) -> None:
        self.stdout.write(
            f"{run.get_kind_display()} {run.year} from “{run.file_name}”: {run.rows_read} row(s) "
            f"read, {run.rows_stored} stored (import {run.pk})"
        )
        by_sex = run.summary.get("by_sex") or {}
        if by_sex:
            parts = ", ".join(f"{sex} {count}" for sex, count in by_sex.items())
            self.stdout.write(f"by sex: {parts}")
        replaced = list(run.replaced.values_list("pk", flat=True))
        if replaced:
            self.stdout.write(f"replaced import(s): {', '.join(map(str, replaced))}")
        for warning in run.warnings:
            self.stdout.write(f"warning: {warning['message']}")
