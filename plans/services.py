"""Writes of plans, targets and tasks. Views, commands, the import and tests all call these."""

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.services import assign_fields, claim_version
from core.text import fold
from org.models import OrgUnit
from org.scope import UserScope
from plans.models import (
    Milestone,
    Phase,
    Plan,
    PlanAward,
    PlanReference,
    Target,
    Task,
    TaskDeadline,
    TaskStatus,
)
from plans.selectors import parent_target_choices, visible_plans_q

PLAN_FIELDS = (
    "doc_type",
    "number",
    "issuer",
    "issuer_name",
    "place",
    "issued_on",
    "issued_period",
    "title",
    "movement",
    "status",
    "signature_authority",
    "signature_position",
    "signer_name",
    "recipients",
    "reporting_frequency",
    "reporting_due_day",
)
TARGET_FIELDS = (
    "order",
    "section",
    "text",
    "subject",
    "indicator",
    "comparator",
    "value",
    "value_max",
    "unit",
    "due_year",
    "due_date",
    "baseline_value",
    "baseline_year",
    "unit_value_allowed",
    "applies_to_each_unit",
    "yearly_values",
    "measured_elsewhere",
    "responsible_text",
    "parent_target",
)
TASK_FIELDS = (
    "order",
    "section",
    "title",
    "text",
    "product",
    "lead_units_text",
    "coordinating_units_text",
    "person_in_charge",
    "deciding_authority",
    "status",
    "progress",
)
DEADLINE_FIELDS = ("kind", "date", "year", "month", "quarter", "frequency", "label")


def _require_manage(scope: UserScope, unit: OrgUnit | None) -> None:
    if not scope.can_manage(unit):
        raise PermissionDenied(_("Bạn không có quyền sửa dữ liệu của đơn vị này."))


def normalize_number(number: str) -> str:
    """ "40 /KH-BQLKKTCK" and "40/KH-BQLKKTCK" are the same number."""
    return re.sub(r"\s+", "", number or "").upper()


# --- Plans -------------------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, scope: UserScope, user, data: dict) -> Plan:
    plan = Plan(created_by=user)
    assign_fields(plan, data, PLAN_FIELDS)
    _require_manage(scope, plan.issuer)
    plan.full_clean()
    plan.save()
    return plan


def plan_can_edit(*, scope: UserScope, plan: Plan) -> bool:
    """Whether the person gets the plan's edit form: a coordinator of its issuer; for a
    placeholder nobody owns yet (57-NQ/TW, cited by every province), the catalogue admin, or a
    coordinator when the citation names the issuer (plan_update then holds them to it).
    Read-only roles never do."""
    if plan.issuer_id is not None:
        return scope.can_manage(plan.issuer)
    if not plan.is_placeholder:
        return False
    return scope.is_superuser or (scope.has_role("coordinator") and bool(plan.issuer_name))


def _require_placeholder_completion(scope: UserScope, plan: Plan, issuer: OrgUnit | None) -> None:
    """A shared placeholder is completed by the catalogue admin, or with the issuer it was cited
    with: a coordinator elsewhere cannot claim it and hide it from the others who cite it."""
    if scope.is_superuser:
        return
    if issuer is None or not plan.issuer_name or fold(issuer.name) != fold(plan.issuer_name):
        raise PermissionDenied(
            _(
                "Văn bản được dẫn chiếu chung chỉ do quản trị danh mục bổ sung, hoặc bổ sung "
                "đúng cơ quan ban hành đã được dẫn chiếu."
            )
        )


@transaction.atomic
def plan_update(*, scope: UserScope, plan: Plan, data: dict, expected_version: int) -> Plan:
    # Judged on the plan as stored: a bound ModelForm has already written the posted issuer onto
    # `plan`, which would let a coordinator elsewhere name their own unit and pass as its manager.
    stored = Plan.objects.select_related("issuer").get(pk=plan.pk)
    if not plan_can_edit(scope=scope, plan=stored):
        raise PermissionDenied(_("Bạn không có quyền sửa dữ liệu của đơn vị này."))
    completing = stored.issuer_id is None
    if completing:
        _require_placeholder_completion(scope, stored, data.get("issuer"))
    claim_version(plan, expected_version)
    assign_fields(plan, data, PLAN_FIELDS)
    if not (completing and scope.is_superuser):
        # The catalogue admin completes a shared placeholder with whichever issuer the
        # document names; everyone else edits only what their grants manage.
        _require_manage(scope, plan.issuer)
    plan.full_clean()
    plan.save()
    # The phases and milestones a plan declared belong to its movement.
    plan.phases.update(movement=plan.movement)
    plan.milestones.update(movement=plan.movement)
    return plan


