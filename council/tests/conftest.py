import pytest

from nominations.tests.factories import round_world


@pytest.fixture
def rw(world):
    return round_world(world)
