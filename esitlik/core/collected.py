"""Collect static files only when they changed since the last collection.

``esitlik serve`` collects static files before it starts gunicorn. With whitenoise's
compressing, manifest-writing storage that takes 15–40 seconds, and on every start it used to
produce the same files again. Now it writes, after a collection that finished, a stamp beside
``STATIC_ROOT``: a hash of what the collection was made from (every source file the static
finders list, with its size and modification time, and the storage and URL settings that
shape the output). A start whose stamp matches, and whose manifest and the files it names are
all there, collects nothing.

The stamp sits beside ``STATIC_ROOT``, not in it, because whitenoise serves everything in it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from pathlib import Path

import django
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command

from esitlik import get_version

# collectstatic's default ignore patterns: the files it would not copy do not count either.
IGNORE_PATTERNS = ["CVS", ".*", "*~"]
MANIFEST = "staticfiles.json"


def stamp_path() -> Path:
    root = Path(settings.STATIC_ROOT)
    return root.with_name(root.name + ".collected")


def sources_fingerprint() -> str:
    """A hash of the static files collectstatic would collect and the settings that shape the
    collected output. Any file added, removed, resized or touched changes it."""
    digest = hashlib.sha256()
    storage = settings.STORAGES.get("staticfiles", {})
    try:
        whitenoise_version = importlib.metadata.version("whitenoise")
    except importlib.metadata.PackageNotFoundError:
        whitenoise_version = ""
    header = {
        "storage": storage,
        "static_url": settings.STATIC_URL,
        "esitlik": get_version(),
        "django": django.get_version(),
        "whitenoise": whitenoise_version,
    }
    digest.update(json.dumps(header, sort_keys=True, default=str).encode())
    entries = []
    for finder in get_finders():
        for path, source_storage in finder.list(IGNORE_PATTERNS):
            prefix = getattr(source_storage, "prefix", None) or ""
            target = f"{prefix}/{path}" if prefix else path
            try:
                stat = os.stat(source_storage.path(path))
                size, mtime = stat.st_size, stat.st_mtime_ns
            except (NotImplementedError, OSError):
                size, mtime = -1, -1
            entries.append(f"{target}\0{size}\0{mtime}")
    for entry in sorted(entries):
        digest.update(entry.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def _collection_complete(root: Path) -> bool:
    """Whether a manifest-keeping storage's manifest and every file it names are present."""
    storage_backend = settings.STORAGES.get("staticfiles", {}).get("BACKEND", "")
    if "Manifest" not in storage_backend:
        return root.is_dir()
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        paths = manifest["paths"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return all((root / hashed).is_file() for hashed in paths.values())


def collect_static_if_changed() -> bool:
    """Run collectstatic unless the collected files are up to date. True if it collected."""
    root = Path(settings.STATIC_ROOT)
    stamp = stamp_path()
    fingerprint = sources_fingerprint()
    try:
        current = stamp.read_text(encoding="ascii").strip() == fingerprint
    except OSError:
        current = False
    if current and _collection_complete(root):
        return False
    # No stamp while collecting: a collection stopped half-way must not pass for complete.
    stamp.unlink(missing_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    partial = stamp.with_name(stamp.name + ".tmp")
    partial.write_text(fingerprint + "\n", encoding="ascii")
    os.replace(partial, stamp)
    return True
