"""What a valid figure is: one rule (reporting.figures) refuses the same input, in the same
words, from the draft service, the web page and the Excel file."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from indicators.models import Indicator
from org.models import Role
from reporting.figures import clean_task_update, clean_value
from reporting.models import ReportValue, TaskUpdate
from reporting.tests.test_excel import export, refusal
from reporting.tests.test_views import login, page_post

NEGATIVE = "Số liệu không được âm."
NEGATIVE_RATIO = "Tử số và mẫu số không được âm."
FRACTION = "Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,5."
PROGRESS = "Tiến độ là một số nguyên từ 0 đến 100."
LINK = "Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://"
NOT_STARTED_AT_90 = "Nhiệm vụ chưa thực hiện thì tiến độ là 0%; đã làm thì chọn “Đang thực hiện”."

# (item, field, what the service is given, what the page posts, what the Excel cell holds, words)
CASES = {
    "negative count": ("count", "value", -1, "-1", -1, NEGATIVE),
    "negative denominator": ("ratio", "denominator", -3, "-3", -3, NEGATIVE_RATIO),
    "count with a fraction": ("count", "value", Decimal("2.5"), "2,5", 2.5, FRACTION),
    "progress above 100": ("task", "progress", 140, "140", 140, PROGRESS),
    "progress with a fraction": ("task", "progress", Decimal("40.5"), "40,5", 40.5, PROGRESS),
    "link to a local file": (
        "task",
        "evidence_link",
        "D:\\mc.pdf",
        "D:\\mc.pdf",
        "D:\\mc.pdf",
        LINK,
    ),
}


def _item(setup, name):
    return {"count": setup.count, "ratio": setup.ratio, "task": setup.task}[name]


def _key(setup, name):
    item = _item(setup, name)
    return f"task-{item.pk}" if name == "task" else f"value-{item.pk}"


def _service_data(setup, name, field, typed):
    if name == "task":
        data = {"status": "in_progress", "progress": 40, field: typed}
        return {"task_updates": {setup.task.pk: data}}
    data = {"numerator": 1, "denominator": 2} if name == "ratio" else {}
    return {"values": {_item(setup, name).pk: {**data, field: typed}}}


@pytest.mark.parametrize("case", CASES)
def test_the_draft_service_refuses(setup, case):
    name, field, typed, _posted, _cell, words = CASES[case]
    with pytest.raises(ValidationError) as exc:
        setup.save(**_service_data(setup, name, field, typed))
    assert exc.value.message_dict[_key(setup, name)] == [words]
    assert not ReportValue.objects.exists() and not TaskUpdate.objects.exists()


@pytest.mark.parametrize("case", CASES)
def test_the_web_page_refuses_in_the_same_words(client, setup, case):
    name, field, _typed, posted, _cell, words = CASES[case]
    login(client, setup, Role.REPORTER)
    prefix = f"t-{setup.task.pk}-" if name == "task" else f"v-{_item(setup, name).pk}-"
    response = client.post(
        reverse("reporting:detail", args=[setup.report.pk]),
        page_post(setup, **{prefix + field: posted}),
    )
    assert response.status_code == 400
    assert response.context["errors"][_key(setup, name)] == [words]
    # The refused field is not saved; the rest of the page is (services.report_save_valid).
    assert _stored(setup, name, field) in (None, 0, "")
    assert setup.fresh().results == "Kết quả tốt."


def _stored(setup, name, field):
    if name == "task":
        update = TaskUpdate.objects.filter(task=setup.task).first()
        return getattr(update, field) if update else None
    row = ReportValue.objects.filter(indicator=_item(setup, name)).first()
    return getattr(row, field) if row else None


@pytest.mark.parametrize("case", CASES)
def test_the_excel_file_refuses_in_the_same_words_at_the_cell(setup, case, tmp_path):
    name, field, _typed, _posted, cell, words = CASES[case]
    report_file = export(setup.report, tmp_path)
    cells = {}
    if name == "task":
        cells[report_file.cell(setup.task, "status")] = "Đang thực hiện"
        cells[report_file.cell(setup.task, "progress")] = 40
    cells[report_file.cell(_item(setup, name), field)] = cell
    report_file.fill(cells)
    address = report_file.cell(_item(setup, name), field)
    assert refusal(setup, report_file) == f"Trang 'Báo cáo', ô {address}: {words}"


def test_a_negative_draft_figure_typed_on_the_page_is_no_longer_saved(client, setup):
    """The web page used to keep a negative count in the draft that the Excel file refused."""
    login(client, setup, Role.REPORTER)
    client.post(
        reverse("reporting:detail", args=[setup.report.pk]),
        page_post(setup, **{f"v-{setup.count.pk}-value": "-5"}),
    )
    assert not ReportValue.objects.filter(indicator=setup.count).exists()


def test_status_and_progress_must_agree_in_every_channel(client, setup, tmp_path):
    data = {"status": "not_started", "progress": 90}
    with pytest.raises(ValidationError) as exc:
        setup.save(task_updates={setup.task.pk: data})
    assert exc.value.message_dict[f"task-{setup.task.pk}"] == [NOT_STARTED_AT_90]
    login(client, setup, Role.REPORTER)
    prefix = f"t-{setup.task.pk}-"
    response = client.post(
        reverse("reporting:detail", args=[setup.report.pk]),
        page_post(setup, **{prefix + "status": "not_started", prefix + "progress": "90"}),
    )
    assert response.context["errors"][f"task-{setup.task.pk}"] == [NOT_STARTED_AT_90]
    report_file = export(setup.report, tmp_path)
    progress = report_file.cell(setup.task, "progress")
    report_file.fill({report_file.cell(setup.task, "status"): "Chưa thực hiện", progress: 90})
    assert refusal(setup, report_file) == f"Trang 'Báo cáo', ô {progress}: {NOT_STARTED_AT_90}"


class TestTheRuleAlone:
    COUNT = Indicator(kind="count")
    YES_NO = Indicator(kind="boolean")
    RATIO = Indicator(kind="ratio")

    def test_a_figure_is_kept_to_four_decimals_and_blank_is_none(self):
        assert clean_value(Indicator(kind="amount"), {"value": "12.345678"}) == {
            "value": Decimal("12.3457")
        }
        assert clean_value(self.COUNT, {"value": ""}) == {"value": None}

    def test_a_field_the_indicator_does_not_take_is_dropped(self):
        assert clean_value(self.RATIO, {"value": 3, "numerator": 1}) == {"numerator": 1}

    def test_every_field_is_refused_at_once_keyed_by_the_field(self):
        with pytest.raises(ValidationError) as exc:
            clean_value(self.RATIO, {"numerator": -1, "denominator": "x"})
        assert set(exc.value.message_dict) == {"numerator", "denominator"}

    def test_yes_no_is_one_or_zero(self):
        assert clean_value(self.YES_NO, {"value": 1}) == {"value": 1}
        with pytest.raises(ValidationError):
            clean_value(self.YES_NO, {"value": 2})

    def test_a_huge_negative_is_named_negative_and_a_huge_number_too_large(self):
        with pytest.raises(ValidationError) as exc:
            clean_value(self.COUNT, {"value": Decimal("-1e24")})
        assert exc.value.messages == [NEGATIVE]
        with pytest.raises(ValidationError) as exc:
            clean_value(self.COUNT, {"value": Decimal("1e24")})
        assert exc.value.messages == ["Số quá lớn."]

    @pytest.mark.parametrize("typed", [40, "40", "40 %", 40.0, Decimal("40")])
    def test_progress_is_read_from_any_channels_form(self, typed):
        assert clean_task_update({"status": "in_progress", "progress": typed}) == {
            "status": "in_progress",
            "progress": 40,
        }

    def test_done_with_no_progress_means_100(self):
        assert clean_task_update({"status": "done", "progress": ""})["progress"] == 100

    def test_progress_alone_must_agree_with_the_saved_status(self):
        current = TaskUpdate(status="in_progress", progress=40)
        assert clean_task_update({"progress": 60}, current=current) == {"progress": 60}
        with pytest.raises(ValidationError):
            clean_task_update({"progress": 100}, current=current)
