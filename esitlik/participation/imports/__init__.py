"""Importing stakeholders and inputs from CSV or Excel files (lists kept in spreadsheets, or
exported from a survey tool such as KoboToolbox), all or nothing, with every problem named by
row, column and value.

``base`` runs an import; ``stakeholders`` and ``inputs`` define the columns of each kind and
write a row through the services; ``lookups`` finds what a cell names; ``workbooks`` writes
the templates and the list of problems; ``pending`` keeps an uploaded file between its
preview and the confirmation. The page is ``views_import``, the command
``import_participation``.
"""

from __future__ import annotations

from esitlik.core.tabular import Limits
from esitlik.participation.imports.base import Options, Outcome, Problem, RowImporter
from esitlik.participation.imports.base import import_table as _import_table
from esitlik.participation.imports.inputs import InputRows
from esitlik.participation.imports.stakeholders import StakeholderRows

IMPORTERS: dict[str, type[RowImporter]] = {
    StakeholderRows.kind: StakeholderRows,
    InputRows.kind: InputRows,
}
KINDS = tuple(IMPORTERS)
# Every row goes through the services, about 70 rows a second on a small server: a page keeps
# to what it can preview and import within a request; the command takes the full 5,000.
PAGE_LIMITS = Limits(max_rows=1000)


def import_participation(
    *,
    kind: str,
    municipality,
    by,
    data: bytes,
    name: str,
    options: Options,
    commit: bool = True,
    limits: Limits | None = None,
) -> Outcome:
    """Import ``data`` (an uploaded file called ``name``) as ``kind``: "stakeholders" or
    "inputs". With ``commit=False`` it is a preview: every row is checked through the
    services and everything is rolled back."""
    return _import_table(
        IMPORTERS[kind],
        municipality=municipality,
        by=by,
        data=data,
        name=name,
        options=options,
        commit=commit,
        limits=limits,
    )


__all__ = ["KINDS", "PAGE_LIMITS", "Options", "Outcome", "Problem", "import_participation"]
