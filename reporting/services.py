"""Writes of the reporting cycle. Views, commands, the Excel import and tests all call these.

The report workflow: draft → submitted (reporter) → approved (unit head) → accepted by the
coordinator, or returned with a reason at any step; an accepted report is locked and its figures
are final until a coordinator reopens it with a reason. Every step and every saved change is an
`Event` (who, when, from where, what changed).

The rules these writes obey live one hop away: who may take a step, `reporting.workflow`
(`ReportActions`, also asked by the page for its buttons); what a valid figure is,
`reporting.figures` (also called by the web form and the Excel reader); when a report is late,
`reporting.timeliness`.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import ConcurrentEditError, assign_fields, claim_version
from core.text import free_text
from org.models import OrgUnit, Role, UnitType
from org.scope import UserScope
from plans.models import Plan, Task, TaskStatus, task_status_of
from reporting import checks, figures, selectors
from reporting.models import (
    Event,
    Evidence,
    Period,
    PeriodReopening,
    Report,
    ReportValue,
    Schedule,
    ScheduleIndicator,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.periods import periods_generate
from reporting.timeliness import days_late
from reporting.workflow import (
    ReportActions,
    ReportLocked,
    forbidden,
    may_start_report,
    period_is_open_for,
)

__all__ = ["ReportLocked", "period_is_open_for"]  # re-exported: registrations and views use them

NARRATIVE_FIELDS = ("results", "difficulties", "proposals")
SCHEDULE_FIELDS = (
    "name",
    "frequency",
    "due_day",
    "due_month_offset",
    "evidence_required_for_done",
    "jump_warning_percent",
    "is_active",
)


def _require(allowed: bool) -> None:
    if not allowed:
        raise forbidden()


# --- Schedules and periods ---------------------------------------------------------------------


def _save_schedule_lines(
    schedule: Schedule,
    items: Iterable[dict],
    tasks: Iterable[Task],
    unit_types: Iterable[UnitType],
) -> None:
    schedule.unit_types.set(unit_types)
    schedule.tasks.set(tasks)
    kept = []
    for order, data in enumerate(items):
        item, _created = ScheduleIndicator.objects.update_or_create(
            schedule=schedule,
            indicator=data["indicator"],
            defaults={"required": data.get("required", True), "order": order},
        )
        item.unit_types.set(data.get("unit_types", ()))
        kept.append(item.pk)
    schedule.items.exclude(pk__in=kept).delete()


def _check_schedule_plan(scope: UserScope, plan: Plan) -> None:
    if plan.issuer is None or not scope.can_manage(plan.issuer):
        raise PermissionDenied(
            _("Chỉ cơ quan thường trực của đơn vị ban hành kế hoạch mới đặt lịch.")
        )


def schedule_defaults(plan: Plan) -> dict:
    """What a new schedule of `plan` starts from: the plan's own reporting clause (seed 001 §IV:
    "trước ngày 20 hằng tháng" -> monthly, due on the 20th)."""
    defaults = {}
    if plan.reporting_frequency:
        defaults["frequency"] = plan.reporting_frequency
    if plan.reporting_due_day:
        defaults["due_day"] = plan.reporting_due_day
    return defaults


@transaction.atomic
def schedule_create(
    *,
    scope: UserScope,
    user,
    plan: Plan,
    data: dict,
    unit_types: Iterable[UnitType],
    items: Iterable[dict] = (),
    tasks: Iterable[Task] = (),
    opened_on: datetime.date | None = None,
) -> Schedule:
    """Create a reporting schedule of a plan: frequency, due day, who reports what. What `data`
    leaves out follows the plan's reporting clause. Opened on a day, it gets that year's periods
    from that day's month on: the units can report at once, and a schedule set in November does
    not make them ten months late. (The demo lays out its own periods and passes no day.)"""
    _check_schedule_plan(scope, plan)
    schedule = Schedule(plan=plan, created_by=user)
    assign_fields(schedule, {**schedule_defaults(plan), **data}, SCHEDULE_FIELDS)
    schedule.full_clean(exclude=["created_by"])
    schedule.save()
    _save_schedule_lines(schedule, items, tasks, unit_types)
    if opened_on is not None:
        periods_generate(schedule=schedule, year=opened_on.year, starting=opened_on.replace(day=1))
    return schedule


@transaction.atomic
def schedule_update(
    *,
    scope: UserScope,
    schedule: Schedule,
    data: dict,
    expected_version: int,
    unit_types: Iterable[UnitType],
    items: Iterable[dict],
    tasks: Iterable[Task],
) -> Schedule:
    _check_schedule_plan(scope, schedule.plan)
    claim_version(schedule, expected_version)
    due_changed = assign_fields(schedule, data, SCHEDULE_FIELDS)
    schedule.full_clean(exclude=["created_by"])
    schedule.save()
    _save_schedule_lines(schedule, items, tasks, unit_types)
    if {"due_day", "due_month_offset"} & set(due_changed):
        # Periods not yet due follow the new rule; past ones keep the deadline people had, and
        # a day brought forward never makes a period overdue on the spot.
        today = timezone.localdate()
        for period in schedule.periods.filter(due_date__gte=today):
            due = schedule.due_date_for(period.end)
            if due >= today and due != period.due_date:
                period.due_date = due
                period.save(update_fields=["due_date"])
    return schedule


@transaction.atomic
def period_create_one_off(
    *,
    scope: UserScope,
    schedule: Schedule,
    code: str,
    label: str,
    start: datetime.date,
    end: datetime.date,
    due_date: datetime.date,
) -> Period:
    """A sơ kết or tổng kết period (seed 004 §IV: sơ kết 12/2027, tổng kết quý IV/2030)."""
    _check_schedule_plan(scope, schedule.plan)
    if schedule.periods.filter(code=code).exists():
        raise ValidationError({"code": _("Mã kỳ này đã có trong lịch báo cáo.")})
    period = Period(
        schedule=schedule, code=code, label=label, start=start, end=end, due_date=due_date
    )
    period.full_clean()
    if due_date < start:
        raise ValidationError({"due_date": _("Hạn nộp phải sau ngày bắt đầu kỳ.")})
    period.save()
    return period


@transaction.atomic
def period_close(*, scope: UserScope, user, period: Period) -> Period:
    """Lock a period: reporters can no longer save or submit; reopenings for units lapse."""
    _check_schedule_plan(scope, period.schedule.plan)
    period.is_closed = True
    period.closed_at = timezone.now()
    period.closed_by = user
    period.save(update_fields=["is_closed", "closed_at", "closed_by"])
    PeriodReopening.objects.filter(period=period, is_active=True).update(is_active=False)
    return period


@transaction.atomic
def period_open(*, scope: UserScope, period: Period) -> Period:
    _check_schedule_plan(scope, period.schedule.plan)
    period.is_closed = False
    period.save(update_fields=["is_closed"])
    return period


@transaction.atomic
def period_reopen_for_unit(
    *,
    scope: UserScope,
    user,
    period: Period,
    unit: OrgUnit,
    reason: str,
    until: datetime.date | None = None,
) -> PeriodReopening:
    """Open a closed period again for one unit only, with the reason."""
    _check_schedule_plan(scope, period.schedule.plan)
    _require(scope.covers(unit, [Role.COORDINATOR]))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Ghi rõ lý do mở lại kỳ báo cáo cho đơn vị.")})
    if not period.is_closed:
        raise ValidationError({"reason": _("Kỳ báo cáo đang mở, không cần mở lại.")})
    if until is not None and until < timezone.localdate():
        raise ValidationError({"until": _("Ngày mở đến phải từ hôm nay trở đi.")})
    free_text(reason, key="reason")
    return PeriodReopening.objects.create(
        period=period, unit=unit, reason=reason.strip(), until=until, created_by=user
    )


# --- Opening a report --------------------------------------------------------------------------


def report_open(*, scope: UserScope, unit: OrgUnit, period: Period) -> Report:
    """The unit's report of the period, created as an empty draft the first time its reporter
    opens it."""
    _require(may_start_report(scope, unit))
    if not selectors.reporting_units(period.schedule).filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị này không thuộc diện báo cáo theo lịch này."))
    if period.start > timezone.localdate():
        raise ValidationError(_("Kỳ báo cáo chưa bắt đầu."))
    report, _created = Report.objects.get_or_create(unit=unit, period=period)
    return report


# --- Saving a draft ----------------------------------------------------------------------------


def _apply(target, cleaned: dict, text_fields=()) -> dict:
    """Copy the cleaned fields onto `target` (a ReportValue or TaskUpdate); return
    {field: [old, new]} of what changed."""
    changed = {}
    for name, new in cleaned.items():
        old = getattr(target, name)
        if old != new:
            if isinstance(target, ReportValue) and name not in text_fields:
                changed[name] = [_json(old), _json(new)]
            else:
                changed[name] = [old, new]
            setattr(target, name, new)
    return changed


def _json(value):
    return None if value is None else str(value)


@dataclass
class DraftSave:
    """What `report_save_valid` did: the report as saved, and what it refused — the messages by
    item ("value-12", "task-3", "results") and, by item, the fields refused ("numerator",
    "progress"), so that a page marks the very inputs."""

    report: Report
    errors: dict[str, list[str]] = field(default_factory=dict)
    fields: dict[str, list[str]] = field(default_factory=dict)

    def refuse(self, key: str, messages: list[str], fields: Iterable[str] = ()) -> None:
        self.errors.setdefault(key, []).extend(str(m) for m in messages)
        self.fields.setdefault(key, []).extend(fields)


@transaction.atomic
def report_save_draft(
    *,
    scope: UserScope,
    user,
    report: Report,
    expected_version: int,
    values: dict[int, dict] | None = None,
    task_updates: dict[int, dict] | None = None,
    narrative: dict[str, str] | None = None,
    files: dict[int, list] | None = None,
    ip: str | None = None,
    kind: str = Event.Kind.SAVE,
) -> Report:
    """Save what was given, complete or not (a draft may be partial), all or nothing: one
    malformed figure refuses the whole save with a message keyed by its item — the rule of an
    Excel file, which is taken whole or not at all. A stale `expected_version` is refused so
    that a second browser never overwrites the first."""
    return _save_draft(
        scope=scope,
        user=user,
        report=report,
        expected_version=expected_version,
        values=values,
        task_updates=task_updates,
        narrative=narrative,
        files=files,
        ip=ip,
        kind=kind,
        partial=False,
    ).report


@transaction.atomic
def report_save_valid(
    *,
    scope: UserScope,
    user,
    report: Report,
    expected_version: int,
    values: dict[int, dict] | None = None,
    task_updates: dict[int, dict] | None = None,
    narrative: dict[str, str] | None = None,
    files: dict[int, list] | None = None,
    ip: str | None = None,
) -> DraftSave:
    """Save every valid field of what the reporter typed on the page and refuse the others,
    each with its message: a bad figure never blocks the rest of a report typed on a phone,
    and every refusal is known after one save. Status and progress of a task stand or fall
    together (figures.clean_task_update_fields). A stale `expected_version` still refuses
    everything (ConcurrentEditError)."""
    return _save_draft(
        scope=scope,
        user=user,
        report=report,
        expected_version=expected_version,
        values=values,
        task_updates=task_updates,
        narrative=narrative,
        files=files,
        ip=ip,
        kind=Event.Kind.SAVE,
        partial=True,
    )


def _save_draft(
    *,
    scope: UserScope,
    user,
    report: Report,
    expected_version: int,
    values: dict[int, dict] | None,
    task_updates: dict[int, dict] | None,
    narrative: dict[str, str] | None,
    files: dict[int, list] | None,
    ip: str | None,
    kind: str,
    partial: bool,
) -> DraftSave:
    """The save of both: with `partial` off, any refusal raises before anything is written."""
    report = _lock(report)
    ReportActions(scope, report).require("edit")
    if expected_version != report.version:
        raise ConcurrentEditError()
    sheet = selectors.report_sheet(report, with_previous=False)
    lines = {line.item.indicator_id: line for line in sheet.values}
    task_lines = {line.task.pk: line for line in sheet.tasks}
    changes: dict[str, dict] = {}
    result = DraftSave(report)

    new_values, dirty_values = [], []
    for indicator_id, data in (values or {}).items():
        line = lines.get(int(indicator_id))
        key = f"value-{indicator_id}"
        if line is None:
            result.refuse(key, [_("Chỉ số này không thuộc báo cáo của đơn vị.")])
            continue
        row = line.row or ReportValue(report=report, indicator=line.indicator)
        cleaned, refused = figures.clean_value_fields(line.indicator, data)
        if refused:
            result.refuse(key, [m for msgs in refused.values() for m in msgs], refused)
            if not partial:
                continue
        changed = _apply(row, cleaned, figures.TEXT_FIELDS)
        if changed:
            changes[key] = changed
            (dirty_values if row.pk else new_values).append(row)
            line.row = row

    new_updates, dirty_updates = [], []
    for task_id, data in (task_updates or {}).items():
        line = task_lines.get(int(task_id))
        key = f"task-{task_id}"
        if line is None:
            result.refuse(key, [_("Nhiệm vụ này không thuộc báo cáo của đơn vị.")])
            continue
        update = line.update or TaskUpdate(report=report, task=line.task)
        cleaned, refused = figures.clean_task_update_fields(data, current=update)
        if refused:
            result.refuse(key, [m for msgs in refused.values() for m in msgs], refused)
            if not partial:
                continue
        changed = _apply(update, cleaned)
        if update.pk is None and cleaned.get("status") and "status" not in changed:
            # "Chưa thực hiện" chosen on purpose is an update, though it is the default.
            changed["status"] = [None, update.status]
        if changed or (update.pk is None and files and int(task_id) in files):
            changes[key] = changed
            (dirty_updates if update.pk else new_updates).append(update)
            line.update = update

    new_narrative = {}
    for name in NARRATIVE_FIELDS:
        if narrative and name in narrative:
            try:
                new_narrative[name] = free_text(narrative[name], key=name)
            except ValidationError as exc:
                result.refuse(name, exc.messages, [name])
    if result.errors and not partial:
        raise ValidationError(result.errors)

    ReportValue.objects.bulk_create(new_values)
    ReportValue.objects.bulk_update(
        dirty_values, ["value", "numerator", "denominator", "text", "comment"]
    )
    for update in new_updates:
        update.save()
    TaskUpdate.objects.bulk_update(dirty_updates, ["status", "progress", "evidence_link", "note"])
    _save_files(
        report=report,
        user=user,
        task_lines=task_lines,
        files=files or {},
        changes=changes,
        result=result,
        partial=partial,
    )

    for name, new in new_narrative.items():
        if getattr(report, name) != new:
            changes[name] = {"text": [getattr(report, name), new]}
            setattr(report, name, new)
    if not changes:
        # Nothing new: the version stays, so other open pages and downloaded files stay valid.
        return result
    report.completeness = checks.completeness(sheet)
    report.updated_by = user
    report.version += 1
    report.save()
    _record(report, user, kind, ip=ip, changes=changes)
    result.report = report
    return result


def _save_files(*, report, user, task_lines, files, changes, result, partial) -> None:
    """The evidence files of the save, within the caps. Past a cap, a partial save keeps the
    figures and names the refusal; an all-or-nothing save raises."""
    unknown = [task_id for task_id in files if int(task_id) not in task_lines]
    for task_id in unknown:
        message = _("Nhiệm vụ này không thuộc báo cáo.")
        if not partial:
            raise ValidationError({f"task-{task_id}": message})
        result.refuse(f"task-{task_id}", [message], ["files"])
    files = {task_id: uploaded for task_id, uploaded in files.items() if task_id not in unknown}
    try:
        evidence_check_caps(report=report, files=files)
    except ValidationError as exc:
        if not partial:
            raise
        for key, messages in exc.message_dict.items():
            result.refuse(key, messages, ["files"])
        return
    for task_id, uploaded in files.items():
        line = task_lines[int(task_id)]
        if line.update is None or line.update.pk is None:
            line.update = TaskUpdate.objects.create(report=report, task=line.task)
        update = line.update
        for upload in uploaded:
            Evidence.objects.create(
                task_update=update,
                file=upload,
                name=upload.name[:255],
                size=upload.size,
                uploaded_by=user,
            )
            changes.setdefault(f"task-{task_id}", {}).setdefault("files", []).append(upload.name)


@transaction.atomic
def evidence_check_caps(*, report: Report, files: dict) -> None:
    """Refuse new evidence files beyond the caps of settings: per task of the report, per
    report, and bytes in total per unit."""
    if not files:
        return
    on_report = Evidence.objects.filter(task_update__report=report)
    per_task = dict(
        on_report.values("task_update__task_id")
        .annotate(n=Count("pk"))
        .values_list("task_update__task_id", "n")
    )
    errors = {}
    for task_id, uploaded in files.items():
        limit = settings.EVIDENCE_MAX_FILES_PER_TASK
        if per_task.get(int(task_id), 0) + len(uploaded) > limit:
            errors[f"task-{task_id}"] = [
                _("Mỗi nhiệm vụ có tối đa %(n)s tệp minh chứng trong một báo cáo.") % {"n": limit}
            ]
    new_count = sum(len(uploaded) for uploaded in files.values())
    limit = settings.EVIDENCE_MAX_FILES_PER_REPORT
    if on_report.count() + new_count > limit:
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("Một báo cáo có tối đa %(n)s tệp minh chứng.") % {"n": limit}
        )
    used = (
        Evidence.objects.filter(task_update__report__unit=report.unit).aggregate(s=Sum("size"))["s"]
        or 0
    )
    new_bytes = sum(upload.size for uploaded in files.values() for upload in uploaded)
    if used + new_bytes > settings.EVIDENCE_MAX_BYTES_PER_UNIT:
        errors.setdefault(NON_FIELD_ERRORS, []).append(
            _("Đơn vị đã dùng hết dung lượng lưu minh chứng (%(n)s MB); hãy xóa bớt tệp cũ.")
            % {"n": settings.EVIDENCE_MAX_BYTES_PER_UNIT // (1024 * 1024)}
        )
    if errors:
        raise ValidationError(errors)


def evidence_delete(*, scope: UserScope, user, evidence: Evidence) -> None:
    """Remove an evidence file from a report still being written; the report's version moves,
    so a submission running at the same time sees the change or is refused."""
    report = _lock(evidence.task_update.report)
    ReportActions(scope, report).require("edit")
    report.version += 1
    report.save(update_fields=["version", "updated_at"])
    _record(
        report,
        user,
        Event.Kind.SAVE,
        changes={f"task-{evidence.task_update.task_id}": {"files_removed": [evidence.name]}},
    )
    evidence.delete()


# --- Transitions -------------------------------------------------------------------------------


def _record(report: Report, user, kind: str, *, ip=None, reason="", changes=None, before=""):
    return Event.objects.create(
        report=report,
        kind=kind,
        from_status=before or report.status,
        to_status=report.status,
        user=user,
        ip_address=ip,
        reason=reason,
        changes=changes or {},
    )


def _lock(report: Report) -> Report:
    """The report row locked for this transaction: two clicks never apply a step twice. A
    report the view already read locked in this transaction is not read again."""
    if getattr(report, "locked_for_update", False) and transaction.get_connection().in_atomic_block:
        return report
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("period__schedule__plan__issuer", "unit")
        .get(pk=report.pk)
    )


def _claim_seen(report: Report, expected_version: int | None) -> None:
    """A step taken on the page names the version the person saw: a head who read version 4
    never approves a version 7 they did not see (the API and commands may omit it)."""
    if expected_version is not None and expected_version != report.version:
        raise ConcurrentEditError(
            _(
                "Báo cáo đã thay đổi sau khi bạn mở trang này. Trang đã được tải lại với nội "
                "dung mới: hãy xem lại rồi thao tác lại."
            )
        )


def _move(report: Report, user, kind: str, to_status: str, *, ip=None, reason="", changes=None):
    before = report.status
    report.status = to_status
    report.version += 1
    report.updated_by = user
    report.save()
    _record(report, user, kind, ip=ip, reason=reason, changes=changes, before=before)
    return report


@transaction.atomic
def report_submit(*, scope: UserScope, user, report: Report, ip=None) -> Report:
    """Send the report to the unit head. Refused while an error stands or a warning has no
    comment; the messages come keyed by field so the page shows each next to its place."""
    report = _lock(report)
    ReportActions(scope, report).require("submit")
    sheet = selectors.report_sheet(report)
    check = checks.report_check(sheet)
    comments = {line.key: line.row.comment for line in sheet.values if line.row is not None}
    problems = {**check.unexplained_warnings(comments), **check.errors}
    if problems:
        raise ValidationError(problems)
    # Figures of indicators the schedule no longer asks of this unit leave with the draft, so
    # what is accepted (and summed) is exactly what the page showed.
    asked = [line.item.indicator_id for line in sheet.values]
    ReportValue.objects.filter(report=report).exclude(indicator_id__in=asked).delete()
    now = timezone.now()
    if report.submitted_at is None:
        report.submitted_at = now
        report.days_late = days_late(report.period.due_date, timezone.localdate(now))
    report.completeness = checks.completeness(sheet)
    return _move(report, user, Event.Kind.SUBMIT, WorkflowStatus.SUBMITTED, ip=ip)


@transaction.atomic
def report_approve(
    *, scope: UserScope, user, report: Report, ip=None, expected_version: int | None = None
) -> Report:
    """The unit head answers for the report ("người đứng đầu chịu trách nhiệm", seed 001)."""
    report = _lock(report)
    ReportActions(scope, report).require("approve")
    _claim_seen(report, expected_version)
    return _move(report, user, Event.Kind.APPROVE, WorkflowStatus.APPROVED, ip=ip)


@transaction.atomic
def report_accept(
    *, scope: UserScope, user, report: Report, ip=None, expected_version: int | None = None
) -> Report:
    """The coordinator accepts: the figures become final and count in every roll-up. All or
    nothing — a failure half way leaves the report approved and the roll-ups untouched."""
    from reporting.rollups import rollup_apply_report

    report = _lock(report)
    ReportActions(scope, report).require("accept")
    _claim_seen(report, expected_version)
    report.accepted_at = timezone.now()
    ReportValue.objects.filter(report=report).exclude(return_note="").update(return_note="")
    TaskUpdate.objects.filter(report=report).exclude(return_note="").update(return_note="")
    report = _move(report, user, Event.Kind.ACCEPT, WorkflowStatus.ACCEPTED, ip=ip)
    rollup_apply_report(report, sign=1)
    _sync_own_tasks(report)
    return report


def _sync_own_tasks(report: Report) -> None:
    """A unit reporting on its own plan's tasks moves them on the plan too (the plan page and
    the task board then show the accepted progress). Only forward: a late report of an earlier
    month does not undo a later one. The task's version moves, so a task form opened before
    cannot silently put the old progress back; the change is in the task's history."""
    updates = TaskUpdate.objects.filter(
        report=report, task__plan__issuer_id=report.unit_id
    ).select_related("task")
    for update in updates:
        newer = TaskUpdate.objects.filter(
            task_id=update.task_id,
            report__unit_id=report.unit_id,
            report__status=WorkflowStatus.ACCEPTED,
            report__period__start__gt=report.period.start,
        )
        if newer.exists():
            continue
        task = update.task
        # "Quá hạn" is not a state of the plan's task: its progress says which one it is.
        status = {
            TaskUpdate.Status.DONE: TaskStatus.DONE,
            TaskUpdate.Status.IN_PROGRESS: TaskStatus.IN_PROGRESS,
            TaskUpdate.Status.OVERDUE: task_status_of([update.progress]),
        }.get(update.status, TaskStatus.NOT_STARTED)
        if (task.status, task.progress) == (status, update.progress):
            continue
        task.status, task.progress = status, update.progress
        task.version += 1
        task.save(update_fields=["status", "progress", "version"])


