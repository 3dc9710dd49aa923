"""The problems of an import as a workbook to fix the file with: the file's rows that had
problems, with an error column; the list of problems; the names that matched nothing; the
warnings. Values pass through ``privacy.masked`` before they are kept, so no identifier is
written here either.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from esitlik.core.xlsx import add_table, new_book, put, to_bytes
from esitlik.datasets.ingest import files


def _where(problem: dict) -> str:
    if problem.get("column"):
        letter = f" ({problem['letter']})" if problem.get("letter") else ""
        return f"{problem['column']}{letter}: "
    return ""


def build(run) -> bytes:
    book = new_book()
    problems = list(run.problems or [])
    saved = files.load_problem_rows(run)
    if saved:
        by_row: dict[int, list[str]] = {}
        for problem in problems:
            if problem.get("row") is not None:
                by_row.setdefault(problem["row"], []).append(_where(problem) + problem["message"])
        rows = [
            [number, *cells, " · ".join(by_row.get(number, []))] for number, cells in saved["rows"]
        ]
        add_table(
            book,
            _("Rows with problems"),
            [_("Row"), *saved["headers"], _("Problems")],
            rows,
            widths=[8] + [18] * len(saved["headers"]) + [80],
        )
    sheet = add_table(
        book,
        _("Problems"),
        [_("Row"), _("Column"), _("Letter"), _("Value"), _("Rule"), _("Problem")],
        [
            [
                p.get("row") or "",
                p.get("column", ""),
                p.get("letter", ""),
                p.get("value", ""),
                p.get("rule", ""),
                p.get("message", ""),
            ]
            for p in problems
        ],
        widths=[8, 24, 8, 30, 22, 80],
    )
    if run.error_count > len(problems):
        put(
            sheet,
            len(problems) + 3,
            1,
            _("%(count)s more problems are not listed; fix these and import again to see them.")
            % {"count": run.error_count - len(problems)},
        )
    unknown = (run.summary or {}).get("unknown") or []
    if unknown:
        add_table(
            book,
            _("Names not found"),
            [_("Column"), _("Letter"), _("Name as written"), _("Rows")],
            [[u["column"], u["letter"], u["value"], u["rows"]] for u in unknown],
            widths=[24, 8, 40, 10],
        )
    if run.warnings:
        add_table(
            book, _("Warnings"), [_("Warning")], [[w["message"]] for w in run.warnings], [100]
        )
    return to_bytes(book)
