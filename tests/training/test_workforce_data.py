"""Training coverage against the imported workforce data: used once a workforce file has
landed for the year, each import at its latest snapshot, categories matched to the list by
name, people of categories not on the list shown apart."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from esitlik.datasets.models import ImportRun
from esitlik.training.figures import training_figures, workforce_of
from tests.datasets.helpers import csv_bytes, run_import
from tests.training.figures_world import trained_world

YEAR_2025 = {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)}
# Two snapshots of one year in one file: only the latest (31 December) counts.
WORKFORCE = (
    "Tarih;Rol;Cinsiyet;Sayı\n"
    "30.06.2025;Daire başkanı;Kadın;1\n"
    "30.06.2025;Daire başkanı;Erkek;1\n"
    "31.12.2025;DAİRE BAŞKANI;Kadın;5\n"
    "31.12.2025;Daire başkanı;Erkek;5\n"
    "31.12.2025;Branch manager;K;8\n"
    "31.12.2025;Branch manager;E;12\n"
    "31.12.2025;Branch manager;Belirtilmemiş;2\n"
    "31.12.2025;Stajyer;K;3\n"
    "31.12.2025;Stajyer;E;4\n"
)


@pytest.fixture
def trained(world, settings, tmp_path):
    settings.DATASETS_ROOT = tmp_path / "datasets"
    settings.UPLOADS_ROOT = tmp_path / "uploads"
    return trained_world(world)


def test_without_imported_data_the_typed_in_figures_are_used(trained, world):
    coverage = training_figures(world.home, **YEAR_2025).coverage
    assert (coverage.year, coverage.from_data, coverage.unmatched) == (2025, False, [])


def test_a_landed_workforce_import_replaces_the_typed_in_figures(trained, world):
    run = run_import(world, "workforce", csv_bytes(WORKFORCE))
    assert run.status == ImportRun.Status.LANDED, run.problems
    coverage = training_figures(world.home, **YEAR_2025).coverage
    assert (coverage.year, coverage.from_data) == (2025, True)
    rows = {row.label: row for row in coverage.rows}
    assert [(c.trained, c.workforce) for c in rows["Department head"].cells] == [
        (1, 5),
        (1, 5),
        (0, 0),
        (2, 10),
    ]
    assert [c.workforce for c in rows["Branch manager"].cells] == [8, 12, 2, 22]
    # Unit staff have typed-in figures but no rows in the data: no workforce now.
    assert rows["Unit staff"].total.workforce is None
    assert coverage.unmatched == [("Stajyer", 7)]
    assert coverage.total.total.workforce == 32


def test_an_earlier_import_gives_way_to_later_typed_in_figures(trained, world):
    run = run_import(
        world, "workforce", csv_bytes(WORKFORCE.replace(".2025;", ".2024;")), year=2024
    )
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert workforce_of(world.home, 2025).from_data is False
    found = workforce_of(world.home, 2024)
    assert (found.year, found.from_data) == (2024, True)


def test_the_page_says_where_the_workforce_comes_from_and_what_was_left_out(trained, world, client):
    run_import(world, "workforce", csv_bytes(WORKFORCE))
    client.force_login(world.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        address = reverse("training_summary", args=[world.home.slug])
        page = client.get(address, {"date_from": "2025-01-01", "date_to": "2025-12-31"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "against the workforce data imported for 2025" in text
    assert "“Stajyer”: 7 people" in text
