"""The reporting pages as people use them: save, autosave, conflicts, refusals in place,
return notes, files, periods, the board, and the SQL each page costs."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from org.models import Role
from org.tests.factories import (
    EmulationBlockFactory,
    OrgUnitFactory,
    PersonFactory,
    put_in_block,
    user_with_role,
)
from plans.tests.factories import PlanFactory, TaskFactory
from registrations.models import Registration
from reporting.models import (
    Event,
    Evidence,
    Period,
    Report,
    ReportValue,
    Schedule,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db


def login(client, setup, role):
    client.force_login(setup.user(role))
    return client


def page_post(setup, **extra):
    """The report page's fields as a browser posts them."""
    ratio, count, task = setup.ratio.pk, setup.count.pk, setup.task.pk
    data = {
        "version": setup.fresh().version,
        f"v-{ratio}-numerator": "70,5",
        f"v-{ratio}-denominator": "1.000",
        f"v-{ratio}-comment": "",
        f"v-{count}-value": "3",
        f"v-{count}-comment": "",
        f"t-{task}-status": "in_progress",
        f"t-{task}-progress": "40",
        f"t-{task}-note": "Đã tập huấn 2 thôn",
        f"t-{task}-evidence_link": "",
        "results": "Kết quả tốt.",
        "difficulties": "",
        "proposals": "",
    }
    data.update(extra)
    return data


