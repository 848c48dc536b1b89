"""The five seed plans against hand-checked gold files (the numbers in extraction/README.md)."""

import pytest

from extraction.evaluate import SEEDS_DIR, evaluate


@pytest.fixture(scope="module")
def report():
    if not SEEDS_DIR.exists():
        pytest.fail(f"seed plans not found in {SEEDS_DIR}")
    return evaluate()


def test_numeric_targets_precision_and_recall(report):
    assert report["summary"]["precision"] >= 0.97
    assert report["summary"]["recall"] >= 0.97


def test_comparator_and_value_right(report):
    assert report["summary"]["comparator_value_accuracy"] >= 0.95


def test_all_22_tasks_with_units_and_deadlines(report):
    assert report["summary"]["tasks_exact"] == "22/22"
    assert report["summary"]["tasks_predicted"] == 22


def test_metadata_references_and_signature_on_all_five(report):
    for key in ("metadata_ok", "references_ok", "signature_ok"):
        assert report["summary"][key] == "5/5", key
