"""Which indicators a person may pick: the catalogue's and their own province's."""

from django.db.models import Q, QuerySet

from indicators.models import Indicator
from org.models import OrgUnit
from org.scope import UserScope


def province_path(unit_path: str) -> str:
    """The path of the province (the tree's root) a unit is in."""
    return unit_path[: OrgUnit.steplen]


def province_paths(scope: UserScope) -> list[str]:
    """The paths of the provinces the person holds a role in."""
    return sorted({province_path(g.unit_path) for g in scope.grants})


def visible_indicators_q(scope: UserScope) -> Q:
    """The catalogue's indicators (no owner) and those owned by the person's provinces; another
    province's indicator is never offered, named or accepted in a form."""
    if scope.is_superuser:
        return Q()
    return Q(owner__isnull=True) | Q(owner__path__in=province_paths(scope))


def visible_indicators(scope: UserScope) -> QuerySet[Indicator]:
    return Indicator.objects.filter(visible_indicators_q(scope))
