"""Dashboard exports: the tables to Excel, and the periodic narrative report to Word.

The Word report (báo cáo kết quả thực hiện) is the document a unit sends up each period; it is
prefilled from the same selectors as the dashboards and rendered from the office-editable
template `bao_cao_ket_qua.docx` (documents/README.md), for a person to read over and sign.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from core.formats import number_vi
from core.spreadsheets import header_row, set_value, title_line, workbook_bytes
from core.text import lower_first
from documents.contexts import (
    TargetRow,
    TaskRow,
    UnitNarrative,
    report_context,
    signature_block,
)
from documents.render import render_docx
from monitoring import selectors
from monitoring.status import Status


def _figure(value, unit: str = "") -> str:
    if value is None:
        return "—"
    suffix = "%" if unit == "%" else ""
    return f"{number_vi(value, 1)}{suffix}"


def _judged_unit(target) -> str:
    """The unit of a judged value: the indicator's, not the target's. "Giảm 10% thời gian giải
    quyết" is judged on days (18, not "18%"); a share is in % whatever the target's unit says."""
    indicator = target.indicator
    percent = indicator.reads_as_percent or (indicator.unit or "").strip() == "%"
    return "%" if percent else ""


def _planned(target) -> str:
    value = number_vi(target.value)
    if target.value_max is not None:
        value += f" – {number_vi(target.value_max)}"
    unit = "%" if target.unit == "%" else ""
    return f"{target.get_comparator_display()} {value}{unit}".strip()


def _sheet(book: Workbook, title: str, heading: str, headers: list[str], rows: list[list]):
    ws = book.create_sheet(title[:31])
    title_line(ws, 1, heading, size=13)
    header_row(ws, 3, headers)
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            set_value(cell, value)
            cell.alignment = Alignment(wrap_text=isinstance(value, str), vertical="top")
    for col in range(1, len(headers) + 1):
        longest = max([len(str(headers[col - 1]))] + [len(str(r[col - 1] or "")) for r in rows])
        ws.column_dimensions[get_column_letter(col)].width = min(60, max(10, longest + 2))
    ws.freeze_panes = "A4"
    return ws


def _number(value):
    return None if value is None else round(float(value), 2)


def _units_met(line) -> str | None:
    """A target for each unit reads as the overview shows it: "16/18 đơn vị đạt"."""
    if not line.target.applies_to_each_unit or line.units_met is None:
        return None
    return _("%(met)s/%(n)s đơn vị đạt") % {"met": line.units_met, "n": line.verdict.units_judged}


def _bytes(book: Workbook) -> bytes:
    del book[book.sheetnames[0]]
    return workbook_bytes(book)


def plan_workbook(*, overview, heat, task_groups) -> bytes:
    """Three sheets: the targets with their status, the heat map, the task board."""
    book = Workbook()
    when = overview.as_of.strftime("%d/%m/%Y")
    _sheet(
        book,
        _("Chỉ tiêu"),
        _("%(plan)s — %(unit)s — số liệu đến %(d)s")
        % {"plan": overview.plan.display_number, "unit": overview.unit.name, "d": when},
        [
            _("STT"),
            _("Chỉ tiêu"),
            _("Kế hoạch"),
            _("Hạn"),
            _("Thực hiện"),
            _("Theo lộ trình"),
            _("Dự báo đến hạn"),
            _("Đánh giá"),
            _("Đơn vị có số liệu"),
            _("Đơn vị phải báo cáo"),
        ],
        [
            [
                n,
                line.target.text,
                _planned(line.target),
                line.target.due_year,
                _units_met(line) or _number(line.verdict.current),
                _number(line.verdict.path),
                _number(line.verdict.projected),
                str(line.verdict.label),
                line.reporting_units,
                line.expected_units,
            ]
            for n, line in enumerate(overview.lines, start=1)
        ],
    )
    _sheet(
        book,
        _("Bản đồ nhiệt"),
        _("Đánh giá từng đơn vị theo từng chỉ tiêu (CT1, CT2… theo thứ tự của kế hoạch)"),
        [_("Đơn vị")] + [f"CT{n}" for n in range(1, len(heat.targets) + 1)],
        [
            [unit.name] + [str(v.label) if v is not None else "" for v in cells]
            for unit, cells in heat.rows
        ],
    )
    rows = []
    for lead, task_rows in task_groups:
        for row in task_rows:
            task = row.task
            rows.append(
                [
                    lead,
                    task.title,
                    task.person_in_charge.full_name if task.person_in_charge else "",
                    "; ".join(d.display for d in task.deadlines.all()),
                    task.deciding_authority,
                    _("Quá hạn") if row.is_overdue else str(row.status_label),
                    _number(row.progress),
                    row.done_count,
                    len(row.updates),
                ]
            )
    _sheet(
        book,
        _("Nhiệm vụ"),
        _("Tình hình thực hiện nhiệm vụ (quá hạn trước)"),
        [
            _("Đơn vị chủ trì"),
            _("Nhiệm vụ"),
            _("Người phụ trách"),
            _("Thời hạn"),
            _("Thẩm quyền quyết định"),
            _("Tình trạng"),
            _("Tiến độ bình quân (%)"),
            _("Số đơn vị hoàn thành"),
            _("Số đơn vị báo cáo"),
        ],
        rows,
    )
    return _bytes(book)


