import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.services import ConcurrentEditError
from indicators.models import Indicator
from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans.models import Task
from reporting import services
from reporting.models import (
    Event,
    IndicatorRollup,
    Period,
    Report,
    ReportValue,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.periods import periods_generate
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
    previous_month,
)

pytestmark = pytest.mark.django_db


class TestReportSaveDraft:
    def test_second_save_from_a_stale_page_is_refused_and_the_first_figures_are_kept(self, setup):
        opened = setup.fresh().version
        services.report_save_draft(
            scope=setup.scope[Role.REPORTER],
            user=setup.user(Role.REPORTER),
            report=setup.fresh(),
            expected_version=opened,
            values={setup.count.pk: {"value": 5}},
        )
        with pytest.raises(ConcurrentEditError):
            services.report_save_draft(
                scope=setup.scope[Role.REPORTER],
                user=setup.user(Role.REPORTER),
                report=setup.fresh(),
                expected_version=opened,
                values={setup.count.pk: {"value": 9}},
            )
        assert setup.fresh().values.get(indicator=setup.count).value == 5

    def test_a_draft_may_be_partial_and_hold_what_submission_would_refuse(self, setup):
        report = setup.save(values={setup.ratio.pk: {"numerator": 120, "denominator": 100}})
        row = report.values.get(indicator=setup.ratio)
        assert (row.numerator, row.denominator) == (120, 100)
        assert report.status == WorkflowStatus.DRAFT

    def test_text_in_a_number_refuses_the_whole_save_and_changes_nothing(self, setup):
        with pytest.raises(ValidationError) as exc:
            setup.save(
                values={setup.count.pk: {"value": 4}, setup.ratio.pk: {"numerator": "bảy"}},
            )
        assert f"value-{setup.ratio.pk}" in exc.value.message_dict
        assert not ReportValue.objects.exists()
        assert setup.fresh().version == 1

    @pytest.mark.parametrize("value", [Decimal("2.5"), "2.5", 0.5])
    def test_a_count_with_a_fraction_refuses_the_whole_save_and_changes_nothing(self, setup, value):
        with pytest.raises(ValidationError) as exc:
            setup.save(
                values={
                    setup.ratio.pk: {"numerator": 7, "denominator": 10},
                    setup.count.pk: {"value": value},
                }
            )
        assert exc.value.message_dict[f"value-{setup.count.pk}"][0].startswith(
            "Số lượng phải là số nguyên (ví dụ 2 hoặc 3)"
        )
        assert not ReportValue.objects.exists()
        assert setup.fresh().version == 1

    def test_a_rank_with_a_fraction_is_refused_too(self, setup):
        rank = ScheduleIndicatorFactory(
            schedule=setup.schedule,
            indicator=IndicatorFactory(
                kind=Indicator.Kind.RANK,
                direction=Indicator.Direction.LOWER,
                temporal=Indicator.Temporal.LATEST,
            ),
        ).indicator
        with pytest.raises(ValidationError) as exc:
            setup.save(values={rank.pk: {"value": "3.5"}})
        assert exc.value.message_dict[f"value-{rank.pk}"] == [
            "Thứ hạng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 3,5."
        ]

    def test_an_amount_keeps_its_decimals_and_a_whole_count_is_saved(self, setup):
        amount = ScheduleIndicatorFactory(
            schedule=setup.schedule,
            indicator=IndicatorFactory(kind=Indicator.Kind.AMOUNT, unit="triệu đồng"),
        ).indicator
        report = setup.save(
            values={amount.pk: {"value": "2.5"}, setup.count.pk: {"value": Decimal("3.0")}}
        )
        assert report.values.get(indicator=amount).value == Decimal("2.5")
        assert report.values.get(indicator=setup.count).value == 3

    def test_every_save_is_recorded_with_who_and_what_changed(self, setup):
        setup.fill()
        setup.save(values={setup.count.pk: {"value": 4}}, ip="10.1.2.3")
        event = Event.objects.filter(report=setup.report).last()
        assert event.user == setup.user(Role.REPORTER)
        assert event.ip_address == "10.1.2.3"
        assert event.changes == {f"value-{setup.count.pk}": {"value": ["3.0000", "4.0000"]}}

    def test_a_save_that_changes_nothing_records_nothing_and_keeps_the_version(self, setup):
        version = setup.fill().version
        before = Event.objects.count()
        assert setup.fill().version == version
        assert Event.objects.count() == before

    def test_a_reporter_of_another_unit_cannot_save(self, setup, world):
        outsider = user_scope(user_with_role(world.other_commune, Role.REPORTER))
        with pytest.raises(PermissionDenied):
            services.report_save_draft(
                scope=outsider, user=None, report=setup.fresh(), expected_version=1, values={}
            )

    def test_a_head_or_coordinator_does_not_type_the_figures(self, setup):
        for role in (Role.HEAD, Role.COORDINATOR, Role.LEADER):
            with pytest.raises(PermissionDenied):
                setup.save(role=role, values={setup.count.pk: {"value": 1}})

    def test_an_indicator_of_another_schedule_is_refused(self, setup):
        from reporting.tests.factories import IndicatorFactory

        stranger = IndicatorFactory()
        with pytest.raises(ValidationError) as exc:
            setup.save(values={stranger.pk: {"value": 1}})
        assert f"value-{stranger.pk}" in exc.value.message_dict

    def test_completeness_counts_required_values_and_tasks(self, setup):
        report = setup.fill(task_updates={})
        assert report.completeness == Decimal("66.7")
        assert setup.fill().completeness == Decimal("100.0")

    def test_done_task_gets_full_progress_and_the_change_is_recorded(self, setup):
        setup.fill(task_updates={setup.task.pk: {"status": "in_progress", "progress": 40}})
        setup.fill(task_updates={setup.task.pk: {"status": "done", "progress": ""}})
        assert TaskUpdate.objects.get().progress == 100
        change = Event.objects.filter(report=setup.report).last().changes[f"task-{setup.task.pk}"]
        assert change["progress"] == [40, 100]

    @pytest.mark.parametrize("progress", ["40.7", "101", "-1", "bốn mươi"])
    def test_progress_must_be_a_whole_number_from_0_to_100(self, setup, progress):
        with pytest.raises(ValidationError) as exc:
            setup.fill(
                task_updates={setup.task.pk: {"status": "in_progress", "progress": progress}}
            )
        assert "số nguyên" in exc.value.message_dict[f"task-{setup.task.pk}"][0]

    def test_an_overlong_evidence_link_is_refused_with_a_message(self, setup):
        link = "https://a.vn/" + "x" * 600
        with pytest.raises(ValidationError) as exc:
            setup.fill(task_updates={setup.task.pk: {"status": "done", "evidence_link": link}})
        assert "dài quá" in exc.value.message_dict[f"task-{setup.task.pk}"][0]

    def test_a_file_for_a_task_not_yet_updated_creates_its_update(self, setup):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung")
        report = setup.save(files={setup.task.pk: [upload]})
        update = report.task_updates.get()
        assert update.files.get().name == "bien-ban.pdf"


