"""Fixtures of the fault tests: messages in English, each test its own data directories."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def data_directories(settings, tmp_path):
    settings.DATASETS_ROOT = tmp_path / "datasets"
    settings.UPLOADS_ROOT = tmp_path / "uploads"


def english_client(client_class):
    browser = client_class()
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return browser