class TestReportPage:
    def test_the_page_saves_vietnamese_numbers(self, client, setup):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        response = client.post(url, page_post(setup))
        assert response.status_code == 302
        row = ReportValue.objects.get(indicator=setup.ratio)
        assert (row.numerator, row.denominator) == (70.5, 1000)
        page = client.get(url).content.decode()
        assert "70,5" in page and "1.000" in page and "7,1%" in page

    def test_text_in_a_number_is_refused_next_to_the_field_and_the_rest_is_saved(
        self, client, setup
    ):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        response = client.post(url, page_post(setup, **{f"v-{setup.count.pk}-value": "ba"}))
        assert response.status_code == 400
        page = response.content.decode()
        assert "“ba” không phải là số" in page
        assert 'value="ba"' in page and 'value="70,5"' in page  # nothing typed is lost
        bad = page.split(f'name="v-{setup.count.pk}-value"')[1].split(">")[0]
        assert f'aria-invalid="true" aria-describedby="error-value-{setup.count.pk}"' in bad
        assert f'id="error-value-{setup.count.pk}"' in page
        # Every other field is saved, and the page carries the version that save produced.
        row = ReportValue.objects.get(indicator=setup.ratio)
        assert (row.numerator, row.denominator) == (70.5, 1000)
        assert not ReportValue.objects.filter(indicator=setup.count).exists()
        assert setup.fresh().results == "Kết quả tốt."
        assert f'value="{setup.fresh().version}" id="report-version"' in page

    def test_every_refusal_of_a_save_is_shown_at_once(self, client, setup):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        data = page_post(
            setup,
            **{
                f"v-{setup.count.pk}-value": "abc",
                f"v-{setup.ratio.pk}-denominator": "-4",
                f"t-{setup.task.pk}-progress": "140",
            },
        )
        errors = client.post(url, data).context["errors"]
        assert set(errors) == {
            f"value-{setup.count.pk}",
            f"value-{setup.ratio.pk}",
            f"task-{setup.task.pk}",
        }
        assert ReportValue.objects.get(indicator=setup.ratio).numerator == Decimal("70.5")

    def test_a_count_of_two_and_a_half_is_refused_next_to_the_field_and_keeps_what_was_typed(
        self, client, setup
    ):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        response = client.post(url, page_post(setup, **{f"v-{setup.count.pk}-value": "2,5"}))
        assert response.status_code == 400
        page = response.content.decode()
        field_error = page.split(f'data-testid="error-value-{setup.count.pk}"')[1].split("</div>")[
            0
        ]
        assert "Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,5." in field_error
        assert 'value="2,5"' in page
        assert not ReportValue.objects.filter(indicator=setup.count).exists()

    def test_a_submit_with_a_refused_field_saves_the_rest_and_sends_nothing(self, client, setup):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        response = client.post(
            url, page_post(setup, submit="1", **{f"v-{setup.count.pk}-value": "-3"})
        )
        assert response.status_code == 400
        assert setup.fresh().status == WorkflowStatus.DRAFT
        assert ReportValue.objects.filter(indicator=setup.ratio).exists()

    def test_the_second_save_from_a_stale_page_is_refused_and_shows_what_was_typed(
        self, client, setup
    ):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        stale = page_post(setup)
        client.post(url, page_post(setup, **{f"v-{setup.count.pk}-value": "5"}))
        response = client.post(url, {**stale, f"v-{setup.count.pk}-value": "9"})
        assert response.status_code == 409
        page = response.content.decode()
        assert "vừa được người khác cập nhật" in page
        assert "Bạn vừa nhập (value): <strong>9</strong>" in page
        assert ReportValue.objects.get(indicator=setup.count).value == 5

    def test_submit_refusal_shows_each_message_beside_its_item(self, client, setup):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        data = page_post(
            setup,
            submit="1",
            **{f"v-{setup.ratio.pk}-numerator": "120", f"v-{setup.ratio.pk}-denominator": "100"},
        )
        response = client.post(url, data)
        assert response.status_code == 400
        page = response.content.decode()
        assert f'data-testid="error-value-{setup.ratio.pk}"' in page
        assert "Tử số (120) không được lớn hơn mẫu số (100)." in page
        assert setup.fresh().status == WorkflowStatus.DRAFT
        assert ReportValue.objects.get(indicator=setup.ratio).numerator == 120  # draft kept

    def test_submit_moves_the_report_to_the_head(self, client, setup):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        response = client.post(url, page_post(setup, submit="1"))
        assert response.status_code == 302
        assert setup.fresh().status == WorkflowStatus.SUBMITTED
        page = client.get(url).content.decode()
        assert 'name="v-' not in page  # no longer editable by the reporter

    def test_the_head_sees_approve_and_return_but_cannot_type(self, client, setup):
        setup.fill()
        setup.submit()
        login(client, setup, Role.HEAD)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert "Thủ trưởng duyệt" in page and "Trả lại" in page
        assert 'name="v-' not in page
        response = client.post(
            reverse("reporting:detail", args=[setup.report.pk]), page_post(setup)
        )
        assert response.status_code == 404

    def test_returned_report_shows_the_reason_and_each_note_beside_its_item(self, client, setup):
        setup.fill()
        setup.submit()
        setup.approve()
        login(client, setup, Role.COORDINATOR)
        response = client.post(
            reverse("reporting:return", args=[setup.report.pk]),
            {
                "version": setup.fresh().version,
                "reason": "Số hồ sơ chưa khớp.",
                f"note-value-{setup.ratio.pk}": "Mẫu số là 90.",
                f"note-task-{setup.task.pk}": "Thiếu minh chứng.",
            },
        )
        assert response.status_code == 302
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert "Số hồ sơ chưa khớp." in page
        ratio_row = page.split(f'data-testid="value-{setup.ratio.pk}"')[1].split("</tr>")[0]
        assert "Mẫu số là 90." in ratio_row
        task_box = page.split(f'data-testid="task-{setup.task.pk}"')[1]
        assert "Thiếu minh chứng." in task_box.split('data-testid="task-')[0]

    def test_return_without_reason_is_refused_in_place(self, client, setup):
        setup.fill()
        setup.submit()
        login(client, setup, Role.HEAD)
        response = client.post(
            reverse("reporting:return", args=[setup.report.pk]),
            {"reason": "", "version": setup.fresh().version},
        )
        assert response.status_code == 200
        assert "This field is required" in response.content.decode() or "bắt buộc" in (
            response.content.decode()
        )
        assert setup.fresh().status == WorkflowStatus.SUBMITTED

    def test_approve_accept_and_reopen_from_the_page(self, client, setup):
        setup.fill()
        setup.submit()
        login(client, setup, Role.HEAD)
        seen = {"version": setup.fresh().version}
        client.post(reverse("reporting:approve", args=[setup.report.pk]), seen)
        login(client, setup, Role.COORDINATOR)
        client.post(
            reverse("reporting:accept", args=[setup.report.pk]), {"version": seen["version"] + 1}
        )
        assert setup.fresh().status == WorkflowStatus.ACCEPTED
        seen = {"version": setup.fresh().version}
        client.post(reverse("reporting:reopen", args=[setup.report.pk]), {"reason": "", **seen})
        assert setup.fresh().status == WorkflowStatus.ACCEPTED
        client.post(
            reverse("reporting:reopen", args=[setup.report.pk]), {"reason": "Sai số.", **seen}
        )
        assert setup.fresh().status == WorkflowStatus.RETURNED

    def test_a_step_on_a_version_the_person_did_not_see_is_refused(self, client, setup):
        """#13 Low 10: the head opened version n; the reporter took it back, changed a figure
        and sent it again (n + 3). Approving from the old page changes nothing and says why;
        the same for accept, return and reopen, and for a form that names no version."""
        setup.fill()
        setup.submit()
        seen = setup.fresh().version
        setup.report.refresh_from_db()
        Report.objects.filter(pk=setup.report.pk).update(version=seen + 3)
        login(client, setup, Role.HEAD)
        for data in ({"version": seen}, {}):
            response = client.post(
                reverse("reporting:approve", args=[setup.report.pk]), data, follow=True
            )
            assert setup.fresh().status == WorkflowStatus.SUBMITTED
            assert "Báo cáo đã thay đổi sau khi bạn mở trang này" in response.content.decode()
        response = client.post(
            reverse("reporting:return", args=[setup.report.pk]),
            {"version": seen, "reason": "Sai số."},
        )
        assert response.status_code == 200 and setup.fresh().status == WorkflowStatus.SUBMITTED
        assert "Báo cáo đã thay đổi sau khi bạn mở trang này" in response.content.decode()
        client.post(reverse("reporting:approve", args=[setup.report.pk]), {"version": seen + 3})
        assert setup.fresh().status == WorkflowStatus.APPROVED
        login(client, setup, Role.COORDINATOR)
        client.post(reverse("reporting:accept", args=[setup.report.pk]), {"version": seen + 3})
        assert setup.fresh().status == WorkflowStatus.APPROVED
        client.post(reverse("reporting:accept", args=[setup.report.pk]), {"version": seen + 4})
        assert setup.fresh().status == WorkflowStatus.ACCEPTED
        client.post(
            reverse("reporting:reopen", args=[setup.report.pk]),
            {"version": seen + 4, "reason": "Sai số."},
        )
        assert setup.fresh().status == WorkflowStatus.ACCEPTED

    def test_evidence_files_are_uploaded_downloaded_and_checked(self, client, setup):
        login(client, setup, Role.REPORTER)
        url = reverse("reporting:detail", args=[setup.report.pk])
        data = page_post(setup)
        data[f"t-{setup.task.pk}-files"] = [SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 x")]
        assert client.post(url, data).status_code == 302
        evidence = Evidence.objects.get()
        download = client.get(reverse("reporting:evidence", args=[evidence.pk]))
        assert b"".join(download.streaming_content) == b"%PDF-1.4 x"
        bad = page_post(setup)
        bad[f"t-{setup.task.pk}-files"] = [SimpleUploadedFile("virus.exe", b"MZ")]
        response = client.post(url, bad)
        assert response.status_code == 400
        assert "chỉ nhận PDF" in response.content.decode()
        assert Evidence.objects.count() == 1

    def test_a_closed_period_shows_the_report_read_only(self, client, setup):
        Period.objects.filter(pk=setup.period.pk).update(is_closed=True)
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert "Kỳ đã khóa" in page and 'name="v-' not in page

    def test_the_excel_file_is_downloaded_and_a_wrong_upload_lists_its_cells(self, client, setup):
        login(client, setup, Role.REPORTER)
        response = client.get(reverse("reporting:excel", args=[setup.report.pk]))
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        workbook = load_workbook(io.BytesIO(response.content))
        sheet = workbook.worksheets[0]
        target = None
        for row in sheet.iter_rows():
            for cell in row:
                if cell.protection.locked is False and cell.data_type != "s":
                    target = target or cell
        target.value = "=1+1"
        buffer = io.BytesIO()
        workbook.save(buffer)
        upload = SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())
        response = client.post(
            reverse("reporting:excel_upload", args=[setup.report.pk]), {"file": upload}
        )
        assert response.status_code == 400
        assert f"ô {target.coordinate}" in response.content.decode()
        assert not ReportValue.objects.exists()

    def test_the_excel_file_to_fill_is_offered_to_the_reporter_of_an_open_draft(
        self, client, setup
    ):
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert 'data-testid="excel-download"' in page

    @pytest.mark.parametrize("role", [Role.HEAD, Role.COORDINATOR, Role.LEADER])
    def test_the_excel_file_to_fill_is_not_offered_to_those_who_do_not_fill_it(
        self, client, setup, role
    ):
        login(client, setup, role)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert 'data-testid="excel-download"' not in page
        assert "Tải tệp Excel để điền" not in page

    def test_the_excel_file_to_fill_is_not_offered_on_a_sent_report(self, client, setup):
        setup.fill()
        setup.submit()
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert setup.fresh().status == WorkflowStatus.SUBMITTED
        assert "Tải tệp Excel để điền" not in page

    def test_the_excel_file_to_fill_is_not_offered_in_a_closed_period(self, client, setup):
        Period.objects.filter(pk=setup.period.pk).update(is_closed=True)
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert "Tải tệp Excel để điền" not in page

    def test_the_excel_file_to_fill_is_offered_again_on_a_returned_report(self, client, setup):
        setup.fill()
        setup.submit()
        setup.give_back(role=Role.HEAD)
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert 'data-testid="excel-download"' in page


