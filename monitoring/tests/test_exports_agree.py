"""The files a person takes away say what the pages say (issue 10 §4): over random seeds of
accepted and unaccepted reports, the plan's Excel export, each target's Excel export and the Word
report (báo cáo kết quả thực hiện) state, for every target, the same value and the same status
as the dashboard (from the province) and each unit's page.

The pages are rendered and the files downloaded as a person gets them (the export jobs run as a
worker would), then opened again with openpyxl and python-docx. A page writes one decimal and
the Excel file two, so two numbers agree when they round alike; "—", an empty cell and "chưa có
số liệu" all say "no value", and are never a number.
"""

import datetime
import io
import random
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from core.formats import parse_number_vi
from monitoring.status import Status
from monitoring.tests.helpers import export, month_starts
from monitoring.tests.random_reports import (
    indicators_of_each_kind,
    months_reported,
    random_figure,
)
from org.models import Role
from org.tests.factories import OrgUnitFactory, UnitTypeFactory, user_with_role
from plans.models import Comparator
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.models import Report, ReportValue, WorkflowStatus
from reporting.rollups import rollup_rebuild
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db
FIRST_MONTH = datetime.date(2024, 1, 1)
MONTHS = 30  # January 2024 to June 2026
SEEDS = range(4)
LABELS = {str(label): code for code, label in Status.LABELS.items()}
TOLERANCE = Decimal("0.051")  # a page's one decimal against a file's two


SPECS = [
    ("count", Comparator.GTE, 12, "count", False, "Số hồ sơ"),
    ("count", Comparator.GTE, 1, "count", True, "Hằng năm, mỗi xã ít nhất 01 mô hình"),
    ("ratio", Comparator.GTE, 80, "%", False, "Tỷ lệ hồ sơ trực tuyến"),
    ("stock", Comparator.INCREASE, 20, "count", False, "Tăng số người được tập huấn"),
    ("stock", Comparator.GTE, 60, "count", False, "Số người được tập huấn"),
    ("rank", Comparator.TOP, 10, "", False, "Thuộc nhóm 10 dẫn đầu"),
    ("percent", Comparator.GTE, 85, "%", False, "Chỉ số hài lòng trên 85%"),
]


def _world(seed: int):
    """Four communes reporting monthly, some accepted, some only sent, some months skipped; the
    roll-ups rebuilt from the accepted reports as reporting does."""
    rng = random.Random(seed)
    province = OrgUnitFactory(unit_type=UnitTypeFactory(code="tinh", level=0), name="Tỉnh")
    xa = UnitTypeFactory(code="xa")
    units = [OrgUnitFactory(parent=province, unit_type=xa, name=f"Xã {n}") for n in range(4)]
    plan = PlanFactory(issuer=province)
    schedule = ScheduleFactory(plan=plan, unit_types=[xa])
    indicators = indicators_of_each_kind()
    for indicator in indicators.values():
        ScheduleIndicatorFactory(schedule=schedule, indicator=indicator)
    periods = [
        PeriodFactory(schedule=schedule, start=day) for day in month_starts(FIRST_MONTH, MONTHS)
    ]
    targets = [
        TargetFactory(
            plan=plan,
            order=order,
            indicator=indicators[key],
            comparator=comparator,
            value=value,
            unit=unit,
            due_year=rng.choice([2025, 2026, 2027, 2030]),
            applies_to_each_unit=each,
            text=text,
        )
        for order, (key, comparator, value, unit, each, text) in enumerate(SPECS)
    ]
    reports, values = [], []
    for unit in units:
        for month in months_reported(rng, MONTHS):
            period = periods[month]
            status = rng.choice([WorkflowStatus.ACCEPTED] * 4 + [WorkflowStatus.SUBMITTED])
            report = Report(unit=unit, period=period, status=status)
            reports.append(report)
            for key, indicator in indicators.items():
                if rng.random() >= 0.15:
                    values.append((report, indicator, random_figure(rng, key, month)))
    Report.objects.bulk_create(reports)
    ReportValue.objects.bulk_create(
        ReportValue(report=report, indicator=indicator, **fields)
        for report, indicator, fields in values
    )
    rollup_rebuild()
    as_of = rng.choice(
        [datetime.date(2025, 3, 25), datetime.date(2026, 1, 10), datetime.date(2026, 6, 30)]
    )
    return province, units, plan, targets, as_of


