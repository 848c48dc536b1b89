"""Who is scored and in which block: the one place evaluation reads block membership, so that
membership with history (a unit ranked where it was on the cutoff day) changes only here."""

import datetime

from django.db.models import QuerySet

from org.models import EmulationBlock, OrgUnit


def scheme_blocks(province: OrgUnit) -> QuerySet[EmulationBlock]:
    """The emulation blocks a scheme of `province` ranks (Lào Cai: 21)."""
    return EmulationBlock.objects.filter(province=province).order_by("order", "name")


def block_units(block: EmulationBlock, cutoff: datetime.date) -> QuerySet[OrgUnit]:
    """The units of a block on the cutoff day, in force that day."""
    return OrgUnit.objects.active_on(cutoff).filter(block=block).order_by("path")


def province_units(province: OrgUnit, cutoff: datetime.date) -> QuerySet[OrgUnit]:
    """Every unit in one of the province's blocks on the cutoff day (the scheme's subjects)."""
    return OrgUnit.objects.active_on(cutoff).filter(block__province=province).order_by("path")


def unit_blocks(unit_ids, cutoff: datetime.date) -> dict[int, int]:
    """unit id -> the id of the block it belonged to on the cutoff day (units in none left out)."""
    rows = OrgUnit.objects.filter(pk__in=list(unit_ids), block__isnull=False).values_list(
        "pk", "block_id"
    )
    return dict(rows)
