"""Editing a scoring scheme (bộ tiêu chí): create or copy one for a subject type and a year,
add, edit and reorder its groups and criteria and its bonus and penalty lines.

Every edit names the version of the scheme the person saw (core.services.claim_version): of two
coordinators editing at once, the second is told and changes nothing. A scheme whose scores were
frozen into a ranking (a RankingVersion exists) keeps its structure: only wording changes;
anything else is done on a copy, so that a frozen result always reads against the criteria it
was scored on. Scores already entered by people are never dropped by an edit.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q, Sum
from django.utils.translation import gettext as _

from core.formats import number_vi
from core.services import claim_version
from evaluation.access import EvaluationAccess
from evaluation.models import (
    AdjustmentRule,
    Criterion,
    CriterionGroup,
    EvaluationScheme,
    Score,
    SubjectType,
)
from evaluation.scoring import sheets_open

ZERO = Decimal(0)
# The fields a frozen scheme may still change: words, not points or structure.
WORDING = {"name", "guidance", "description"}


class SchemeFrozen(ValidationError):
    """The scheme has a frozen ranking: its criteria and points can no longer change."""

    def __init__(self):
        super().__init__(
            _(
                "Bộ tiêu chí đã có kết quả xếp hạng chốt: chỉ sửa được câu chữ. Muốn thêm, "
                "bớt tiêu chí, đổi điểm hoặc thứ tự, hãy sao chép thành bộ tiêu chí mới."
            ),
            code="frozen",
        )


def is_frozen(scheme: EvaluationScheme) -> bool:
    return scheme.versions.exists()


def _require_manage(access: EvaluationAccess) -> None:
    if not access.can_manage:
        raise PermissionDenied


def _claim(access: EvaluationAccess, expected_version) -> EvaluationScheme:
    scheme = access.scheme
    claim_version(scheme, expected_version)
    return scheme


def _points_sum(scheme: EvaluationScheme, *, without: int | None = None) -> Decimal:
    criteria = Criterion.objects.filter(group__scheme=scheme)
    if without is not None:
        criteria = criteria.exclude(pk=without)
    return criteria.aggregate(s=Sum("max_points"))["s"] or ZERO


def _check_total(scheme: EvaluationScheme, total: Decimal) -> None:
    if scheme.total_points is not None and total > scheme.total_points:
        raise ValidationError(
            {
                "max_points": _(
                    "Tổng điểm tối đa các tiêu chí sẽ là %(sum)s, vượt thang %(total)s điểm."
                )
                % {"sum": number_vi(total, 2), "total": number_vi(scheme.total_points, 2)}
            }
        )


def scheme_problems(scheme: EvaluationScheme, groups) -> list[str]:
    """What still keeps the scheme from being usable, in words (shown on the editing page)."""
    problems = []
    criteria = [c for g in groups for c in g.criteria.all()]
    if not criteria:
        problems.append(_("Bộ tiêu chí chưa có tiêu chí nào."))
    empty = [g.name for g in groups if not g.criteria.all()]
    if empty:
        problems.append(_("Nhóm chưa có tiêu chí: %(names)s.") % {"names": "; ".join(empty)})
    total = sum((c.max_points for c in criteria), ZERO)
    if scheme.total_points is not None and criteria and total != scheme.total_points:
        problems.append(
            _("Tổng điểm tối đa các tiêu chí là %(sum)s, chưa bằng thang %(total)s điểm.")
            % {"sum": number_vi(total, 2), "total": number_vi(scheme.total_points, 2)}
        )
    codes = [c.code for c in criteria]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        problems.append(_("Số hiệu tiêu chí bị trùng: %(codes)s.") % {"codes": ", ".join(twice)})
    return problems


# Schemes -----------------------------------------------------------------------------------


def _check_scheme_fields(data: dict) -> None:
    errors = {}
    if not (data.get("plan") or data.get("movement")):
        errors["plan"] = _("Bộ tiêu chí gắn với một kế hoạch hoặc một phong trào.")
    year, cutoff = data.get("year"), data.get("cutoff")
    if year and cutoff and not (year <= cutoff.year <= year + 1):
        errors["cutoff"] = _("Ngày chốt số liệu phải trong năm %(year)s hoặc đầu năm sau.") % {
            "year": year
        }
    for name in ("max_bonus", "max_penalty"):
        if data.get(name) is not None and data[name] < 0:
            errors[name] = _("Số điểm không được âm.")
    if data.get("total_points") is not None and data["total_points"] <= 0:
        errors["total_points"] = _("Thang điểm phải lớn hơn 0.")
    if data.get("subject_type") and data["subject_type"] not in SubjectType.values:
        errors["subject_type"] = _("Chọn loại đối tượng.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def scheme_create(*, scope, issuer, user, **data) -> EvaluationScheme:
    """A new, empty scheme issued by a unit the person coordinates."""
    if not scope.can_manage(issuer):
        raise PermissionDenied
    _check_scheme_fields(data)
    plan = data.get("plan")
    if plan is not None and plan.issuer_id != issuer.pk:
        raise ValidationError({"plan": _("Kế hoạch không do đơn vị này ban hành.")})
    return EvaluationScheme.objects.create(
        issuer=issuer,
        plan=plan,
        movement=data.get("movement"),
        year=data["year"],
        subject_type=data.get("subject_type") or SubjectType.COLLECTIVE,
        name=data["name"].strip(),
        description=(data.get("description") or "").strip(),
        cutoff=data["cutoff"],
        total_points=data.get("total_points"),
        max_bonus=data.get("max_bonus", Decimal(5)),
        max_penalty=data.get("max_penalty", Decimal(10)),
        created_by=user,
    )


SCHEME_FIELDS = ("name", "description", "cutoff", "total_points", "max_bonus", "max_penalty")


@transaction.atomic
def scheme_update(*, access: EvaluationAccess, expected_version, user, **data) -> EvaluationScheme:
    """The scheme's own fields; once frozen only its name and description."""
    _require_manage(access)
    scheme = access.scheme
    changed = [f for f in SCHEME_FIELDS if f in data and getattr(scheme, f) != data[f]]
    if is_frozen(scheme) and set(changed) - WORDING:
        raise SchemeFrozen()
    merged = {f: getattr(scheme, f) for f in SCHEME_FIELDS} | {
        "plan": scheme.plan_id,
        "movement": scheme.movement_id,
        "year": scheme.year,
    }
    merged.update({f: data[f] for f in changed})
    _check_scheme_fields(merged)
    if "total_points" in changed and data["total_points"] is not None:
        total = _points_sum(scheme)
        if total > data["total_points"]:
            raise ValidationError(
                {
                    "total_points": _("Các tiêu chí hiện có đã cộng %(sum)s điểm.")
                    % {"sum": number_vi(total, 2)}
                }
            )
    scheme = _claim(access, expected_version)
    for name in changed:
        setattr(scheme, name, data[name])
    if changed:
        scheme.save(update_fields=changed)
    return scheme