# --- What each place says: target id -> (value, status) -----------------------------------------


def _said(value) -> Decimal | str | None:
    """A shown value as a number, "met/n" for a count of units meeting it, or None."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = re.sub(r"<[^>]+>", "", str(value)).strip()
    if text in ("", "—", "chưa có số liệu"):
        return None
    counted = re.fullmatch(r"(\d+)/(\d+)(?: đơn vị đạt)?", text)
    if counted:
        return f"{counted[1]}/{counted[2]}"
    return parse_number_vi(text.removesuffix("%"))


def _agree(page, file) -> bool:
    if isinstance(page, Decimal) and isinstance(file, Decimal):
        return abs(page - file) <= TOLERANCE
    return page == file


def _page_rows(client, url, as_of, row: str, current: str) -> dict[int, tuple]:
    """target id -> (value, status) as a page's target rows (`row`) print them (`current`)."""
    html = client.get(url, {"as_of": as_of.isoformat()}).content.decode()
    return {
        int(pk): (
            _said(re.search(current, cells, re.S)[1]),
            re.search(r'data-status="(\w+)"', cells)[1],
        )
        for pk, cells in re.findall(row, html, re.S)
    }


def _dashboard(client, plan, as_of) -> dict[int, tuple]:
    url = reverse("monitoring:plan", args=[plan.pk])
    return _page_rows(
        client, url, as_of, r'<tr id="target-(\d+)">(.*?)</tr>', r"<strong>(.*?)</strong>"
    )


def _unit_page(client, unit, as_of) -> dict[int, tuple]:
    url = reverse("monitoring:unit", args=[unit.pk])
    return _page_rows(
        client,
        url,
        as_of,
        r'<tr data-target="(\d+)">(.*?)</tr>',
        r'data-testid="judged-value">(.*?)</td>',
    )


def _query(as_of, unit=None) -> str:
    return f"?as_of={as_of.isoformat()}" + (f"&unit={unit.pk}" if unit else "")


def _plan_excel(client, plan, targets, as_of, unit=None):
    """(target id -> (value, status) of the targets' sheet, the heat map's unit name -> target
    id -> status)."""
    book = load_workbook(
        io.BytesIO(export(client, "monitoring:plan_excel", plan.pk, _query(as_of, unit)).content)
    )
    by_text = {t.text: t.pk for t in targets}
    lines = {
        by_text[row[1]]: (_said(row[4]), LABELS[row[7]])
        for row in book["Chỉ tiêu"].iter_rows(min_row=4, values_only=True)
    }
    heat = {
        row[0]: {t.pk: LABELS.get(cell) for t, cell in zip(targets, row[1:], strict=True)}
        for row in book["Bản đồ nhiệt"].iter_rows(min_row=4, values_only=True)
    }
    return lines, heat


def _target_excel(client, target, as_of) -> dict[str, tuple]:
    """unit name -> (value, status) of the units' sheet."""
    book = load_workbook(
        io.BytesIO(export(client, "monitoring:target_excel", target.pk, _query(as_of)).content)
    )
    return {
        row[1]: (_said(row[2]), LABELS[row[4]])
        for row in book["Đơn vị"].iter_rows(min_row=4, values_only=True)
    }


def _word(client, plan, targets, as_of, unit=None) -> dict[int, tuple]:
    document = Document(
        io.BytesIO(export(client, "monitoring:plan_word", plan.pk, _query(as_of, unit)).content)
    )
    by_text = {t.text: t.pk for t in targets}
    for table in document.tables:
        header = [cell.text.strip() for cell in table.rows[0].cells]
        if "Chỉ tiêu" in header and "Thực hiện" in header and "Đánh giá" in header:
            text, current, status = (
                header.index("Chỉ tiêu"),
                header.index("Thực hiện"),
                header.index("Đánh giá"),
            )
            return {
                by_text[cells[text]]: (
                    _said(cells[current]),
                    # Under the status, the count of units without figures, on a line of its own.
                    LABELS[cells[status].splitlines()[0]],
                )
                for cells in ([c.text.strip() for c in row.cells] for row in table.rows[1:])
                if cells[text] in by_text
            }
    raise AssertionError("the Word report has no table of targets")


