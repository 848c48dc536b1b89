"""A commune's monthly report: one ratio, one count, one task of the commune's plan; a
reporter, a head and a coordinator of the commune."""

from dataclasses import dataclass

import pytest

from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TaskFactory
from reporting import services
from reporting.models import Report
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)


@dataclass
class Setup:
    report: Report
    ratio: object
    count: object
    task: object
    period: object
    schedule: object
    people: dict
    scope: dict

    def user(self, role):
        return self.people[role]

    def fresh(self) -> Report:
        return Report.objects.get(pk=self.report.pk)

    def save(self, role=Role.REPORTER, **data) -> Report:
        report = self.fresh()
        return services.report_save_draft(
            scope=self.scope[role],
            user=self.people[role],
            report=report,
            expected_version=report.version,
            **data,
        )

    def fill(self, **overrides) -> Report:
        data = {
            "values": {
                self.ratio.pk: {"numerator": 70, "denominator": 100},
                self.count.pk: {"value": 3},
            },
            "task_updates": {self.task.pk: {"status": "in_progress", "progress": 40}},
            "narrative": {"results": "Đã triển khai."},
        }
        data.update(overrides)
        return self.save(**data)

    def submit(self, **kw) -> Report:
        return services.report_submit(
            scope=self.scope[Role.REPORTER],
            user=self.people[Role.REPORTER],
            report=self.fresh(),
            **kw,
        )

    def approve(self) -> Report:
        return services.report_approve(
            scope=self.scope[Role.HEAD], user=self.people[Role.HEAD], report=self.fresh()
        )

    def accept(self) -> Report:
        return services.report_accept(
            scope=self.scope[Role.COORDINATOR],
            user=self.people[Role.COORDINATOR],
            report=self.fresh(),
        )

    def give_back(self, reason="Số liệu chưa khớp.", notes=None, role=Role.COORDINATOR) -> Report:
        return services.report_return(
            scope=self.scope[role],
            user=self.people[role],
            report=self.fresh(),
            reason=reason,
            notes=notes,
        )


@pytest.fixture
def setup(world) -> Setup:
    plan = PlanFactory(issuer=world.commune)
    schedule = ScheduleFactory(plan=plan)
    ratio = ScheduleIndicatorFactory(schedule=schedule, indicator=RatioIndicatorFactory()).indicator
    count = ScheduleIndicatorFactory(schedule=schedule, indicator=IndicatorFactory()).indicator
    task = TaskFactory(plan=plan)
    schedule.tasks.add(task)
    period = PeriodFactory(schedule=schedule)
    people = {
        role: user_with_role(world.commune, role, username=f"{role}_x")
        for role in (Role.REPORTER, Role.HEAD, Role.COORDINATOR, Role.LEADER)
    }
    scope = {role: user_scope(user) for role, user in people.items()}
    report = services.report_open(scope=scope[Role.REPORTER], unit=world.commune, period=period)
    return Setup(report, ratio, count, task, period, schedule, people, scope)
