"""Reads of the organisation tree, always through a scope."""

from django.db.models import QuerySet

from core.text import fold
from org.models import OrgUnit
from org.scope import UserScope


def unit_list(*, scope: UserScope, query: str = "") -> QuerySet[OrgUnit]:
    units = scope.units().select_related("unit_type", "block").order_by("path")
    for word in fold(query).split():
        units = units.filter(search_text__contains=word)
    return units


def unit_subtree(unit: OrgUnit) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(path__startswith=unit.path)


def units_match_names(*, names: list[str], within: OrgUnit) -> dict[str, OrgUnit | None]:
    """Match unit names as a plan writes them ("Văn phòng", "Phòng Quản lý doanh nghiệp") to
    units of `within`'s subtree. A name matches when its folded form equals a unit's folded name
    or short name, or is the unit's name without the parent's name appended. Names that match
    nothing, or more than one unit, stay unmatched: a person confirms them.
    """
    candidates = list(unit_subtree(within).only("id", "name", "short_name", "path"))
    index: dict[str, list[OrgUnit]] = {}
    for unit in candidates:
        keys = {fold(unit.name), fold(unit.short_name)}
        keys.update(fold(unit.name).split(" - ")[:1])
        for key in keys - {""}:
            index.setdefault(key, []).append(unit)
    result = {}
    for name in names:
        found = index.get(fold(name), [])
        result[name] = found[0] if len(found) == 1 else None
    return result