def disagreements(client, seed: int) -> list[str]:
    """Every (file, place, target) whose value or status differs from the page's."""
    province, units, plan, targets, as_of = _world(seed)
    client.force_login(user_with_role(province, Role.COORDINATOR))
    pages = {province.name: _dashboard(client, plan, as_of)}
    pages.update({unit.name: _unit_page(client, unit, as_of) for unit in units})
    assert all(len(page) == len(targets) for page in pages.values())
    files: dict[tuple[str, str], dict[int, tuple]] = {}
    heat = None
    for unit in [None, *units]:
        name = unit.name if unit else province.name
        files[("Excel kế hoạch", name)], heat_of = _plan_excel(client, plan, targets, as_of, unit)
        heat = heat or heat_of
        files[("Word", name)] = _word(client, plan, targets, as_of, unit)
    for unit in units:
        files[("Excel kế hoạch, bản đồ nhiệt", unit.name)] = {
            pk: (pages[unit.name][pk][0], status) for pk, status in heat[unit.name].items()
        }
    by_target = {target.pk: _target_excel(client, target, as_of) for target in targets}
    for unit in units:
        files[("Excel chỉ tiêu", unit.name)] = {
            pk: rows[unit.name] for pk, rows in by_target.items() if unit.name in rows
        }
    found = []
    for (file, place), said in files.items():
        page = pages[place]
        for target in targets:
            shown, told = page[target.pk], said.get(target.pk)
            if told is None or not _agree(shown[0], told[0]) or shown[1] != told[1]:
                found.append(
                    f"seed {seed}, {as_of}, {file} of {place}, {target.text}: "
                    f"page {shown}, file {told}"
                )
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_the_exported_files_say_what_the_pages_say(client, seed):
    found = disagreements(client, seed)
    assert not found, f"{len(found)} disagreements:\n" + "\n".join(found[:20])


def test_the_word_report_writes_a_judged_value_in_its_indicator_s_unit():
    """ "Giảm 10% thời gian giải quyết" is judged on days: the report writes 18, not "18%"; a
    share keeps its "%" whatever the target's unit says."""
    from types import SimpleNamespace

    from monitoring.exports import _target_rows
    from monitoring.status import Verdict

    days = IndicatorFactory(unit="ngày")
    share = RatioIndicatorFactory()
    plan = PlanFactory()
    lines = [
        SimpleNamespace(
            target=TargetFactory(
                plan=plan, indicator=indicator, comparator=comparator, unit=unit, text=text
            ),
            verdict=Verdict(Status.ON_TRACK, current=Decimal(18), path=Decimal("18.5")),
            units_met=None,
            units_without_data=0,
        )
        for indicator, comparator, unit, text in (
            (days, Comparator.DECREASE, "%", "Giảm 10% thời gian giải quyết"),
            (share, Comparator.GTE, "", "Tỷ lệ hồ sơ trực tuyến đạt 80"),
        )
    ]
    rows = _target_rows(SimpleNamespace(lines=lines))
    assert [(row["current"], row["path_value"]) for row in rows] == [
        ("18", "18,5"),
        ("18%", "18,5%"),
    ]


def test_a_target_without_figures_reads_no_data_on_the_dashboard_and_the_unit_page(client):
    """Nothing reported: "chưa có số liệu" where the value would be, never "—" or a number."""
    province, units, plan, targets, as_of = _world(0)
    Report.objects.all().delete()
    rollup_rebuild()
    client.force_login(user_with_role(province, Role.COORDINATOR))
    for page in (_dashboard(client, plan, as_of), _unit_page(client, units[0], as_of)):
        assert set(page.values()) == {(None, Status.NO_DATA)}
    html = client.get(
        reverse("monitoring:plan", args=[plan.pk]), {"as_of": as_of.isoformat()}
    ).content.decode()
    assert html.count("<strong>chưa có số liệu</strong>") == len(targets)
    for target in targets:  # the target page: its figure and each commune's row
        html = client.get(
            reverse("monitoring:target", args=[target.pk]), {"as_of": as_of.isoformat()}
        ).content.decode()
        current = html.split('data-testid="current">', 1)[1].split("</div>", 1)[0]
        assert "chưa có số liệu" in current and "—" not in current
        children = html.split('data-testid="children">', 1)[1].split("</table>", 1)[0]
        assert children.count("chưa có số liệu") == len(units) and "—" not in children
