"""Who a history version names when no request is there to say it.

django-simple-history names the author of a version from `instance._history_user`, or else from
the request its middleware (`HistoryRequestMiddleware`) puts on `HistoricalRecords.context`.
Work done outside a request — a background job, a command — has no such request, so its versions
would name nobody although a person started it. `changes_by(user)` puts a stand-in request
carrying that person where the middleware puts the real one (the library's own hook, read by
every save and by `bulk_create_with_history`), and restores what was there before on the way out.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from simple_history.models import HistoricalRecords

_NOTHING = object()


@contextmanager
def changes_by(user) -> Iterator[None]:
    """Every history version written inside names `user`; with `user=None` it names nobody (the
    system), even inside another person's request — a job started by no one is not theirs.
    A version whose instance carries its own `_history_user` keeps it."""
    context = HistoricalRecords.context
    before = getattr(context, "request", _NOTHING)
    # simple-history asks `request.user.is_authenticated`: an anonymous user means "nobody".
    context.request = SimpleNamespace(user=user if user is not None else AnonymousUser())
    try:
        yield
    finally:
        if before is _NOTHING:
            del context.request
        else:
            context.request = before
