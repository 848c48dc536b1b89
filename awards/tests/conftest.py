import pytest

# The small scoring round of evaluation's tests, for the classification built on it.
from evaluation.tests.conftest import scoring_round  # noqa: F401


@pytest.fixture
def catalogue(db):
    """The defaults of LAW.md, as `load_award_catalogue` loads them."""
    from awards.catalogue import catalogue_load_defaults

    catalogue_load_defaults()