@transaction.atomic
def plan_milestone_add(*, plan: Plan, kind: str, label: str, due_date=None) -> Milestone:
    """A sơ kết or tổng kết the plan schedules (seed 000: "Sơ kết ...: Quý IV, năm 2027")."""
    milestone = Milestone(
        movement=plan.movement, plan=plan, kind=kind, label=label[:200], due_date=due_date
    )
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def plan_phase_add(
    *,
    plan: Plan,
    name: str,
    order: int,
    start_date=None,
    end_date=None,
    label: str = "",
    description: str = "",
) -> Phase:
    """A phase the plan divides its movement into (seed 004 §IV: 05/2026–12/2027, 2028–2030),
    with what the plan sets it to do."""
    phase = Phase(
        movement=plan.movement,
        plan=plan,
        name=name[:200],
        order=order,
        start_date=start_date,
        end_date=end_date,
        label=label[:300],
        description=description,
    )
    phase.full_clean()
    phase.save()
    return phase


@transaction.atomic
def plan_award_add(*, plan: Plan, data: dict, order: int = 0, span=None) -> PlanAward:
    award = PlanAward(plan=plan, order=order)
    assign_fields(award, data, ("form", "recipients", "condition"))
    if span and len(span) == 2:
        award.span_start, award.span_end = span
    award.full_clean()
    award.save()
    return award


class PlanNotReplaceable(ValidationError):
    pass


def plan_replace_blockers(plan: Plan) -> list[str]:
    """Why `plan` cannot be replaced by a new import without losing what people did with it.
    Empty when nothing but the plan's own text (targets, tasks, phases, awards) would go."""
    reasons = []
    if plan.schedules.exists():
        reasons.append(_("kế hoạch đã có lịch báo cáo"))
    if plan.registrations.exists():
        reasons.append(_("đơn vị đã đăng ký thi đua theo kế hoạch"))
    if Target.objects.filter(parent_target__plan=plan).exclude(plan=plan).exists():
        reasons.append(_("kế hoạch cấp dưới có chỉ tiêu gắn với chỉ tiêu của kế hoạch này"))
    return [str(r) for r in reasons]


@transaction.atomic
def plan_replace(*, scope: UserScope, old: Plan, new: Plan) -> None:
    """`new` takes the place of `old` (the same plan imported again): documents that cite
    `old` now cite `new`, and `old` is removed. Refused, changing nothing, when people have
    already reported or registered against `old`."""
    _require_manage(scope, old.issuer)
    blockers = plan_replace_blockers(old)
    if blockers:
        raise PlanNotReplaceable(
            _("Không thay thế được %(plan)s: %(why)s. Hãy sửa trực tiếp kế hoạch đó.")
            % {"plan": old.display_number, "why": "; ".join(blockers)}
        )
    for citation in PlanReference.objects.filter(referenced=old).exclude(plan=new):
        if PlanReference.objects.filter(
            plan=citation.plan, referenced=new, relation=citation.relation
        ).exists():
            citation.delete()
        else:
            citation.referenced = new
            citation.save(update_fields=["referenced"])
    PlanReference.objects.filter(plan=new, referenced=old).delete()
    old.delete()


def reference_resolve(
    *,
    number: str,
    doc_type: str,
    issued_on=None,
    text: str = "",
    scope: UserScope | None = None,
) -> Plan:
    """The document a plan cites, found by its number among the plans `scope` may see, or a
    placeholder to complete later.

    Plan numbers repeat across provinces ("160/KH-UBND" exists in each), so a number is matched
    only among visible plans: another province's plan, even a draft, is never linked nor shown
    through a citation. `scope=None` is for trusted callers only (a management command run by
    the operator) and matches against every plan."""
    key = normalize_number(number)
    candidates = Plan.objects.filter(doc_type=doc_type).exclude(number="")
    if scope is not None:
        candidates = candidates.filter(visible_plans_q(scope))
    for candidate in candidates:
        if normalize_number(candidate.number) == key:
            return candidate
    return Plan.objects.create(
        doc_type=doc_type,
        number=number.strip(),
        issued_on=issued_on,
        title=text.strip()[:1000] or number,
        status=Plan.Status.PLACEHOLDER,
    )


@transaction.atomic
def plan_reference_add(*, plan: Plan, referenced: Plan, relation: str, text: str = "", order=0):
    reference, _created = PlanReference.objects.get_or_create(
        plan=plan,
        referenced=referenced,
        relation=relation,
        defaults={"text": text, "order": order},
    )
    return reference


# --- Targets -----------------------------------------------------------------------------------


def _check_parent_target(target: Target, scope: UserScope) -> None:
    """A target aligns only to a target of a plan that its own plan implements and that the
    person may see (the same choices the form offers)."""
    parent = target.parent_target
    if parent is None:
        return
    if not parent_target_choices(scope=scope, plan=target.plan).filter(pk=parent.pk).exists():
        raise ValidationError(
            {"parent_target": _("Chỉ tiêu cấp trên phải thuộc kế hoạch mà kế hoạch này thực hiện.")}
        )


@transaction.atomic
def target_create(
    *, scope: UserScope, plan: Plan, data: dict, responsible_units: Iterable[OrgUnit] = ()
) -> Target:
    _require_manage(scope, plan.issuer)
    target = Target(plan=plan)
    assign_fields(target, data, TARGET_FIELDS)
    target.full_clean()
    _check_parent_target(target, scope)
    target.save()
    target.responsible_units.set(responsible_units)
    return target


