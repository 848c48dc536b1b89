"""A clock the demo can set: the demo's history is played at the moments it belongs to.

The demo takes each report and registration through the same services a person uses; those
services and Django's ``auto_now`` fields read the time from ``django.utils.timezone.now``. Setting
that clock for the length of a step records the step at its own moment everywhere at once (the
event, the report's header times, days late), so the history and the header cannot disagree.
Only the demo loader and its tests use it.
"""

import contextlib
import datetime
from unittest import mock

from django.utils import timezone


@contextlib.contextmanager
def clock_at(moment: datetime.datetime):
    """Within the block, ``timezone.now()`` (and so ``localdate()`` and ``auto_now``) is
    ``moment``, which must be an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("clock_at needs an aware datetime")
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def moment_by(
    day: datetime.date, hour: int, now: datetime.datetime, *, minute: int = 0
) -> datetime.datetime:
    """``day`` at ``hour:minute`` local time, or ``now`` where that is after ``now``: a step of
    the demo's history is never recorded after the moment the demo is loaded."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return min(moment, now)
