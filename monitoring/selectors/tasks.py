"""The task board: the plan's tasks by lead unit, each with the latest update of every unit."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monitoring.selectors.viewpoint import viewpoint
from org.models import OrgUnit
from org.scope import UserScope
from plans.models import Plan, Task, TaskStatus, task_status_of
from reporting.models import (
    Period,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.selectors import reports_visible_q


@dataclass
class TaskRow:
    task: Task
    updates: list[TaskUpdate]

    @property
    def is_overdue(self) -> bool:
        """Past its deadline and not done by what the row shows."""
        return self.task.is_overdue and self.status != TaskStatus.DONE

    @property
    def done_count(self) -> int:
        return sum(1 for u in self.updates if u.status == TaskUpdate.Status.DONE)

    @property
    def average_progress(self) -> Decimal | None:
        if not self.updates:
            return None
        return Decimal(sum(u.progress for u in self.updates)) / len(self.updates)

    @property
    def progress(self) -> Decimal:
        """The progress the row shows: the units' average, or the task's own."""
        average = self.average_progress
        return Decimal(self.task.progress) if average is None else average

    @property
    def status(self) -> str:
        """What the progress figures on the row add up to (never "not started" beside 35 %);
        the task's own status while no unit has reported on it."""
        return task_status_of([u.progress for u in self.updates]) or self.task.status

    @property
    def status_label(self) -> str:
        return TaskStatus(self.status).label


def task_board(*, scope: UserScope, plan: Plan, unit: OrgUnit | None = None):
    """The plan's tasks grouped by lead unit, overdue first, each with the latest update of
    every unit in the viewer's scope that reports on it."""
    from plans.selectors import task_rows

    unit = viewpoint(scope, plan, unit)
    tasks = list(task_rows(plan.tasks.all()).order_by("order", "pk"))
    # The state of a task now is what units said in the last two periods begun (this month
    # and, for units that have not reported it yet, the month before): a province's whole
    # history would be millions of rows for the same answer.
    recent = list(
        Period.objects.filter(schedule__plan=plan, start__lte=timezone.localdate())
        .order_by("-start")
        .values_list("pk", flat=True)[:2]
    )
    latest: dict[tuple[int, int], TaskUpdate] = {}
    for update in (
        TaskUpdate.objects.filter(
            task__in=tasks, report__unit__path__startswith=unit.path, report__period__in=recent
        )
        .filter(reports_visible_q(scope, "report__unit"))
        .exclude(report__status=WorkflowStatus.DRAFT)
        .select_related("report__unit", "report__period")
        .order_by("report__period__start", "pk")
    ):
        latest[(update.task_id, update.report.unit_id)] = update
    by_task: dict[int, list[TaskUpdate]] = defaultdict(list)
    for (task_id, _unit_id), update in latest.items():
        by_task[task_id].append(update)
    groups: dict[str, list[TaskRow]] = defaultdict(list)
    for task in tasks:
        leads = [u.name for u in task.lead_units.all()] or [
            task.lead_units_text or str(_("Mọi đơn vị báo cáo"))
        ]
        for lead in leads:
            groups[lead].append(
                TaskRow(task, sorted(by_task[task.pk], key=lambda u: u.report.unit.path))
            )
    today = timezone.localdate()
    for rows in groups.values():
        rows.sort(
            key=lambda r: (not r.is_overdue, r.task.due_date or today.replace(year=today.year + 50))
        )
    ordered = sorted(groups.items(), key=lambda kv: (not any(r.is_overdue for r in kv[1]), kv[0]))
    return unit, ordered