@transaction.atomic
def report_return(
    *,
    scope: UserScope,
    user,
    report: Report,
    reason: str,
    notes: dict[str, str] | None = None,
    ip=None,
    expected_version: int | None = None,
) -> Report:
    """Return to the reporter with a reason, and a note beside each item it concerns
    ("value-<indicator id>", "task-<task id>"). The head returns a submitted report; the
    coordinator a submitted or approved one."""
    report = _lock(report)
    ReportActions(scope, report).require("return")
    _claim_seen(report, expected_version)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Ghi rõ lý do trả lại để đơn vị biết cần sửa gì.")})
    reason = free_text(reason, key="reason")
    notes = {k: free_text(v, key=k) for k, v in (notes or {}).items() if v and v.strip()}
    _set_return_notes(report, notes)
    report.return_reason = reason
    return _move(
        report,
        user,
        Event.Kind.RETURN,
        WorkflowStatus.RETURNED,
        ip=ip,
        reason=reason.strip(),
        changes={"notes": notes},
    )


def _set_return_notes(report: Report, notes: dict[str, str]) -> None:
    ReportValue.objects.filter(report=report).update(return_note="")
    TaskUpdate.objects.filter(report=report).update(return_note="")
    sheet = selectors.report_sheet(report)
    lines = {line.key: line for line in sheet.values}
    task_lines = {line.key: line for line in sheet.tasks}
    for key, note in notes.items():
        if key in lines:
            ReportValue.objects.update_or_create(
                report=report, indicator=lines[key].indicator, defaults={"return_note": note}
            )
        elif key in task_lines:
            TaskUpdate.objects.update_or_create(
                report=report, task=task_lines[key].task, defaults={"return_note": note}
            )
        else:
            raise ValidationError({key: _("Mục này không thuộc báo cáo.")})


@transaction.atomic
def report_reopen(
    *,
    scope: UserScope,
    user,
    report: Report,
    reason: str,
    ip=None,
    expected_version: int | None = None,
) -> Report:
    """Reopen an accepted report for correction (a figure found wrong after acceptance). Its
    figures leave the roll-ups until it is accepted again."""
    from reporting.rollups import rollup_apply_report

    report = _lock(report)
    ReportActions(scope, report).require("reopen")
    _claim_seen(report, expected_version)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Ghi rõ lý do mở lại báo cáo.")})
    free_text(reason, key="reason")
    rollup_apply_report(report, sign=-1)
    report.return_reason = reason.strip()
    report.accepted_at = None
    return _move(
        report, user, Event.Kind.REOPEN, WorkflowStatus.RETURNED, ip=ip, reason=reason.strip()
    )
