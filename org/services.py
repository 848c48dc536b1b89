"""Writes of the organisation: moving a unit between emulation blocks, and the households and
enterprises a coordinator keeps. Views, commands, the demo and tests all call these."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from org.models import BlockMembership, EmulationBlock, Enterprise, Household, OrgUnit
from org.scope import UserScope


def _day(value: datetime.date) -> str:
    return f"{value:%d/%m/%Y}"


@transaction.atomic
def block_membership_move(
    *,
    scope: UserScope,
    user,
    unit: OrgUnit,
    block: EmulationBlock,
    valid_from: datetime.date,
    reason: str,
) -> BlockMembership:
    """Move the unit into `block` from `valid_from` (that day included): the open membership
    ends the day before and the new one opens, in one transaction, so intervals never overlap
    and a ranking at any cutoff finds the unit in exactly one block. A unit in no block joins
    one the same way.

    Refused (ValidationError keyed by field, nothing changed): a block of another province, the
    block the unit is already in, a day after today (today's block is what `OrgUnit.block`
    holds), a day not after the start of the current membership (the past is not rewritten),
    a blank reason."""
    if not scope.can_manage(block.province):
        raise PermissionDenied
    reason = (reason or "").strip()
    errors: dict[str, str] = {}
    if not reason:
        errors["reason"] = _("Ghi rõ lý do chuyển khối.")
    today = timezone.localdate()
    if valid_from is None:
        errors["valid_from"] = _("Nhập ngày bắt đầu ở khối mới.")
    elif valid_from > today:
        errors["valid_from"] = _("Ngày chuyển khối không được sau hôm nay (%(day)s).") % {
            "day": _day(today)
        }
    province = block.province
    if not (unit.path.startswith(province.path) and unit.depth > province.depth):
        errors["block"] = _("Khối thi đua này không thuộc tỉnh của đơn vị.")
    # Lock the unit: two moves of the same unit at once would both see the same open row.
    OrgUnit.objects.select_for_update().filter(pk=unit.pk).first()
    current = (
        BlockMembership.objects.filter(unit=unit, valid_to__isnull=True)
        .select_related("block")
        .first()
    )
    last_end = (
        BlockMembership.objects.filter(unit=unit, valid_to__isnull=False)
        .order_by("-valid_to")
        .values_list("valid_to", flat=True)
        .first()
    )
    if current is not None and current.block_id == block.pk and "block" not in errors:
        errors["block"] = _("Đơn vị đang thuộc %(block)s.") % {"block": block.name}
    if valid_from is not None and "valid_from" not in errors:
        if current is not None and current.valid_from and valid_from <= current.valid_from:
            errors["valid_from"] = _(
                "Đơn vị thuộc %(block)s từ ngày %(day)s: ngày chuyển phải sau ngày đó."
            ) % {"block": current.block.name, "day": _day(current.valid_from)}
        elif current is None and last_end is not None and valid_from <= last_end:
            errors["valid_from"] = _("Ngày chuyển phải sau ngày %(day)s.") % {"day": _day(last_end)}
    if errors:
        raise ValidationError(errors)
    if current is not None:
        current.valid_to = valid_from - datetime.timedelta(days=1)
        current.save(update_fields=["valid_to"])
    membership = BlockMembership.objects.create(
        unit=unit,
        block=block,
        valid_from=valid_from,
        changed_by=user,
        reason=reason,
    )
    # The new membership covers today (valid_from <= today): it is the current block. A plain
    # update: the membership rows are the history, and a unit save would retire every kept scope.
    OrgUnit.objects.filter(pk=unit.pk).update(block=block)
    unit.block = block
    return membership


# Households and enterprises.


def _check_place(scope: UserScope, unit: OrgUnit | None) -> None:
    if unit is None or not scope.can_manage(unit):
        raise PermissionDenied
    if not unit.unit_type.is_locality:
        raise ValidationError({"unit": _("Chỉ gắn với tỉnh, xã/phường hoặc thôn/bản/tổ dân phố.")})


def _save_subject(instance, *, scope: UserScope, user, fields: dict):
    for name, value in fields.items():
        setattr(instance, name, value)
    _check_place(scope, instance.unit if instance.unit_id else None)
    instance.full_clean()
    instance._history_user = user  # simple_history: who made this version
    instance.save()
    return instance


@transaction.atomic
def household_save(
    *, scope: UserScope, user, household: Household | None = None, **fields
) -> Household:
    """Create or change a household of the coordinator's commune or village; every version is
    kept with who saved it."""
    if household is not None and not scope.can_manage(household.unit):
        raise PermissionDenied
    return _save_subject(household or Household(), scope=scope, user=user, fields=fields)


@transaction.atomic
def enterprise_save(
    *, scope: UserScope, user, enterprise: Enterprise | None = None, **fields
) -> Enterprise:
    """Create or change an enterprise or cooperative operating in the coordinator's subtree."""
    if enterprise is not None and not scope.can_manage(enterprise.unit):
        raise PermissionDenied
    return _save_subject(enterprise or Enterprise(), scope=scope, user=user, fields=fields)
