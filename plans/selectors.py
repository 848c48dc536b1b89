"""Reads of plans, targets and tasks. Every one takes the user's scope and filters by subtree."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from core.text import search_terms
from org.models import OrgUnit
from org.scope import UserScope
from plans.models import Plan, PlanReference, Target, Task, TaskDeadline, TaskStatus

# --- Visibility --------------------------------------------------------------------------------


def visible_plans_q(scope: UserScope) -> Q:
    """Plans issued in the scope's subtrees, plans of their ancestors (addressed down to them),
    and placeholders that such a plan cites. Nothing of a sibling or another province."""
    if scope.is_superuser:
        return Q()
    issued = scope.unit_q("issuer") | scope.ancestor_q("issuer")
    # Evaluated to a list on purpose: a queryset nested in a Q that is compiled twice (a list
    # page reuses its queryset for a form's choices) gets its aliases rewritten by Django.
    cited = list(
        PlanReference.objects.filter(plan__in=Plan.objects.filter(issued), referenced__issuer=None)
        .values_list("referenced_id", flat=True)
        .distinct()
    )
    return issued | Q(issuer__isnull=True, pk__in=cited)


def parent_target_choices(*, scope: UserScope, plan: Plan) -> QuerySet[Target]:
    """Targets `plan`'s targets may align to: those of the plans it implements, among the plans
    the person may see (a citation never shows another province's targets)."""
    implemented = PlanReference.objects.filter(
        plan=plan, relation=PlanReference.Relation.IMPLEMENTS
    ).values("referenced_id")
    visible = Plan.objects.filter(visible_plans_q(scope), pk__in=implemented)
    return Target.objects.filter(plan__in=visible).select_related("plan")


def plan_list(*, scope: UserScope, query: str = "", unit: OrgUnit | None = None) -> QuerySet[Plan]:
    plans = (
        Plan.objects.filter(visible_plans_q(scope))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .select_related("issuer")
        .annotate(
            target_count=Count("targets", distinct=True), task_count=Count("tasks", distinct=True)
        )
        .order_by("issuer__path", "-issued_on", "-created_at")
    )
    if unit is not None:
        plans = plans.filter(issuer__path__startswith=unit.path)
    for word in search_terms(query):
        plans = plans.filter(search_text__contains=word)
    return plans


def plan_choices(*, scope: UserScope) -> QuerySet[Plan]:
    """Plans a list can be filtered by (no aggregates: a form looks choices up by id)."""
    return (
        Plan.objects.filter(visible_plans_q(scope))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .select_related("issuer")
        .order_by("issuer__path", "-issued_on", "-created_at")
    )


def plan_detail(*, scope: UserScope, pk: int) -> Plan:
    from org.scope import get_in_scope_or_404

    queryset = Plan.objects.select_related("issuer", "movement").prefetch_related(
        Prefetch(
            "references",
            queryset=PlanReference.objects.select_related("referenced__issuer"),
        ),
        Prefetch(
            "referenced_by",
            queryset=PlanReference.objects.filter(
                plan__in=Plan.objects.filter(visible_plans_q(scope))
            ).select_related("plan__issuer"),
            to_attr="visible_citations",
        ),
        Prefetch(
            "targets",
            queryset=Target.objects.select_related(
                "parent_target__plan", "indicator"
            ).prefetch_related("responsible_units"),
        ),
        Prefetch("tasks", queryset=task_rows(Task.objects.all())),
        "phases",
        "milestones",
    )
    return get_in_scope_or_404(queryset, visible_plans_q(scope), pk=pk)


def task_rows(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """Tasks with what a row shows, fetched in a fixed number of queries."""
    return tasks.select_related("plan__issuer").prefetch_related(
        "lead_units",
        "coordinating_units",
        Prefetch("deadlines", queryset=TaskDeadline.objects.all()),
    )


def target_in_scope(*, scope: UserScope, pk: int) -> Target:
    from org.scope import get_in_scope_or_404

    queryset = Target.objects.select_related("plan__issuer", "parent_target__plan", "indicator")
    return get_in_scope_or_404(queryset, _through_plan(visible_plans_q(scope)), pk=pk)


def task_in_scope(*, scope: UserScope, pk: int) -> Task:
    from org.scope import get_in_scope_or_404

    return get_in_scope_or_404(
        task_rows(Task.objects.all()), _through_plan(visible_plans_q(scope)), pk=pk
    )


def _through_plan(plan_q: Q) -> Q:
    return Q(plan__in=Plan.objects.filter(plan_q))


# --- Lists with filters ------------------------------------------------------------------------


@dataclass
class ListFilters:
    query: str = ""
    unit: OrgUnit | None = None
    plan: Plan | None = None
    section: str = ""
    status: str = ""
    due_year: int | None = None


def target_list(*, scope: UserScope, filters: ListFilters) -> QuerySet[Target]:
    targets = (
        Target.objects.filter(_through_plan(visible_plans_q(scope)))
        .select_related("plan__issuer", "parent_target", "indicator")
        .prefetch_related("responsible_units")
        .order_by("plan__issuer__path", "plan_id", "order", "pk")
    )
    if filters.unit is not None:
        targets = targets.filter(
            Q(plan__issuer__path__startswith=filters.unit.path)
            | Q(responsible_units__path__startswith=filters.unit.path)
        ).distinct()
    if filters.plan is not None:
        targets = targets.filter(plan=filters.plan)
    if filters.section:
        targets = targets.filter(section=filters.section)
    if filters.due_year:
        targets = targets.filter(Q(due_year=filters.due_year) | Q(due_date__year=filters.due_year))
    if filters.status == "quantitative":
        targets = targets.filter(value__isnull=False)
    elif filters.status == "qualitative":
        targets = targets.filter(value__isnull=True)
    elif filters.status == "aligned":
        targets = targets.filter(parent_target__isnull=False)
    elif filters.status == "unaligned":
        targets = targets.filter(parent_target__isnull=True)
    for word in search_terms(filters.query):
        targets = targets.filter(search_text__contains=word)
    return targets


def task_list(*, scope: UserScope, filters: ListFilters) -> QuerySet[Task]:
    tasks = task_rows(Task.objects.filter(_through_plan(visible_plans_q(scope)))).order_by(
        "plan__issuer__path", "plan_id", "order", "pk"
    )
    if filters.unit is not None:
        tasks = tasks.filter(
            Q(plan__issuer__path__startswith=filters.unit.path)
            | Q(lead_units__path__startswith=filters.unit.path)
            | Q(coordinating_units__path__startswith=filters.unit.path)
        ).distinct()
    if filters.plan is not None:
        tasks = tasks.filter(plan=filters.plan)
    if filters.section:
        tasks = tasks.filter(section=filters.section)
    if filters.due_year:
        tasks = tasks.filter(due_date__year=filters.due_year)
    today = timezone.localdate()
    if filters.status == "overdue":
        tasks = tasks.exclude(status=TaskStatus.DONE).filter(due_date__lt=today)
    elif filters.status in TaskStatus.values:
        tasks = tasks.filter(status=filters.status)
    for word in search_terms(filters.query):
        tasks = tasks.filter(search_text__contains=word)
    return tasks


def sections_of(*, scope: UserScope, plan: Plan | None, model) -> list[str]:
    rows = model.objects.filter(_through_plan(visible_plans_q(scope))).exclude(section="")
    if plan is not None:
        rows = rows.filter(plan=plan)
    return list(rows.order_by("section").values_list("section", flat=True).distinct()[:300])


# --- Cascade -----------------------------------------------------------------------------------


@dataclass
class CascadeRow:
    unit: OrgUnit
    plans: list[Plan] = field(default_factory=list)
    covered_target_ids: set[int] = field(default_factory=set)

    @property
    def has_plan(self) -> bool:
        return bool(self.plans)


@dataclass
class Cascade:
    plan: Plan
    targets: list[Target]
    rows: list[CascadeRow]

    @property
    def missing_plan_count(self) -> int:
        return sum(1 for row in self.rows if not row.has_plan)

    def uncovered(self, row: CascadeRow) -> list[Target]:
        return [t for t in self.targets if t.pk not in row.covered_target_ids]

    @property
    def unit_rows(self) -> list[tuple[CascadeRow, int, list[tuple[int, Target]]]]:
        """Each unit with how many targets it covers and the numbered targets it misses."""
        numbered = list(enumerate(self.targets, start=1))
        return [
            (
                row,
                len(row.covered_target_ids),
                [(n, t) for n, t in numbered if t.pk not in row.covered_target_ids],
            )
            for row in self.rows
        ]

    @property
    def target_rows(self) -> list[tuple[int, Target, int]]:
        """Each numbered target with how many units' plans have a target aligned to it."""
        return [
            (n, t, sum(1 for row in self.rows if t.pk in row.covered_target_ids))
            for n, t in enumerate(self.targets, start=1)
        ]


def plan_cascade(*, scope: UserScope, plan: Plan) -> Cascade:
    """For each subordinate unit of the issuer: its implementing plans, and which of this plan's
    quantitative targets they align a target to ("đảm bảo đồng bộ", every seed). Only units in
    the viewer's scope are listed, so a commune sees its own row, not its neighbours'."""
    targets = list(plan.targets.filter(value__isnull=False).order_by("order", "pk"))
    if plan.issuer is None:
        return Cascade(plan=plan, targets=targets, rows=[])
    today = timezone.localdate()
    children = (
        OrgUnit.objects.filter(
            path__startswith=plan.issuer.path,
            depth=plan.issuer.depth + 1,
            unit_type__issues_plans=True,
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .filter(scope.unit_q() | scope.ancestor_q())
        .select_related("unit_type")
        .order_by("path")
    )
    rows = {unit.pk: CascadeRow(unit=unit) for unit in children}
    child_plans = Plan.objects.filter(
        issuer_id__in=rows.keys(),
        references__referenced=plan,
        references__relation=PlanReference.Relation.IMPLEMENTS,
    ).distinct()
    for child_plan in child_plans:
        rows[child_plan.issuer_id].plans.append(child_plan)
    aligned = Target.objects.filter(plan__in=child_plans, parent_target__plan=plan).values_list(
        "plan__issuer_id", "parent_target_id"
    )
    for unit_id, target_id in aligned:
        rows[unit_id].covered_target_ids.add(target_id)
    return Cascade(plan=plan, targets=targets, rows=list(rows.values()))


# --- Home --------------------------------------------------------------------------------------


@dataclass
class Agenda:
    plans_to_issue: list[Plan]
    tasks_due: list[Task]
    targets_without_data: int
    cascade_gaps: list[tuple[Plan, int]]


def agenda_for(
    *, scope: UserScope, today: datetime.date | None = None, horizon_days: int = 30
) -> Agenda:
    """What the user has to do now: plans of the level above that their unit has not yet
    implemented, tasks due within `horizon_days` or overdue, targets that cannot get figures."""
    today = today or timezone.localdate()
    roots = scope.root_paths()
    # Plans addressed to my units by their ancestors that none of my units implements yet.
    implemented = PlanReference.objects.filter(
        relation=PlanReference.Relation.IMPLEMENTS,
        plan__in=Plan.objects.filter(scope.unit_q("issuer")),
    ).values("referenced_id")
    plans_to_issue = (
        list(
            Plan.objects.filter(scope.ancestor_q("issuer"))
            .exclude(pk__in=implemented)
            .select_related("issuer")
            .order_by("-issued_on")[:10]
        )
        if roots
        else []
    )
    tasks_due = list(
        task_rows(Task.objects.filter(_through_plan(scope.unit_q("issuer"))))
        .exclude(status=TaskStatus.DONE)
        .filter(due_date__lte=today + datetime.timedelta(days=horizon_days))
        .order_by("due_date")[:15]
    )
    targets_without_data = Target.objects.filter(
        _through_plan(scope.unit_q("issuer")), value__isnull=False, indicator__isnull=True
    ).count()
    own_plans = list(
        Plan.objects.filter(scope.unit_q("issuer"))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .select_related("issuer")
        .order_by("issuer__path", "-created_at")[:5]
    )
    gaps = [(plan, n) for plan, n in cascade_gap_counts(scope=scope, plans=own_plans) if n]
    return Agenda(
        plans_to_issue=plans_to_issue,
        tasks_due=tasks_due,
        targets_without_data=targets_without_data,
        cascade_gaps=gaps,
    )


def cascade_gap_counts(*, scope: UserScope, plans: list[Plan]) -> list[tuple[Plan, int]]:
    """How many subordinate units have not issued an implementing plan, for several plans at
    once, in two queries whatever their number (the home page lists them)."""
    issuers = {plan.issuer.path: plan.issuer for plan in plans if plan.issuer}
    if not issuers:
        return []
    today = timezone.localdate()
    children_q = Q(pk__in=[])
    for issuer in issuers.values():
        children_q |= Q(path__startswith=issuer.path, depth=issuer.depth + 1)
    children = (
        OrgUnit.objects.filter(children_q, unit_type__issues_plans=True)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .filter(scope.unit_q() | scope.ancestor_q())
        .values_list("pk", "path")
    )
    step = OrgUnit.steplen
    children_of: dict[str, set[int]] = {}
    for pk, path in children:
        children_of.setdefault(path[:-step], set()).add(pk)
    implemented: dict[int, set[int]] = {}
    for plan_id, issuer_id in PlanReference.objects.filter(
        referenced__in=plans, relation=PlanReference.Relation.IMPLEMENTS
    ).values_list("referenced_id", "plan__issuer_id"):
        implemented.setdefault(plan_id, set()).add(issuer_id)
    result = []
    for plan in plans:
        expected = children_of.get(plan.issuer.path, set()) if plan.issuer else set()
        result.append((plan, len(expected - implemented.get(plan.pk, set()))))
    return result
