import pytest

from tests.plans.helpers import make_plan


@pytest.fixture
def plan(world):
    """A draft 2025–2028 edition of the home municipality."""
    return make_plan(world)
