"""The open data: tidy CSV and JSON for every public table, and a Data Package that the
frictionless library validates."""

import csv
import io
import json

import frictionless
from django.urls import reverse

from esitlik.portal.opendata import TABLES


def test_it_serves_every_table_as_tidy_csv_and_json(world, portal, client):
    for name in TABLES:
        response = client.get(reverse("portal_data_csv", args=[world.home.slug, name]))
        assert response.status_code == 200, name
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0][0] == "Year" and "Value" in rows[0], name
        data = client.get(reverse("portal_data_json", args=[world.home.slug, name])).json()
        assert [f["name"] for f in data["fields"]] == rows[0]
        assert len(data["rows"]) == len(rows) - 1


def test_it_never_puts_drafts_pending_values_or_small_counts_in_the_data(world, portal, client):
    text = ""
    for name in TABLES:
        text += client.get(
            reverse("portal_data_csv", args=[world.home.slug, name])
        ).content.decode()
    assert "Gizli Taslak Plan" not in text
    assert "4321" not in text
    assert "Danışma hattı" in text
    participation = client.get(
        reverse("portal_data_csv", args=[world.home.slug, "participation"])
    ).content.decode()
    assert ",,c\n" in participation  # a hidden count: no value, the marker


def test_it_answers_404_for_an_unknown_table(world, client):
    assert (
        client.get(reverse("portal_data_csv", args=[world.home.slug, "staff"])).status_code == 404
    )


def test_the_data_package_validates(world, portal, client, tmp_path):
    package = client.get(reverse("portal_datapackage", args=[world.home.slug])).json()
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    for resource in package["resources"]:
        url = reverse("portal_data_csv", args=[world.home.slug, resource["name"]])
        (tmp_path / resource["path"]).write_bytes(client.get(url).content)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {r["name"] for r in package["resources"]} == set(TABLES)
