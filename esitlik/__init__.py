"""esitlik: a municipality's Local Equality Action Plan (YEEP) cycle in one place."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path


def get_version() -> str:
    """esitlik's own version: the installed package's metadata; in a source tree that was
    never installed, the version pyproject.toml beside the package declares; else "unknown"."""
    try:
        return importlib.metadata.version("esitlik")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "esitlik" and project.get("version"):
            return str(project["version"])
    except (OSError, ValueError):
        pass
    return "unknown"
