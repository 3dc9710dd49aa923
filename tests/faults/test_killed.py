"""An import killed mid-way (SIGKILL of the worker, as a crash or the OOM killer would): the
run never counts as landed and no file of it is read as data; ``esitlik upkeep`` marks it
refused as interrupted and tidies its files; importing the same file again lands it whole."""

import os
import signal
from datetime import timedelta

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from django.utils import timezone

from esitlik.datasets import storage
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.imports import import_file
from esitlik.datasets.ingest import files, writing
from esitlik.datasets.models import ImportRun
from esitlik.datasets.upkeep import upkeep
from tests.faults.worker import (
    DATABASE_TASKS,
    database_for_a_process,
    run_state,
    running_worker,
    wait_for,
)

Status = ImportRun.Status
# Big enough that reading it takes the worker a few seconds (about 0.5 s per 200,000 rows).
ROWS = 1_500_000
SERVICES = ["Kadın Danışma Merkezi", "Sosyal Yardım", "Meslek Edindirme Kursu"]


def big_records(count: int) -> bytes:
    sexes = ["Kadın", "Erkek", "Belirtilmemiş"]
    lines = ["Hizmet Adı;Hizmet Tarihi;Cinsiyeti;Doğum Yılı"]
    lines += [
        f"{SERVICES[i % 3]};{1 + i % 28}.{1 + i % 12}.2025;{sexes[i % 3]};{1940 + i % 60}"
        for i in range(count)
    ]
    return ("\r\n".join(lines) + "\r\n").encode("cp1254")


@pytest.fixture
def big_file(world, tmp_path):
    for name in SERVICES:
        service_create(municipality=world.home, directorate=world.social, name=name, by=None)
    path = tmp_path / "kayitlar.csv"
    path.write_bytes(big_records(ROWS))
    return path


def start(world, path, background: bool):
    return import_file(
        municipality=world.home,
        kind="service_records",
        year=2025,
        source=path,
        file_name=path.name,
        by=world.alice,
        directorate=world.social,
        background=background,
    )


@pytest.mark.django_db(transaction=True)
def test_an_import_killed_mid_way_leaves_nothing_and_can_be_run_again(
    world, settings, tmp_path, big_file
):
    settings.TASKS = DATABASE_TASKS
    run = start(world, big_file, background=True)
    assert run.status == Status.QUEUED, run.problems
    log = tmp_path / "worker.log"

    with database_for_a_process(tmp_path) as url:
        with running_worker(url, log) as worker:

            def reading():
                state = run_state(url, run.pk)
                return state if state and state[0] == Status.RUNNING and state[1] > 0 else None

            seen = wait_for(reading, worker, log, timeout=60, what="run being imported")
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
        assert worker.returncode == -signal.SIGKILL
        assert run_state(url, run.pk)[0] == Status.RUNNING, log.read_text()  # not finished

    run.refresh_from_db()
    assert run.status == Status.RUNNING and run.progress >= seen[1] > 0
    # Nothing of it counts: only landed runs are read, and no landed run is this one.
    assert not storage.landed_runs(world.home.pk, "service_records").exists()
    assert storage.landed_files(world.home.pk, "service_records") == []

    # Upkeep, once the run has been running longer than any import may, calls it interrupted
    # and tidies what it left.
    later = timezone.now() + timedelta(minutes=settings.IMPORT_STALE_MINUTES + 1)
    assert upkeep(now=later).interrupted == 1
    run.refresh_from_db()
    assert run.status == Status.FAILED
    assert [p["rule"] for p in run.problems] == ["interrupted"]
    # In the site's language (upkeep runs for no one in particular): "interrupted".
    assert "yarıda kesildi" in run.problems[0]["message"]
    assert not files.folder(run).exists()
    assert not storage.run_path(run).exists()
    assert not writing.temporary_path(storage.run_path(run)).exists()

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    again = start(world, big_file, background=False)
    assert again.status == Status.LANDED, again.problems
    assert again.rows_read == ROWS
    assert again.summary["rows"] == sum(again.summary["by_sex"].values()) == ROWS  # every use
    stored = pq.read_table(storage.run_path(again), columns=["count"])
    assert pc.sum(stored.column("count")).as_py() == ROWS  # kept as counts, none lost
    assert [r.pk for r in storage.landed_runs(world.home.pk, "service_records")] == [again.pk]
