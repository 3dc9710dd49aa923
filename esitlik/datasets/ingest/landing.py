"""Running one queued import: read the whole file, check it, write its Parquet file and land
it — or refuse it with its problems. See ``esitlik.datasets.imports`` for the rules (all or
nothing, replace, what a run records)."""

from __future__ import annotations

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record
from esitlik.core.disk import is_disk_full
from esitlik.core.models import Municipality
from esitlik.core.tabular import TableRefused
from esitlik.datasets import storage
from esitlik.datasets.ingest import columns, files, headers, reading, rules, writing
from esitlik.datasets.ingest.problems import Problem, shown_value
from esitlik.datasets.models import ImportRun

Status = ImportRun.Status


def landed_twin(municipality_id: int, kind: str, sha256: str, exclude: int | None = None):
    """The landed run of the municipality and kind whose file had these very bytes."""
    twins = ImportRun.objects.filter(
        municipality_id=municipality_id, kind=kind, file_sha256=sha256, status=Status.LANDED
    )
    if exclude is not None:
        twins = twins.exclude(pk=exclude)
    return twins.order_by("id").first()


def twin_message(twin: ImportRun) -> str:
    return _(
        "This file was already imported on %(date)s as “%(file)s” (%(kind)s, %(year)s). "
        "To import it again, withdraw that import first, or import with “replace”."
    ) % {
        "date": date_format(timezone.localtime(twin.finished_at or twin.created_at), "j F Y"),
        "file": twin.file_name,
        "kind": twin.get_kind_display(),
        "year": twin.year,
    }


class Refused(Exception):
    """The run is refused: its problems (the first ones), how many there were, the names not
    found, and the (column names, rows) the problems workbook shows."""

    def __init__(self, problems: list[Problem], count: int | None = None, unknown=None, rows=None):
        self.problems, self.count = problems, count if count is not None else len(problems)
        self.unknown, self.rows = unknown or [], rows


def progress(run, value: int) -> None:
    ImportRun.objects.filter(pk=run.pk).update(progress=value)


def file_problem(message: str, rule: str = "file") -> Refused:
    return Refused([Problem(None, "", "", "", rule, message)])


def disk_full_message() -> str:
    return _(
        "The server's disk is full, so nothing of this file was stored. Tell the "
        "administrator; once there is room again, import the file again."
    )


def problem_rows(raw: reading.RawTable, problems: list[Problem]) -> tuple[list, list]:
    """The column names and the rows (number, cells shown) that ``problems`` name."""
    numbers = sorted({p.row for p in problems if p.row is not None})
    positions = np.searchsorted(raw.rows, numbers)
    rows = []
    for number, position in zip(numbers, positions, strict=True):
        if position < len(raw.rows) and raw.rows[position] == number:
            cells = [shown_value(c.values[int(c.indices[position])]) for c in raw.columns]
            rows.append((int(number), cells))
    return [c.name for c in raw.columns], rows