class TestReportSaveValid:
    """The report page's save: every valid field is saved, every refusal is named at once."""

    def save(self, setup, **data):
        report = setup.fresh()
        return services.report_save_valid(
            scope=setup.scope[Role.REPORTER],
            user=setup.user(Role.REPORTER),
            report=report,
            expected_version=report.version,
            **data,
        )

    def test_a_bad_figure_never_blocks_saving_the_others(self, setup):
        saved = self.save(
            setup,
            values={
                setup.ratio.pk: {"numerator": 7, "denominator": -10},
                setup.count.pk: {"value": "abc", "comment": "Chưa có số liệu."},
            },
            task_updates={setup.task.pk: {"status": "in_progress", "progress": 40}},
            narrative={"results": "Đã triển khai."},
        )
        assert saved.errors == {
            f"value-{setup.ratio.pk}": ["Tử số và mẫu số không được âm."],
            f"value-{setup.count.pk}": ["Nhập một số (dùng dấu phẩy cho phần thập phân)."],
        }
        assert saved.fields == {
            f"value-{setup.ratio.pk}": ["denominator"],
            f"value-{setup.count.pk}": ["value"],
        }
        ratio = ReportValue.objects.get(indicator=setup.ratio)
        assert (ratio.numerator, ratio.denominator) == (7, None)
        count = ReportValue.objects.get(indicator=setup.count)
        assert (count.value, count.comment) == (None, "Chưa có số liệu.")
        assert TaskUpdate.objects.get().progress == 40
        report = setup.fresh()
        assert report.results == "Đã triển khai."
        assert saved.report.version == report.version == 2

    def test_a_refused_figure_keeps_the_figure_saved_before(self, setup):
        setup.fill()
        saved = self.save(setup, values={setup.count.pk: {"value": -2}})
        assert list(saved.errors) == [f"value-{setup.count.pk}"]
        assert ReportValue.objects.get(indicator=setup.count).value == 3
        assert saved.report.version == setup.fresh().version == 2  # nothing new, no new version

    def test_status_and_progress_are_refused_together(self, setup):
        saved = self.save(
            setup,
            task_updates={
                setup.task.pk: {"status": "done", "progress": "140", "note": "Đã xong 3 lớp."}
            },
        )
        assert saved.fields == {f"task-{setup.task.pk}": ["progress", "status"]}
        update = TaskUpdate.objects.get()
        assert (update.status, update.progress, update.note) == ("not_started", 0, "Đã xong 3 lớp.")

    def test_a_stale_page_still_saves_nothing(self, setup):
        opened = setup.fresh().version
        setup.fill()
        with pytest.raises(ConcurrentEditError):
            services.report_save_valid(
                scope=setup.scope[Role.REPORTER],
                user=setup.user(Role.REPORTER),
                report=setup.fresh(),
                expected_version=opened,
                values={setup.count.pk: {"value": 9}},
            )
        assert ReportValue.objects.get(indicator=setup.count).value == 3

    def test_the_all_or_nothing_save_still_refuses_everything(self, setup):
        with pytest.raises(ValidationError):
            setup.save(values={setup.count.pk: {"value": 4}, setup.ratio.pk: {"numerator": -1}})
        assert not ReportValue.objects.exists()


