"""The development corpus of real public plans against hand-checked gold (extraction/corpus)."""

import pytest

from extraction.evaluate import evaluate_corpus


@pytest.fixture(scope="module")
def summary():
    return evaluate_corpus()["summary"]


def test_corpus_targets_precision_and_recall_at_least_0_9(summary):
    assert summary["precision"] >= 0.9
    assert summary["recall"] >= 0.9


def test_corpus_tasks_fully_right_at_least_0_85(summary):
    assert summary["tasks_exact_ratio"] >= 0.85


def test_corpus_dates_of_issue_right_at_least_0_95(summary):
    assert summary["date_ratio"] >= 0.95


def test_corpus_references_precision_and_recall_at_least_0_9(summary):
    assert summary["references_precision"] >= 0.9
    assert summary["references_recall"] >= 0.9


def test_corpus_has_no_junk_target_nor_junk_task(summary):
    assert summary["junk_targets"] == 0
    assert summary["junk_tasks"] == 0


def test_corpus_signers_right_at_least_0_95(summary):
    assert summary["signature_ratio"] >= 0.95
