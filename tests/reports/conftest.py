"""A small municipality-year to report on: service counts imported from a directorate's
CSV (one service far from balance, one with a handful of men), and the same for another
municipality that must never show up."""

from dataclasses import dataclass

import pytest

from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, run_import


@pytest.fixture(autouse=True)
def data_directories(settings, tmp_path):
    settings.DATASETS_ROOT = tmp_path / "datasets"
    settings.UPLOADS_ROOT = tmp_path / "uploads"


@dataclass
class Year:
    sports: object
    counselling: object
    runs: list


COUNTS = (
    "Hizmet adı;Yıl;Kadın;Erkek;Toplam\n"
    "Spor Kursları;2025;230;770;1000\n"
    "Kadın Danışma Merkezi;2025;397;3;400\n"
)


@pytest.fixture
def year(world) -> Year:
    sports = service_create(
        municipality=world.home, directorate=world.parks, name="Spor Kursları", by=world.alice
    )
    counselling = service_create(
        municipality=world.home,
        directorate=world.social,
        name={"tr": "Kadın Danışma Merkezi", "en": "Women's counselling centre"},
        by=world.alice,
    )
    run = run_import(world, "service-counts", csv_bytes(COUNTS), name="sayilar.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems
    return Year(sports, counselling, [run])
