"""Saving what a reporter typed (a draft, from the page or the Excel file) and its evidence.

What a valid figure is, is `reporting.figures`; who may still edit the report,
`reporting.workflow.ReportActions`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from core.services import ConcurrentEditError
from core.text import free_text, text_change
from indicators.models import Indicator
from org.scope import UserScope
from reporting import checks, figures, selectors
from reporting.models import (
    Event,
    Evidence,
    Report,
    ReportValue,
    TaskUpdate,
)
from reporting.services.reports import lock_report, record_event
from reporting.workflow import (
    ReportActions,
)

NARRATIVE_FIELDS = ("results", "difficulties", "proposals")


def _as_decimal(key: str, raw) -> Decimal | None:
    try:
        return figures.clean_number(raw)
    except ValidationError as exc:
        raise ValidationError({key: exc.messages}) from exc


def _apply_value(row: ReportValue, indicator: Indicator, data: dict, key: str) -> dict:
    """Copy what was typed onto `row`, cleaned by the figure's rule; return {field: [old, new]}
    of what changed."""
    try:
        cleaned = figures.clean_value(indicator, data)
    except ValidationError as exc:
        raise ValidationError({key: exc.messages}) from exc
    changed = {}
    for name, new in cleaned.items():
        old = getattr(row, name)
        if old != new:
            changed[name] = (
                text_change(old, new) if name in figures.TEXT_FIELDS else [_json(old), _json(new)]
            )
            setattr(row, name, new)
    return changed


def _apply_task(update: TaskUpdate, data: dict, key: str) -> dict:
    """Copy a task's typed status, progress, note and link, cleaned by the task's rule; return
    what changed."""
    try:
        cleaned = figures.clean_task_update(data, current=update)
    except ValidationError as exc:
        raise ValidationError({key: exc.messages}) from exc
    changed = {}
    for name, new in cleaned.items():
        if getattr(update, name) != new:
            changed[name] = text_change(getattr(update, name), new)
            setattr(update, name, new)
    return changed


def _json(value):
    return None if value is None else str(value)


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
    """Save what the reporter typed, complete or not (a draft may be partial). All or nothing:
    one malformed figure refuses the whole save with a message keyed by its field. A stale
    `expected_version` is refused so that a second browser never overwrites the first."""
    report = lock_report(report)
    ReportActions(scope, report).require("edit")
    if expected_version != report.version:
        raise ConcurrentEditError()
    sheet = selectors.report_sheet(report, with_previous=False)
    lines = {line.item.indicator_id: line for line in sheet.values}
    task_lines = {line.task.pk: line for line in sheet.tasks}
    changes: dict[str, dict] = {}
    errors: dict[str, list[str]] = {}

    new_values, dirty_values = [], []
    for indicator_id, data in (values or {}).items():
        line = lines.get(int(indicator_id))
        key = f"value-{indicator_id}"
        if line is None:
            errors[key] = [_("Chỉ số này không thuộc báo cáo của đơn vị.")]
            continue
        row = line.row or ReportValue(report=report, indicator=line.indicator)
        try:
            changed = _apply_value(row, line.indicator, data, key)
        except ValidationError as exc:
            errors.update(exc.message_dict)
            continue
        if changed:
            changes[key] = changed
            (dirty_values if row.pk else new_values).append(row)
            line.row = row

    new_updates, dirty_updates = [], []
    for task_id, data in (task_updates or {}).items():
        line = task_lines.get(int(task_id))
        key = f"task-{task_id}"
        if line is None:
            errors[key] = [_("Nhiệm vụ này không thuộc báo cáo của đơn vị.")]
            continue
        update = line.update or TaskUpdate(report=report, task=line.task)
        try:
            changed = _apply_task(update, data, key)
        except ValidationError as exc:
            errors.update(exc.message_dict)
            continue
        if update.pk is None and data.get("status") and "status" not in changed:
            # "Chưa thực hiện" chosen on purpose is an update, though it is the default.
            changed["status"] = [None, update.status]
        if changed or (update.pk is None and files and int(task_id) in files):
            changes[key] = changed
            (dirty_updates if update.pk else new_updates).append(update)
            line.update = update
    if errors:
        raise ValidationError(errors)

    ReportValue.objects.bulk_create(new_values)
    ReportValue.objects.bulk_update(
        dirty_values, ["value", "numerator", "denominator", "text", "comment"]
    )
    for update in new_updates:
        update.save()
    TaskUpdate.objects.bulk_update(dirty_updates, ["status", "progress", "evidence_link", "note"])
    evidence_check_caps(report=report, files=files or {})
    for task_id, uploaded in (files or {}).items():
        line = task_lines.get(int(task_id))
        if line is None:
            raise ValidationError({f"task-{task_id}": _("Nhiệm vụ này không thuộc báo cáo.")})
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

    for name in NARRATIVE_FIELDS:
        if narrative and name in narrative:
            new = free_text(narrative[name], key=name)
            if getattr(report, name) != new:
                changes[name] = {"text": text_change(getattr(report, name), new)}
                setattr(report, name, new)
    if not changes:
        # Nothing new: the version stays, so other open pages and downloaded files stay valid.
        return report
    report.completeness = checks.completeness(sheet)
    report.updated_by = user
    report.version += 1
    report.save()
    record_event(report, user, kind, ip=ip, changes=changes)
    return report


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
    report = lock_report(evidence.task_update.report)
    ReportActions(scope, report).require("edit")
    report.version += 1
    report.save(update_fields=["version", "updated_at"])
    record_event(
        report,
        user,
        Event.Kind.SAVE,
        changes={f"task-{evidence.task_update.task_id}": {"files_removed": [evidence.name]}},
    )
    evidence.delete()
