"""Writes of schedules and periods: who reports what and when, and a period closed or reopened.

Only the standing office of the body that issued the plan sets its schedules
(`_check_schedule_plan`).
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import assign_fields, claim_version
from core.text import free_text
from org.models import OrgUnit, Role, UnitType
from org.scope import UserScope
from plans.models import Plan, Task
from reporting.models import (
    Period,
    PeriodReopening,
    Schedule,
    ScheduleIndicator,
)
from reporting.periods import periods_generate
from reporting.workflow import (
    forbidden,
)

SCHEDULE_FIELDS = (
    "name",
    "frequency",
    "due_day",
    "due_month_offset",
    "evidence_required_for_done",
    "jump_warning_percent",
    "is_active",
)


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
    if not scope.covers(unit, [Role.COORDINATOR]):
        raise forbidden()
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
