"""Who may do what with a report or a registration (issue #5: a reporter edits only the reports
of their unit, a head approves only their unit, the coordinator of the body a report is addressed
to accepts it). Seeing follows the subtree rule of org.scope for heads, coordinators, leaders and
the council, and stops at their own unit for reporters (selectors.reports_visible_q); acting on a
report never follows the subtree: a province's head does not approve a commune's report. Acting
needs a grant: the catalogue admin, a superuser for the admin site's catalogues, approves,
accepts, returns and reopens nothing (separation of duties, issue #13 Low 12)."""

from org.models import OrgUnit, Role
from org.scope import UserScope


def holds_on(scope: UserScope, unit: OrgUnit, role: str) -> bool:
    """The role is granted on this very unit, not on one of its ancestors. Being a superuser
    (the catalogue admin) is no grant: only the application itself acts without one."""
    return scope.is_system or any(g.role == role and g.unit_id == unit.pk for g in scope.grants)


def may_report(scope: UserScope, unit: OrgUnit) -> bool:
    return holds_on(scope, unit, Role.REPORTER)


def may_approve(scope: UserScope, unit: OrgUnit) -> bool:
    return holds_on(scope, unit, Role.HEAD)


def may_receive(scope: UserScope, plan) -> bool:
    """Accepting, returning after approval and reopening belong to the coordinator of the body
    that issued the plan the report answers (the board and the periods are theirs too)."""
    if plan.issuer is None:
        return False
    return scope.is_system or scope.granted().can_manage(plan.issuer)
