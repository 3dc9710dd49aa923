"""Importing a dataset file, as the import pages, the command line and the demo do it.

    run = import_upload(...)        # the file is kept, status "uploaded"
    preview = import_preview(run)   # headings, first rows, proposed mapping, identifiers
    import_confirm(run=run, mapping=..., drop=..., by=...)   # queued; a task runs
    import_execute(run.pk)          # the task's body: read, check, write, land
    import_withdraw(run=run, by=...)

``import_file`` does the four first steps at once (command line, demo, tests).

All or nothing: the Parquet file is written under a temporary name, renamed to
``storage.run_relative_path(run)``, and only then, in one transaction, is the run marked
landed (with mode "replace", the earlier landed runs of the same municipality, kind, year
and directorate are marked replaced by it). Computations read landed runs only
(``storage.landed_files``), so a run that fails or is killed at any point leaves no data
anyone reads. Withdrawing a landed run puts back what it replaced and deletes its file
after the transaction commits.

What a run records: ``rows_read`` (data rows of the file), ``rows_stored`` (rows written:
counts given one column per sex become one row per sex), ``problems`` (the first
``ingest.problems.LIMIT``, each ``{"row", "column", "letter", "value", "rule", "message"}``;
``row`` is None for a problem of the whole file or of a mapping), ``error_count`` (all of
them), ``warnings`` (``{"rule", "message"}``), and ``summary``: for a landed run
``{"rows": n, "by_sex": {sex code: records or people}, "by_service": {service id: records or
people}}``, for a refused one ``{"unknown": [{"column", "letter", "rule", "value", "rows"}]}``
(the names that matched no service, neighbourhood or directorate, most frequent first).
Messages are in the language active when the import was confirmed. A run uploaded without a
year has ``year`` 0 until its execution finds the year in the file.

Identifiers are never stored: a column the privacy guard takes for identifiers refuses the
import unless it is dropped; dropped columns are never read; problem values are masked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from esitlik.core.audit import audit_record, check_version
from esitlik.core.disk import is_disk_full
from esitlik.core.tabular import TableRefused, column_letter, match_key
from esitlik.datasets import storage
from esitlik.datasets.ingest import (
    columns,
    files,
    headers,
    landing,
    privacy,
    reading,
    workbook,
    writing,
)
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun

logger = logging.getLogger(__name__)
Status = ImportRun.Status


@dataclass
class Preview:
    """What an uploaded file looks like to the import, for the mapping page."""

    headers: list[str] = field(default_factory=list)  # column names, in file order
    letters: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # [{"number": 5, "cells": [...]}]
    mapping: dict[str, str] = field(default_factory=dict)  # proposed {column: field or ""}
    remembered: list[str] = field(default_factory=list)  # columns mapped as remembered
    missing: list[str] = field(default_factory=list)  # what the proposal lacks, as messages
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (column, what)
    fields: list[tuple[str, str]] = field(default_factory=list)  # (key, label) to choose from
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    header_row: int = 0
    refusal: str = ""  # why the file cannot be read at all


def _kind(kind) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        return Kind.from_slug(str(kind))


# Upload ----------------------------------------------------------------------------------


def import_upload(
    *,
    municipality,
    kind,
    year: int | None,
    data,
    file_name: str,
    by,
    directorate=None,
    mode: str = ImportRun.Mode.ADD,
    sheet: str | None = None,
) -> ImportRun:
    """Keep an uploaded file for import. ``year`` None: the file's year column or dates
    tell it (they must all be of one year). Refuses (ValidationError) a file identical to one
    already landed for the municipality and kind, naming it."""
    kind = _kind(kind)
    name = PurePath(file_name or "").name
    errors = {}
    try:
        reading.check_name(name)
    except TableRefused as refusal:
        errors["file"] = str(refusal)
    if year is not None and not 1900 <= int(year) <= 2100:
        errors["year"] = _("Give a year such as %(year)s.") % {"year": date.today().year}
    if directorate is not None and directorate.municipality_id != municipality.pk:
        errors["directorate"] = _("Choose one of this municipality's directorates.")
    if mode not in ImportRun.Mode.values:
        errors["mode"] = _("Choose to add or to replace.")
    if errors:
        raise ValidationError(errors)
    run = ImportRun(
        municipality=municipality,
        kind=kind.value,
        year=int(year) if year is not None else 0,
        directorate=directorate,
        mode=mode,
        file_name=name[:255],
        sheet=(sheet or "")[:100],
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    try:
        try:
            run.file_size, run.file_sha256 = files.keep(run, data)
        except OSError as error:
            # A full disk refuses the upload on the form, saying so; the except below
            # deletes what was kept of it.
            if is_disk_full(error):
                raise ValidationError({"file": landing.disk_full_message()}) from None
            raise
        if not run.file_size:
            raise ValidationError({"file": _("The file is empty.")})
        twin = landing.landed_twin(municipality.pk, kind.value, run.file_sha256)
        if twin is not None:
            raise ValidationError({"file": landing.twin_message(twin)})
        run.save()
    except BaseException:
        files.discard_all(run)
        raise
    return run


# Preview ---------------------------------------------------------------------------------


def import_preview(run: ImportRun) -> Preview:
    kind = spec = columns.spec(run)
    preview = Preview(fields=[(f.key, f.column.header()) for f in spec.all_fields()])
    try:
        layout = reading.inspect(
            files.upload_path(run),
            run.file_name,
            sheet=run.sheet or None,
            is_header=columns.is_header(run),
        )
    except TableRefused as refusal:
        preview.refusal = str(refusal)
        return preview
    except FileNotFoundError:
        preview.refusal = _("The uploaded file is no longer there; upload it again.")
        return preview
    remembered = columns.remembered(run)
    names = layout.names
    preview.headers = names
    preview.letters = [column_letter(i) for i in range(len(names))]
    preview.rows = [
        {"number": number, "cells": [privacy.masked(value) for value in cells]}
        for number, cells in layout.first_rows
    ]
    preview.mapping = headers.propose(names, kind, remembered)
    preview.remembered = [name for name in names if match_key(name) in remembered]
    _shape, preview.missing = headers.check(preview.mapping, names, kind)
    samples = columns.sample_columns(layout)
    preview.identifiers = [
        (finding.name, finding.reason)
        for finding in columns.findings(
            run,
            names,
            layout.headers,
            preview.letters,
            lambda position: samples[position],
            preview.mapping,
            columns.context(run, run.year or None),
        )
    ]
    preview.encoding, preview.delimiter = layout.encoding, layout.delimiter
    preview.sheet, preview.sheets = layout.sheet, layout.sheets
    preview.header_row = layout.header_row
    return preview


@transaction.atomic
def import_choose_sheet(*, run: ImportRun, sheet: str, version: int | None = None) -> ImportRun:
    """Read another sheet of the uploaded workbook (a cover or notes sheet came first);
    before the import is confirmed only. ValidationError on "sheet" says why not."""
    check_version(run, version)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != Status.UPLOADED:
        raise ValidationError(_("This import was already confirmed."), code="confirmed")
    try:
        layout = reading.inspect(
            files.upload_path(run), run.file_name, sheet=sheet, is_header=columns.is_header(run)
        )
    except (TableRefused, FileNotFoundError) as refusal:
        raise ValidationError({"sheet": str(refusal)}) from None
    if not layout.sheet:
        raise ValidationError({"sheet": _("A CSV file has no sheets.")})
    run.sheet = layout.sheet
    run.version += 1
    run.save(update_fields=["sheet", "version"])
    return run


# Confirm ---------------------------------------------------------------------------------


def _queue(run, layout: reading.Layout, mapping: dict, drop: list, by) -> None:
    columns.remember(run, layout.names, {n: k for n, k in mapping.items() if n not in drop}, by)
    run.mapping = {name: ("" if name in drop else mapping.get(name, "")) for name in layout.names}
    run.dropped_columns = drop
    run.status, run.progress = Status.QUEUED, 0
    run.version += 1
    run.save(update_fields=["mapping", "dropped_columns", "status", "progress", "version"])


@transaction.atomic
def import_confirm(
    *,
    run: ImportRun,
    mapping: dict[str, str],
    drop: list[str] = (),
    by,
    version: int | None = None,
    language: str | None = None,
    enqueue: bool = True,
) -> ImportRun:
    """Check the mapping (and that every column that seems to hold identifiers is dropped),
    remember hand-made mappings, and queue the import. ValidationError on "mapping" or
    "drop" lists what is wrong."""
    check_version(run, version)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != Status.UPLOADED:
        raise ValidationError(_("This import was already confirmed."), code="confirmed")
    try:
        layout, mapping, drop, problems = columns.prepare(run, mapping, drop)
    except (TableRefused, FileNotFoundError) as refusal:
        raise ValidationError({"file": str(refusal)}) from None
    if problems:
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault("drop" if problem.rule == "identifier" else "mapping", []).append(
                problem.message
            )
        raise ValidationError(errors)
    _queue(run, layout, mapping, drop, by)
    if enqueue:
        result = run_import.enqueue(run.pk, language or translation.get_language())
        ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:64])
        run.refresh_from_db()
    return run


# Execute ---------------------------------------------------------------------------------


def import_execute(run_id: int, language: str | None = None) -> None:
    """Run a queued import (the task's body). Whatever happens, the run ends landed or
    refused, and its raw upload is deleted."""
    claimed = ImportRun.objects.filter(pk=run_id, status=Status.QUEUED).update(
        status=Status.RUNNING, progress=1, started_at=timezone.now()
    )
    if not claimed:
        return
    run = ImportRun.objects.select_related("municipality", "directorate", "created_by").get(
        pk=run_id
    )
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            landing.execute(run)
        except landing.Refused as refused:
            if refused.rows:
                files.save_problem_rows(run, *refused.rows)
            landing.fail(run, refused)
        except Exception:
            logger.exception("import run %s failed", run_id)
            landing.fail(
                run,
                landing.file_problem(
                    _(
                        "The import stopped on an unexpected error; nothing was stored. Try "
                        "again, or tell the administrator."
                    ),
                    "internal",
                ),
            )
        finally:
            files.discard_upload(run)


@task()
def run_import(run_id: int, language: str | None = None) -> None:
    import_execute(run_id, language=language)


# Withdraw --------------------------------------------------------------------------------


@transaction.atomic
def import_withdraw(*, run: ImportRun, by, version: int | None = None) -> ImportRun:
    """Take a landed run's rows out and put back the runs it replaced; its file is deleted
    once the transaction commits."""
    check_version(run, version)
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != Status.LANDED:
        raise ValidationError(
            _("Only imported data can be withdrawn; this import is “%(status)s”.")
            % {"status": run.get_status_display()},
            code="not_landed",
        )
    run.status = Status.WITHDRAWN
    run.withdrawn_at = timezone.now()
    run.withdrawn_by = by if getattr(by, "is_authenticated", False) else None
    run.version += 1
    run.save(update_fields=["status", "withdrawn_at", "withdrawn_by", "version"])
    restored = list(run.replaced.filter(status=Status.REPLACED).values_list("pk", flat=True))
    ImportRun.objects.filter(pk__in=restored).update(status=Status.LANDED, replaced_by=None)
    changes = {"file": run.file_name, "kind": run.kind, "year": run.year, "rows": run.rows_stored}
    if restored:
        changes["restored"] = restored
    audit_record(
        action="datasets.import.withdrawn",
        actor=by,
        municipality=run.municipality,
        obj=run,
        changes=changes,
    )
    path = storage.run_path(run)
    transaction.on_commit(lambda: writing.remove(path))
    return run


# All at once -----------------------------------------------------------------------------


def import_file(
    *,
    municipality,
    kind,
    year: int | None,
    source,
    file_name: str,
    by,
    directorate=None,
    mapping: dict[str, str] | None = None,
    drop=(),
    mode: str = ImportRun.Mode.ADD,
    sheet: str | None = None,
    language: str | None = None,
    background: bool = False,
) -> ImportRun:
    """Upload, map (the proposal, overridden by ``mapping``), confirm and execute at once;
    returns the run, landed or refused with its problems. A file identical to a landed one
    is refused before a run exists (ValidationError).

    With ``background``, the checks that need no reading of the rows are made here and the
    import itself is handed to the ``run_import`` task: the run comes back queued (or
    refused, when those checks refuse it), for a caller that cannot wait for a large file."""
    run = import_upload(
        municipality=municipality,
        kind=kind,
        year=year,
        data=source,
        file_name=file_name,
        by=by,
        directorate=directorate,
        mode=mode,
        sheet=sheet,
    )
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        try:
            layout = reading.inspect(
                files.upload_path(run),
                run.file_name,
                sheet=run.sheet or None,
                is_header=columns.is_header(run),
            )
        except TableRefused as refusal:
            landing.fail(run, landing.file_problem(str(refusal)))
            files.discard_upload(run)
            return run
        kind = columns.spec(run)
        chosen = headers.propose(layout.names, kind, columns.remembered(run))
        chosen.update(columns.resolve(mapping or {}, layout.names, kind))
        with transaction.atomic():
            layout, chosen, dropped, problems = columns.prepare(run, chosen, drop)
            if not problems:
                _queue(run, layout, chosen, dropped, by)
        if problems:
            landing.fail(run, landing.Refused(problems))
            files.discard_upload(run)
            run.refresh_from_db()
            return run
        if background:
            result = run_import.enqueue(run.pk, translation.get_language())
            ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:64])
        else:
            import_execute(run.pk, language=translation.get_language())
    run.refresh_from_db()
    return run


def problems_workbook(run: ImportRun) -> bytes:
    """The run's problems as XLSX: the file's rows that had problems with an error column,
    the list of problems, the names not found, the warnings."""
    return workbook.build(run)
