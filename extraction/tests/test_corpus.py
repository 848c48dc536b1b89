"""The development corpus of real public plans against hand-checked gold (extraction/corpus)."""

import pytest

from extraction.evaluate import evaluate_corpus


@pytest.fixture(scope="module")
def corpus():
    return evaluate_corpus()


@pytest.fixture(scope="module")
def summary(corpus):
    return corpus["summary"]


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


ROUND_5 = [
    "nqcp03-2025",
    "giaphong-pl1-2025",
    "bcdtw-01-2025",
    "cantho-46-2025",
    "cantho-224-2025",
    "thachkim-2024",
]


@pytest.mark.parametrize("name", ROUND_5)
def test_a_round_5_document_reads_as_its_gold(corpus, name):
    row = corpus["per_document"][name]
    assert row["targets_exact"] == row["targets_matched"] == row["targets_gold"]
    assert row["targets_predicted"] == row["targets_gold"]
    assert row["tasks_exact"] == row["tasks_gold"] == row["tasks_predicted"]
    assert row["references_matched"] == row["references_gold"] == row["references_predicted"]
    assert row["metadata_ok"]
    assert not row["signature_scored"] or row["signature_ok"]
    assert not row["date_scored"] or row["date_ok"]
