"""Who is scored and in which block: the one place evaluation reads block membership, so that
membership with history (a unit ranked where it was on the cutoff day) changes only here."""

import datetime

from django.db.models import QuerySet

from org.models import EmulationBlock, OrgUnit
from org.selectors import block_members, memberships_on, unit_block_ids_on


def scheme_blocks(province: OrgUnit) -> QuerySet[EmulationBlock]:
    """The emulation blocks a scheme of `province` ranks (Lào Cai: 21)."""
    return EmulationBlock.objects.filter(province=province).order_by("order", "name")


def block_units(block: EmulationBlock, cutoff: datetime.date) -> QuerySet[OrgUnit]:
    """The units of a block on the cutoff day, in force that day (a unit moved mid-year is
    ranked where it was on the cutoff day)."""
    return block_members(block, cutoff)


def province_units(province: OrgUnit, cutoff: datetime.date) -> QuerySet[OrgUnit]:
    """Every unit in one of the province's blocks on the cutoff day (the scheme's subjects)."""
    members = memberships_on(cutoff).filter(block__province=province).values("unit_id")
    return OrgUnit.objects.active_on(cutoff).filter(pk__in=members).order_by("path")


def unit_blocks(unit_ids, cutoff: datetime.date) -> dict[int, int]:
    """unit id -> the id of the block it belonged to on the cutoff day (units in none left out)."""
    return unit_block_ids_on(unit_ids, cutoff)


def block_member_ids(block_ids, cutoff: datetime.date):
    """The ids of the units of these blocks on the cutoff day, as a subquery."""
    return memberships_on(cutoff).filter(block_id__in=list(block_ids)).values("unit_id")
