import pytest


@pytest.fixture
def catalogue(db):
    """The defaults of LAW.md, as `load_award_catalogue` loads them."""
    from awards.catalogue import catalogue_load_defaults

    catalogue_load_defaults()
