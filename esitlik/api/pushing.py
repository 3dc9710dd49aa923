"""Service counts pushed as JSON land through the real import pipeline.

The rows are written to a CSV, one column per field the rows use, headed by the field's key,
and handed to the upload page's pipeline with that mapping: the checks, the all-or-nothing
landing and the problem list are the upload page's. Row n of ``rows`` is the file's row
n + 2 (the heading is row 1); problems are given back by index in ``rows``.

Up to ``settings.API_PUSH_SYNC_ROWS`` rows, :func:`push_service_counts` imports during the
request (:func:`esitlik.datasets.imports.import_file`). More, and :func:`queue_service_counts`
checks the columns, keeps the file and queues it (``imports.import_file`` with
``background``: the ``run_import`` task the upload page uses); the client follows the run at
``GET /imports/{id}``.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from esitlik.api.errors import ApiError
from esitlik.datasets.imports import import_file
from esitlik.datasets.ingest import headers
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun

PUSHED_PREFIX = "api-"
FIELDS = (
    "service",
    "year",
    "date",
    "sex",
    "count",
    "women",
    "men",
    "other",
    "not_stated",
    "total",
    "age_band",
    "disability",
    "neighbourhood",
    "migration",
    "outcome",
)


def rows_csv(rows: list[dict]) -> tuple[bytes, list[str]]:
    """The rows as a CSV (UTF-8, ``;``) with only the fields some row gives."""
    used = [f for f in FIELDS if any(row.get(f) not in (None, "") for row in rows)]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(used)
    for row in rows:
        writer.writerow(["" if row.get(f) is None else _cell(row[f]) for f in used])
    return out.getvalue().encode("utf-8"), used


def _cell(value) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def problem_details(run: ImportRun, *, offset: int | None = None) -> list[dict]:
    """The run's problems in the API's error detail shape. For a pushed run, ``row`` is the
    index in the pushed ``rows``; for an uploaded file, the file's row."""
    if offset is None:
        offset = 2 if run.file_name.startswith(PUSHED_PREFIX) else 0
    details = []
    for problem in run.problems or []:
        row = problem.get("row")
        details.append(
            {
                "row": None if row is None else row - offset,
                "column": problem.get("column") or None,
                "value": problem.get("value"),
                "problem": problem.get("message", ""),
            }
        )
    return details


def _pushed_file(directorate, payload) -> tuple[bytes, list[str], str]:
    data, used = rows_csv([row.dict() for row in payload.rows])
    name = f"{PUSHED_PREFIX}{directorate.code or directorate.pk}-service-counts-{payload.year}.csv"
    return data, used, name


def refused(run: ImportRun) -> ApiError:
    return ApiError(
        422,
        "import_refused",
        _("The counts were refused; nothing was stored. Import %(id)s lists the problems.")
        % {"id": run.pk},
        problem_details(run, offset=2),
    )


def push_service_counts(*, membership, directorate, payload, by) -> ImportRun:
    """Land the pushed rows or refuse them all (ApiError 422 with every problem)."""
    data, used, name = _pushed_file(directorate, payload)
    run = import_file(
        municipality=membership.municipality,
        kind=Kind.SERVICE_COUNTS,
        year=payload.year,
        source=data,
        file_name=name,
        by=by,
        directorate=directorate,
        mapping={field: field for field in used},
        mode=payload.mode,
    )
    if run.status != ImportRun.Status.LANDED:
        raise refused(run)
    return run


def queue_service_counts(*, membership, directorate, payload, by) -> ImportRun:
    """Check the pushed rows' columns, keep them as a file and queue its import (the task the
    upload page uses); returns the run, queued — or already done, with a backend that runs
    tasks at once. Columns that cannot make service counts refuse the push before anything is
    stored (ApiError 422, ``row`` null); a file identical to one landed is a ValidationError,
    as in :func:`push_service_counts`."""
    data, used, name = _pushed_file(directorate, payload)
    mapping = {field: field for field in used}
    _shape, errors = headers.check(mapping, used, Kind.SERVICE_COUNTS)
    if errors:
        raise ApiError(
            422,
            "import_refused",
            _("The counts were refused; nothing was stored."),
            [{"row": None, "column": None, "value": None, "problem": e} for e in errors],
        )
    run = import_file(
        municipality=membership.municipality,
        kind=Kind.SERVICE_COUNTS,
        year=payload.year,
        source=data,
        file_name=name,
        by=by,
        directorate=directorate,
        mapping=mapping,
        mode=payload.mode,
        background=True,
    )
    if run.status == ImportRun.Status.FAILED and not run.task_id:
        raise refused(run)  # refused by the checks made before queueing
    return run