class TestChecks:
    @pytest.mark.parametrize(
        "values, message",
        [
            (
                {"numerator": 120, "denominator": 100},
                "Tử số (120) không được lớn hơn mẫu số (100).",
            ),
            ({"numerator": 5, "denominator": None}, "Nhập cả tử số và mẫu số."),
            ({"numerator": 0, "denominator": 0}, "Mẫu số phải lớn hơn 0."),
            ({"numerator": None, "denominator": None}, "Nhập tử số và mẫu số."),
        ],
    )
    def test_ratio_errors_block_submission(self, setup, values, message):
        setup.fill(values={setup.ratio.pk: values, setup.count.pk: {"value": 1}})
        with pytest.raises(ValidationError) as exc:
            setup.submit()
        assert exc.value.message_dict[f"value-{setup.ratio.pk}"] == [message]
        assert setup.fresh().status == WorkflowStatus.DRAFT

    def test_negative_count_and_missing_required_value_block_submission(self, setup):
        # A negative is refused when typed (reporting.figures); one saved before that rule
        # still stops the report at submission.
        setup.save(values={setup.count.pk: {"value": 1}})
        ReportValue.objects.filter(indicator=setup.count).update(value=-1)
        with pytest.raises(ValidationError) as exc:
            setup.submit()
        assert exc.value.message_dict[f"value-{setup.count.pk}"] == ["Số liệu không được âm."]
        assert f"value-{setup.ratio.pk}" in exc.value.message_dict
        assert f"task-{setup.task.pk}" in exc.value.message_dict

    def test_a_count_saved_with_a_fraction_before_the_rule_blocks_submission(self, setup):
        setup.fill()
        ReportValue.objects.filter(indicator=setup.count).update(value=Decimal("2.5"))
        with pytest.raises(ValidationError) as exc:
            setup.submit()
        assert exc.value.message_dict[f"value-{setup.count.pk}"] == [
            "Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,5."
        ]
        assert setup.fresh().status == WorkflowStatus.DRAFT

    def test_task_done_without_evidence_blocks_submission(self, setup):
        setup.fill(task_updates={setup.task.pk: {"status": "done", "progress": 100}})
        with pytest.raises(ValidationError) as exc:
            setup.submit()
        assert "minh chứng" in exc.value.message_dict[f"task-{setup.task.pk}"][0]
        setup.fill(
            task_updates={setup.task.pk: {"status": "done", "evidence_link": "https://x.vn/a"}}
        )
        assert setup.submit().status == WorkflowStatus.SUBMITTED

    def test_evidence_is_not_required_when_the_schedule_says_so(self, setup):
        setup.schedule.evidence_required_for_done = False
        setup.schedule.save()
        setup.fill(task_updates={setup.task.pk: {"status": "done"}})
        assert setup.submit().status == WorkflowStatus.SUBMITTED

    def test_a_bad_link_is_refused_next_to_the_task(self, setup):
        with pytest.raises(ValidationError) as exc:
            setup.fill(task_updates={setup.task.pk: {"status": "done", "evidence_link": "abc"}})
        assert "http" in exc.value.message_dict[f"task-{setup.task.pk}"][0]

    def _previous(self, setup, count=1, numerator=80, status=WorkflowStatus.ACCEPTED):
        start = previous_month(setup.period.start)
        previous = PeriodFactory(schedule=setup.schedule, start=start)
        old = Report.objects.create(unit=setup.report.unit, period=previous, status=status)
        old.values.create(indicator=setup.count, value=count)
        old.values.create(indicator=setup.ratio, numerator=numerator, denominator=100)
        return old

    def test_a_jump_against_last_period_needs_a_comment_then_is_allowed(self, setup):
        self._previous(setup, count=1)
        setup.fill()  # count 1 -> 3: +200 % beyond the 50 % band
        with pytest.raises(ValidationError) as exc:
            setup.submit()
        assert exc.value.message_dict == {
            f"value-{setup.count.pk}": [
                "Số liệu thay đổi hơn 50% so với kỳ trước (1); hãy giải trình."
            ]
        }
        setup.save(values={setup.count.pk: {"value": 3, "comment": "Có thêm 2 sáng kiến."}})
        assert setup.submit().status == WorkflowStatus.SUBMITTED

    def test_an_unsent_draft_of_last_month_is_not_last_months_figure(self, setup):
        self._previous(setup, count=1, status=WorkflowStatus.DRAFT)
        setup.fill()
        assert setup.submit().status == WorkflowStatus.SUBMITTED

    def test_the_band_is_configurable(self, setup):
        self._previous(setup, count=1)
        setup.schedule.jump_warning_percent = 250
        setup.schedule.save()
        setup.fill()
        assert setup.submit().status == WorkflowStatus.SUBMITTED

    def test_a_cumulative_ratio_that_goes_down_needs_a_comment(self, setup):
        setup.ratio.never_decreases = True
        setup.ratio.save()
        self._previous(setup, count=3, numerator=75)
        setup.fill()  # 75 % -> 70 %
        with pytest.raises(ValidationError) as exc:
            setup.submit()
        assert "giảm" in exc.value.message_dict[f"value-{setup.ratio.pk}"][0]

    def test_an_ordinary_ratio_may_go_down_within_the_band(self, setup):
        self._previous(setup, count=3, numerator=75)
        setup.fill()
        assert setup.submit().status == WorkflowStatus.SUBMITTED


