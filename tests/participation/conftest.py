import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; pages the client fetches stay Turkish unless the
    test sets the language cookie."""
    with translation.override("en"):
        yield