class TestAutosave:
    def url(self, setup):
        return reverse("reporting:autosave", args=[setup.report.pk])

    def test_autosave_answers_the_new_version_and_completeness(self, client, setup):
        login(client, setup, Role.REPORTER)
        response = client.post(self.url(setup), page_post(setup))
        answer = response.json()
        assert answer["ok"] and answer["version"] == 2 and answer["completeness"] == "100,0"

    def test_an_autosave_opens_no_savepoint_it_does_not_use(self, client, setup):
        """Each savepoint is a round trip on every autosave of every reporter (bench/README.md):
        the evidence caps, which only read, once opened two around nothing."""
        login(client, setup, Role.REPORTER)
        with CaptureQueriesContext(connection) as queries:
            assert client.post(self.url(setup), page_post(setup)).status_code == 200
        sql = [q["sql"].split()[0].upper() for q in queries]
        empty = [i for i in range(len(sql) - 1) if (sql[i], sql[i + 1]) == ("SAVEPOINT", "RELEASE")]
        assert not empty, [q["sql"] for q in queries]

    def test_a_stale_autosave_is_refused_with_409_and_keeps_the_first_figures(self, client, setup):
        login(client, setup, Role.REPORTER)
        stale = page_post(setup)
        client.post(self.url(setup), page_post(setup, **{f"v-{setup.count.pk}-value": "5"}))
        response = client.post(self.url(setup), {**stale, f"v-{setup.count.pk}-value": "9"})
        assert response.status_code == 409 and response.json()["conflict"]
        assert ReportValue.objects.get(indicator=setup.count).value == 5

    def test_a_bad_figure_answers_its_field_and_the_rest_is_saved(self, client, setup):
        login(client, setup, Role.REPORTER)
        task = setup.task.pk
        response = client.post(
            self.url(setup),
            page_post(setup, **{f"t-{task}-progress": "150", f"v-{setup.count.pk}-value": "abc"}),
        )
        assert response.status_code == 400
        answer = response.json()
        assert not answer["ok"]
        assert set(answer["errors"]) == {f"task-{task}", f"value-{setup.count.pk}"}
        # Status and progress stand or fall together: both inputs are named unsaved.
        assert answer["invalid"] == [
            f"t-{task}-progress",
            f"t-{task}-status",
            f"v-{setup.count.pk}-value",
        ]
        assert answer["version"] == setup.fresh().version == 2
        row = ReportValue.objects.get(indicator=setup.ratio)
        assert (row.numerator, row.denominator) == (Decimal("70.5"), 1000)
        update = TaskUpdate.objects.get(task=setup.task)
        assert (update.note, update.progress) == ("Đã tập huấn 2 thôn", 0)

    def test_an_autosave_of_a_submitted_report_is_refused_with_409_not_500(self, client, setup):
        # A submit that went through though its answer never came (a worker killed, issue #13
        # finding 14): the page's copy sends its figures again; a 500 would be retried forever.
        login(client, setup, Role.REPORTER)
        typed = page_post(setup, **{f"v-{setup.count.pk}-value": "9"})
        client.post(
            reverse("reporting:detail", args=[setup.report.pk]), page_post(setup, submit="1")
        )
        assert setup.fresh().status == WorkflowStatus.SUBMITTED
        response = client.post(self.url(setup), typed)
        assert response.status_code == 409
        answer = response.json()
        assert answer["locked"] and answer["conflict"] and not answer["ok"]
        assert "không sửa được" in answer["message"]
        page = client.post(reverse("reporting:detail", args=[setup.report.pk]), typed)
        assert page.status_code == 409 and "không sửa được" in page.content.decode()
        assert setup.fresh().status == WorkflowStatus.SUBMITTED

    def test_only_the_reporter_autosaves(self, client, setup):
        login(client, setup, Role.COORDINATOR)
        assert client.post(self.url(setup), page_post(setup)).status_code == 404