@transaction.atomic
def scheme_copy(
    *,
    access: EvaluationAccess,
    user,
    name: str,
    year: int,
    cutoff: datetime.date,
    subject_type: str,
    plan=None,
) -> EvaluationScheme:
    """A new scheme with the same groups, criteria, bonus and penalty lines and tie rules, for
    another year, phase or subject type (or to change a frozen one); no scores are copied."""
    _require_manage(access)
    source = access.scheme
    target_plan = plan if plan is not None else source.plan
    data = {
        "plan": target_plan,
        "movement": source.movement,
        "year": year,
        "cutoff": cutoff,
        "subject_type": subject_type,
        "name": name,
    }
    if not (name or "").strip():
        raise ValidationError({"name": _("Nhập tên bộ tiêu chí.")})
    _check_scheme_fields(data)
    if target_plan is not None and target_plan.issuer_id != source.issuer_id:
        raise ValidationError({"plan": _("Kế hoạch không do đơn vị này ban hành.")})
    copy = EvaluationScheme.objects.create(
        issuer=source.issuer,
        plan=target_plan,
        movement=source.movement,
        year=year,
        subject_type=subject_type,
        name=name.strip(),
        description=source.description,
        cutoff=cutoff,
        total_points=source.total_points,
        max_bonus=source.max_bonus,
        max_penalty=source.max_penalty,
        tie_rules=list(source.tie_rules or []),
        created_by=user,
    )
    for group in source.groups.prefetch_related("criteria"):
        new_group = CriterionGroup.objects.create(scheme=copy, order=group.order, name=group.name)
        Criterion.objects.bulk_create(
            [
                Criterion(
                    group=new_group,
                    order=c.order,
                    code=c.code,
                    name=c.name,
                    max_points=c.max_points,
                    source=c.source,
                    index_scale=c.index_scale,
                    guidance=c.guidance,
                )
                for c in group.criteria.all()
            ]
        )
    AdjustmentRule.objects.bulk_create(
        [
            AdjustmentRule(
                scheme=copy, kind=r.kind, points=r.points, reason=r.reason, order=r.order
            )
            for r in source.adjustment_rules.all()
        ]
    )
    return copy


