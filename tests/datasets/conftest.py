"""Fixtures of the dataset import tests: the world's catalogue of services and its
neighbourhoods, messages in English."""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils import translation

from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.datasets.catalogue import service_create


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the site's default language is Turkish."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    """A browser that has chosen English, so the pages answer in the language tests assert."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def data_directories(settings, tmp_path):
    """Each test its own datasets and uploads directories: what one stored, another never
    sees."""
    settings.DATASETS_ROOT = tmp_path / "datasets"
    settings.UPLOADS_ROOT = tmp_path / "uploads"


@dataclass
class Catalogue:
    counselling: object  # Kadın Danışma Merkezi, of world.social
    aid: object  # Sosyal Yardım, of world.social
    course: object  # Meslek Edindirme Kursu (code MEK), of world.social
    sports: object  # Spor Kursları, of world.parks
    neighbourhoods: dict  # name → Neighbourhood


@pytest.fixture
def catalogue(world) -> Catalogue:
    def service(name, directorate, **extra):
        return service_create(
            municipality=world.home, directorate=directorate, name=name, by=world.alice, **extra
        )

    names = ["Atatürk", "Cumhuriyet", "İnönü", "Çamlık", "Işıklar"]
    return Catalogue(
        counselling=service(
            {"tr": "Kadın Danışma Merkezi", "en": "Women's counselling centre"}, world.social
        ),
        aid=service("Sosyal Yardım", world.social),
        course=service("Meslek Edindirme Kursu", world.social, code="MEK"),
        sports=service("Spor Kursları", world.parks),
        neighbourhoods={
            name: neighbourhood_create(municipality=world.home, name=name, by=world.alice)
            for name in names
        },
    )
