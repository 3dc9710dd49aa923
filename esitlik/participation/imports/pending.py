"""An uploaded file kept between its preview and the confirmation that imports it.

The file is written under ``MEDIA_ROOT/imports/<token>/`` (never served: nothing under
MEDIA_ROOT has a public address), with the problems its preview found. Only the token goes
into the user's session; no path or name from the user is ever used to find a file, and a
token that does not look like one of ours finds nothing. Files older than a day are swept
away whenever a new one is kept.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

from esitlik.participation.imports.base import Problem

MAX_AGE_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def _root() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


def _folder(token: str) -> Path | None:
    if not isinstance(token, str) or not _TOKEN.match(token):
        return None
    folder = _root() / token
    return folder if folder.is_dir() else None


def keep(data: bytes) -> str:
    """Store an upload; returns the token that finds it again."""
    sweep()
    token = secrets.token_urlsafe(32)
    folder = _root() / token
    folder.mkdir(parents=True, mode=0o700)
    path = folder / "upload"
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
        out.write(data)
    return token


def load(token: str) -> bytes | None:
    folder = _folder(token)
    if folder is None:
        return None
    try:
        return (folder / "upload").read_bytes()
    except OSError:
        return None


def keep_problems(token: str, problems: list[Problem]) -> None:
    folder = _folder(token)
    if folder is not None:
        text = json.dumps([problem.as_dict() for problem in problems], ensure_ascii=False)
        (folder / "problems.json").write_text(text, encoding="utf-8")


def load_problems(token: str) -> list[Problem] | None:
    folder = _folder(token)
    if folder is None:
        return None
    try:
        rows = json.loads((folder / "problems.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [Problem(**row) for row in rows]


def discard(token: str) -> None:
    folder = _folder(token)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(max_age: int = MAX_AGE_SECONDS) -> None:
    """Remove uploads nobody confirmed within ``max_age`` seconds."""
    root = _root()
    if not root.is_dir():
        return
    limit = time.time() - max_age
    for folder in root.iterdir():
        try:
            if folder.is_dir() and _TOKEN.match(folder.name) and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
