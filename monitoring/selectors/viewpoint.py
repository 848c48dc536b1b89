"""Which plan and which unit a person looks at: the dashboards' entry, through their scope."""

from django.db.models import QuerySet
from django.http import Http404

from org.models import OrgUnit
from org.scope import UserScope, get_in_scope_or_404
from plans.models import Plan
from plans.selectors import visible_plans_q
from reporting.selectors import reports_visible, reports_visible_q


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
    """The unit whose figures a dashboard of `plan` shows: the one asked for if the user may
    read its reports, else the plan's issuer if they may, else the user's own unit below the
    issuer (a commune sees the province's targets with its own figures, never the province's).
    Figures, task states and lateness are read by the rule of reports (reports_visible_q): a
    commune's reporter sees the commune's, not its villages' one by one."""
    issuer = plan.issuer
    if issuer is None:
        raise Http404
    if unit is not None:
        if not unit.path.startswith(issuer.path) or not reports_visible(scope, unit):
            raise Http404
        return unit
    if reports_visible(scope, issuer):
        return issuer
    below = [g.unit_id for g in scope.grants if g.unit_path.startswith(issuer.path)]
    readable = {u.pk: u for u in OrgUnit.objects.filter(reports_visible_q(scope, ""), pk__in=below)}
    for unit_id in below:
        if unit_id in readable:
            return readable[unit_id]
    raise Http404


def readable_plans(*, scope: UserScope, plans, limit: int) -> list[Plan]:
    """The first `limit` plans among `plans` of which the user reads some unit's figures (a
    block leader with no other role reads none: viewpoint refuses them)."""
    readable = []
    for plan in plans:
        if len(readable) == limit:
            break
        try:
            viewpoint(scope, plan)
        except Http404:
            continue
        readable.append(plan)
    return readable


def unit_in_scope(*, scope: UserScope, pk: int) -> OrgUnit:
    """A unit whose figures the user may read: the units whose reports they may read."""
    return get_in_scope_or_404(
        OrgUnit.objects.select_related("unit_type", "block"), reports_visible_q(scope, ""), pk=pk
    )
