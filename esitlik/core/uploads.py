"""Checks every uploaded document passes before it is stored: evidence of an indicator, the
minutes and photos of a participation event. Only office documents, PDFs, images and plain
tables are kept; anything that could run in a browser or a desktop (HTML, SVG, executables,
macro-enabled files) is refused by its extension before a byte is written."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOCUMENT_TYPES = {
    ".pdf",
    ".jpg",
    ".jpeg",
    ".png",
    ".docx",
    ".doc",
    ".odt",
    ".xlsx",
    ".xls",
    ".ods",
    ".csv",
    ".txt",
}
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def checked_document_name(upload, field: str = "file") -> str:
    """The upload's bare file name once it is an allowed type and size; else a
    ValidationError on ``field`` naming the file."""
    name = PurePath(upload.name or "").name
    if PurePath(name).suffix.lower() not in DOCUMENT_TYPES:
        raise ValidationError(
            {
                field: _("Attach a PDF, image, office document or CSV file; “%(name)s” is not one.")
                % {"name": name}
            }
        )
    if upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError({field: _("A file can be at most 20 MB.")})
    return name
