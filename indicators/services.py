"""Defining an indicator: who owns it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from indicators.models import Indicator
from indicators.selectors import province_path
from org.models import OrgUnit, Role
from org.scope import UserScope


def indicator_owner(scope: UserScope) -> OrgUnit | None:
    """The province a new indicator belongs to: the coordinator's (the first grant's, for one
    who coordinates in two); none for the catalogue admin, whose indicators all provinces see."""
    if scope.is_superuser:
        return None
    coordinating = [g for g in scope.grants if g.role == Role.COORDINATOR]
    if not coordinating:
        raise PermissionDenied
    return OrgUnit.objects.get(path=province_path(coordinating[0].unit_path))


@transaction.atomic
def indicator_create(*, scope: UserScope, indicator: Indicator) -> Indicator:
    """Save a new indicator (built and checked by a form) as its author's province's own."""
    indicator.owner = indicator_owner(scope)
    indicator.save()
    return indicator
