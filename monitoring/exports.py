"""Dashboard exports: the tables to Excel, and the periodic narrative report to Word.

The Word report (báo cáo kết quả thực hiện) is the document a unit sends up each period; it is
prefilled from the same selectors as the dashboards and rendered from the office-editable
template `bao_cao_ket_qua.docx` (documents/README.md), for a person to read over and sign.
"""

import datetime
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.formats import number_vi
from core.spreadsheets import set_value
from core.text import lower_first
from documents.layout import document_number, place_date, upper_vi
from documents.render import render_docx
from monitoring import selectors
from monitoring.status import Status
from org.models import OrgUnit, Person, Role
from reporting.models import Period, Report, WorkflowStatus
from reporting.selectors import reports_visible_q

HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")


def _figure(value, unit: str = "") -> str:
    if value is None:
        return "—"
    suffix = "%" if unit == "%" else ""
    return f"{number_vi(value, 1)}{suffix}"


def _planned(target) -> str:
    value = number_vi(target.value)
    if target.value_max is not None:
        value += f" – {number_vi(target.value_max)}"
    unit = "%" if target.unit == "%" else ""
    return f"{target.get_comparator_display()} {value}{unit}".strip()


def _sheet(book: Workbook, title: str, heading: str, headers: list[str], rows: list[list]):
    ws = book.create_sheet(title[:31])
    set_value(ws["A1"], heading)
    ws["A1"].font = Font(bold=True, size=13)
    for col, label in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=col)
        set_value(cell, label)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
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
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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

PLACE_PREFIXES = ("UBND tỉnh ", "UBND xã ", "UBND phường ", "Ủy ban nhân dân ")


def _place(unit: OrgUnit, plan) -> str:
    for prefix in PLACE_PREFIXES:
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    if plan.issuer_id == unit.pk and plan.place:
        return plan.place
    ancestors = OrgUnit.objects.filter(path__in=unit.ancestor_paths()).order_by("-depth")
    for ancestor in ancestors:
        for prefix in PLACE_PREFIXES:
            if ancestor.name.startswith(prefix):
                return ancestor.name[len(prefix) :]
    return "……"


def _period_of(plan, as_of: datetime.date) -> Period | None:
    """The period being reported on that day: the newest one begun by then."""
    return (
        Period.objects.filter(schedule__plan=plan, start__lte=as_of)
        .order_by("-start", "schedule_id")
        .first()
    )


def _signature(unit: OrgUnit) -> dict:
    head = (
        Person.objects.filter(
            user__role_assignments__unit=unit, user__role_assignments__role=Role.HEAD
        )
        .order_by("pk")
        .first()
    )
    collective = unit.unit_type.code in ("tinh", "xa")
    return {
        "authority": "TM. ỦY BAN NHÂN DÂN" if collective else "",
        "position": "CHỦ TỊCH" if collective else "THỦ TRƯỞNG ĐƠN VỊ",
        "name": head.full_name if head else "",
    }


def narrative_report(*, scope, plan, unit=None, as_of: datetime.date | None = None) -> bytes:
    """Báo cáo kết quả thực hiện of the unit looked from, for the period containing `as_of`."""
    as_of = as_of or timezone.localdate()
    overview = selectors.plan_overview(scope=scope, plan=plan, unit=unit, as_of=as_of)
    unit = overview.unit
    period = _period_of(plan, as_of)
    period_label = lower_first(period.label) if period else str(as_of.year)
    _unit_seen, groups = selectors.task_board(scope=scope, plan=plan, unit=unit)
    reports = []
    if period is not None:
        # Only what a head has answered for: the unit's own report and its direct children's.
        reports = list(
            Report.objects.filter(
                period=period,
                unit__path__startswith=unit.path,
                unit__depth__lte=unit.depth + 1,
                status__in=[WorkflowStatus.APPROVED, WorkflowStatus.ACCEPTED],
            )
            .filter(reports_visible_q(scope, "unit"))
            .select_related("unit")
            .order_by("unit__path")
        )
    own = next((r for r in reports if r.unit_id == unit.pk), None)
    parent = OrgUnit.objects.filter(path__in=unit.ancestor_paths()).order_by("-depth").first()
    movement = plan.movement.name if plan.movement else plan.title
    tasks = []
    for lead, rows in groups:
        for row in rows:
            deadlines = "; ".join(d.display for d in row.task.deadlines.all())
            tasks.append(
                {
                    "no": str(len(tasks) + 1),
                    "title": row.task.title,
                    "lead": lead,
                    "person": row.task.person_in_charge.full_name
                    if row.task.person_in_charge
                    else "",
                    "authority": row.task.deciding_authority,
                    "deadline": deadlines,
                    "status": str(_("Quá hạn")) if row.is_overdue else str(row.status_label),
                    "progress": _figure(row.progress, "%"),
                    "note": _("%(n)s/%(m)s đơn vị hoàn thành")
                    % {"n": row.done_count, "m": len(row.updates)}
                    if row.updates
                    else "",
                }
            )
    context = {
        "superior_body": upper_vi(parent.name) if parent else "",
        "issuing_body": upper_vi(unit.name),
        "number": document_number(None, "BC", unit.short_name or "UBND"),
        "place_date": place_date(_place(unit, plan), None, year=as_of.year),
        "title": _("Kết quả thực hiện Phong trào thi đua “%(m)s” %(p)s")
        % {"m": movement, "p": period_label},
        "intro": _(
            "Thực hiện %(doc)s của %(issuer)s về %(title)s, %(unit)s báo cáo kết quả thực "
            "hiện %(period)s như sau:"
        )
        % {
            "doc": plan.citation,
            "issuer": plan.issuer.name,
            "title": lower_first(plan.title),
            "unit": unit.name,
            "period": period_label,
        },
        "period_label": period_label,
        "targets": [
            {
                "no": str(n),
                "text": line.target.text,
                "plan_value": _planned(line.target),
                "current": _units_met(line) or _figure(line.verdict.current, line.target.unit),
                "path_value": _figure(line.verdict.path, line.target.unit),
                "status": str(line.verdict.label),
                "units_without_data": line.units_without_data
                if line.verdict.status != Status.NO_DATA
                else 0,
            }
            for n, line in enumerate(overview.lines, start=1)
        ],
        "tasks": tasks,
        "units": [
            {
                "name": report.unit.name,
                "status": str(report.get_status_display()),
                "submitted": timezone.localtime(report.submitted_at).strftime("%d/%m/%Y")
                if report.submitted_at
                else "",
                "results": report.results,
                "difficulties": report.difficulties,
                "proposals": report.proposals,
            }
            for report in reports
            if report.unit_id != unit.pk
        ],
        "results": own.results if own else "",
        "difficulties": own.difficulties if own else "",
        "proposals": own.proposals if own else "",
        "signature": _signature(unit),
        "recipients": [f"{parent.name} (b/c)"] if parent else [],
        "archive": "VT",
    }
    return render_docx("bao_cao_ket_qua.docx", context)