def target_workbook(detail) -> bytes:
    """The trend and the units below of one target."""
    book = Workbook()
    target = detail.target
    _sheet(
        book,
        _("Diễn biến"),
        f"{target.text} — {detail.unit.name}",
        [_("Kỳ"), _("Thực hiện"), _("Theo lộ trình")],
        [[row["period"], _number(row["value"]), _number(row["path"])] for row in detail.trend],
    )
    _sheet(
        book,
        _("Đơn vị"),
        _("Các đơn vị trực thuộc, xếp theo kết quả"),
        [_("Hạng"), _("Đơn vị"), _("Thực hiện"), _("Tỷ trọng đóng góp (%)"), _("Đánh giá")],
        [
            [n, row.unit.name, _number(row.value), _number(row.share), str(row.verdict.label)]
            for n, row in enumerate(detail.children, start=1)
        ],
    )
    _sheet(
        book,
        _("Chưa có số liệu"),
        _("Đơn vị phải báo cáo nhưng chưa có số liệu kỳ gần nhất"),
        [_("Mã"), _("Đơn vị")],
        [[unit.code, unit.name] for unit in detail.without_data],
    )
    return _bytes(book)


# --- The Word report ---------------------------------------------------------------------------


def _target_rows(overview) -> list[TargetRow]:
    return [
        {
            "no": str(n),
            "text": line.target.text,
            "plan_value": _planned(line.target),
            "current": _units_met(line) or _figure(line.verdict.current, _judged_unit(line.target)),
            "path_value": _figure(line.verdict.path, _judged_unit(line.target)),
            "status": str(line.verdict.label),
            "units_without_data": line.units_without_data
            if line.verdict.status != Status.NO_DATA
            else 0,
        }
        for n, line in enumerate(overview.lines, start=1)
    ]


def _task_rows(groups) -> list[TaskRow]:
    tasks = []
    for lead, rows in groups:
        for row in rows:
            task = row.task
            tasks.append(
                {
                    "no": str(len(tasks) + 1),
                    "title": task.title,
                    "lead": lead,
                    "person": task.person_in_charge.full_name if task.person_in_charge else "",
                    "authority": task.deciding_authority,
                    "deadline": "; ".join(d.display for d in task.deadlines.all()),
                    "status": str(_("Quá hạn")) if row.is_overdue else str(row.status_label),
                    "progress": _figure(row.progress, "%"),
                    "note": _("%(n)s/%(m)s đơn vị hoàn thành")
                    % {"n": row.done_count, "m": len(row.updates)}
                    if row.updates
                    else "",
                }
            )
    return tasks


def _narrative(report) -> UnitNarrative:
    submitted = report.submitted_at
    return {
        "name": report.unit.name,
        "status": str(report.get_status_display()),
        "submitted": timezone.localtime(submitted).strftime("%d/%m/%Y") if submitted else "",
        "results": report.results,
        "difficulties": report.difficulties,
        "proposals": report.proposals,
    }


def narrative_report(*, scope, plan, unit=None, as_of: datetime.date | None = None) -> bytes:
    """Báo cáo kết quả thực hiện of the unit looked from, for the period containing `as_of`:
    gathered by monitoring.selectors.narrative_data, worded by documents.contexts, rendered
    here."""
    data = selectors.narrative_data(scope=scope, plan=plan, unit=unit, as_of=as_of)
    unit, own = data.unit, data.own_report
    period_label = lower_first(data.period.label) if data.period else str(data.as_of.year)
    context = report_context(
        superior_body=data.parent.name if data.parent else "",
        issuing_body=unit.name,
        issuer_symbol=unit.short_name or "UBND",
        place=data.place,
        year=data.as_of.year,
        movement=plan.movement.name if plan.movement else plan.title,
        period_label=period_label,
        plan_citation=plan.citation,
        plan_issuer=plan.issuer.name,
        plan_subject=lower_first(plan.title),
        targets=_target_rows(data.overview),
        tasks=_task_rows(data.task_groups),
        units=[_narrative(report) for report in data.child_reports],
        own=_narrative(own) if own else None,
        signature=signature_block(
            collective=data.signs_collectively, name=data.head.full_name if data.head else ""
        ),
    )
    return render_docx("bao_cao_ket_qua.docx", context)
