"""Where an uploaded file waits for its import, and what is kept of it afterwards.

``UPLOADS_ROOT/<run token>/upload`` holds the raw bytes from upload until the run finishes
(landed or refused); then it is deleted. Only the token, never a name from the user, finds the
folder. A refused run keeps ``problem_rows.json`` there: the rows that had problems (at most
:data:`problems.LIMIT` of them, identifiers masked, dropped columns left out), for the
downloadable problems workbook.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from django.conf import settings

PROBLEM_ROWS = "problem_rows.json"
_CHUNK = 1 << 20


def folder(run) -> Path:
    return Path(settings.UPLOADS_ROOT) / str(run.token)


def upload_path(run) -> Path:
    return folder(run) / "upload"


def keep(run, data) -> tuple[int, str]:
    """Store the upload (bytes, a path, or a file object such as Django's UploadedFile);
    returns its size and SHA-256."""
    target = upload_path(run)
    target.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
        for chunk in _chunks(data):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _chunks(data):
    if isinstance(data, bytes | bytearray | memoryview):
        yield bytes(data)
        return
    if isinstance(data, str | os.PathLike):
        with open(data, "rb") as source:
            while chunk := source.read(_CHUNK):
                yield chunk
        return
    if hasattr(data, "chunks"):
        if hasattr(data, "seek"):
            data.seek(0)
        yield from data.chunks()
        return
    while chunk := data.read(_CHUNK):
        yield chunk


def discard_upload(run) -> None:
    """Delete the raw upload (and any copy made to read it); keep the problem rows."""
    from esitlik.datasets.ingest.reading import forget

    forget(upload_path(run))
    base = folder(run)
    if not base.is_dir():
        return
    for path in base.iterdir():
        if path.name != PROBLEM_ROWS:
            path.unlink(missing_ok=True)
    if not any(base.iterdir()):
        base.rmdir()


def discard_all(run) -> None:
    shutil.rmtree(folder(run), ignore_errors=True)


def save_problem_rows(run, headers: list[str], rows: list[tuple[int, list[str]]]) -> None:
    base = folder(run)
    base.mkdir(parents=True, mode=0o700, exist_ok=True)
    text = json.dumps({"headers": headers, "rows": rows}, ensure_ascii=False)
    (base / PROBLEM_ROWS).write_text(text, encoding="utf-8")


def load_problem_rows(run) -> dict | None:
    try:
        return json.loads((folder(run) / PROBLEM_ROWS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