class TestWorkflow:
    def test_full_cycle_with_a_return_records_every_step(self, setup):
        setup.fill()
        setup.submit(ip="10.0.0.1")
        setup.approve()
        report = setup.give_back(
            reason="Số hồ sơ chưa khớp với phần mềm một cửa.",
            notes={f"value-{setup.ratio.pk}": "Kiểm tra lại mẫu số."},
        )
        assert report.status == WorkflowStatus.RETURNED
        assert report.values.get(indicator=setup.ratio).return_note == "Kiểm tra lại mẫu số."
        assert report.return_reason == "Số hồ sơ chưa khớp với phần mềm một cửa."
        setup.fill(values={setup.ratio.pk: {"numerator": 70, "denominator": 90}})
        setup.submit()
        setup.approve()
        report = setup.accept()
        assert report.status == WorkflowStatus.ACCEPTED
        assert report.values.get(indicator=setup.ratio).return_note == ""
        steps = [
            (e.kind, e.to_status)
            for e in Event.objects.filter(report=report).exclude(kind=Event.Kind.SAVE)
        ]
        assert steps == [
            ("submit", "submitted"),
            ("approve", "approved"),
            ("return", "returned"),
            ("submit", "submitted"),
            ("approve", "approved"),
            ("accept", "accepted"),
        ]
        first = Event.objects.filter(report=report, kind="submit").first()
        assert first.ip_address == "10.0.0.1" and first.user == setup.user(Role.REPORTER)

    def test_accepted_report_is_locked(self, setup):
        setup.fill()
        setup.submit()
        setup.approve()
        setup.accept()
        with pytest.raises(services.ReportLocked):
            setup.fill(values={setup.count.pk: {"value": 99}})
        assert ReportValue.objects.get(indicator=setup.count).value == 3

    def test_accept_is_all_or_nothing(self, setup, monkeypatch):
        """A fault after the roll-ups are written leaves the report approved, the roll-ups
        empty and the task untouched."""
        setup.fill(
            task_updates={setup.task.pk: {"status": "done", "evidence_link": "https://a.vn"}}
        )
        setup.submit()
        setup.approve()

        def broken(report):
            raise RuntimeError("mất kết nối giữa chừng")

        monkeypatch.setattr(services.reports, "_sync_own_tasks", broken)
        with pytest.raises(RuntimeError):
            setup.accept()
        assert setup.fresh().status == WorkflowStatus.APPROVED
        assert not IndicatorRollup.objects.exists()
        assert not Event.objects.filter(kind="accept").exists()
        assert Task.objects.get(pk=setup.task.pk).status == "not_started"
        monkeypatch.undo()
        setup.accept()
        assert IndicatorRollup.objects.filter(unit=setup.report.unit).count() == 2
        assert Task.objects.get(pk=setup.task.pk).status == "done"

    def test_only_the_head_approves_and_only_the_coordinator_accepts(self, setup):
        setup.fill()
        setup.submit()
        for role in (Role.REPORTER, Role.COORDINATOR, Role.LEADER):
            with pytest.raises(PermissionDenied):
                services.report_approve(scope=setup.scope[role], user=None, report=setup.fresh())
        setup.approve()
        for role in (Role.REPORTER, Role.HEAD, Role.LEADER):
            with pytest.raises(PermissionDenied):
                services.report_accept(scope=setup.scope[role], user=None, report=setup.fresh())

    def test_the_head_of_another_commune_cannot_approve(self, setup, world):
        setup.fill()
        setup.submit()
        outsider = user_scope(user_with_role(world.other_commune, Role.HEAD))
        with pytest.raises(PermissionDenied):
            services.report_approve(scope=outsider, user=None, report=setup.fresh())

    def test_a_step_cannot_be_applied_twice(self, setup):
        setup.fill()
        setup.submit()
        setup.approve()
        with pytest.raises(services.ReportLocked):
            setup.approve()
        with pytest.raises(services.ReportLocked):
            setup.submit()

    def test_return_needs_a_reason(self, setup):
        setup.fill()
        setup.submit()
        with pytest.raises(ValidationError):
            setup.give_back(reason=" ", role=Role.HEAD)
        assert setup.fresh().status == WorkflowStatus.SUBMITTED

    def test_head_returns_a_submitted_report_but_not_an_approved_one(self, setup):
        setup.fill()
        setup.submit()
        setup.give_back(role=Role.HEAD)
        setup.submit()
        setup.approve()
        with pytest.raises(PermissionDenied):
            setup.give_back(role=Role.HEAD)

    def test_lateness_is_judged_on_the_first_submission(self, setup):
        setup.fill()
        report = setup.submit()
        expected = max(0, (timezone.localdate() - setup.period.due_date).days)
        assert report.days_late == expected
        Report.objects.filter(pk=report.pk).update(days_late=0)
        setup.give_back(role=Role.HEAD)
        assert setup.submit().days_late == 0

    def test_a_late_submission_counts_the_days_after_the_due_day(self, setup):
        Period.objects.filter(pk=setup.period.pk).update(
            due_date=timezone.localdate() - datetime.timedelta(days=6)
        )
        setup.fill()
        assert setup.submit().days_late == 6

    def test_reopening_an_accepted_report_takes_its_figures_out_of_the_rollups(self, setup):
        setup.fill()
        setup.submit()
        setup.approve()
        setup.accept()
        assert IndicatorRollup.objects.exists()
        with pytest.raises(ValidationError):
            services.report_reopen(
                scope=setup.scope[Role.COORDINATOR], user=None, report=setup.fresh(), reason=""
            )
        report = services.report_reopen(
            scope=setup.scope[Role.COORDINATOR],
            user=setup.user(Role.COORDINATOR),
            report=setup.fresh(),
            reason="Phần mềm một cửa cập nhật lại số hồ sơ.",
        )
        assert report.status == WorkflowStatus.RETURNED
        assert not IndicatorRollup.objects.exists()
        assert (
            setup.fill(values={setup.count.pk: {"value": 4}})
            .values.get(indicator=setup.count)
            .value
            == 4
        )


