"""Kế hoạch (plans), their chỉ tiêu (targets) and nhiệm vụ (tasks)."""

from plans.models.targets import (
    Comparator,
    Plan,
    PlanAward,
    PlanImport,
    PlanReference,
    ReportingFrequency,
    Target,
    TargetUnit,
    Task,
    TaskDeadline,
    TaskStatus,
    task_progress_error,
    task_status_of,
)

__all__ = [
    "Comparator",
    "Plan",
    "PlanAward",
    "PlanImport",
    "PlanReference",
    "ReportingFrequency",
    "Target",
    "TargetUnit",
    "Task",
    "TaskDeadline",
    "TaskStatus",
    "task_progress_error",
    "task_status_of",
]
