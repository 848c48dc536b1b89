import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plans.models import Comparator, Plan, Target, TaskDeadline
from plans.tests.factories import PlanFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _target(plan, **fields):
    return Target(plan=plan, text="Tỷ lệ hồ sơ xử lý trực tuyến", **fields)


class TestTargetRules:
    def test_value_without_comparator_is_refused(self):
        target = _target(PlanFactory(), value=90, unit="%")
        with pytest.raises(ValidationError) as exc:
            target.full_clean()
        assert "comparator" in exc.value.message_dict

    def test_comparator_without_value_is_refused(self):
        target = _target(PlanFactory(), comparator=Comparator.GTE)
        with pytest.raises(ValidationError) as exc:
            target.full_clean()
        assert "value" in exc.value.message_dict

    def test_range_needs_an_upper_bound_not_below_the_lower(self):
        plan = PlanFactory()
        with pytest.raises(ValidationError):
            _target(plan, comparator=Comparator.RANGE, value=80, unit="%").full_clean()
        with pytest.raises(ValidationError) as exc:
            _target(plan, comparator=Comparator.RANGE, value=80, value_max=50).full_clean()
        assert "value_max" in exc.value.message_dict
        _target(plan, comparator=Comparator.RANGE, value=80, value_max=90, unit="%").full_clean()

    def test_percentage_above_100_is_refused_in_vietnamese(self):
        target = _target(PlanFactory(), comparator=Comparator.GTE, value=120, unit="%")
        with pytest.raises(ValidationError) as exc:
            target.full_clean()
        assert "phần trăm" in exc.value.message_dict["value"][0]

    def test_qualitative_target_has_no_value(self):
        target = _target(PlanFactory())
        target.full_clean()
        assert not target.is_quantitative

    def test_parent_target_of_the_same_plan_is_refused(self):
        plan = PlanFactory()
        parent = Target.objects.create(plan=plan, text="a")
        with pytest.raises(ValidationError):
            _target(plan, parent_target=parent).full_clean()


class TestPlanRules:
    def test_issued_plan_needs_a_number(self, world):
        plan = Plan(issuer=world.province, title="KH", status=Plan.Status.ISSUED)
        with pytest.raises(ValidationError) as exc:
            plan.full_clean()
        assert "number" in exc.value.message_dict

    def test_draft_may_have_a_blank_number_and_a_partial_date(self, world):
        plan = Plan(issuer=world.province, title="KH", issued_period="2026-05")
        plan.full_clean()
        assert plan.issued_display == "05/2026"

    def test_bad_partial_date_is_refused(self, world):
        plan = Plan(issuer=world.province, title="KH", issued_period="2026-13")
        with pytest.raises(ValidationError):
            plan.full_clean()

    def test_placeholder_needs_no_issuer(self):
        Plan(title="Nghị quyết 57", number="57-NQ/TW", status=Plan.Status.PLACEHOLDER).full_clean()


class TestDeadlines:
    @pytest.mark.parametrize(
        "fields, end, shown",
        [
            (
                {"kind": "date", "date": datetime.date(2026, 4, 30)},
                datetime.date(2026, 4, 30),
                "30/04/2026",
            ),
            (
                {"kind": "before", "date": datetime.date(2026, 6, 30)},
                datetime.date(2026, 6, 30),
                "Trước ngày 30/06/2026",
            ),
            (
                {"kind": "month", "year": 2026, "month": 2},
                datetime.date(2026, 2, 28),
                "Tháng 02/2026",
            ),
            (
                {"kind": "quarter", "year": 2026, "quarter": 2},
                datetime.date(2026, 6, 30),
                "Quý II/2026",
            ),
            ({"kind": "year", "year": 2026}, datetime.date(2026, 12, 31), "Năm 2026"),
            ({"kind": "recurring", "frequency": "monthly"}, None, "Hằng tháng"),
        ],
    )
    def test_each_kind_has_an_end_date_and_reads_as_written(self, fields, end, shown):
        deadline = TaskDeadline(task=TaskFactory(), **fields)
        deadline.full_clean()
        assert deadline.end_date == end
        assert str(deadline.display) == shown

    @pytest.mark.parametrize(
        "fields, error_field",
        [
            ({"kind": "date"}, "date"),
            ({"kind": "month", "year": 2026, "month": 13}, "month"),
            ({"kind": "quarter", "year": 2026, "quarter": 5}, "quarter"),
            ({"kind": "year"}, "year"),
            ({"kind": "recurring"}, "frequency"),
        ],
    )
    def test_incomplete_deadline_is_refused(self, fields, error_field):
        with pytest.raises(ValidationError) as exc:
            TaskDeadline(task=TaskFactory(), **fields).full_clean()
        assert error_field in exc.value.message_dict


class TestTaskRules:
    def test_overdue_is_derived_from_due_date_and_status(self):
        task = TaskFactory(due_date=datetime.date(2020, 1, 1))
        assert task.is_overdue
        assert str(task.display_status) == "Quá hạn"
        task.status = "done"
        assert not task.is_overdue

    def test_progress_over_100_is_refused(self):
        task = TaskFactory.build(plan=PlanFactory(), progress=150)
        with pytest.raises(ValidationError):
            task.full_clean()