def execute(run: ImportRun) -> None:
    path = files.upload_path(run)
    if not path.exists():
        raise file_problem(_("The uploaded file is no longer there; upload it again."))
    twin = landed_twin(run.municipality_id, run.kind, run.file_sha256, run.pk)
    if twin is not None and run.mode != ImportRun.Mode.REPLACE:
        raise file_problem(twin_message(twin), "duplicate")
    spec = columns.spec(run)
    drop = set(run.dropped_columns or [])
    mapping = {name: key for name, key in (run.mapping or {}).items() if name not in drop}
    progress(run, 5)
    try:
        raw = reading.read(
            path,
            run.file_name,
            sheet=run.sheet or None,
            is_header=columns.is_header(run, mapping),
            skip=drop.__contains__,
        )
    except TableRefused as refusal:
        raise file_problem(str(refusal)) from None
    progress(run, 40)
    missing = [name for name, key in mapping.items() if key and name not in raw.layout.names]
    if missing:
        raise file_problem(
            _("The file's headings are not those confirmed (%(columns)s); upload it again.")
            % {"columns": ", ".join(missing)}
        )
    shape, errors = headers.check(mapping, raw.layout.names, spec, sorted(drop))
    if errors:
        raise Refused([Problem(None, "", "", "", "mapping", message) for message in errors])
    context = columns.context(run, run.year or None)
    findings = columns.findings(
        run,
        [c.name for c in raw.columns],
        [c.header for c in raw.columns],
        [c.letter for c in raw.columns],
        lambda position: raw.columns[position].values,
        mapping,
        context,
    )
    if findings:
        raise Refused(
            [
                Problem(raw.layout.header_row, f.name, f.letter, "", "identifier", f.message())
                for f in findings
            ]
        )
    if not len(raw):
        raise file_problem(_("The file has its column headings but no rows below them."), "no_rows")
    year = run.year
    if not year:
        year, why = rules.infer_year(raw, shape)
        if year is None:
            raise file_problem(why, "year")
        run.year = context.year = year
    outcome = rules.assemble(
        raw,
        shape,
        context,
        rules.Options(
            kind=spec.kind,
            spec=spec,
            municipality_id=run.municipality_id,
            run_id=run.pk,
            year=year,
            directorate_id=run.directorate_id,
            not_stated_share=getattr(settings, "DATASETS_NOT_STATED_SHARE", 0.10),
        ),
    )
    run.rows_read = len(raw)
    if outcome.table is None:
        kept = outcome.problems.kept()
        raise Refused(
            kept, outcome.problems.count, outcome.problems.unknown, problem_rows(raw, kept)
        )
    progress(run, 75)
    final = storage.root() / storage.run_relative_path(run)
    try:
        writing.write(outcome.table, final)  # a failed write leaves no file behind
    except OSError as error:
        # A full disk is the administrator's to fix, not an "unexpected error": say so.
        if is_disk_full(error):
            raise file_problem(disk_full_message(), "disk_full") from None
        raise
    progress(run, 95)
    try:
        land(run, outcome, final)
    except BaseException:
        writing.remove(final)
        raise


@transaction.atomic
def land(run: ImportRun, outcome: rules.Outcome, final) -> None:
    # One landing at a time per municipality: two "replace" imports of the same data must
    # not both stay landed.
    Municipality.objects.select_for_update().filter(pk=run.municipality_id).first()
    locked = ImportRun.objects.select_for_update().get(pk=run.pk)
    if locked.status != Status.RUNNING:
        raise file_problem(_("This import was stopped while it ran."))
    twin = landed_twin(run.municipality_id, run.kind, run.file_sha256, run.pk)
    if twin is not None and run.mode != ImportRun.Mode.REPLACE:
        raise file_problem(twin_message(twin), "duplicate")
    replaced = []
    if run.mode == ImportRun.Mode.REPLACE:
        earlier = ImportRun.objects.filter(
            municipality_id=run.municipality_id,
            kind=run.kind,
            year=run.year,
            directorate_id=run.directorate_id,
            status=Status.LANDED,
        ).exclude(pk=run.pk)
        replaced = list(earlier.values_list("pk", flat=True))
        earlier.update(status=Status.REPLACED, replaced_by=run)
    run.status = Status.LANDED
    run.stored_path = storage.run_relative_path(run)
    run.rows_stored = outcome.rows_stored
    run.error_count, run.problems = 0, []
    run.warnings, run.summary = outcome.warnings, outcome.summary
    run.progress, run.finished_at = 100, timezone.now()
    run.save(
        update_fields=[
            "status",
            "stored_path",
            "year",
            "rows_read",
            "rows_stored",
            "error_count",
            "problems",
            "warnings",
            "summary",
            "progress",
            "finished_at",
        ]
    )
    changes = {
        "file": run.file_name,
        "kind": run.kind,
        "year": run.year,
        "rows_read": run.rows_read,
        "rows_stored": run.rows_stored,
    }
    if replaced:
        changes["replaced"] = replaced
    audit_record(
        action="datasets.import.landed",
        actor=run.created_by,
        municipality=run.municipality,
        obj=run,
        changes=changes,
    )


@transaction.atomic
def fail(run: ImportRun, refused: Refused) -> None:
    run.status = Status.FAILED
    run.problems = [p.as_dict() for p in refused.problems]
    run.error_count = refused.count
    run.summary = {"unknown": refused.unknown} if refused.unknown else {}
    run.progress, run.finished_at = 100, timezone.now()
    run.save(
        update_fields=[
            "status",
            "problems",
            "error_count",
            "summary",
            "rows_read",
            "progress",
            "finished_at",
            "year",
        ]
    )
    audit_record(
        action="datasets.import.failed",
        actor=run.created_by,
        municipality=run.municipality,
        obj=run,
        changes={"file": run.file_name, "kind": run.kind, "problems": refused.count},
    )
