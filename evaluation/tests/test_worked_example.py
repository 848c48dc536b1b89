"""The scores of three units worked out by hand from their reports (conftest.py tells what
each one reported) equal what the product computes and shows; changing one accepted figure
and rescoring changes exactly the criterion that reads it."""

from decimal import Decimal

import pytest

from evaluation import scoring
from evaluation.models import Score, ScoreChange
from evaluation.tests.conftest import SUPER, d_, ratio, send
from reporting import services
from reporting.models import Report

pytestmark = pytest.mark.django_db


def points(round_, unit) -> dict[str, Decimal]:
    rows = Score.objects.filter(sheet__scheme=round_.scheme, sheet__unit=unit)
    return {s.criterion.code: s.points for s in rows.select_related("criterion")}


# By hand, criterion by criterion (max points in brackets):
# 2.1 targets met [30]: A meets both (93 % online, 2 models) → 30; B only the models (online
#     50 %) → 15; C only the online share (91 % accepted, no model) → 15.
# 2.2 tasks done on time with evidence [20]: A done in March with its decision → 20; B done
#     in April, after its 31/03 deadline → 0; C said done without evidence → 0.
# 2.3 reports on time and complete [10]: A 3 of 3 → 10; B 2 of 3 (March 5 days late) →
#     6,67; C 1 of 3 (March missing, April returned as wrong) → 3,33.
# 5.1 PII [10, scale 100]: A 60 → 6; B 45,5 → 4,55; C not published → 0.
EXPECTED = {
    "A": {"2.1": "30", "2.2": "20", "2.3": "10", "5.1": "6"},
    "B": {"2.1": "15", "2.2": "0", "2.3": "6.67", "5.1": "4.55"},
    "C": {"2.1": "15", "2.2": "0", "2.3": "3.33", "5.1": "0"},
}


def test_three_units_scored_by_hand_equal_the_product(scoring_round, client):
    round_ = scoring_round
    scoring.rescore(scheme=round_.scheme)
    for name in "ABC":
        unit = getattr(round_, name.lower())
        got = points(round_, unit)
        for code, expected in EXPECTED[name].items():
            assert got[code] == Decimal(expected), (name, code, got[code])
        assert got["1.1"] is None  # the human criterion waits for the unit's self-score
    # The sheet shows the points and the reports behind them.
    client.force_login(round_.coordinator)
    sheet = round_.scheme.sheets.get(unit=round_.b)
    page = client.get(f"/danh-gia/phieu/{sheet.pk}/").content.decode()
    assert "6,67" in page and "4,55" in page
    late = Report.objects.get(unit=round_.b, period=round_.periods["mar"])
    assert f"/bao-cao/{late.pk}/" in page


def test_changing_one_accepted_figure_changes_exactly_the_criteria_that_read_it(scoring_round):
    round_ = scoring_round
    scoring.rescore(scheme=round_.scheme)
    before = {name: points(round_, getattr(round_, name)) for name in "abc"}
    # B's April online share was wrong: the office reopens it, B corrects 50 → 95 of 100.
    report = Report.objects.get(unit=round_.b, period=round_.periods["apr"])
    services.report_reopen(scope=SUPER, user=None, report=report, reason="Số liệu sai")
    report.refresh_from_db()
    report = services.report_save_draft(
        scope=SUPER,
        user=None,
        report=report,
        expected_version=report.version,
        values={round_.ratio.pk: ratio(190, 200)},
    )
    report = services.report_submit(scope=SUPER, user=None, report=report)
    report = services.report_approve(scope=SUPER, user=None, report=report)
    services.report_accept(scope=SUPER, user=None, report=report)

    changed = scoring.rescore(scheme=round_.scheme)

    assert changed == [(round_.b.pk, round_.targets.pk)]
    after = {name: points(round_, getattr(round_, name)) for name in "abc"}
    assert after["b"]["2.1"] == Decimal(30)
    assert {k: v for k, v in after["b"].items() if k != "2.1"} == {
        k: v for k, v in before["b"].items() if k != "2.1"
    }
    assert after["a"] == before["a"] and after["c"] == before["c"]
    change = ScoreChange.objects.filter(criterion=round_.targets, sheet__unit=round_.b).last()
    assert (change.from_points, change.to_points) == (Decimal(15), Decimal(30))


def test_a_report_sent_after_the_cutoff_does_not_count(scoring_round):
    round_ = scoring_round
    # C's March report, sent in May: still missing on 30/04.
    send(
        round_.c,
        round_.periods["mar"],
        {round_.ratio.pk: ratio(92), round_.count.pk: {"value": 0}},
        {round_.task.pk: {"status": "done"}},
        day=d_(5, 5),
    )
    scoring.rescore(scheme=round_.scheme)
    assert points(round_, round_.c)["2.3"] == Decimal("3.33")
