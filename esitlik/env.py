"""Reading configuration from the environment.

Every variable the settings module reads goes through :class:`Env`, which remembers its name.
``tests/test_docs.py`` uses that record to prove each variable is documented in
``docs/configuration.md``. This module imports nothing from Django, so the ``esitlik`` command
can use it before settings are loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on", "evet"}
FALSE_WORDS = {"0", "false", "no", "off", "hayir", "hayır", ""}


class Env:
    def __init__(self, environ: os._Environ[str] | dict[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ
        self.read: set[str] = set()

    def str(self, name: str, default: str = "") -> str:
        self.read.add(name)
        return self.environ.get(name, default)

    def bool(self, name: str, default: bool = False) -> bool:
        raw = self.str(name, "").strip().lower()
        if name not in self.environ:
            return default
        if raw in TRUE_WORDS:
            return True
        if raw in FALSE_WORDS:
            return False
        raise ValueError(f"{name} must be true or false, not {raw!r}")

    def int(self, name: str, default: int) -> int:
        raw = self.str(name, "").strip()
        if not raw:
            return default
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{name} must be a whole number, not {raw!r}") from None

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        raw = self.str(name, "")
        if not raw.strip():
            return list(default or [])
        return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """Where the embedded database, uploads, collected static files and the demo key live."""
    environ = os.environ if environ is None else environ
    raw = environ.get("ESITLIK_DATA_DIR", "").strip()
    return Path(raw).expanduser().resolve() if raw else (Path.cwd() / "var").resolve()
