"""Reading a request's JSON body.

JSON may spell a lone UTF-16 surrogate (``"\\ud800"``), which Python's json module hands over
as a str no database can store: SQLite refuses it mid-save. Such a body is refused as
unreadable, like any other malformed JSON, before any endpoint sees it."""

from __future__ import annotations

from ninja.errors import HttpError
from ninja.parser import Parser


def _well_formed(value) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_well_formed(k) and _well_formed(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_well_formed(v) for v in value)
    return True


class StrictParser(Parser):
    def parse_body(self, request):
        data = super().parse_body(request)
        if not _well_formed(data):
            raise HttpError(400, "lone surrogate in the JSON body")
        return data