# Groups ------------------------------------------------------------------------------------


def _group(scheme: EvaluationScheme, group_id) -> CriterionGroup:
    group = CriterionGroup.objects.filter(scheme=scheme, pk=group_id).first()
    if group is None:
        raise ValidationError(_("Nhóm tiêu chí không thuộc bộ tiêu chí này."))
    return group


def _name(raw, field="name") -> str:
    name = (raw or "").strip()
    if not name:
        raise ValidationError({field: _("Nhập tên.")})
    if len(name) > 500:
        raise ValidationError({field: _("Tên dài quá 500 ký tự.")})
    return name


@transaction.atomic
def group_add(*, access: EvaluationAccess, expected_version, name: str) -> CriterionGroup:
    _require_manage(access)
    name = _name(name)
    if is_frozen(access.scheme):
        raise SchemeFrozen()
    scheme = _claim(access, expected_version)
    last = scheme.groups.aggregate(m=Max("order"))["m"] or 0
    return CriterionGroup.objects.create(scheme=scheme, order=last + 1, name=name)


@transaction.atomic
def group_rename(
    *, access: EvaluationAccess, expected_version, group_id, name: str
) -> CriterionGroup:
    _require_manage(access)
    group = _group(access.scheme, group_id)
    name = _name(name)
    _claim(access, expected_version)
    group.name = name
    group.save(update_fields=["name"])
    return group


def _renumber(items) -> None:
    for position, item in enumerate(items, start=1):
        if item.order != position:
            item.order = position
            item.save(update_fields=["order"])


def _move(items: list, item, step: int) -> None:
    index = next(i for i, x in enumerate(items) if x.pk == item.pk)
    other = index + step
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    _renumber(items)


@transaction.atomic
def group_move(*, access: EvaluationAccess, expected_version, group_id, step: int) -> None:
    _require_manage(access)
    group = _group(access.scheme, group_id)
    if is_frozen(access.scheme):
        raise SchemeFrozen()
    scheme = _claim(access, expected_version)
    _move(list(scheme.groups.all()), group, 1 if step > 0 else -1)


def _entered(criteria_q: Q) -> bool:
    """Points a person entered (self, block leader, office) on any of these criteria."""
    return (
        Score.objects.filter(criteria_q)
        .filter(
            Q(self_points__isnull=False)
            | Q(block_points__isnull=False)
            | Q(office_points__isnull=False)
        )
        .exists()
    )


@transaction.atomic
def group_delete(*, access: EvaluationAccess, expected_version, group_id) -> None:
    _require_manage(access)
    group = _group(access.scheme, group_id)
    if is_frozen(access.scheme):
        raise SchemeFrozen()
    if _entered(Q(criterion__group=group)):
        raise ValidationError(
            _("Nhóm có tiêu chí đã được chấm điểm; không xóa được (điểm đã chấm được giữ).")
        )
    scheme = _claim(access, expected_version)
    group.delete()
    _renumber(list(scheme.groups.all()))


