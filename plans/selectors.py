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
    return Target.objects.filter(plan__in=visible).select_related("plan__issuer")


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
                "parent_target__plan__issuer", "indicator"
            ).prefetch_related("responsible_units"),
        ),
        Prefetch("tasks", queryset=task_rows(Task.objects.all())),
        "phases",
        "milestones",
        "awards",
    )
    return get_in_scope_or_404(queryset, visible_plans_q(scope), pk=pk)


def task_rows(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """Tasks with what a row shows, fetched in a fixed number of queries."""
    return tasks.select_related("plan__issuer", "person_in_charge__unit").prefetch_related(
        "lead_units",
        "coordinating_units",
        Prefetch("deadlines", queryset=TaskDeadline.objects.all()),
    )


def target_in_scope(*, scope: UserScope, pk: int) -> Target:
    from org.scope import get_in_scope_or_404

    queryset = Target.objects.select_related(
        "plan__issuer", "parent_target__plan__issuer", "indicator"
    )
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


def plan_year(plan: Plan) -> int | None:
    """The year a plan was issued in, by its date as written (dd/mm/yyyy, mm/yyyy or yyyy)."""
    if plan.issued_on:
        return plan.issued_on.year
    if plan.issued_period[:4].isdigit():
        return int(plan.issued_period[:4])
    return None


@dataclass
class CascadeRow:
    unit: OrgUnit
    plans: list[Plan] = field(default_factory=list)
    covered_target_ids: set[int] = field(default_factory=set)
    year: int | None = None

    @property
    def has_plan(self) -> bool:
        return bool(self.plans)

    @property
    def plans_of_year(self) -> list[Plan]:
        """Implementing plans issued in the year looked at (seed 004 §II.2b: a plan each year)."""
        return [p for p in self.plans if self.year is not None and plan_year(p) == self.year]

    @property
    def has_plan_of_year(self) -> bool:
        return bool(self.plans_of_year)


@dataclass
class Cascade:
    plan: Plan
    targets: list[Target]
    rows: list[CascadeRow]
    year: int | None = None
    # The rows a search keeps; the counts above the table are of every row.
    shown_rows: list[CascadeRow] | None = None

    @property
    def missing_plan_count(self) -> int:
        return sum(1 for row in self.rows if not row.has_plan)

    @property
    def issued_in_year_count(self) -> int:
        return sum(1 for row in self.rows if row.has_plan_of_year)

    def uncovered(self, row: CascadeRow) -> list[Target]:
        return [t for t in self.targets if t.pk not in row.covered_target_ids]

    @property
    def unit_rows(self) -> list[tuple[CascadeRow, int, list[tuple[int, Target]]]]:
        """Each shown unit with how many targets it covers and the numbered targets it misses."""
        numbered = list(enumerate(self.targets, start=1))
        return [
            (
                row,
                len(row.covered_target_ids),
                [(n, t) for n, t in numbered if t.pk not in row.covered_target_ids],
            )
            for row in (self.rows if self.shown_rows is None else self.shown_rows)
        ]

    @property
    def target_rows(self) -> list[tuple[int, Target, int]]:
        """Each numbered target with how many units' plans have a target aligned to it."""
        return [
            (n, t, sum(1 for row in self.rows if t.pk in row.covered_target_ids))
            for n, t in enumerate(self.targets, start=1)
        ]


def cascade_years(plan: Plan, today: datetime.date | None = None) -> list[int]:
    """Years a cascade can be looked at in: the movement's (2026–2030), else the plan's year
    to this year."""
    today = today or timezone.localdate()
    if plan.movement is not None:
        return list(range(plan.movement.start_year, plan.movement.end_year + 1))
    first = min(plan_year(plan) or today.year, today.year)
    return list(range(first, today.year + 1))


def cascade_default_year(years: list[int], today: datetime.date | None = None) -> int:
    """This year, or the movement's nearest year when today is outside it."""
    this_year = (today or timezone.localdate()).year
    return min(max(this_year, years[0]), years[-1]) if years else this_year


def plan_cascade(
    *, scope: UserScope, plan: Plan, year: int | None = None, query: str = ""
) -> Cascade:
    """For each subordinate unit of the issuer: its implementing plans (those of `year` apart),
    and which of this plan's quantitative targets they align a target to ("đảm bảo đồng bộ",
    every seed). Only units in the viewer's scope are listed, so a commune sees its own row,
    not its neighbours'. `query` keeps the rows whose unit matches (diacritics ignored); the
    counts stay those of every unit. Four queries, whatever the number of units."""
    targets = list(plan.targets.filter(value__isnull=False).order_by("order", "pk"))
    if plan.issuer is None:
        return Cascade(plan=plan, targets=targets, rows=[], year=year)
    today = timezone.localdate()
    children = (
        OrgUnit.objects.active_on(today)
        .filter(
            path__startswith=plan.issuer.path,
            depth=plan.issuer.depth + 1,
            unit_type__issues_plans=True,
        )
        .filter(scope.unit_q() | scope.ancestor_q())
        .select_related("unit_type")
        .order_by("path")
    )
    rows = {unit.pk: CascadeRow(unit=unit, year=year) for unit in children}
    child_plans = (
        Plan.objects.filter(
            issuer_id__in=rows.keys(),
            references__referenced=plan,
            references__relation=PlanReference.Relation.IMPLEMENTS,
        )
        .exclude(status=Plan.Status.PLACEHOLDER)
        .select_related("issuer")
        .order_by("issued_on", "issued_period", "pk")
        .distinct()
    )
    for child_plan in child_plans:
        rows[child_plan.issuer_id].plans.append(child_plan)
    aligned = Target.objects.filter(plan__in=child_plans, parent_target__plan=plan).values_list(
        "plan__issuer_id", "parent_target_id"
    )
    for unit_id, target_id in aligned:
        rows[unit_id].covered_target_ids.add(target_id)
    every_row = list(rows.values())
    words = search_terms(query)
    shown = None
    if words:
        shown = [row for row in every_row if all(w in row.unit.search_text for w in words)]
    return Cascade(plan=plan, targets=targets, rows=every_row, year=year, shown_rows=shown)


# --- Home --------------------------------------------------------------------------------------


@dataclass
class TargetCoverage:
    """How a set of quantitative targets is followed (issue 10: "7 of 45 targets monitored;
    38 not yet", never a "no data: 0" that hides the targets nobody reports on)."""

    monitored: int  # linked to an indicator that units report
    elsewhere: int  # measured outside the reports, with a reason (Target.measured_elsewhere)
    not_yet: int  # neither: nothing will ever give them a figure until someone acts

    @property
    def total(self) -> int:
        return self.monitored + self.elsewhere + self.not_yet


def target_coverage(targets: QuerySet[Target]) -> TargetCoverage:
    """Count the quantitative targets (those with a value) of `targets` by how they are
    followed, in one query."""
    unlinked = Q(indicator__isnull=True)
    counts = targets.filter(value__isnull=False).aggregate(
        monitored=Count("pk", filter=Q(indicator__isnull=False)),
        elsewhere=Count("pk", filter=unlinked & ~Q(measured_elsewhere="")),
        not_yet=Count("pk", filter=unlinked & Q(measured_elsewhere="")),
    )
    return TargetCoverage(**counts)


@dataclass
class Agenda:
    plans_to_issue: list[Plan]
    tasks_due: list[Task]
    targets: TargetCoverage
    cascade_gaps: list[tuple[Plan, int]]

    @property
    def targets_without_data(self) -> int:
        """Quantitative targets that no report feeds and nobody said are measured elsewhere."""
        return self.targets.not_yet


# A chain of plans implementing plans is a few levels deep (nation, province, commune, village);
# the walk stops here whatever the data, so the home page's queries stay bounded.
MAX_CHAIN = 8


def plans_implemented_by(plans: QuerySet[Plan]) -> set[int]:
    """Ids of the plans that `plans` implement, directly or through a chain: the commune's plan
    implements the province's yearly plan, which implements the province's movement plan, so
    the commune implements both. One query per link of the chain."""
    implements = PlanReference.objects.filter(relation=PlanReference.Relation.IMPLEMENTS)
    frontier = set(implements.filter(plan__in=plans).values_list("referenced_id", flat=True))
    reached: set[int] = set()
    for _step in range(MAX_CHAIN):
        frontier -= reached
        if not frontier:
            break
        reached |= frontier
        frontier = set(
            implements.filter(plan_id__in=frontier).values_list("referenced_id", flat=True)
        )
    return reached


def plans_to_issue(*, scope: UserScope, limit: int = 10) -> list[Plan]:
    """Plans of the levels above that none of the scope's units implements yet.

    A plan counts as implemented through a chain of implementing plans, and through a
    placeholder that stands for it (a plan cited by its number before it was entered: same
    kind, number and issuer). A placeholder itself is never asked for: it is known only from a
    citation, so whom it addresses is not known (seed 001 cites 139/KH-UBND of the province,
    which asks nothing of the commune of seed 002)."""
    from plans.services import normalize_number

    if not scope.root_paths():
        return []
    reached = plans_implemented_by(Plan.objects.filter(scope.unit_q("issuer")))
    stand_ins = {
        (doc_type, normalize_number(number), issuer_id)
        for doc_type, number, issuer_id in Plan.objects.filter(
            pk__in=reached, status=Plan.Status.PLACEHOLDER
        )
        .exclude(number="")
        .values_list("doc_type", "number", "issuer_id")
    }
    candidates = (
        Plan.objects.filter(scope.ancestor_q("issuer"))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .exclude(pk__in=reached)
        .select_related("issuer")
        .order_by("-issued_on", "-created_at")
    )
    found = []
    for plan in candidates[: limit * 20]:
        key = (plan.doc_type, normalize_number(plan.number))
        if plan.number and ({(*key, plan.issuer_id), (*key, None)} & stand_ins):
            continue
        found.append(plan)
        if len(found) == limit:
            break
    return found


def agenda_for(
    *, scope: UserScope, today: datetime.date | None = None, horizon_days: int = 30
) -> Agenda:
    """What a coordinator has to do now: plans of the level above that their unit has not yet
    implemented, tasks due within `horizon_days` or overdue, targets that cannot get figures."""
    today = today or timezone.localdate()
    tasks_due = list(
        task_rows(Task.objects.filter(_through_plan(scope.unit_q("issuer"))))
        .exclude(status=TaskStatus.DONE)
        .filter(due_date__lte=today + datetime.timedelta(days=horizon_days))
        .order_by("due_date")[:15]
    )
    targets = target_coverage(Target.objects.filter(_through_plan(scope.unit_q("issuer"))))
    own_plans = list(
        Plan.objects.filter(scope.unit_q("issuer"))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .select_related("issuer")
        .order_by("issuer__path", "-created_at")[:5]
    )
    gaps = [(plan, n) for plan, n in cascade_gap_counts(scope=scope, plans=own_plans) if n]
    return Agenda(
        plans_to_issue=plans_to_issue(scope=scope),
        tasks_due=tasks_due,
        targets=targets,
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
        OrgUnit.objects.active_on(today)
        .filter(children_q, unit_type__issues_plans=True)
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