class TestQueryCounts:
    def _report_with(self, world, n_indicators, n_tasks):
        plan = PlanFactory(issuer=world.commune)
        schedule = ScheduleFactory(plan=plan)
        for index in range(n_indicators):
            factory = RatioIndicatorFactory if index % 2 else IndicatorFactory
            ScheduleIndicatorFactory(schedule=schedule, indicator=factory())
        for _ in range(n_tasks):
            schedule.tasks.add(TaskFactory(plan=plan))
        period = PeriodFactory(schedule=schedule)
        report = Report.objects.create(unit=world.commune, period=period)
        for item in schedule.items.all():
            report.values.create(indicator=item.indicator, value=1, numerator=1, denominator=2)
        for task in schedule.tasks.all():
            report.task_updates.create(task=task, status="in_progress", progress=10)
        return report

    def _count(self, client, url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def test_the_report_page_costs_the_same_with_3_or_40_indicators(self, client, world):
        client.force_login(user_with_role(world.commune, Role.REPORTER))
        small = self._report_with(world, 3, 2)
        large = self._report_with(world, 40, 25)
        few = self._count(client, reverse("reporting:detail", args=[small.pk]))
        many = self._count(client, reverse("reporting:detail", args=[large.pk]))
        assert few == many <= 30

    def test_the_board_of_100_units_and_12_periods_costs_a_few_queries(self, client, world):
        plan = PlanFactory(issuer=world.province)
        schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
        ScheduleIndicatorFactory(schedule=schedule)
        from reporting.periods import periods_generate

        periods = periods_generate(schedule=schedule, year=2026)
        block = EmulationBlockFactory(province=world.province)
        units = [world.commune, world.other_commune] + [
            OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type, block=block)
            for _ in range(98)
        ]
        Report.objects.bulk_create(
            Report(
                unit=unit,
                period=period,
                status=WorkflowStatus.ACCEPTED,
                submitted_at=timezone.now(),
                days_late=(unit.pk + period.pk) % 3,
            )
            for unit in units
            for period in periods
        )
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        url = reverse("reporting:board", args=[schedule.pk]) + "?year=2026"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        page = response.content.decode()
        assert page.count('data-state="accepted"') == 1200  # 100 units a page
        assert len(queries) <= 20
        units.extend(
            OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type)
            for _ in range(5)
        )
        second = client.get(url + "&page=2").content.decode()
        assert (
            "(105)" in second
            and second.count('data-state="not_due"') + second.count('data-state="missing"')
            == 5 * 12
        )
        excel = client.get(reverse("reporting:board_excel", args=[schedule.pk]) + "?year=2026")
        assert load_workbook(io.BytesIO(excel.content)).active.max_row >= 100


