"""Settings of the db_worker process started by test_worker.py: the test settings, with the
database backend for tasks and the test process's own data directories (tests/settings.py
makes fresh temporary ones in every process)."""

import os
from pathlib import Path

from tests.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DATASETS_ROOT = Path(os.environ["ESITLIK_TEST_DATASETS_ROOT"])
UPLOADS_ROOT = Path(os.environ["ESITLIK_TEST_UPLOADS_ROOT"])
