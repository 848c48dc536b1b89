"""Which plan and which unit a person looks at: the dashboards' entry, through their scope."""

from django.db.models import QuerySet
from django.http import Http404

from org.models import OrgUnit
from org.scope import UserScope, get_in_scope_or_404
from plans.models import Plan
from plans.selectors import visible_plans_q


def monitored_plans(*, scope: UserScope) -> QuerySet[Plan]:
    """Plans with a reporting schedule that the user can see."""
    return (
        Plan.objects.filter(visible_plans_q(scope), schedules__isnull=False)
        .select_related("issuer")
        .distinct()
        .order_by("issuer__path", "-created_at")
    )


def plan_in_scope(*, scope: UserScope, pk: int) -> Plan:
    queryset = Plan.objects.select_related("issuer", "movement")
    return get_in_scope_or_404(queryset, visible_plans_q(scope), pk=pk)


def viewpoint(scope: UserScope, plan: Plan, unit: OrgUnit | None = None) -> OrgUnit:
    """The unit whose figures a dashboard of `plan` shows: the one asked for if the user may see
    it, else the plan's issuer if the user covers it, else the user's own unit below the issuer
    (a commune sees the province's targets with its own figures, never the province's)."""
    issuer = plan.issuer
    if issuer is None:
        raise Http404
    if unit is not None:
        if not unit.path.startswith(issuer.path) or not scope.covers(unit):
            raise Http404
        return unit
    if scope.covers(issuer):
        return issuer
    for grant in scope.grants:
        if grant.unit_path.startswith(issuer.path):
            return OrgUnit.objects.get(pk=grant.unit_id)
    raise Http404


def unit_in_scope(*, scope: UserScope, pk: int) -> OrgUnit:
    return get_in_scope_or_404(
        OrgUnit.objects.select_related("unit_type", "block"), scope.unit_q(), pk=pk
    )