class TestBoard:
    def test_board_filters_by_the_block_units_are_in_today(self, client, setup, world):
        import datetime

        from django.utils import timezone

        from org.models import BlockMembership

        old, new = (EmulationBlockFactory(province=world.province) for _ in range(2))
        put_in_block(world.commune, old)
        # Moved into `new` from today: the old interval ends yesterday.
        today = timezone.localdate()
        BlockMembership.objects.filter(unit=world.commune).update(
            valid_to=today - datetime.timedelta(days=1)
        )
        BlockMembership.objects.create(unit=world.commune, block=new, valid_from=today)
        login(client, setup, Role.COORDINATOR)
        url = reverse("reporting:board", args=[setup.schedule.pk])
        assert world.commune.name in client.get(url, {"block": new.pk}).content.decode()
        assert "Không có đơn vị nào phù hợp." in client.get(url, {"block": old.pk}).content.decode()

    def test_board_filters_by_block_and_unit_type_and_shows_reminders(self, client, setup, world):
        from reporting.models import Reminder

        block = EmulationBlockFactory(province=world.province)
        put_in_block(world.commune, block)
        Reminder.objects.create(
            period=setup.period, unit=world.commune, kind="after", recipients=["a@b.vn"]
        )
        login(client, setup, Role.COORDINATOR)
        url = reverse("reporting:board", args=[setup.schedule.pk])
        page = client.get(url, {"block": block.pk}).content.decode()
        assert world.commune.name in page and 'data-testid="reminded"' in page
        assert "(quá hạn) gửi a@b.vn" in page  # who was reminded, and when
        other = EmulationBlockFactory(province=world.province)
        page = client.get(url, {"block": other.pk}).content.decode()
        assert "Không có đơn vị nào phù hợp." in page
        htmx = client.get(url, {"q": "thong nhat"}, headers={"HX-Request": "true"})
        assert "<html" not in htmx.content.decode() and world.commune.name in htmx.content.decode()

    def test_a_missing_report_after_the_due_day_is_missing_and_counts_days(self, setup, world):
        from org.scope import UserScope
        from reporting.selectors import period_board

        Report.objects.all().delete()
        board = period_board(
            scope=UserScope(user_id=None, is_superuser=True),
            schedule=setup.schedule,
            today=setup.period.due_date + datetime.timedelta(days=4),
        )
        cell = board.rows[0].cells[0]
        assert (cell.state, cell.days_late) == ("missing", 4)
        assert board.totals()[0]["missing"] == 1


