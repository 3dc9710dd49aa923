"""Where the Parquet files of import runs live, and which of them count.

A run's file is ``DATASETS_ROOT/<municipality id>/<kind>/<year>/<run token>.parquet``: one
directory per municipality, kind and year, so a year's data is read without touching the
others, and one file per run, so withdrawing a run is removing it from the list below.

The database, not the directory, says which files count: computations read exactly the files
of *landed* runs (:func:`landed_files`). A file written by an import that then failed or was
killed is never read, and :func:`orphan_files` finds it for clean-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

from esitlik.datasets.kinds import Kind


def root() -> Path:
    return Path(settings.DATASETS_ROOT)


def run_relative_path(run) -> str:
    return f"{run.municipality_id}/{run.kind}/{run.year}/{run.token}.parquet"


def run_path(run) -> Path:
    return root() / (run.stored_path or run_relative_path(run))


def landed_runs(municipality_ids: int | Iterable[int], kind: Kind | str, years=None):
    from esitlik.datasets.models import ImportRun

    ids = [municipality_ids] if isinstance(municipality_ids, int) else list(municipality_ids)
    runs = ImportRun.objects.filter(
        municipality_id__in=ids, kind=str(kind), status=ImportRun.Status.LANDED
    )
    if years is not None:
        runs = runs.filter(year__in=[years] if isinstance(years, int) else list(years))
    return runs.order_by("id")


def landed_files(municipality_ids: int | Iterable[int], kind: Kind | str, years=None) -> list[Path]:
    """The Parquet files that make up a municipality's (or several municipalities') data of one
    kind, for some years or all."""
    return [run_path(run) for run in landed_runs(municipality_ids, kind, years)]


def orphan_files() -> list[Path]:
    """Parquet files under the root that no landed or replaced run owns (a replaced run's
    file is kept: withdrawing its successor brings it back): left by an import that failed or
    was killed after writing, or by a withdrawn run whose file could not be removed."""
    from esitlik.datasets.models import ImportRun

    owned = {
        str(root() / path)
        for path in ImportRun.objects.filter(
            status__in=[ImportRun.Status.LANDED, ImportRun.Status.REPLACED]
        ).values_list("stored_path", flat=True)
    }
    return [p for p in root().glob("*/*/*/*.parquet") if str(p) not in owned]
