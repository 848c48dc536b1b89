"""Scoring: sheets opened for every unit of the blocks, computed criteria filled in and locked,
self-scores with evidence, the block leader's adjustments and the office's review, each change
recorded (who, when, which layer, from, to, why)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import free_text
from evaluation.access import EvaluationAccess
from evaluation.computed import compute
from evaluation.models import (
    Adjustment,
    Criterion,
    EvaluationScheme,
    Score,
    ScoreChange,
    ScoreSheet,
)
from evaluation.subjects import province_units
from reporting.figures import clean_link


def scheme_criteria(scheme: EvaluationScheme) -> list[Criterion]:
    return list(
        Criterion.objects.filter(group__scheme=scheme)
        .select_related("group")
        .order_by("group__order", "group__pk", "order", "pk")
    )


@transaction.atomic
def sheets_open(*, scheme: EvaluationScheme) -> int:
    """A sheet, with a row per criterion, for every unit of the scheme's blocks; idempotent."""
    units = list(province_units(scheme.issuer, scheme.cutoff).values_list("pk", flat=True))
    have = set(ScoreSheet.objects.filter(scheme=scheme).values_list("unit_id", flat=True))
    ScoreSheet.objects.bulk_create(
        [ScoreSheet(scheme=scheme, unit_id=pk) for pk in units if pk not in have]
    )
    criteria = scheme_criteria(scheme)
    sheets = dict(ScoreSheet.objects.filter(scheme=scheme).values_list("unit_id", "pk"))
    existing = set(
        Score.objects.filter(sheet__scheme=scheme).values_list("sheet_id", "criterion_id")
    )
    missing = [
        Score(sheet_id=sheet_id, criterion=c)
        for sheet_id in sheets.values()
        for c in criteria
        if (sheet_id, c.pk) not in existing
    ]
    Score.objects.bulk_create(missing, batch_size=2000)
    return len(units) - len(have)


@transaction.atomic
def rescore(*, scheme: EvaluationScheme, user=None) -> list[tuple[int, int]]:
    """Fill in every computed criterion of every sheet from the data as of the scheme's
    cutoff; record a change for each score that moved. Returns the (unit id, criterion id)
    pairs that changed."""
    sheets_open(scheme=scheme)
    criteria = [c for c in scheme_criteria(scheme) if c.is_computed]
    sheets = list(ScoreSheet.objects.filter(scheme=scheme).select_related("unit"))
    results = compute(scheme=scheme, criteria=criteria, units=[s.unit for s in sheets])
    by_sheet = {s.pk: s for s in sheets}
    now = timezone.now()
    changed, changes, rows = [], [], []
    for score in Score.objects.filter(sheet__scheme=scheme, criterion__in=criteria):
        sheet = by_sheet[score.sheet_id]
        result = results.get((sheet.unit_id, score.criterion_id))
        if result is None:
            continue
        before, before_basis, before_points = score.computed, score.basis, score.points
        score.computed, score.basis = result.points, result.basis
        score.settle()
        if (before, before_basis, before_points) != (score.computed, score.basis, score.points):
            rows.append(score)  # only what moved is written again
        if before != result.points:
            changed.append((sheet.unit_id, score.criterion_id))
            changes.append(
                ScoreChange(
                    sheet=sheet,
                    criterion_id=score.criterion_id,
                    stage=ScoreChange.Stage.COMPUTED,
                    from_points=before,
                    to_points=result.points,
                    reason=_("Tính lại từ số liệu đến ngày %(day)s")
                    % {"day": f"{scheme.cutoff:%d/%m/%Y}"},
                    changed_by=user,
                    changed_at=now,
                )
            )
    Score.objects.bulk_update(rows, ["computed", "basis", "points"], batch_size=1000)
    ScoreChange.objects.bulk_create(changes, batch_size=1000)
    ScoreSheet.objects.filter(scheme=scheme).update(computed_at=now)
    return changed


