"""The titles an individual may register for, from the award catalogue.

Registrations sits below awards (tests/test_layers.py): it cannot import the catalogue, so awards
publishes it here when its app is ready (awards.apps), as (code, name) pairs."""

from collections.abc import Callable

_provider: Callable[[], list[tuple[str, str]]] | None = None


def register_title_provider(provider: Callable[[], list[tuple[str, str]]]) -> None:
    global _provider
    _provider = provider


def individual_titles() -> list[tuple[str, str]]:
    """(code, name) of the active titles given to individuals; none while awards is absent."""
    return _provider() if _provider is not None else []