class TestPeriods:
    def test_monthly_periods_are_due_on_the_20th(self, setup):
        schedule = ScheduleFactory(plan=setup.schedule.plan)
        periods = periods_generate(schedule=schedule, year=2026)
        assert len(periods) == 12
        assert periods[10].due_date == datetime.date(2026, 11, 20)
        assert periods[10].label == "Tháng 11/2026"
        assert len(periods_generate(schedule=schedule, year=2026)) == 12  # idempotent

    @pytest.mark.parametrize(
        "frequency, count, index, label, due",
        [
            ("quarterly", 4, 3, "Quý IV/2026", datetime.date(2027, 1, 15)),
            ("half_yearly", 2, 0, "6 tháng đầu năm 2026", datetime.date(2026, 7, 15)),
            ("yearly", 1, 0, "Năm 2026", datetime.date(2027, 1, 15)),
        ],
    )
    def test_other_frequencies_with_a_due_day_in_the_next_month(
        self, setup, frequency, count, index, label, due
    ):
        schedule = ScheduleFactory(
            plan=setup.schedule.plan, frequency=frequency, due_day=15, due_month_offset=1
        )
        periods = periods_generate(schedule=schedule, year=2026)
        assert len(periods) == count
        assert (periods[index].label, periods[index].due_date) == (label, due)

    def test_due_day_31_falls_on_the_last_day_of_a_short_month(self, setup):
        schedule = ScheduleFactory(plan=setup.schedule.plan, due_day=31)
        assert periods_generate(schedule=schedule, year=2026)[1].due_date == datetime.date(
            2026, 2, 28
        )

    def test_one_off_period_for_the_midterm_review(self, setup):
        scope = setup.scope[Role.COORDINATOR]
        period = services.period_create_one_off(
            scope=scope,
            schedule=setup.schedule,
            code="SO-KET-2027",
            label="Sơ kết giai đoạn 2026-2027",
            start=datetime.date(2026, 5, 1),
            end=datetime.date(2027, 11, 30),
            due_date=datetime.date(2027, 12, 10),
        )
        assert period.schedule == setup.schedule
        with pytest.raises(ValidationError):
            services.period_create_one_off(
                scope=scope,
                schedule=setup.schedule,
                code="SO-KET-2027",
                label="Trùng",
                start=datetime.date(2026, 5, 1),
                end=datetime.date(2027, 11, 30),
                due_date=datetime.date(2027, 12, 10),
            )

    def test_closed_period_refuses_drafts_until_reopened_for_the_unit(self, setup, world):
        coordinator = setup.scope[Role.COORDINATOR]
        services.period_close(
            scope=coordinator, user=setup.user(Role.COORDINATOR), period=setup.period
        )
        with pytest.raises(services.ReportLocked):
            setup.fill()
        with pytest.raises(ValidationError):
            services.period_reopen_for_unit(
                scope=coordinator,
                user=setup.user(Role.COORDINATOR),
                period=setup.period,
                unit=setup.report.unit,
                reason="",
            )
        services.period_reopen_for_unit(
            scope=coordinator,
            user=setup.user(Role.COORDINATOR),
            period=setup.period,
            unit=setup.report.unit,
            reason="Mất điện ngày 20.",
        )
        assert setup.fill().completeness > 0

    def test_only_the_plan_issuers_coordinator_closes_periods(self, setup, world):
        for role in (Role.REPORTER, Role.HEAD):
            with pytest.raises(PermissionDenied):
                services.period_close(scope=setup.scope[role], user=None, period=setup.period)
        outsider = user_scope(user_with_role(world.other_commune, Role.COORDINATOR))
        with pytest.raises(PermissionDenied):
            services.period_close(scope=outsider, user=None, period=setup.period)


