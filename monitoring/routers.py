"""Dashboard reads on a read replica (docs/scaling.md).

Dashboards only read, and at national scale they are most of the reads: inside
`reading_replica()` every read goes to the database alias named by the setting
`DASHBOARD_DATABASE` (a PostgreSQL streaming replica in production). Writes, and every read
outside the block, stay on "default", so a person always sees what they just saved.
"""

import contextlib
import threading

from django.conf import settings

_state = threading.local()


@contextlib.contextmanager
def reading_replica():
    """Send this block's reads to the dashboard database, if one is configured."""
    previous = getattr(_state, "active", False)
    _state.active = True
    try:
        yield
    finally:
        _state.active = previous


class DashboardReplicaRouter:
    def db_for_read(self, model, **hints):
        alias = getattr(settings, "DASHBOARD_DATABASE", "default")
        if getattr(_state, "active", False) and alias in settings.DATABASES:
            return alias
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # A replica holds the same rows as the primary: objects read from either relate.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
