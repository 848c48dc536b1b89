"""One demo load shared by the tests of a module that only read it."""

import pytest


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back after its last test.

    A load takes 20–30 s; most demo tests only read what it wrote. Each test still runs in its
    own transaction (pytest-django's, here a savepoint inside this one), so what a test changes,
    a second load included, is gone before the next test starts."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
