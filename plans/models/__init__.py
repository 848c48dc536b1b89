"""Kế hoạch (plans), their chỉ tiêu (targets) and nhiệm vụ (tasks).

One idea a module: `plans` (the document, its citations, awards and import), `targets`, `tasks`,
`timeline` (phases and milestones).
Django finds the models here, and callers import them from `plans.models`.
"""

from plans.models.plans import (
    Plan,
    PlanAward,
    PlanImport,
    PlanReference,
    PlanText,
    ReportingFrequency,
)
from plans.models.targets import (
    Comparator,
    Target,
    TargetUnit,
)
from plans.models.tasks import (
    PROGRESS_BOUNDS,
    Task,
    TaskDeadline,
    TaskStatus,
    task_progress_agrees,
    task_progress_error,
    task_status_of,
)
from plans.models.timeline import Milestone, Phase

__all__ = [
    "PROGRESS_BOUNDS",
    "Comparator",
    "Milestone",
    "Phase",
    "Plan",
    "PlanAward",
    "PlanImport",
    "PlanReference",
    "PlanText",
    "ReportingFrequency",
    "Target",
    "TargetUnit",
    "Task",
    "TaskDeadline",
    "TaskStatus",
    "task_progress_agrees",
    "task_progress_error",
    "task_status_of",
]
