"""The report's steps: opened, submitted, approved, accepted, returned, reopened.

Each step locks the report's row, asks `ReportActions` whether it may be taken, moves the status
and records an `Event` (who, when, from where, what changed). Accepting writes the roll-ups.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import ConcurrentEditError
from core.text import free_text
from org.models import OrgUnit
from org.scope import UserScope
from plans.models import TaskStatus, task_status_of
from reporting import checks, selectors
from reporting.models import (
    Event,
    Period,
    Report,
    ReportValue,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.timeliness import days_late
from reporting.workflow import (
    ReportActions,
    forbidden,
    may_start_report,
)


def report_open(*, scope: UserScope, unit: OrgUnit, period: Period) -> Report:
    """The unit's report of the period, created as an empty draft the first time its reporter
    opens it."""
    if not may_start_report(scope, unit):
        raise forbidden()
    if not selectors.reporting_units(period.schedule).filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị này không thuộc diện báo cáo theo lịch này."))
    if period.start > timezone.localdate():
        raise ValidationError(_("Kỳ báo cáo chưa bắt đầu."))
    report, _created = Report.objects.get_or_create(unit=unit, period=period)
    return report


def record_event(report: Report, user, kind: str, *, ip=None, reason="", changes=None, before=""):
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


def lock_report(report: Report) -> Report:
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
    record_event(report, user, kind, ip=ip, reason=reason, changes=changes, before=before)
    return report


@transaction.atomic
def report_submit(*, scope: UserScope, user, report: Report, ip=None) -> Report:
    """Send the report to the unit head. Refused while an error stands or a warning has no
    comment; the messages come keyed by field so the page shows each next to its place."""
    report = lock_report(report)
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
    report = lock_report(report)
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

    report = lock_report(report)
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
    report = lock_report(report)
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

    report = lock_report(report)
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
