"""Reads of initiatives, always through the user's scope (initiatives.access.visible_q)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from core.text import search_terms
from initiatives.access import OWN_ROLES, led_fields, visible_q
from initiatives.models import Initiative, Replication
from org.models import OrgUnit, Person, Role
from org.scope import UserScope, get_in_scope_or_404
from plans.models import Plan, Target


@dataclass
class InitiativeFilters:
    field: str = ""
    status: str = ""
    level: str = ""
    unit: OrgUnit | None = None
    year: int | None = None
    query: str = ""


def initiative_list(*, scope: UserScope, filters: InitiativeFilters) -> QuerySet[Initiative]:
    """The initiatives the user sees, filtered; the unit filter takes its whole subtree."""
    rows = Initiative.objects.filter(visible_q(scope))
    if filters.field:
        rows = rows.filter(field=filters.field)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.level:
        rows = rows.filter(level=filters.level)
    if filters.unit is not None:
        rows = rows.filter(unit__path__startswith=filters.unit.path)
    if filters.year:
        rows = rows.filter(year=filters.year)
    for word in search_terms(filters.query):
        # Diacritic-free: search_text is folded (core.text.fold), and so are the words.
        rows = rows.filter(Q(search_text__contains=word) | Q(unit__search_text__contains=word))
    return (
        rows.select_related("unit", "person")
        .annotate(replication_count=Count("replications"))
        .order_by("-year", "unit__path", "order", "pk")
    )


def initiative_get(*, scope: UserScope, pk: int) -> Initiative:
    """One initiative the user sees, with what its page shows; anything else is a 404."""
    return get_in_scope_or_404(
        Initiative.objects.select_related("unit", "person", "plan", "created_by").prefetch_related(
            "targets__plan",
            "evidence",
            "replications__unit",
            "events__user",
        ),
        visible_q(scope),
        pk=pk,
    )


def units_without_initiative(
    *, scope: UserScope, year: int, day: datetime.date | None = None
) -> QuerySet[OrgUnit]:
    """Seed 004 §II.2d ("mỗi sở, ban, ngành, địa phương ... có ít nhất 01 mô hình, sáng kiến"):
    the units below the coordinator's own (those of a type that issues plans — departments,
    communes — in force on the day) that registered no initiative for the year."""
    day = day or datetime.date(year, 12, 31)
    roots = [g for g in scope.grants if g.role == Role.COORDINATOR]
    if scope.is_superuser:
        below = Q()
    else:
        below = Q(pk__in=[])
        for grant in roots:
            below |= Q(path__startswith=grant.unit_path) & ~Q(pk=grant.unit_id)
    has_one = Initiative.objects.filter(unit=OuterRef("pk"), year=year)
    return (
        OrgUnit.objects.active_on(day)
        .filter(below, unit_type__issues_plans=True)
        .exclude(Exists(has_one))
        .select_related("unit_type")
        .order_by("path")
    )


def recognised_by_level(
    *, unit_ids: list[int], year: int, until: datetime.date | None = None
) -> dict[int, list[Initiative]]:
    """unit id -> the initiatives it had recognised by a decision dated in the year, up to
    `until` (evaluation's computed criterion reads this)."""
    found: dict[int, list[Initiative]] = {u: [] for u in unit_ids}
    rows = (
        Initiative.objects.filter(
            unit_id__in=unit_ids,
            status=Initiative.Status.RECOGNISED,
            decision_date__year=year,
            decision_date__lte=until or datetime.date(year, 12, 31),
        )
        .only("pk", "unit_id", "title", "level", "decision_number", "decision_date")
        .order_by("decision_date", "pk")
    )
    for row in rows:
        found[row.unit_id].append(row)
    return found


def replications_elsewhere(
    *, unit_ids: list[int], year: int, until: datetime.date | None = None
) -> dict[int, list[Replication]]:
    """unit id -> the replications by other units, begun in the year up to `until`, of the unit's
    recognised initiatives, whatever year they were recognised in: a model that keeps spreading
    is what "khả năng duy trì, nhân rộng, lan tỏa" (seed 004 §III.8a) weighs."""
    found: dict[int, list[Replication]] = {u: [] for u in unit_ids}
    rows = (
        Replication.objects.filter(
            initiative__unit_id__in=unit_ids,
            initiative__status=Initiative.Status.RECOGNISED,
            started_on__year=year,
            started_on__lte=until or datetime.date(year, 12, 31),
        )
        .exclude(unit_id=F("initiative__unit_id"))
        .select_related("initiative", "unit")
        .only("pk", "started_on", "unit__name", "initiative__unit_id", "initiative__title")
        .order_by("started_on", "pk")
    )
    for row in rows:
        found[row.initiative.unit_id].append(row)
    return found


def target_choices(*, units) -> QuerySet[Target]:
    """Targets an initiative of these units may serve: those of the issued plans of the units
    themselves and of the bodies above them (the plans they implement)."""
    step = OrgUnit.steplen
    paths = {u.path[:i] for u in units for i in range(step, len(u.path) + 1, step)}
    return (
        Target.objects.filter(plan__issuer__path__in=sorted(paths), plan__status=Plan.Status.ISSUED)
        .select_related("plan")
        .order_by("plan__issuer__path", "plan_id", "order", "pk")
    )


def people_of(*, units) -> QuerySet[Person]:
    return Person.objects.filter(unit__in=list(units)).order_by("full_name")


def initiatives_to_review(*, scope: UserScope) -> QuerySet[Initiative]:
    """Sent or under review, of the units the user coordinates (the home page's card)."""
    return (
        Initiative.objects.filter(
            scope.unit_q("unit", roles=[Role.COORDINATOR]),
            status__in=[Initiative.Status.SUBMITTED, Initiative.Status.UNDER_REVIEW],
        )
        .select_related("unit")
        .order_by("submitted_at", "pk")
    )


def filter_units(*, scope: UserScope) -> QuerySet[OrgUnit]:
    """The units the list may be filtered by: the user's subtrees, and for a field lead the
    provinces where it leads a field."""
    query = scope.unit_q(roles=OWN_ROLES)
    for path in led_fields(scope):
        query |= Q(path__startswith=path)
    return OrgUnit.objects.filter(query).order_by("path")