class TestPlanLabel:
    """Seed 002 is issued as "Số: …/KH": a plan with a blank number is named by its issuer and
    date wherever it appears, so that two of them are told apart."""

    def test_a_blank_number_plan_is_named_by_type_issuer_and_date(self, world):
        plan = PlanFactory(issuer=world.commune, number="", status="draft", issued_period="2026-07")
        assert plan.display_number == "Kế hoạch (chưa có số) của UBND xã Thống Nhất, 07/2026"
        assert str(plan).startswith("Kế hoạch (chưa có số) của UBND xã Thống Nhất, 07/2026")

    def test_two_blank_number_plans_of_different_issuers_or_dates_read_differently(self, world):
        labels = {
            PlanFactory(issuer=unit, number="", status="draft", issued_on=day).display_number
            for unit, day in (
                (world.commune, datetime.date(2026, 7, 1)),
                (world.other_commune, datetime.date(2026, 7, 1)),
                (world.commune, datetime.date(2027, 1, 5)),
            )
        }
        assert len(labels) == 3
        assert "Kế hoạch (chưa có số) của UBND xã Bắc Hà, 01/07/2026" in labels

    def test_a_numbered_plan_is_named_by_its_number(self, world):
        assert PlanFactory(issuer=world.commune, number="40/KH-UBND").display_number == (
            "40/KH-UBND"
        )

    def test_a_cited_document_without_issuer_or_number_keeps_what_is_known(self):
        placeholder = Plan(doc_type="NQ", number="", issuer_name="Tỉnh ủy", issued_period="2025")
        assert placeholder.display_number == "Nghị quyết (chưa có số) của Tỉnh ủy, 2025"
        assert Plan(doc_type="QĐ", title="x").display_number == "Quyết định (chưa có số)"

    def test_a_sentence_cites_the_plan_by_number_or_as_unnumbered_with_its_date(self, world):
        numbered = PlanFactory(number="40/KH-UBND", issued_on=datetime.date(2026, 2, 5))
        assert numbered.citation == "Kế hoạch số 40/KH-UBND ngày 05/02/2026"
        blank = PlanFactory(number="", status="draft", issued_period="2026-07")
        assert blank.citation == "Kế hoạch (chưa có số) tháng 07/2026"


class TestTaskStatusAndProgress:
    """Issue 10 §4: a status and a progress never contradict each other."""

    @pytest.mark.parametrize(
        ("status", "progress"),
        [("not_started", 0), ("in_progress", 1), ("in_progress", 99), ("done", 100)],
    )
    def test_a_status_and_its_progress_that_agree_pass(self, status, progress):
        from plans.models import task_progress_error

        assert task_progress_error(status, progress) is None

    @pytest.mark.parametrize(
        ("status", "progress", "words"),
        [
            ("not_started", 90, "chưa thực hiện thì tiến độ là 0%"),
            ("in_progress", 0, "từ 1 đến 99%"),
            ("in_progress", 100, "từ 1 đến 99%"),
            ("done", 40, "hoàn thành thì tiến độ là 100%"),
            ("overdue", 100, "không còn quá hạn"),
        ],
    )
    def test_a_status_that_contradicts_its_progress_is_refused(self, status, progress, words):
        from plans.models import task_progress_error

        assert words in str(task_progress_error(status, progress))

    def test_the_database_checks_the_same_rule_on_every_status_and_progress(self):
        """Every (status, progress) of the grid is stored exactly when the rule lets it pass: the
        check (task_progress_agrees) and the words (task_progress_error) are one rule."""
        from plans.models import PROGRESS_BOUNDS, Task, task_progress_error

        plan = PlanFactory()
        outcomes = set()
        for status in [*PROGRESS_BOUNDS, "postponed"]:  # and one outside the table
            for progress in (0, 1, 50, 99, 100, 101):
                try:
                    with transaction.atomic():
                        Task.objects.create(plan=plan, title="t", status=status, progress=progress)
                    stored = True
                except IntegrityError:
                    stored = False
                allowed = task_progress_error(status, progress) is None
                assert stored == allowed, (status, progress)
                outcomes.add(stored)
        assert outcomes == {True, False}

    def test_a_task_saved_not_started_at_90_percent_is_refused_by_the_database(self):
        task = TaskFactory(status="in_progress", progress=90)
        task.status = "not_started"  # past clean() and the services: a direct write
        with pytest.raises(IntegrityError), transaction.atomic():
            task.save()

    def test_the_status_of_several_units_follows_their_progress(self):
        from plans.models import task_status_of

        assert task_status_of([]) is None
        assert task_status_of([0, 0]) == "not_started"
        assert task_status_of([0, 40]) == "in_progress"
        assert task_status_of([100, 100]) == "done"
        assert task_status_of([100, 90]) == "in_progress"
