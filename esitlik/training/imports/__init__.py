"""Importing a training session's attendance from a sign-in sheet (CSV or Excel), all or
nothing, with every problem named by row, column and value.

``attendance`` reads the rows and records them through the services; ``lookups`` finds the
directorates, role categories and staff people the cells name; ``workbooks`` writes the empty
sign-in sheet to start from. The uploaded file waits between preview and confirmation as
participation's imports keep theirs (``participation.imports.pending``). The page is
``views_import``, the command ``import_attendance``.
"""

from esitlik.training.imports.attendance import (
    COLUMNS,
    PAGE_LIMITS,
    AttendanceOutcome,
    Entry,
    import_attendance,
    session_refusal,
)

__all__ = [
    "COLUMNS",
    "PAGE_LIMITS",
    "AttendanceOutcome",
    "Entry",
    "import_attendance",
    "session_refusal",
]
