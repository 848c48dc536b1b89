"""Who sees which initiatives and who may take which step: the one place it is decided.

Seeing (`visible_q`):
- any role on a unit sees the initiatives of the unit's subtree (org.scope), except the
  field-lead role, which covers no subtree here;
- a field lead (Role.FIELD_LEAD on a unit listed in FieldLead for a field) sees that field's
  initiatives in the unit's whole province (seed 004 §V.2b–c), and nothing else extra;
- a recognised initiative is seen by everyone of its province: it is there to be replicated
  (nhân rộng, seed 004 §II.2đ).

Acting follows reporting.permissions: the reporter or the head of the unit registers, edits and
sends; a coordinator covering the unit reviews, recognises (at cấp tỉnh only when they
coordinate the whole province), returns or refuses; the reporter or head of another unit records
that it replicated a recognised one. `InitiativeActions(scope, initiative).can_submit` is both
what the service requires and what the page asks before drawing the button.
"""

from functools import cached_property

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from initiatives.models import FieldLead, Initiative
from org.models import OrgUnit, Role
from org.scope import UserScope
from reporting import permissions

OWN_ROLES = tuple(r for r in Role.values if r != Role.FIELD_LEAD)
AUTHOR_ROLES = (Role.REPORTER, Role.HEAD)


class InitiativeLocked(ValidationError):
    """The initiative cannot take this step in its present state."""


def province_path(path: str) -> str:
    return path[: OrgUnit.steplen]


def led_fields(scope: UserScope) -> dict[str, set[str]]:
    """Province path -> the fields the user leads there (one query, cached on the scope)."""
    cached = getattr(scope, "_led_fields", None)
    if cached is not None:
        return cached
    unit_ids = [g.unit_id for g in scope.grants if g.role == Role.FIELD_LEAD]
    found: dict[str, set[str]] = {}
    if unit_ids:
        for path, field in FieldLead.objects.filter(unit_id__in=unit_ids).values_list(
            "unit__path", "field"
        ):
            found.setdefault(province_path(path), set()).add(field)
    scope._led_fields = found
    return found


def visible_q(scope: UserScope, prefix: str = "") -> Q:
    """Q over Initiative (reached through `prefix`, e.g. "initiative__") for what `scope` sees."""
    if scope.is_superuser:
        return Q()
    query = scope.unit_q(f"{prefix}unit", roles=OWN_ROLES)
    for path, fields in led_fields(scope).items():
        in_province = {f"{prefix}unit__path__startswith": path}
        query |= Q(**in_province, **{f"{prefix}field__in": sorted(fields)})
    provinces = {province_path(g.unit_path) for g in scope.grants}
    for path in sorted(provinces):
        in_province = {f"{prefix}unit__path__startswith": path}
        query |= Q(**in_province, **{f"{prefix}status": Initiative.Status.RECOGNISED})
    return query


def may_register(scope: UserScope, unit: OrgUnit) -> bool:
    return permissions.may_report(scope, unit) or permissions.may_approve(scope, unit)


def require_author(scope: UserScope, unit: OrgUnit) -> None:
    _require(may_register(scope, unit))


def author_units(scope: UserScope):
    """The units for which the user registers initiatives (reporter or head on the unit)."""
    if scope.is_superuser:
        return OrgUnit.objects.none()
    ids = {g.unit_id for g in scope.grants if g.role in AUTHOR_ROLES}
    return OrgUnit.objects.filter(pk__in=ids).order_by("path")


def coordinates(scope: UserScope) -> bool:
    return scope.has_role(Role.COORDINATOR)


class InitiativeActions:
    def __init__(self, scope: UserScope, initiative: Initiative):
        self.scope = scope
        self.initiative = initiative

    @cached_property
    def is_author(self) -> bool:
        return may_register(self.scope, self.initiative.unit)

    @cached_property
    def is_reviewer(self) -> bool:
        return self.scope.can_manage(self.initiative.unit)

    @cached_property
    def reviews_for_province(self) -> bool:
        """Cấp tỉnh is the province's council: only a coordinator of the whole province."""
        province = province_path(self.initiative.unit.path)
        return self.scope.is_superuser or any(
            g.role == Role.COORDINATOR and g.unit_path == province for g in self.scope.grants
        )

    @property
    def status(self) -> str:
        return self.initiative.status

    @property
    def can_edit(self) -> bool:
        return self.is_author and self.initiative.is_editable

    can_submit = can_edit

    @property
    def can_review(self) -> bool:
        return self.is_reviewer and self.status == Initiative.Status.SUBMITTED

    @property
    def can_recognise(self) -> bool:
        return self.is_reviewer and self.status == Initiative.Status.UNDER_REVIEW

    @property
    def can_return(self) -> bool:
        return self.is_reviewer and self.status in (
            Initiative.Status.SUBMITTED,
            Initiative.Status.UNDER_REVIEW,
        )

    can_refuse = can_return

    @property
    def levels(self) -> list[tuple[str, str]]:
        return [
            (value, label)
            for value, label in Initiative.Level.choices
            if value != Initiative.Level.PROVINCE or self.reviews_for_province
        ]

    @cached_property
    def replicating_units(self) -> list[OrgUnit]:
        """Units the user may record a replication for: those they report for or head, not the
        initiative's own, not already recorded."""
        if self.status != Initiative.Status.RECOGNISED:
            return []
        done = {r.unit_id for r in self.initiative.replications.all()}
        return [
            u
            for u in author_units(self.scope)
            if u.pk != self.initiative.unit_id and u.pk not in done
        ]

    @property
    def can_replicate(self) -> bool:
        return bool(self.replicating_units)

    # --- what the services require ---

    def require_edit(self) -> None:
        _require(self.is_author)
        if not self.initiative.is_editable:
            raise InitiativeLocked(_("Sáng kiến đã gửi, không sửa được."))

    def require_submit(self) -> None:
        self.require_edit()

    def require_review(self) -> None:
        _require(self.is_reviewer)
        if self.status != Initiative.Status.SUBMITTED:
            raise InitiativeLocked(_("Chỉ tiếp nhận được sáng kiến đã gửi."))

    def require_recognise(self, level: str) -> None:
        _require(self.is_reviewer)
        if self.status != Initiative.Status.UNDER_REVIEW:
            raise InitiativeLocked(_("Chỉ công nhận được sáng kiến đang xem xét."))
        if level not in dict(self.levels):
            raise ValidationError({"level": _("Chọn cấp công nhận mà bạn có thẩm quyền.")})

    def require_return(self) -> None:
        _require(self.is_reviewer)
        if not self.can_return:
            raise InitiativeLocked(_("Chỉ trả lại được sáng kiến đã gửi hoặc đang xem xét."))

    def require_replicate(self, unit: OrgUnit) -> None:
        _require(may_register(self.scope, unit))
        if self.status != Initiative.Status.RECOGNISED:
            raise InitiativeLocked(_("Chỉ nhân rộng được sáng kiến đã công nhận."))
        if unit.pk == self.initiative.unit_id:
            raise ValidationError({"unit": _("Đơn vị tác giả không tự ghi nhân rộng.")})
        if self.initiative.replications.filter(unit=unit).exists():
            raise ValidationError({"unit": _("Đơn vị này đã ghi nhận nhân rộng sáng kiến.")})


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn vị này."))
