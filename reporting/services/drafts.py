"""Saving what a reporter typed (a draft, from the page or the Excel file) and its evidence.

What a valid figure is, is `reporting.figures`; who may still edit the report,
`reporting.workflow.ReportActions`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from core.services import ConcurrentEditError
from core.text import free_text, text_change
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
                # Texts (comments, notes, links) are logged compactly (core.text.text_change).
                changed[name] = text_change(old, new)
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


def _stage_values(report, value_lines, values: dict, result, changes: dict, *, partial: bool):
    """Each posted figure checked by the figure's rule and applied to its row (new or
    existing), not yet written: the new rows and the changed ones. A refused figure is
    recorded in `result`; with `partial`, the fields that pass are still applied."""
    lines = {line.item.indicator_id: line for line in value_lines}
    new, dirty = [], []
    for indicator_id, data in values.items():
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
            (dirty if row.pk else new).append(row)
            line.row = row
    return new, dirty


def _stage_task_updates(
    report, task_lines: dict, task_updates: dict, files: dict, result, changes, *, partial: bool
):
    """The same for the tasks' updates; a task with only new files counts as updated."""
    new, dirty = [], []
    for task_id, data in task_updates.items():
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
        if changed or (update.pk is None and int(task_id) in files):
            changes[key] = changed
            (dirty if update.pk else new).append(update)
            line.update = update
    return new, dirty


def _clean_narrative(narrative: dict, result) -> dict:
    """The narrative fields posted, each checked as free text; a refused one is recorded."""
    cleaned = {}
    for name in NARRATIVE_FIELDS:
        if name in narrative:
            try:
                cleaned[name] = free_text(narrative[name], key=name)
            except ValidationError as exc:
                result.refuse(name, exc.messages, [name])
    return cleaned


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
    report = lock_report(report)
    ReportActions(scope, report).require("edit")
    if expected_version != report.version:
        raise ConcurrentEditError()
    sheet = selectors.report_sheet(report, with_previous=False)
    task_lines = {line.task.pk: line for line in sheet.tasks}
    changes: dict[str, dict] = {}
    result = DraftSave(report)

    new_values, dirty_values = _stage_values(
        report, sheet.values, values or {}, result, changes, partial=partial
    )
    new_updates, dirty_updates = _stage_task_updates(
        report, task_lines, task_updates or {}, files or {}, result, changes, partial=partial
    )
    new_narrative = _clean_narrative(narrative or {}, result)
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
            changes[name] = {"text": text_change(getattr(report, name), new)}
            setattr(report, name, new)
    if not changes:
        # Nothing new: the version stays, so other open pages and downloaded files stay valid.
        return result
    report.completeness = checks.completeness(sheet)
    report.updated_by = user
    report.version += 1
    report.save()
    record_event(report, user, kind, ip=ip, changes=changes)
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


def evidence_check_caps(*, report: Report, files: dict) -> None:
    """Refuse new evidence files beyond the caps of settings: per task of the report, per
    report, and bytes in total per unit. It only reads: the save that calls it holds the
    report's row locked (it was wrapped in two transactions, two savepoints on every save)."""
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