def test_two_accepts_in_one_transaction_failure_leave_nothing(setup):
    setup.fill()
    setup.submit()
    setup.approve()
    with pytest.raises(RuntimeError), transaction.atomic():
        setup.accept()
        raise RuntimeError("rollback")
    assert setup.fresh().status == WorkflowStatus.APPROVED
    assert not IndicatorRollup.objects.exists()


class TestWhoActs:
    """Issue #5: a reporter edits only the reports of their unit, a head approves only their
    unit, and the body a report is addressed to accepts it."""

    def test_a_head_of_the_province_does_not_approve_a_communes_report(self, setup, world):
        setup.fill()
        setup.submit()
        boss = user_with_role(world.province, Role.HEAD)
        with pytest.raises(PermissionDenied):
            services.report_approve(scope=user_scope(boss), user=boss, report=setup.fresh())

    def test_a_reporter_of_the_province_does_not_type_a_communes_figures(self, setup, world):
        clerk = user_with_role(world.province, Role.REPORTER)
        with pytest.raises(PermissionDenied):
            services.report_save_draft(
                scope=user_scope(clerk),
                user=clerk,
                report=setup.fresh(),
                expected_version=1,
                values={setup.count.pk: {"value": 999}},
            )

    def test_only_the_coordinator_of_the_addressee_accepts(self, world):
        from plans.tests.factories import PlanFactory
        from reporting.tests.factories import IndicatorFactory, ScheduleIndicatorFactory

        plan = PlanFactory(issuer=world.province)
        schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
        indicator = ScheduleIndicatorFactory(schedule=schedule, indicator=IndicatorFactory())
        period = PeriodFactory(schedule=schedule)
        people = {
            role: user_with_role(world.commune, role)
            for role in (Role.REPORTER, Role.HEAD, Role.COORDINATOR)
        }
        scopes = {role: user_scope(user) for role, user in people.items()}
        report = services.report_open(
            scope=scopes[Role.REPORTER], unit=world.commune, period=period
        )
        report = services.report_save_draft(
            scope=scopes[Role.REPORTER],
            user=None,
            report=report,
            expected_version=report.version,
            values={indicator.indicator_id: {"value": 5}},
        )
        services.report_submit(scope=scopes[Role.REPORTER], user=None, report=report)
        services.report_approve(scope=scopes[Role.HEAD], user=None, report=report)
        with pytest.raises(PermissionDenied):
            # The commune's own coordinator: the report goes up to the province.
            services.report_accept(scope=scopes[Role.COORDINATOR], user=None, report=report)
        province = user_scope(user_with_role(world.province, Role.COORDINATOR))
        assert services.report_accept(scope=province, user=None, report=report).status == (
            WorkflowStatus.ACCEPTED
        )


