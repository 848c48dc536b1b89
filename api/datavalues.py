"""A bulk exchange of figures in the style of DHIS2's data value sets (issue #18 §2).

A payload carries values keyed by codes — unit code, period code ("2026-11") and indicator code,
with the schedule's id when several schedules have a period of that code — and task updates keyed
by task id. Each (unit, period) becomes that unit's report of the period and is written by
`reporting.services.report_save_draft`, exactly as the report page writes it: a figure is checked
by `reporting.figures` (the page, Excel and the API refuse the same figure in the same words), a
locked report or a closed period is refused by `reporting.workflow`.

Unlike the page, one bad figure does not refuse the others: it becomes a conflict naming its
place in the payload and its Vietnamese reason, and the rest are imported. A dry run does all of
it inside a transaction that is rolled back, so its summary is the one a real import would give.
"""

from collections import defaultdict
from contextlib import nullcontext as _no_transaction
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from api.models import ApiToken
from api.tokens import read_scope, write_scope
from indicators.models import Indicator
from org.models import OrgUnit
from plans.models import Task
from reporting import figures, selectors
from reporting.models import Period, ReportValue, ScheduleIndicator, TaskUpdate
from reporting.services import report_open, report_save_draft

VALUE_FIELDS = ("value", "numerator", "denominator", "text", "comment")
TASK_FIELDS = ("status", "progress", "note", "evidence_link")
MAX_ITEMS = 200_000  # a province's month is about 97,000 values


@dataclass
class Conflict:
    where: str  # "dataValues[12]"
    object: str  # "lci-sl / 2026-11 / ty-le-ho-so-truc-tuyen"
    message: str


@dataclass
class ImportSummary:
    dry_run: bool
    imported: int = 0
    updated: int = 0
    ignored: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    reports: int = 0

    @property
    def status(self) -> str:
        if not self.conflicts:
            return "SUCCESS"
        return "WARNING" if self.imported or self.updated or self.ignored else "ERROR"


@dataclass
class _Item:
    where: str
    raw: dict
    unit: OrgUnit | None = None
    period: Period | None = None
    indicator: Indicator | None = None
    task: Task | None = None

    @property
    def label(self) -> str:
        thing = self.raw.get("indicator") or self.raw.get("task")
        return f"{self.raw.get('unit')} / {self.raw.get('period')} / {thing}"


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return "; ".join(m for messages in exc.message_dict.values() for m in messages)
        return "; ".join(exc.messages)
    return str(exc)


class _Resolver:
    """Codes to rows, in a handful of queries for the whole payload."""

    def __init__(self, token: ApiToken, values: list[dict], tasks: list[dict]):
        scope = read_scope(token)
        every = values + tasks
        codes = {str(r.get("unit") or "") for r in every}
        self.units = {u.code: u for u in scope.units().filter(code__in=codes)}
        indicator_codes = {str(r.get("indicator") or "") for r in values}
        self.indicators = {i.code: i for i in Indicator.objects.filter(code__in=indicator_codes)}
        task_ids = {r.get("task") for r in tasks if isinstance(r.get("task"), int)}
        self.tasks = {t.pk: t for t in Task.objects.filter(pk__in=task_ids)}
        period_codes = {str(r.get("period") or "") for r in every}
        periods = Period.objects.filter(code__in=period_codes).select_related("schedule__plan")
        self.periods: dict[str, list[Period]] = defaultdict(list)
        for period in periods:
            self.periods[period.code].append(period)
        schedule_ids = {p.schedule_id for ps in self.periods.values() for p in ps}
        self.schedule_indicators: dict[int, set[int]] = defaultdict(set)
        pairs = ScheduleIndicator.objects.filter(schedule_id__in=schedule_ids).values_list(
            "schedule_id", "indicator_id"
        )
        for schedule_id, indicator_id in pairs:
            self.schedule_indicators[schedule_id].add(indicator_id)
        self.schedule_plans = {
            p.schedule_id: p.schedule.plan_id for ps in self.periods.values() for p in ps
        }

    def period_for(self, raw: dict, *, indicator: Indicator | None, task: Task | None) -> Period:
        candidates = self.periods.get(str(raw.get("period") or ""), [])
        if raw.get("schedule") is not None:
            candidates = [p for p in candidates if p.schedule_id == raw.get("schedule")]
        if indicator is not None:
            candidates = [
                p for p in candidates if indicator.pk in self.schedule_indicators[p.schedule_id]
            ]
        if task is not None:
            candidates = [
                p for p in candidates if self.schedule_plans[p.schedule_id] == task.plan_id
            ]
        if not candidates:
            raise ValidationError(
                _("Không có kỳ báo cáo “%(period)s” nào hỏi mục này.")
                % {"period": raw.get("period")}
            )
        if len(candidates) > 1:
            raise ValidationError(
                _("Nhiều lịch báo cáo có kỳ “%(period)s”: hãy ghi rõ mã lịch (schedule: %(ids)s).")
                % {
                    "period": raw.get("period"),
                    "ids": ", ".join(str(p.schedule_id) for p in candidates),
                }
            )
        return candidates[0]

    def resolve(self, item: _Item, *, kind: str) -> None:
        raw = item.raw
        item.unit = self.units.get(str(raw.get("unit") or ""))
        if item.unit is None:
            raise ValidationError(
                _("Không có đơn vị mã “%(code)s” trong phạm vi của khóa.")
                % {"code": raw.get("unit")}
            )
        if kind == "value":
            item.indicator = self.indicators.get(str(raw.get("indicator") or ""))
            if item.indicator is None:
                raise ValidationError(
                    _("Không có chỉ số mã “%(code)s”.") % {"code": raw.get("indicator")}
                )
        else:
            item.task = self.tasks.get(raw.get("task"))
            if item.task is None:
                raise ValidationError(_("Không có nhiệm vụ số %(id)s.") % {"id": raw.get("task")})
        item.period = self.period_for(raw, indicator=item.indicator, task=item.task)


