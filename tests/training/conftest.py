import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the site's default language is Turkish."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    """A browser that has chosen English, so pages answer in the language tests assert."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