class TestTaskSync:
    def test_an_accept_moves_the_task_and_its_version_so_a_stale_form_is_refused(self, setup):
        from plans import services as plan_services

        opened = Task.objects.get(pk=setup.task.pk).version
        setup.fill(task_updates={setup.task.pk: {"status": "in_progress", "progress": 40}})
        setup.submit()
        setup.approve()
        setup.accept()
        task = Task.objects.get(pk=setup.task.pk)
        assert (task.status, task.progress) == ("in_progress", 40)
        assert task.history.first().progress == 40
        with pytest.raises(ConcurrentEditError):
            plan_services.task_update(
                scope=setup.scope[Role.COORDINATOR],
                task=task,
                data={"title": "Sửa tên"},
                expected_version=opened,
            )
        assert Task.objects.get(pk=setup.task.pk).progress == 40

    def test_a_late_report_of_an_earlier_month_does_not_undo_a_later_one(self, setup):
        setup.fill(task_updates={setup.task.pk: {"status": "in_progress", "progress": 80}})
        setup.submit()
        setup.approve()
        setup.accept()
        earlier = PeriodFactory(schedule=setup.schedule, start=previous_month(setup.period.start))
        old = services.report_open(
            scope=setup.scope[Role.REPORTER], unit=setup.report.unit, period=earlier
        )
        services.report_save_draft(
            scope=setup.scope[Role.REPORTER],
            user=None,
            report=old,
            expected_version=old.version,
            values={
                setup.ratio.pk: {"numerator": 1, "denominator": 2},
                setup.count.pk: {"value": 1},
            },
            task_updates={setup.task.pk: {"status": "in_progress", "progress": 20}},
        )
        for step, role in (
            (services.report_submit, Role.REPORTER),
            (services.report_approve, Role.HEAD),
            (services.report_accept, Role.COORDINATOR),
        ):
            step(scope=setup.scope[role], user=None, report=Report.objects.get(pk=old.pk))
        assert Task.objects.get(pk=setup.task.pk).progress == 80


def test_figures_of_an_indicator_no_longer_asked_leave_with_the_draft(setup):
    setup.fill()
    setup.schedule.items.filter(indicator=setup.count).delete()
    setup.submit()
    assert not ReportValue.objects.filter(indicator=setup.count).exists()


def test_a_due_day_brought_forward_never_makes_a_period_overdue_on_the_spot(setup):
    today = timezone.localdate()
    Period.objects.filter(pk=setup.period.pk).update(due_date=today + datetime.timedelta(days=2))
    schedule = setup.schedule
    services.schedule_update(
        scope=setup.scope[Role.COORDINATOR],
        schedule=schedule,
        data={"due_day": 1},
        expected_version=schedule.version,
        unit_types=list(schedule.unit_types.all()),
        items=[{"indicator": i.indicator} for i in schedule.items.all()],
        tasks=list(schedule.tasks.all()),
    )
    assert Period.objects.get(pk=setup.period.pk).due_date >= today