def parse_points(raw, criterion: Criterion | None = None, *, field: str = "points") -> Decimal:
    """'7,5' or '7.5' -> Decimal('7.50'), within 0 … the criterion's maximum."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    try:
        points = Decimal(text).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Nhập số điểm, ví dụ 7,5.")}) from None
    if points < 0:
        raise ValidationError({field: _("Số điểm không được âm.")})
    if criterion is not None and points > criterion.max_points:
        raise ValidationError(
            {
                field: _("Tối đa %(max)s điểm.")
                % {"max": str(criterion.max_points).replace(".", ",")}
            }
        )
    return points


def _score_for_update(sheet: ScoreSheet, criterion: Criterion) -> Score:
    if criterion.group.scheme_id != sheet.scheme_id:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí này."))
    score, _created = Score.objects.select_for_update().get_or_create(
        sheet=sheet, criterion=criterion
    )
    return score


def _record(sheet, criterion, stage, before, after, reason, user) -> None:
    ScoreChange.objects.create(
        sheet=sheet,
        criterion=criterion,
        stage=stage,
        from_points=before,
        to_points=after,
        reason=reason,
        changed_by=user,
        changed_at=timezone.now(),
    )


@transaction.atomic
def score_self(
    *,
    access: EvaluationAccess,
    sheet: ScoreSheet,
    criterion: Criterion,
    points,
    evidence: str,
    evidence_link: str = "",
    user,
) -> Score:
    """The unit scores itself on a human criterion, with its evidence (required)."""
    if not access.can_self_score(sheet):
        raise PermissionDenied
    if criterion.is_computed:
        raise ValidationError(_("Tiêu chí tính từ số liệu không tự chấm được."))
    value = parse_points(points, criterion)
    evidence = free_text(evidence, key="evidence")
    try:
        # The rule of a report's evidence link: http(s) only, bounded (no 500 on PostgreSQL).
        evidence_link = clean_link(evidence_link)
    except ValidationError as exc:
        raise ValidationError({"evidence_link": exc.messages}) from exc
    if not evidence and not evidence_link:
        raise ValidationError({"evidence": _("Ghi minh chứng cho số điểm tự chấm.")})
    score = _score_for_update(sheet, criterion)
    before = score.self_points
    score.self_points, score.evidence, score.evidence_link = value, evidence, evidence_link
    score.settle()
    score.save()
    if before != value:
        _record(sheet, criterion, ScoreChange.Stage.SELF, before, value, evidence, user)
    return score


@transaction.atomic
def score_adjust(
    *,
    access: EvaluationAccess,
    sheet: ScoreSheet,
    criterion: Criterion,
    points,
    reason: str,
    user,
    stage: str = ScoreChange.Stage.BLOCK,
) -> Score:
    """The block leader (stage BLOCK) or the office (stage OFFICE) sets a criterion's points;
    a change needs a reason. Computed criteria are locked for the block leader; the office
    may correct one (a wrong figure it cannot wait for), with its reason."""
    if stage == ScoreChange.Stage.BLOCK:
        allowed = access.can_adjust(sheet) and not criterion.is_computed
    elif stage == ScoreChange.Stage.OFFICE:
        allowed = access.can_review(sheet)
    else:
        allowed = False
    if not allowed:
        raise PermissionDenied
    value = parse_points(points, criterion)
    score = _score_for_update(sheet, criterion)
    current = score.points
    reason = free_text(reason, key="reason")
    if value != current and not reason:
        raise ValidationError({"reason": _("Ghi lý do điều chỉnh điểm.")})
    field = "block" if stage == ScoreChange.Stage.BLOCK else "office"
    setattr(score, f"{field}_points", value)
    setattr(score, f"{field}_reason", reason)
    score.settle()
    score.save()
    if value != current:
        _record(sheet, criterion, stage, current, value, reason, user)
    if stage == ScoreChange.Stage.BLOCK and sheet.status in (
        ScoreSheet.Status.DRAFT,
        ScoreSheet.Status.SUBMITTED,
    ):
        sheet.status = ScoreSheet.Status.CHECKED
        sheet.save(update_fields=["status", "updated_at"])
    return score


@transaction.atomic
def sheet_submit(*, access: EvaluationAccess, sheet: ScoreSheet, women_led: bool) -> ScoreSheet:
    """The unit sends its self-scores to the block leader; every human criterion scored."""
    if not access.can_self_score(sheet):
        raise PermissionDenied
    unscored = sheet.scores.filter(criterion__source=Criterion.Source.HUMAN, self_points=None)
    if unscored.exists():
        raise ValidationError(_("Còn tiêu chí chưa tự chấm."))
    sheet.status, sheet.women_led = ScoreSheet.Status.SUBMITTED, women_led
    sheet.save(update_fields=["status", "women_led", "updated_at"])
    return sheet


@transaction.atomic
def adjustment_add(
    *, access: EvaluationAccess, sheet: ScoreSheet, kind: str, points, reason: str, user
) -> Adjustment:
    """A bonus or penalty line set by the office, within the scheme's caps, with its reason."""
    if not access.can_review(sheet):
        raise PermissionDenied
    if kind not in Adjustment.Kind.values:
        raise ValidationError({"kind": _("Chọn điểm thưởng hoặc điểm trừ.")})
    value = parse_points(points)
    reason = free_text(reason, key="reason")
    if not reason:
        raise ValidationError({"reason": _("Ghi lý do cộng, trừ điểm.")})
    scheme = sheet.scheme
    cap = scheme.max_bonus if kind == Adjustment.Kind.BONUS else scheme.max_penalty
    used = sum(a.points for a in sheet.adjustments.filter(kind=kind))
    if used + value > cap:
        raise ValidationError(
            {"points": _("Vượt mức tối đa %(cap)s điểm.") % {"cap": str(cap).replace(".", ",")}}
        )
    line = Adjustment.objects.create(
        sheet=sheet,
        kind=kind,
        points=value,
        reason=reason,
        created_by=user,
        created_at=timezone.now(),
    )
    signed = value if kind == Adjustment.Kind.BONUS else -value
    _record(sheet, None, ScoreChange.Stage.ADJUSTMENT, None, signed, reason, user)
    return line
