"""Computed criteria read units a chunk at a time (memory on a 1,611-unit province); the points
and their basis do not depend on the chunk size."""

import pytest

from evaluation import computed
from evaluation.models import ScoreSheet
from evaluation.scoring import scheme_criteria, sheets_open

pytestmark = pytest.mark.django_db


def test_points_are_the_same_whatever_the_chunk_size(scoring_round, monkeypatch):
    r = scoring_round
    sheets_open(scheme=r.scheme)
    units = [s.unit for s in ScoreSheet.objects.filter(scheme=r.scheme).select_related("unit")]
    criteria = [c for c in scheme_criteria(r.scheme) if c.is_computed]
    whole = computed.compute(scheme=r.scheme, criteria=criteria, units=units)
    monkeypatch.setattr(computed, "CHUNK_UNITS", 1)
    one_by_one = computed.compute(scheme=r.scheme, criteria=criteria, units=units)
    assert len(whole) == len(units) * len(criteria) == 16
    assert {k: (v.points, v.basis) for k, v in whole.items()} == {
        k: (v.points, v.basis) for k, v in one_by_one.items()
    }


def test_a_rescore_that_finds_nothing_new_writes_no_score(scoring_round):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from evaluation.scoring import rescore

    r = scoring_round
    assert rescore(scheme=r.scheme)  # the first fills every computed criterion in
    with CaptureQueriesContext(connection) as captured:
        assert rescore(scheme=r.scheme) == []
    writes = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith('UPDATE "evaluation_score"')
    ]
    assert writes == []