def test_deleting_evidence_moves_the_version(setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = setup.save(files={setup.task.pk: [SimpleUploadedFile("a.pdf", b"%PDF")]})
    evidence = report.task_updates.get().files.get()
    services.evidence_delete(
        scope=setup.scope[Role.REPORTER], user=setup.user(Role.REPORTER), evidence=evidence
    )
    assert setup.fresh().version == report.version + 1
    assert not report.task_updates.get().files.exists()


def test_a_schedules_lines_are_cached_until_the_schedule_changes(setup, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reporting import selectors

    settings.REPORTING_SCHEDULE_CACHE_SECONDS = 60
    selectors.schedules._LINES_CACHE.clear()
    schedule = setup.schedule
    first = selectors.schedule_items(schedule)
    with CaptureQueriesContext(connection) as queries:
        again = selectors.schedule_items(schedule)
    assert again is first and len(queries) == 0
    services.schedule_update(
        scope=setup.scope[Role.COORDINATOR],
        schedule=schedule,
        data={},
        expected_version=schedule.version,
        unit_types=list(schedule.unit_types.all()),
        items=[{"indicator": setup.ratio}],
        tasks=[],
    )
    assert [i.indicator_id for i in selectors.schedule_items(schedule)] == [setup.ratio.pk]
    selectors.schedules._LINES_CACHE.clear()


class TestTaskStatusAgreesWithProgress:
    def test_not_started_at_90_percent_is_refused_next_to_the_task_and_saves_nothing(self, setup):
        with pytest.raises(ValidationError) as exc:
            setup.fill(task_updates={setup.task.pk: {"status": "not_started", "progress": 90}})
        message = exc.value.message_dict[f"task-{setup.task.pk}"][0]
        assert "chưa thực hiện thì tiến độ là 0%" in message
        assert not TaskUpdate.objects.exists()

    def test_a_contradiction_cannot_be_stored_behind_the_services(self, setup):
        """The database refuses it (rows stored before the rule were repaired by the migration
        that added the check: test_task_progress_check), so the report goes as filled."""
        setup.fill()
        with pytest.raises(IntegrityError), transaction.atomic():
            TaskUpdate.objects.update(status="not_started", progress=90)
        assert setup.submit().status == "submitted"


class TestScheduleFromThePlansClause:
    """Seed 001 §IV: "trước ngày 20 hằng tháng"; a schedule made for the plan starts from it."""

    def test_a_schedule_left_without_frequency_and_due_day_follows_the_plan(self, world):
        from plans.tests.factories import PlanFactory

        plan = PlanFactory(
            issuer=world.commune, reporting_frequency="quarterly", reporting_due_day=15
        )
        schedule = services.schedule_create(
            scope=user_scope(user_with_role(world.commune, Role.COORDINATOR)),
            user=None,
            plan=plan,
            data={"name": "Báo cáo quý"},
            unit_types=[world.commune.unit_type],
        )
        assert (schedule.frequency, schedule.due_day) == ("quarterly", 15)

    def test_a_schedule_opened_in_november_gets_november_and_december_only(self, world):
        from plans.tests.factories import PlanFactory

        plan = PlanFactory(issuer=world.commune, reporting_frequency="monthly")
        schedule = services.schedule_create(
            scope=user_scope(user_with_role(world.commune, Role.COORDINATOR)),
            user=None,
            plan=plan,
            data={"name": "Báo cáo tháng", "due_day": 20},
            unit_types=[world.commune.unit_type],
            opened_on=datetime.date(2026, 11, 17),
        )
        periods = list(schedule.periods.order_by("start").values_list("code", "due_date"))
        assert periods == [
            ("2026-11", datetime.date(2026, 11, 20)),
            ("2026-12", datetime.date(2026, 12, 20)),
        ]

    def test_what_the_coordinator_chooses_wins_over_the_plan(self, world):
        from plans.tests.factories import PlanFactory

        plan = PlanFactory(
            issuer=world.commune, reporting_frequency="monthly", reporting_due_day=20
        )
        schedule = services.schedule_create(
            scope=user_scope(user_with_role(world.commune, Role.COORDINATOR)),
            user=None,
            plan=plan,
            data={"name": "Báo cáo năm", "frequency": "yearly", "due_day": 10},
            unit_types=[world.commune.unit_type],
        )
        assert (schedule.frequency, schedule.due_day) == ("yearly", 10)