class TestSchedules:
    def test_coordinator_sets_a_schedule_and_gets_this_years_periods(self, client, world):
        plan = PlanFactory(issuer=world.commune)
        task = TaskFactory(plan=plan)
        indicator = RatioIndicatorFactory()
        client.force_login(user_with_role(world.commune, Role.COORDINATOR))
        response = client.post(
            reverse("reporting:schedule_create") + f"?plan={plan.pk}",
            {
                "plan": plan.pk,
                "name": "Báo cáo tháng",
                "frequency": "monthly",
                "due_day": "20",
                "due_month_offset": "0",
                "jump_warning_percent": "50",
                "evidence_required_for_done": "on",
                "is_active": "on",
                "unit_types": [world.commune.unit_type.pk, world.village.unit_type.pk],
                "tasks": [task.pk],
                "item-TOTAL_FORMS": "3",
                "item-INITIAL_FORMS": "0",
                "item-0-indicator": indicator.pk,
                "item-0-required": "on",
                "item-0-unit_types": [world.village.unit_type.pk],
                "item-1-indicator": "",
                "item-2-indicator": "",
            },
        )
        schedule = Schedule.objects.get()
        assert response.status_code == 302
        # From this month on: the months before it are not turned into a backlog of lateness.
        today = timezone.localdate()
        assert schedule.periods.count() == 13 - today.month
        assert schedule.periods.order_by("start").first().start == today.replace(day=1)
        assert list(schedule.items.get().unit_types.all()) == [world.village.unit_type]
        assert list(schedule.tasks.all()) == [task]

    def test_a_new_schedule_form_starts_from_the_plans_reporting_clause(self, client, world):
        plan = PlanFactory(
            issuer=world.commune, reporting_frequency="monthly", reporting_due_day=18
        )
        client.force_login(user_with_role(world.commune, Role.COORDINATOR))
        page = client.get(reverse("reporting:schedule_create") + f"?plan={plan.pk}")
        form = page.context["form"]
        assert (form["frequency"].value(), form["due_day"].value()) == ("monthly", 18)
        assert 'value="18"' in page.content.decode()

    def test_a_bad_due_day_is_refused_next_to_the_field(self, client, world):
        plan = PlanFactory(issuer=world.commune)
        client.force_login(user_with_role(world.commune, Role.COORDINATOR))
        response = client.post(
            reverse("reporting:schedule_create") + f"?plan={plan.pk}",
            {
                "plan": plan.pk,
                "name": "Báo cáo",
                "frequency": "monthly",
                "due_day": "35",
                "due_month_offset": "0",
                "jump_warning_percent": "50",
                "unit_types": [world.commune.unit_type.pk],
                "item-TOTAL_FORMS": "0",
                "item-INITIAL_FORMS": "0",
            },
        )
        assert "Ngày hạn nộp phải từ 1 đến 31." in response.content.decode()
        assert not Schedule.objects.exists()

    def test_period_closed_and_reopened_for_one_unit_from_the_schedule_page(
        self, client, setup, world
    ):
        login(client, setup, Role.COORDINATOR)
        client.post(reverse("reporting:period_close", args=[setup.period.pk]))
        assert Period.objects.get(pk=setup.period.pk).is_closed
        client.post(
            reverse("reporting:period_reopen", args=[setup.schedule.pk]),
            {"period": setup.period.pk, "unit": world.commune.pk, "reason": "Mất điện."},
        )
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
        assert 'name="v-' in page
        schedule_page = client.get(reverse("reporting:schedule_detail", args=[setup.schedule.pk]))
        assert "Mất điện." in schedule_page.content.decode()


