"""Queued imports live in the database, not in a process: imports queued while no worker runs
(the server stopped, or restarts) are picked up and landed by the worker a restarted
``esitlik serve`` starts, with nothing to do by hand."""

import signal

import pytest
from django_tasks_db.models import DBTaskResult

from esitlik.datasets import storage
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.imports import import_file
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes
from tests.faults.worker import (
    DATABASE_TASKS,
    database_for_a_process,
    run_state,
    running_worker,
    wait_for,
)

Status = ImportRun.Status


@pytest.mark.django_db(transaction=True)
def test_imports_queued_while_no_worker_ran_land_when_one_starts(world, settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    service_create(municipality=world.home, directorate=world.social, name="Aşevi", by=None)
    runs = [
        import_file(
            municipality=world.home,
            kind="service_counts",
            year=year,
            source=csv_bytes(f"Hizmet;Kadın;Erkek;Toplam\nAşevi;{year % 100};8;{year % 100 + 8}\n"),
            file_name=f"asevi-{year}.csv",
            by=world.alice,
            directorate=world.social,
            background=True,
        )
        for year in (2024, 2025)
    ]
    assert [r.status for r in runs] == [Status.QUEUED, Status.QUEUED]
    log = tmp_path / "worker.log"

    with database_for_a_process(tmp_path) as url:
        with running_worker(url, log) as worker:

            def all_landed():
                return all(run_state(url, r.pk)[0] == Status.LANDED for r in runs)

            wait_for(all_landed, worker, log, timeout=90, what="queued import landed")
            worker.send_signal(signal.SIGTERM)  # as serve stops it
            worker.wait(timeout=30)

    for run in runs:
        run.refresh_from_db()
        assert run.status == Status.LANDED, run.problems
        assert storage.run_path(run).exists()
        assert DBTaskResult.objects.get(id=run.task_id).status == "SUCCESSFUL"
    assert len(storage.landed_files(world.home.pk, "service_counts")) == 2
