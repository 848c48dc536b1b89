"""Writes of the reporting cycle. Views, commands, the Excel import and tests all call these.

The report workflow: draft → submitted (reporter) → approved (unit head) → accepted by the
coordinator, or returned with a reason at any step; an accepted report is locked and its figures
are final until a coordinator reopens it with a reason. Every step and every saved change is an
`Event` (who, when, from where, what changed).

One idea a module: `schedules` (schedules and periods), `drafts` (saving a draft and its
evidence), `reports` (the report's steps). The names callers use are re-exported here.

The rules these writes obey live one hop away: who may take a step, `reporting.workflow`
(`ReportActions`, also asked by the page for its buttons); what a valid figure is,
`reporting.figures` (also called by the web form and the Excel reader); when a report is late,
`reporting.timeliness`.
"""

from reporting.services.drafts import (
    NARRATIVE_FIELDS,
    DraftSave,
    evidence_check_caps,
    evidence_delete,
    report_save_draft,
    report_save_valid,
)
from reporting.services.reports import (
    report_accept,
    report_approve,
    report_open,
    report_reopen,
    report_return,
    report_submit,
)
from reporting.services.schedules import (
    SCHEDULE_FIELDS,
    period_close,
    period_create_one_off,
    period_open,
    period_reopen_for_unit,
    schedule_create,
    schedule_defaults,
    schedule_update,
)

# Asked of the services by registrations and views, though written in reporting.workflow.
from reporting.workflow import ReportLocked, period_is_open_for

__all__ = [
    "DraftSave",
    "report_save_valid",
    "ReportLocked",
    "period_is_open_for",
    "NARRATIVE_FIELDS",
    "SCHEDULE_FIELDS",
    "evidence_check_caps",
    "evidence_delete",
    "period_close",
    "period_create_one_off",
    "period_open",
    "period_reopen_for_unit",
    "report_accept",
    "report_approve",
    "report_open",
    "report_reopen",
    "report_return",
    "report_save_draft",
    "report_submit",
    "schedule_create",
    "schedule_defaults",
    "schedule_update",
]