# Criteria ----------------------------------------------------------------------------------

CRITERION_FIELDS = ("code", "name", "max_points", "source", "index_scale", "guidance")


def _check_criterion(data: dict) -> dict:
    errors = {}
    code = (data.get("code") or "").strip()
    if not code:
        errors["code"] = _("Nhập số hiệu tiêu chí, ví dụ 2.1.")
    elif len(code) > 20:
        errors["code"] = _("Số hiệu dài quá 20 ký tự.")
    try:
        _name(data.get("name"))
    except ValidationError as exc:
        errors.update(exc.message_dict)
    points = data.get("max_points")
    if points is None:
        errors["max_points"] = _("Nhập điểm tối đa.")
    elif points <= 0:
        errors["max_points"] = _("Điểm tối đa phải lớn hơn 0.")
    source = data.get("source")
    if source not in Criterion.Source.values:
        errors["source"] = _("Chọn nguồn điểm.")
    scale = data.get("index_scale")
    if source == Criterion.Source.EXTERNAL_INDEX and not scale:
        errors["index_scale"] = _("Chỉ số bên ngoài cần thang điểm (PII: 100; DTI: 1000).")
    elif scale is not None and scale <= 0:
        errors["index_scale"] = _("Thang điểm phải lớn hơn 0.")
    if errors:
        raise ValidationError(errors)
    return {
        "code": code,
        "name": data["name"].strip(),
        "max_points": points,
        "source": source,
        "index_scale": scale if source == Criterion.Source.EXTERNAL_INDEX else None,
        "guidance": (data.get("guidance") or "").strip(),
    }


def _check_code_unique(scheme, code: str, without: int | None = None) -> None:
    same = Criterion.objects.filter(group__scheme=scheme, code=code)
    if without is not None:
        same = same.exclude(pk=without)
    if same.exists():
        raise ValidationError({"code": _("Số hiệu %(code)s đã có trong bộ.") % {"code": code}})


@transaction.atomic
def criterion_add(*, access: EvaluationAccess, expected_version, group_id, **data) -> Criterion:
    _require_manage(access)
    scheme = access.scheme
    group = _group(scheme, group_id)
    if is_frozen(scheme):
        raise SchemeFrozen()
    clean = _check_criterion(data)
    _check_code_unique(scheme, clean["code"])
    _check_total(scheme, _points_sum(scheme) + clean["max_points"])
    _claim(access, expected_version)
    last = group.criteria.aggregate(m=Max("order"))["m"] or 0
    criterion = Criterion.objects.create(group=group, order=last + 1, **clean)
    # Sheets already open get the new row (scoring.sheets_open is idempotent).
    if scheme.sheets.exists():
        sheets_open(scheme=scheme)
    return criterion


def _criterion(scheme, criterion_id) -> Criterion:
    criterion = (
        Criterion.objects.filter(group__scheme=scheme, pk=criterion_id)
        .select_related("group")
        .first()
    )
    if criterion is None:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí này."))
    return criterion


