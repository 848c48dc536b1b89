"""The checks of the benchmark's fault phase (bench/faults.py) see what they are there to see:
a report whose status moved without its event, and a roll-up row a rebuild would change."""

import sys
from pathlib import Path

import pytest
from django.db.models import F

from monitoring.tests.test_views import dashboard  # noqa: F401 (a fixture)
from reporting.models import IndicatorRollup, Report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import faults  # noqa: E402

pytestmark = pytest.mark.django_db


def test_consistent_reports_and_rollups_pass(dashboard):  # noqa: F811
    ids = list(Report.objects.values_list("pk", flat=True))
    assert ids
    assert faults.half_moved_reports(ids) == []
    assert faults.rollups_differ_from_rebuild() == 0


def test_a_status_without_its_event_is_found(dashboard):  # noqa: F811
    report = Report.objects.order_by("pk").first()
    Report.objects.filter(pk=report.pk).update(status="approved")
    found = faults.half_moved_reports([report.pk])
    assert found == [{"report": report.pk, "status": "approved", "last_event": "accepted"}]


def test_a_rollup_row_a_rebuild_would_change_is_found(dashboard):  # noqa: F811
    IndicatorRollup.objects.filter(
        pk=IndicatorRollup.objects.order_by("pk").values("pk")[:1]
    ).update(value_count=F("value_count") + 1)
    assert faults.rollups_differ_from_rebuild() == 2  # the wrong row out, the right one in
