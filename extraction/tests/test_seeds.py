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


def test_all_40_tasks_with_units_deadlines_and_state(report):
    assert report["summary"]["tasks_exact"] == "40/40"
    assert report["summary"]["tasks_predicted"] == 40


def test_qualitative_targets_found_and_no_scope_or_pointer_taken_as_target(report):
    assert report["summary"]["qualitative_found"] == "2/2"
    assert report["summary"]["junk_targets"] == 0


def test_metadata_references_and_signature_on_all_five(report):
    for key in ("metadata_ok", "references_ok", "signature_ok"):
        assert report["summary"][key] == "5/5", key


def test_phases_of_seeds_003_and_004_and_none_elsewhere():
    from extraction import extract_file

    found = {
        path.name[:3]: [(p["name"], p["start"], p["end"]) for p in extract_file(path).phases]
        for path in sorted(SEEDS_DIR.glob("*.txt"))
    }
    assert found == {
        "000": [],
        "001": [],
        "002": [],
        "003": [
            ("Giai đoạn 1", "2026-01-01", "2028-06-11"),
            ("Giai đoạn 2", "2028-07-01", "2030-12-31"),
        ],
        "004": [
            ("Giai đoạn 1", "2026-05-01", "2027-12-31"),
            ("Giai đoạn 2", "2028-01-01", "2030-12-31"),
        ],
    }
