"""The import draft is read once, typed, whichever channel wrote it (plans/draft.py)."""

import datetime
from decimal import Decimal

from plans.draft import PlanDraft
from plans.models import Plan, TaskStatus


def test_missing_and_none_parts_read_as_empty_text_not_none():
    parts = PlanDraft.from_dict({"document": None, "targets": [{"text": None, "value": None}]})
    assert parts.document.number == "" and parts.document.title == ""
    assert parts.document.doc_type == Plan.DocType.PLAN
    (target,) = parts.targets
    assert target.text == "" and target.comparator == "" and target.value is None
    assert target.fields(0)["due_year"] is None


def test_a_figure_without_comparator_means_equal_and_numbers_become_decimals():
    parts = PlanDraft.from_dict({"targets": [{"text": "Tỷ lệ", "value": 90.5, "due": "2030"}]})
    fields = parts.targets[0].fields(3)
    assert fields["comparator"] == "=" and fields["value"] == Decimal("90.5")
    assert fields["order"] == 3 and fields["due_year"] == 2030 and fields["due_date"] is None


def test_a_citation_without_number_is_dropped_and_the_next_keeps_its_place():
    parts = PlanDraft.from_dict(
        {"references": [{"number": " "}, {"number": "57-NQ/TW ", "date": "2024-12-22"}]}
    )
    (reference,) = parts.references
    assert (reference.order, reference.number) == (1, "57-NQ/TW")
    assert reference.relation == "implements" and reference.date == datetime.date(2024, 12, 22)


def test_the_review_pages_status_and_the_extractors_state_both_say_done():
    parts = PlanDraft.from_dict(
        {"tasks": [{"text": "Rà soát", "status": "done"}, {"text": "Tập huấn", "state": "done"}]}
    )
    assert [task.status for task in parts.tasks] == [TaskStatus.DONE, TaskStatus.DONE]
    assert parts.tasks[0].title == "Rà soát" and parts.tasks[0].fields(0)["progress"] == 100


def test_an_award_with_no_form_is_left_out_and_the_others_keep_their_order():
    parts = PlanDraft.from_dict({"awards": ["", "Giấy khen của Chủ tịch UBND xã\nkèm tiền thưởng"]})
    (award,) = parts.awards
    assert award.order == 1 and award.fields["form"] == "Giấy khen của Chủ tịch UBND xã"
