"""Withdrawing an import from its page: a confirmation first, then the rows stop counting;
who may; and the workbook of a refused run's problems."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry
from esitlik.datasets import storage
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.imports import import_file
from esitlik.datasets.models import ImportRun
from tests.datasets.pages import make_run

CSV = "Hizmet;Kadın;Erkek;Toplam\nAşevi;12;8;20\n"


def url(world, name, *args):
    return reverse(name, args=[world.home.slug, *args])


def landed(world, directorate, content=CSV, name="asevi.csv", **kw):
    service_create(municipality=world.home, directorate=directorate, name="Aşevi", by=None)
    run = import_file(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        source=content.encode(),
        file_name=name,
        by=world.alice,
        directorate=directorate,
        **kw,
    )
    assert run.status == "landed", run.problems
    return run


def test_the_focal_point_withdraws_their_directorates_import_after_confirming(world, client):
    run = landed(world, world.social)
    client.force_login(world.bob)
    page = client.get(url(world, "dataset_import_withdraw", run.pk))
    assert "no longer count in any figure" in page.content.decode()
    run.refresh_from_db()
    assert run.status == "landed"  # the confirmation page changes nothing

    response = client.post(url(world, "dataset_import_withdraw", run.pk), {"version": run.version})
    assert response["Location"] == url(world, "dataset_import_detail", run.pk)
    run.refresh_from_db()
    assert run.status == "withdrawn" and run.withdrawn_by == world.bob
    assert storage.landed_files(world.home.pk, "service_counts") == []
    assert AuditEntry.objects.filter(action="datasets.import.withdrawn").count() == 1
    detail = client.get(response["Location"]).content.decode()
    assert "Withdrawn" in detail and url(world, "dataset_import_withdraw", run.pk) not in detail


def test_a_stale_confirmation_is_refused(world, client):
    run = landed(world, world.social)
    client.force_login(world.alice)
    response = client.post(
        url(world, "dataset_import_withdraw", run.pk), {"version": run.version - 1}
    )
    assert response.status_code == 200
    assert "Someone else saved a change" in response.content.decode()
    run.refresh_from_db()
    assert run.status == "landed"


def test_only_the_admin_and_the_directorates_focal_point_may_withdraw(world, client):
    run = landed(world, world.parks)
    for user in (world.bob, world.carol, world.mona):
        client.force_login(user)
        response = client.post(
            url(world, "dataset_import_withdraw", run.pk), {"version": run.version}
        )
        assert response.status_code == 403, user
    run.refresh_from_db()
    assert run.status == "landed"
    client.force_login(world.alice)
    client.post(url(world, "dataset_import_withdraw", run.pk), {"version": run.version})
    run.refresh_from_db()
    assert run.status == "withdrawn"


def test_withdrawing_a_replacement_brings_back_what_it_replaced(world, client):
    first = landed(world, world.social)
    second = import_file(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        source="Hizmet;Kadın;Erkek;Toplam\nAşevi;13;8;21\n".encode(),
        file_name="asevi-duzeltilmis.csv",
        by=world.alice,
        directorate=world.social,
        mode="replace",
    )
    first.refresh_from_db()
    assert (first.status, second.status) == ("replaced", "landed")
    client.force_login(world.alice)
    page = client.get(url(world, "dataset_import_withdraw", second.pk)).content.decode()
    assert "that import counts again" in page
    client.post(url(world, "dataset_import_withdraw", second.pk), {"version": second.version})
    first.refresh_from_db()
    assert first.status == "landed"


def test_a_run_that_holds_no_data_cannot_be_withdrawn(world, client):
    run = make_run(world, directorate=world.social, status="failed")
    client.force_login(world.alice)
    response = client.post(url(world, "dataset_import_withdraw", run.pk), {"version": 1})
    assert response["Location"] == url(world, "dataset_import_detail", run.pk)
    run.refresh_from_db()
    assert run.status == "failed"


def test_the_problems_of_a_refused_run_download_as_a_workbook(world, client):
    service_create(municipality=world.home, directorate=world.social, name="Aşevi", by=None)
    run = import_file(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        source="Hizmet;Kadın;Erkek;Toplam\nAşevi;12;8;21\nYok böyle;1;1;2\n".encode(),
        file_name="hatali.csv",
        by=world.alice,
        directorate=world.social,
    )
    assert run.status == "failed" and run.error_count == 2
    client.force_login(world.bob)
    page = client.get(url(world, "dataset_import_detail", run.pk)).content.decode()
    assert "Yok böyle" in page
    response = client.get(url(world, "dataset_import_problems", run.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    text = " ".join(
        str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value
    )
    assert "Yok böyle" in text
    # A reader who may not act on the run does not get the file's rows.
    client.force_login(world.carol)
    assert client.get(url(world, "dataset_import_problems", run.pk)).status_code == 403
    assert ImportRun.objects.count() == 1