class TestHome:
    def test_home_lists_the_report_to_send_and_the_one_to_approve(self, client, setup):
        login(client, setup, Role.REPORTER)
        page = client.get(reverse("home")).content.decode()
        assert 'data-testid="home-reports-to-send"' in page and setup.period.label in page
        setup.fill()
        setup.submit()
        login(client, setup, Role.HEAD)
        page = client.get(reverse("home")).content.decode()
        assert "Chờ bạn duyệt, tiếp nhận" in page


def test_every_save_is_attributed(client, setup):
    login(client, setup, Role.REPORTER)
    client.post(
        reverse("reporting:detail", args=[setup.report.pk]),
        page_post(setup),
        REMOTE_ADDR="10.9.8.7",
    )
    event = Event.objects.get()
    assert (event.user, event.ip_address, event.kind) == (
        setup.user(Role.REPORTER),
        "10.9.8.7",
        "save",
    )


def test_a_task_without_a_chosen_status_does_not_stop_the_autosave(client, setup):
    """The reporter types the figures first; the task's status is still "—"."""
    login(client, setup, Role.REPORTER)
    task = setup.task.pk
    data = page_post(
        setup, **{f"t-{task}-status": "", f"t-{task}-progress": "", f"t-{task}-note": ""}
    )
    response = client.post(reverse("reporting:autosave", args=[setup.report.pk]), data)
    assert response.status_code == 200 and response.json()["ok"]
    assert ReportValue.objects.filter(report=setup.report).count() == 2
    assert not setup.report.task_updates.exists()


def test_a_link_never_creates_a_report_the_reporters_button_does(client, setup, world):
    Report.objects.all().delete()
    url = reverse("reporting:start", args=[world.commune.pk, setup.period.pk])
    login(client, setup, Role.COORDINATOR)
    page = client.get(url)
    assert "chưa bắt đầu báo cáo" in page.content.decode() and not Report.objects.exists()
    assert "Bắt đầu nhập báo cáo" not in page.content.decode()
    assert client.post(url).status_code == 404
    login(client, setup, Role.REPORTER)
    assert "Bắt đầu nhập báo cáo" in client.get(url).content.decode()
    assert not Report.objects.exists()
    response = client.post(url)
    assert response.status_code == 302 and Report.objects.count() == 1