@transaction.atomic
def target_update(
    *,
    scope: UserScope,
    target: Target,
    data: dict,
    expected_version: int,
    responsible_units: Iterable[OrgUnit] | None = None,
) -> Target:
    _require_manage(scope, target.plan.issuer)
    claim_version(target, expected_version)
    assign_fields(target, data, TARGET_FIELDS)
    target.full_clean()
    _check_parent_target(target, scope)
    target.save()
    if responsible_units is not None:
        target.responsible_units.set(responsible_units)
    return target


# --- Tasks -------------------------------------------------------------------------------------


def _done_is_full(task: Task) -> None:
    """A task marked done with its progress left at 0 is at 100 %, as in a report."""
    if task.status == TaskStatus.DONE and not task.progress:
        task.progress = 100


def _save_deadlines(task: Task, deadlines: Iterable[dict]) -> None:
    """Replace the task's deadlines and refresh its denormalised due date."""
    rows = []
    errors = []
    for order, data in enumerate(deadlines):
        deadline = TaskDeadline(task=task, order=order)
        assign_fields(deadline, data, DEADLINE_FIELDS)
        try:
            deadline.full_clean(exclude=["task"])
        except ValidationError as exc:
            errors.append(exc)
        rows.append(deadline)
    if errors:
        raise ValidationError(errors)
    task.deadlines.all().delete()
    TaskDeadline.objects.bulk_create(rows)
    task_refresh_due_date(task, rows)


def task_refresh_due_date(task: Task, deadlines: list[TaskDeadline]) -> None:
    ends = [d.end_date for d in deadlines if d.end_date]
    task.due_date = min(ends) if ends else None
    task.is_recurring = any(d.kind == TaskDeadline.Kind.RECURRING for d in deadlines)
    Task.objects.filter(pk=task.pk).update(due_date=task.due_date, is_recurring=task.is_recurring)


def task_check_person_in_charge(
    *, scope: UserScope, task: Task, lead_units: Iterable[OrgUnit]
) -> None:
    """Rõ người (seed 001 §I): the person in charge works in one of the task's lead units (or an
    office under one) and inside the editor's scope; a task without lead units has nobody yet."""
    person = task.person_in_charge
    if person is None:
        return
    unit = person.unit
    inside_lead = any(unit.path.startswith(lead.path) for lead in lead_units)
    if not inside_lead or not scope.covers(unit):
        raise ValidationError(
            {
                "person_in_charge": _(
                    "Người phụ trách phải là cán bộ của một đơn vị chủ trì nhiệm vụ này "
                    "(%(person)s thuộc %(unit)s)."
                )
                % {"person": person.full_name, "unit": unit.name}
            }
        )


@transaction.atomic
def task_create(
    *,
    scope: UserScope,
    plan: Plan,
    data: dict,
    deadlines: Iterable[dict] = (),
    lead_units: Iterable[OrgUnit] = (),
    coordinating_units: Iterable[OrgUnit] = (),
) -> Task:
    _require_manage(scope, plan.issuer)
    task = Task(plan=plan)
    assign_fields(task, data, TASK_FIELDS)
    _done_is_full(task)
    task.full_clean()
    lead_units = list(lead_units)
    task_check_person_in_charge(scope=scope, task=task, lead_units=lead_units)
    task.save()
    task.lead_units.set(lead_units)
    task.coordinating_units.set(coordinating_units)
    _save_deadlines(task, deadlines)
    return task


@transaction.atomic
def task_update(
    *,
    scope: UserScope,
    task: Task,
    data: dict,
    expected_version: int,
    deadlines: Iterable[dict] | None = None,
    lead_units: Iterable[OrgUnit] | None = None,
    coordinating_units: Iterable[OrgUnit] | None = None,
) -> Task:
    """Edit a task; the deadlines, when given, replace the old ones. All or nothing."""
    _require_manage(scope, task.plan.issuer)
    claim_version(task, expected_version)
    assign_fields(task, data, TASK_FIELDS)
    _done_is_full(task)
    task.full_clean()
    lead_units = list(lead_units) if lead_units is not None else list(task.lead_units.all())
    task_check_person_in_charge(scope=scope, task=task, lead_units=lead_units)
    task.save()
    task.lead_units.set(lead_units)
    if coordinating_units is not None:
        task.coordinating_units.set(coordinating_units)
    if deadlines is not None:
        _save_deadlines(task, deadlines)
    return task


def units_from_text(*, text: str, within: OrgUnit) -> list[OrgUnit]:
    """Units of `within`'s subtree named in a comma-separated list, as far as they match."""
    from org.selectors import units_match_names

    names = [n.strip(" .;") for n in re.split(r"[,;]| và ", text or "") if n.strip(" .;")]
    matches = units_match_names(names=names, within=within)
    seen, units = set(), []
    for unit in matches.values():
        if unit is not None and unit.pk not in seen:
            seen.add(unit.pk)
            units.append(unit)
    return units
