"""Writes of the reporting cycle (see reports.py)."""

# Re-exported: registrations and views use them.
from reporting.services.reports import (
    NARRATIVE_FIELDS,
    SCHEDULE_FIELDS,
    evidence_check_caps,
    evidence_delete,
    period_close,
    period_create_one_off,
    period_open,
    period_reopen_for_unit,
    report_accept,
    report_approve,
    report_open,
    report_reopen,
    report_return,
    report_save_draft,
    report_submit,
    schedule_create,
    schedule_defaults,
    schedule_update,
)
from reporting.workflow import ReportLocked, period_is_open_for

__all__ = [
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
