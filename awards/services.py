"""Writes of the awards app that are not the admin's (catalogue and registry rows are kept in
the admin): the province's classification thresholds."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import ClassificationLevel, ClassificationPolicy
from org.models import OrgUnit
from org.scope import UserScope


@transaction.atomic
def classification_policy_save(
    *,
    scope: UserScope,
    province: OrgUnit,
    user,
    excellent_min_percent: Decimal,
    good_min_percent: Decimal,
    done_min_percent: Decimal,
    reports_fault_cap: str,
) -> ClassificationPolicy:
    """The standing office of the province sets its thresholds; each level needs more than the
    one below it, all within 0–100 %."""
    if not scope.can_manage(province):
        raise PermissionDenied
    errors = {}
    for name, value in (
        ("excellent_min_percent", excellent_min_percent),
        ("good_min_percent", good_min_percent),
        ("done_min_percent", done_min_percent),
    ):
        if value is None or not (0 <= value <= 100):
            errors[name] = _("Nhập tỷ lệ từ 0 đến 100.")
    if not errors and not (excellent_min_percent > good_min_percent > done_min_percent):
        errors["good_min_percent"] = _(
            "Ngưỡng phải giảm dần: Hoàn thành xuất sắc > Hoàn thành tốt > Hoàn thành."
        )
    if reports_fault_cap not in ClassificationLevel.values:
        errors["reports_fault_cap"] = _("Chọn một mức xếp loại.")
    if errors:
        raise ValidationError(errors)
    policy, _created = ClassificationPolicy.objects.select_for_update().get_or_create(
        province=province
    )
    policy.excellent_min_percent = excellent_min_percent
    policy.good_min_percent = good_min_percent
    policy.done_min_percent = done_min_percent
    policy.reports_fault_cap = reports_fault_cap
    policy.updated_by = user
    policy.save()
    return policy
