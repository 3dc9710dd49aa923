"""Test configuration: the real settings module with a fixed key and fast password hashing.

Kept outside the package so production can never load it.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret-" + "x" * 40)
# Browser tests drive a live server from the same process as the database fixtures.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Tests talk plain HTTP to the test client and live server.
os.environ.setdefault("ESITLIK_HTTPS", "false")

from esitlik.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise warns on every request when STATIC_ROOT does not exist; tests never collect.
STATIC_ROOT = Path(tempfile.gettempdir()) / "esitlik-test-static"
STATIC_ROOT.mkdir(exist_ok=True)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Uploaded files (evidence, decision documents) go to a throwaway directory per run.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="esitlik-test-media-"))
# Imported datasets and pending uploads too.
DATASETS_ROOT = Path(tempfile.mkdtemp(prefix="esitlik-test-datasets-"))
UPLOADS_ROOT = Path(tempfile.mkdtemp(prefix="esitlik-test-uploads-"))
# Tasks run at once, inside the request or command that enqueues them; the tests of the
# worker itself switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's default shared-cache in-memory database: shared-cache table locks
    # fail at once with "database table is locked" (no busy wait), so the browser tests'
    # live-server thread and the background worker thread could not share it. A file gets
    # WAL and busy_timeout from the real settings, as in production. pytest-django adds a
    # per-xdist-worker suffix to this name.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="esitlik-test-db-")) / "test.sqlite3")
    }
