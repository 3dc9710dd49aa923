"""A confirmed import waits in the queue until a real `esitlik db_worker` process, started as
`esitlik serve` starts it, picks it up and lands it — against the test database."""

import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from esitlik.datasets import storage
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.imports import import_confirm, import_preview, import_upload
from esitlik.datasets.models import ImportRun

ROOT = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@contextmanager
def database_for_a_process(tmp_path):
    """A DATABASE_URL another process can open holding what this test wrote. PostgreSQL's
    test database is one already; SQLite's is in this process's memory, so it is copied to
    a file for the worker and copied back when the worker is done."""
    if connection.vendor != "sqlite":
        db = connection.settings_dict
        yield (
            f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
            f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
        return
    connection.ensure_connection()
    path = tmp_path / "worker.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    yield f"sqlite:///{path}"
    with sqlite3.connect(path) as copy:
        copy.backup(connection.connection)


@pytest.mark.django_db(transaction=True)
def test_a_queued_import_is_run_by_a_real_db_worker(world, settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    service_create(municipality=world.home, directorate=world.social, name="Aşevi", by=None)
    run = import_upload(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        data="Hizmet;Kadın;Erkek;Toplam\nAşevi;12;8;20\n".encode("cp1254"),
        file_name="asevi.csv",
        by=world.alice,
        directorate=world.social,
    )
    import_confirm(run=run, mapping=import_preview(run).mapping, by=world.alice)
    run.refresh_from_db()
    assert run.status == "queued" and run.task_id  # nothing runs it in this process

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.datasets.worker_settings",
        "ESITLIK_TEST_DATASETS_ROOT": str(settings.DATASETS_ROOT),
        "ESITLIK_TEST_UPLOADS_ROOT": str(settings.UPLOADS_ROOT),
    }
    with database_for_a_process(tmp_path) as url:
        env["DATABASE_URL"] = url
        worker = subprocess.run(
            [
                *(sys.executable, "-m", "esitlik", "db_worker"),
                *("--batch", "--no-startup-delay", "--no-reload", "--interval", "0.2"),
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert worker.returncode == 0, worker.stdout + worker.stderr

    run.refresh_from_db()
    assert run.status == "landed", run.problems
    assert run.rows_stored == 2
    assert storage.run_path(run).exists()
    assert DBTaskResult.objects.get(id=run.task_id).status == "SUCCESSFUL"
    assert ImportRun.objects.count() == 1