def test_a_refused_return_keeps_the_notes_typed(client, setup):
    setup.fill()
    setup.submit()
    login(client, setup, Role.HEAD)
    response = client.post(
        reverse("reporting:return", args=[setup.report.pk]),
        {
            "reason": "",
            "version": setup.fresh().version,
            f"note-value-{setup.ratio.pk}": "Mẫu số là 90.",
        },
    )
    assert 'value="Mẫu số là 90."' in response.content.decode()


def test_what_people_typed_is_escaped_on_the_report_page(client, setup):
    setup.count.name = '<b>"Số"</b>'
    setup.count.save()
    setup.fill(values={setup.count.pk: {"value": 3, "comment": '"><script>alert(1)</script>'}})
    login(client, setup, Role.REPORTER)
    page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;&quot;Số&quot;&lt;/b&gt;" in page


def test_the_page_posts_back_the_fields_the_server_reads(client, setup):
    """The fields as rendered (ids in the tens of thousands here, conftest.py) are the ones the
    server parses: with Vietnamese thousands a task's field came out as "t-12.345-status" and
    its status was silently dropped."""
    from html.parser import HTMLParser

    class Fields(HTMLParser):
        def __init__(self):
            super().__init__()
            self.names = set()

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag in {"input", "select", "textarea"} and attrs.get("form") is None:
                if attrs.get("name") and attrs.get("type") not in {"file", "submit"}:
                    self.names.add(attrs["name"])

    login(client, setup, Role.REPORTER)
    url = reverse("reporting:detail", args=[setup.report.pk])
    fields = Fields()
    fields.feed(client.get(url).content.decode())
    assert setup.task.pk >= 10_000
    assert fields.names - {"csrfmiddlewaretoken"} == set(page_post(setup))


def test_a_reporter_reads_only_the_reports_of_the_unit_they_report_for(client, setup, world):
    """A reporter of the province is no reader of the communes' reports; its head is."""
    setup.fill()
    evidence = Evidence.objects.create(
        task_update=setup.fresh().task_updates.get(),
        file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4"),
        name="bien-ban.pdf",
    )
    registration = Registration.objects.create(
        plan=setup.schedule.plan, unit=world.commune, year=2026
    )
    pages = [
        reverse("reporting:detail", args=[setup.report.pk]),
        reverse("reporting:excel", args=[setup.report.pk]),
        reverse("reporting:start", args=[world.commune.pk, setup.period.pk]),
        reverse("reporting:evidence", args=[evidence.pk]),
        reverse("registrations:detail", args=[registration.pk]),
    ]
    client.force_login(user_with_role(world.province, Role.REPORTER, username="bc_tinh"))
    assert [client.get(url).status_code for url in pages] == [404] * len(pages)
    board = client.get(reverse("reporting:board", args=[setup.schedule.pk])).content.decode()
    assert "Không có đơn vị nào phù hợp." in board
    client.force_login(user_with_role(world.province, Role.HEAD, username="tt_tinh"))
    assert all(client.get(url).status_code in (200, 302) for url in pages)
    board = client.get(reverse("reporting:board", args=[setup.schedule.pk])).content.decode()
    assert world.commune.name in board.split('data-testid="board"')[1]


def test_the_report_shows_who_is_in_charge_of_a_task_and_who_decides(client, setup, world):
    """ "06 rõ" (seed 001 §I): the reporter sees whom the task's product answers to."""
    setup.task.person_in_charge = PersonFactory(unit=world.commune, full_name="Lò Văn Minh")
    setup.task.deciding_authority = "Chủ tịch UBND xã"
    setup.task.save()
    login(client, setup, Role.REPORTER)
    page = client.get(reverse("reporting:detail", args=[setup.report.pk])).content.decode()
    assert "Lò Văn Minh" in page.split('data-testid="task-person"')[1].split("</span>")[0]
    assert "Chủ tịch UBND xã" in page.split('data-testid="task-authority"')[1].split("</span>")[0]


def test_the_audit_log_records_the_client_behind_the_trusted_proxy(client, setup, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    login(client, setup, Role.REPORTER)
    client.post(
        reverse("reporting:detail", args=[setup.report.pk]),
        page_post(setup),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.5",
    )
    assert Event.objects.get().ip_address == "203.0.113.5"
