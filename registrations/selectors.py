"""Reads of registrations, always through the user's scope (reporting.selectors.reports_visible_q:
heads, coordinators, leaders and the council read their subtree, a reporter their own unit)."""

from django.db.models import QuerySet

from org.scope import UserScope, get_in_scope_or_404
from plans.models import Plan
from registrations.models import Registration
from reporting.selectors import reports_visible_q


def registration_in_scope(*, scope: UserScope, pk: int) -> Registration:
    queryset = Registration.objects.select_related("unit", "plan__issuer", "approved_by")
    return get_in_scope_or_404(queryset, reports_visible_q(scope), pk=pk)


def registration_list(*, scope: UserScope) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(reports_visible_q(scope))
        .select_related("unit", "plan__issuer")
        .order_by("-year", "unit__path")
    )


def plans_to_register(*, scope: UserScope) -> QuerySet[Plan]:
    """Plans a unit registers under: issued by its ancestors or itself, with targets."""
    return (
        Plan.objects.filter(scope.ancestor_q("issuer") | scope.unit_q("issuer"))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .filter(targets__isnull=False)
        .select_related("issuer")
        .distinct()
        .order_by("issuer__path", "-created_at")
    )
