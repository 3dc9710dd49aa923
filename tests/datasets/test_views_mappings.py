"""Remembered columns: the headings mapped by hand, listed for every member inside and
forgotten by whoever may import for the mapping's directorate, with an audit entry; after
that the next file's heading is proposed afresh."""

import pytest
from django.urls import reverse

from esitlik.core.models import AuditEntry
from esitlik.core.tabular import match_key
from esitlik.datasets import imports
from esitlik.datasets.dimensions import dimension_create, dimension_delete
from esitlik.datasets.models import ColumnMapping
from tests.datasets.helpers import csv_bytes

TEXT = "Hizmet adı;Yararlanan Kadın;Erkek;Toplam\nSosyal Yardım;3;2;5\n"


def remembered(world, directorate, header="Yararlanan Kadın", field="women"):
    return ColumnMapping.objects.create(
        municipality=world.home,
        directorate=directorate,
        kind="service_counts",
        header_key=match_key(header),
        header=header,
        field=field,
    )


def forget_url(world, mapping):
    return reverse("dataset_mapping_forget", args=[world.home.slug, mapping.pk])


def test_the_list_shows_each_remembered_heading_with_what_it_is_read_as(world, client):
    remembered(world, world.social)
    remembered(world, None, header="Açıklama", field="")
    dimension = dimension_create(municipality=world.home, name="Hane tipi", by=world.alice)
    remembered(world, world.parks, header="Ev", field=dimension.column)
    dimension_delete(dimension=dimension, by=world.alice)
    client.force_login(world.mona)  # a monitor reads the list, and may forget nothing
    page = client.get(reverse("dataset_mapping_list", args=[world.home.slug]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Yararlanan Kadın" in text and "Women" in text and "Service counts" in text
    assert "left out" in text and "any directorate" in text
    assert "x_hane_tipi" in text and "no longer a column" in text
    assert "/forget/" not in text


@pytest.mark.parametrize(
    ("user", "directorate", "status"),
    [
        ("alice", "social", 302),
        ("bob", "social", 302),
        ("bob", "parks", 403),
        ("carol", "social", 403),
    ],
)
def test_a_mapping_is_forgotten_by_those_who_may_import_for_its_directorate(
    world, client, user, directorate, status
):
    mapping = remembered(world, getattr(world, directorate))
    client.force_login(getattr(world, user))
    response = client.post(forget_url(world, mapping))
    assert response.status_code == status
    assert ColumnMapping.objects.filter(pk=mapping.pk).exists() is (status != 302)
    logged = AuditEntry.objects.filter(action="datasets.mapping.forgotten", object_id=mapping.pk)
    assert logged.exists() is (status == 302)


def test_only_the_equality_unit_forgets_a_mapping_of_no_directorate(world, client):
    mapping = remembered(world, None)
    client.force_login(world.bob)
    assert client.post(forget_url(world, mapping)).status_code == 403
    client.force_login(world.alice)
    assert client.post(forget_url(world, mapping)).status_code == 302


def test_once_forgotten_the_heading_is_proposed_afresh(world, client, catalogue):
    mapping = remembered(world, world.social, field="men")
    run = imports.import_upload(
        municipality=world.home,
        kind="service-counts",
        year=2025,
        data=csv_bytes(TEXT),
        file_name="a.csv",
        by=world.alice,
        directorate=world.social,
    )
    assert imports.import_preview(run).mapping["Yararlanan Kadın"] == "men"
    client.force_login(world.alice)
    client.post(forget_url(world, mapping))
    assert imports.import_preview(run).mapping["Yararlanan Kadın"] == ""