def _fields(raw: dict, names) -> dict:
    """The fields the payload gives, as the services take them (a number stays a number)."""
    return {name: raw[name] for name in names if name in raw and raw[name] is not None}


def _same(old, new) -> bool:
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        return old is not None and new is not None and Decimal(old) == Decimal(new)
    return old == new


def _write_report(token: ApiToken, unit: OrgUnit, period: Period, values, tasks, summary, ip):
    """One unit's report of one period: every figure checked alone, the good ones saved in one
    draft save. Conflicts are added to the summary; nothing is raised."""
    try:
        scope = write_scope(token, unit)
        report = report_open(scope=scope, unit=unit, period=period)
    except (PermissionDenied, ValidationError) as exc:
        for item in values + tasks:
            summary.conflicts.append(Conflict(item.where, item.label, _message(exc)))
        return
    sheet = selectors.report_sheet(report, with_previous=False)
    lines = {line.item.indicator_id: line for line in sheet.values}
    task_lines = {line.task.pk: line for line in sheet.tasks}
    good_values, good_tasks, counted = {}, {}, []
    for item in values:
        line = lines.get(item.indicator.pk)
        if line is None:
            summary.conflicts.append(
                Conflict(item.where, item.label, _("Chỉ số này không thuộc báo cáo của đơn vị."))
            )
            continue
        data = _fields(item.raw, VALUE_FIELDS)
        try:
            cleaned = figures.clean_value(item.indicator, data)
        except ValidationError as exc:
            summary.conflicts.append(Conflict(item.where, item.label, _message(exc)))
            continue
        row: ReportValue | None = line.row
        good_values[item.indicator.pk] = data
        counted.append((row, cleaned))
    for item in tasks:
        line = task_lines.get(item.task.pk)
        if line is None:
            summary.conflicts.append(
                Conflict(item.where, item.label, _("Nhiệm vụ này không thuộc báo cáo của đơn vị."))
            )
            continue
        data = _fields(item.raw, TASK_FIELDS)
        update: TaskUpdate | None = line.update
        try:
            cleaned = figures.clean_task_update(data, current=update)
        except ValidationError as exc:
            summary.conflicts.append(Conflict(item.where, item.label, _message(exc)))
            continue
        good_tasks[item.task.pk] = data
        counted.append((update, cleaned))
    if not good_values and not good_tasks:
        return
    try:
        with transaction.atomic():
            report_save_draft(
                scope=scope,
                user=token.user,
                report=report,
                expected_version=report.version,
                values=good_values,
                task_updates=good_tasks,
                ip=ip,
            )
    except (PermissionDenied, ValidationError) as exc:
        for item in values + tasks:
            summary.conflicts.append(Conflict(item.where, item.label, _message(exc)))
        return
    summary.reports += 1
    for row, cleaned in counted:
        if row is None or row.pk is None:
            summary.imported += 1
        elif all(_same(getattr(row, name), new) for name, new in cleaned.items()):
            summary.ignored += 1
        else:
            summary.updated += 1


def import_data_values(
    *, token: ApiToken, values: list[dict], tasks: list[dict], dry_run: bool, ip: str | None = None
) -> ImportSummary:
    """Write the payload's figures and task updates; a dry run writes nothing."""
    if not token.may_write:
        raise PermissionDenied(_("Khóa này chỉ được đọc."))
    if len(values) + len(tasks) > MAX_ITEMS:
        raise ValidationError(
            _("Mỗi lần gửi tối đa %(n)s mục; hãy chia nhỏ tệp.")
            % {"n": f"{MAX_ITEMS:,}".replace(",", ".")}
        )
    summary = ImportSummary(dry_run=dry_run)
    resolver = _Resolver(token, values, tasks)
    groups: dict[tuple[int, int], tuple[list[_Item], list[_Item]]] = defaultdict(lambda: ([], []))
    for kind, rows, name in (("value", values, "dataValues"), ("task", tasks, "taskUpdates")):
        for index, raw in enumerate(rows):
            item = _Item(where=f"{name}[{index}]", raw=raw)
            try:
                resolver.resolve(item, kind=kind)
            except ValidationError as exc:
                summary.conflicts.append(Conflict(item.where, item.label, _message(exc)))
                continue
            key = (item.unit.pk, item.period.pk)
            groups[key][0 if kind == "value" else 1].append(item)
    # A real import saves report by report (each save is atomic and locks only its report); a
    # dry run does the same inside one transaction that is then rolled back.
    with transaction.atomic() if dry_run else _no_transaction():
        for unit_values, unit_tasks in groups.values():
            first = (unit_values or unit_tasks)[0]
            _write_report(token, first.unit, first.period, unit_values, unit_tasks, summary, ip)
        if dry_run:
            transaction.set_rollback(True)
    return summary