@transaction.atomic
def criterion_update(
    *, access: EvaluationAccess, expected_version, criterion_id, **data
) -> Criterion:
    """Change a criterion; a frozen scheme only its wording. Never below points already
    entered, never away from 'scored by people' once people scored it."""
    _require_manage(access)
    scheme = access.scheme
    criterion = _criterion(scheme, criterion_id)
    clean = _check_criterion({f: data.get(f, getattr(criterion, f)) for f in CRITERION_FIELDS})
    changed = [f for f in CRITERION_FIELDS if getattr(criterion, f) != clean[f]]
    if is_frozen(scheme) and set(changed) - WORDING:
        raise SchemeFrozen()
    if "code" in changed:
        _check_code_unique(scheme, clean["code"], without=criterion.pk)
    if "max_points" in changed:
        _check_total(scheme, _points_sum(scheme, without=criterion.pk) + clean["max_points"])
        highest = Score.objects.filter(criterion=criterion).aggregate(
            m=Max("self_points"), b=Max("block_points"), o=Max("office_points")
        )
        entered = max((v for v in highest.values() if v is not None), default=None)
        if entered is not None and entered > clean["max_points"]:
            raise ValidationError(
                {
                    "max_points": _(
                        "Đã có phiếu chấm %(points)s điểm cho tiêu chí này; điểm tối đa không "
                        "được thấp hơn."
                    )
                    % {"points": number_vi(entered, 2)}
                }
            )
    if "source" in changed and criterion.source == Criterion.Source.HUMAN:
        if _entered(Q(criterion=criterion)):
            raise ValidationError(
                {"source": _("Tiêu chí đã được chấm điểm; không đổi sang tính từ số liệu được.")}
            )
    _claim(access, expected_version)
    for name in changed:
        setattr(criterion, name, clean[name])
    if changed:
        criterion.save(update_fields=changed)
    return criterion


@transaction.atomic
def criterion_move(*, access: EvaluationAccess, expected_version, criterion_id, step: int) -> None:
    _require_manage(access)
    criterion = _criterion(access.scheme, criterion_id)
    if is_frozen(access.scheme):
        raise SchemeFrozen()
    _claim(access, expected_version)
    _move(list(criterion.group.criteria.all()), criterion, 1 if step > 0 else -1)


@transaction.atomic
def criterion_delete(*, access: EvaluationAccess, expected_version, criterion_id) -> None:
    _require_manage(access)
    criterion = _criterion(access.scheme, criterion_id)
    if is_frozen(access.scheme):
        raise SchemeFrozen()
    if _entered(Q(criterion=criterion)):
        raise ValidationError(
            _("Tiêu chí đã được chấm điểm; không xóa được (điểm đã chấm được giữ).")
        )
    _claim(access, expected_version)
    group = criterion.group
    criterion.delete()
    _renumber(list(group.criteria.all()))


# Bonus and penalty lines -------------------------------------------------------------------


@transaction.atomic
def adjustment_rule_add(
    *, access: EvaluationAccess, expected_version, kind: str, points, reason: str
) -> AdjustmentRule:
    _require_manage(access)
    scheme = access.scheme
    if is_frozen(scheme):
        raise SchemeFrozen()
    errors = {}
    if kind not in ("bonus", "penalty"):
        errors["kind"] = _("Chọn điểm thưởng hoặc điểm trừ.")
    cap = scheme.max_bonus if kind == "bonus" else scheme.max_penalty
    if points is None or points <= 0:
        errors["points"] = _("Số điểm phải lớn hơn 0.")
    elif kind in ("bonus", "penalty") and points > cap:
        errors["points"] = _("Vượt mức tối đa %(cap)s điểm.") % {"cap": number_vi(cap, 2)}
    if not (reason or "").strip():
        errors["reason"] = _("Ghi lý do cộng, trừ điểm.")
    if errors:
        raise ValidationError(errors)
    _claim(access, expected_version)
    last = scheme.adjustment_rules.filter(kind=kind).aggregate(m=Max("order"))["m"] or 0
    return AdjustmentRule.objects.create(
        scheme=scheme, kind=kind, points=points, reason=reason.strip()[:500], order=last + 1
    )


@transaction.atomic
def adjustment_rule_delete(*, access: EvaluationAccess, expected_version, rule_id) -> None:
    _require_manage(access)
    scheme = access.scheme
    if is_frozen(scheme):
        raise SchemeFrozen()
    rule = AdjustmentRule.objects.filter(scheme=scheme, pk=rule_id).first()
    if rule is None:
        raise ValidationError(_("Khoản cộng, trừ điểm không thuộc bộ tiêu chí này."))
    _claim(access, expected_version)
    rule.delete()
