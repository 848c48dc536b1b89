"""Writes of a round itself: the standing office of a level opens it, edits it while no dossier
is checked, sets the quota of each award form and stops new nominations. Every write checks
the scope, claims the round's version (a stale form is refused, never silently overwritten)
and leaves a history version with its author (simple_history)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardForm, AwardKind
from core.params import YEAR_MAX, YEAR_MIN
from core.services import claim_version
from evaluation.models import RankingVersion
from movements.models import Movement
from nominations.access import RoundAccess
from nominations.models import AwardRound, Nomination, RoundQuota
from nominations.selectors import form_use
from org.models import OrgUnit, Role
from org.scope import UserScope

S = Nomination.Status
# Once one dossier of the round is checked, the round's terms are those it was checked under.
CHECKED_OR_LATER = (S.CHECKED, S.PUBLISHED, S.VOTED, S.DECIDED, S.FORWARDED)
EDITABLE_FIELDS = ("kind", "award_kind", "year", "name", "deadline", "movement", "ranking")
QUOTA_MAX = 32767


def quota_field(form: AwardForm) -> str:
    """The name under which a form's quota travels (the page's input, the error's key)."""
    return f"quota_{form.pk}"


def round_forms(award_round: AwardRound) -> list[AwardForm]:
    """The forms a round may award: active ones of its kind (khen thưởng hằng năm, ...)."""
    return list(AwardForm.objects.filter(is_active=True, kinds=award_round.award_kind_id))


def _has_checked(award_round: AwardRound) -> bool:
    return Nomination.objects.filter(round=award_round, status__in=CHECKED_OR_LATER).exists()


def edit_refusal(award_round: AwardRound) -> str | None:
    """Why the round's terms can no longer be edited, or None while they can."""
    if award_round.published_at is not None:
        return _("Danh sách đã công khai, không sửa được đợt.")
    if _has_checked(award_round):
        return _("Đã có hồ sơ được thẩm định, không sửa được thông tin đợt.")
    return None


def deadline_move_refusal(award_round: AwardRound, deadline: datetime.date) -> str | None:
    """Why the round's deadline may not move to `deadline`, or None. Once a dossier is checked
    the units have worked to the deadline they were given: reopening the round may extend it,
    never shorten it (a unit still preparing its dossier would find the door shut early)."""
    if deadline >= award_round.deadline or not _has_checked(award_round):
        return None
    return _(
        "Đã có hồ sơ được thẩm định: hạn nộp hồ sơ chỉ được gia hạn, không được sớm hơn "
        "hạn hiện tại %(d)s."
    ) % {"d": f"{award_round.deadline:%d/%m/%Y}"}


def _check_deadline_move(award_round: AwardRound, deadline: datetime.date) -> None:
    refusal = deadline_move_refusal(award_round, deadline)
    if refusal:
        raise ValidationError({"deadline": refusal})


def _validate(
    *,
    unit: OrgUnit,
    kind: str,
    year: int,
    name: str,
    deadline: datetime.date,
    ranking: RankingVersion | None,
    today: datetime.date | None,
) -> None:
    """The terms of a round. `today` is given when the deadline is new (a round opened, or
    its deadline changed): a round is not opened already past its deadline."""
    errors = {}
    if kind not in AwardRound.Kind.values:
        errors["kind"] = _("Chọn loại đợt.")
    if not name.strip():
        errors["name"] = _("Nhập tên đợt.")
    if not YEAR_MIN <= year <= YEAR_MAX:
        errors["year"] = _("Năm thành tích từ %(a)s đến %(b)s.") % {"a": YEAR_MIN, "b": YEAR_MAX}
    elif deadline.year < year:
        errors["deadline"] = _("Hạn nộp hồ sơ không thể trước năm thành tích.")
    if "deadline" not in errors and today is not None and deadline < today:
        errors["deadline"] = _("Hạn nộp hồ sơ đã qua, chọn một ngày từ hôm nay trở đi.")
    if ranking is not None and ranking.scheme.issuer_id != unit.pk:
        errors["ranking"] = _("Chọn kết quả xếp hạng do chính cấp xét ban hành.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_create(
    *,
    scope: UserScope,
    unit: OrgUnit,
    kind: str,
    award_kind: AwardKind,
    year: int,
    name: str,
    deadline: datetime.date,
    user,
    movement: Movement | None = None,
    ranking: RankingVersion | None = None,
    quotas: dict[AwardForm, int] | None = None,
) -> AwardRound:
    """A round of `unit`'s level, opened by its standing office (a coordinator of the unit or
    above it: a commune's office cannot open a round of its province). One that proposes from a
    ranking belongs to the movement the ranking scores, unless told otherwise, so that its awards
    are that movement's (registry, open data)."""
    if not scope.covers(unit, [Role.COORDINATOR]):
        raise PermissionDenied
    if movement is None and ranking is not None:
        movement = ranking.scheme.movement_of
    _validate(
        unit=unit,
        kind=kind,
        year=year,
        name=name,
        deadline=deadline,
        ranking=ranking,
        today=timezone.localdate(),
    )
    award_round = AwardRound(
        unit=unit,
        kind=kind,
        award_kind=award_kind,
        year=year,
        name=name.strip(),
        deadline=deadline,
        movement=movement,
        ranking=ranking,
        created_by=user,
    )
    award_round._history_user = user
    award_round.save()
    for form, limit in (quotas or {}).items():
        quota = RoundQuota(round=award_round, form=form, limit=limit)
        quota._history_user = user
        quota.save()
    return award_round


def _locked_round(access: RoundAccess, expected_version: int | None) -> AwardRound:
    """The round, row-locked, as the office may change it, its version claimed."""
    if not access.is_office:
        raise PermissionDenied
    award_round = AwardRound.objects.select_for_update().get(pk=access.round.pk)
    claim_version(award_round, expected_version)
    return award_round


@transaction.atomic
def round_update(
    *, access: RoundAccess, data: dict, expected_version: int | None, user
) -> AwardRound:
    """Edit the round's terms while no dossier is checked. A change of award kind keeps every
    nomination already made on a form of the new kind."""
    award_round = _locked_round(access, expected_version)
    refusal = edit_refusal(award_round)
    if refusal:
        raise ValidationError(refusal)
    values = {f: data.get(f, getattr(award_round, f)) for f in EDITABLE_FIELDS}
    _validate(
        unit=award_round.unit,
        kind=values["kind"],
        year=values["year"],
        name=values["name"],
        deadline=values["deadline"],
        ranking=values["ranking"],
        today=timezone.localdate() if values["deadline"] != award_round.deadline else None,
    )
    _check_deadline_move(award_round, values["deadline"])
    if values["award_kind"].pk != award_round.award_kind_id:
        stranded = Nomination.objects.filter(round=award_round).exclude(
            form__kinds=values["award_kind"]
        )
        if stranded.exists():
            raise ValidationError(
                {"award_kind": _("Đã có đề nghị theo hình thức không thuộc loại hình này.")}
            )
    values["name"] = values["name"].strip()
    changed = [f for f in EDITABLE_FIELDS if getattr(award_round, f) != values[f]]
    for field in changed:
        setattr(award_round, field, values[field])
    award_round._history_user = user
    award_round.save(update_fields=[*changed, "version"])
    access.round = award_round
    return award_round


@transaction.atomic
def round_quotas_set(
    *,
    access: RoundAccess,
    limits: dict[AwardForm, int | None],
    expected_version: int | None,
    user,
) -> AwardRound:
    """Chỉ tiêu: the most nominations each form may take in the round (None: no quota). Set
    while the list is not published; never below the nominations already made."""
    award_round = _locked_round(access, expected_version)
    if award_round.published_at is not None:
        raise ValidationError(_("Danh sách đã công khai, không sửa được chỉ tiêu."))
    allowed = {f.pk for f in round_forms(award_round)}
    used = form_use(award_round)
    existing = {q.form_id: q for q in RoundQuota.objects.filter(round=award_round)}
    errors = {}
    for form, limit in limits.items():
        if form.pk not in allowed:
            errors[quota_field(form)] = _("Hình thức này không áp dụng cho loại hình của đợt.")
        elif limit is not None and not 0 <= limit <= QUOTA_MAX:
            errors[quota_field(form)] = _("Chỉ tiêu là số từ 0 đến %(n)s.") % {"n": QUOTA_MAX}
        elif limit is not None and limit < used.get(form.pk, 0):
            errors[quota_field(form)] = _(
                "Đã có %(n)s đề nghị hình thức này, chỉ tiêu không thể nhỏ hơn."
            ) % {"n": used[form.pk]}
    if errors:
        raise ValidationError(errors)
    for form, limit in limits.items():
        quota = existing.get(form.pk)
        if quota is not None:
            quota._history_user = user
        if limit is None and quota is not None:
            quota.delete()
        elif limit is not None and quota is None:
            quota = RoundQuota(round=award_round, form=form, limit=limit)
            quota._history_user = user
            quota.save()
        elif limit is not None and quota.limit != limit:
            quota.limit = limit
            quota.save(update_fields=["limit"])
    award_round._history_user = user
    award_round.save(update_fields=["version"])
    access.round = award_round
    return award_round


@transaction.atomic
def round_close(
    *,
    access: RoundAccess,
    closed: bool,
    expected_version: int | None,
    user,
    deadline: datetime.date | None = None,
):
    """Dừng (or again take) new nominations; what is already proposed goes on. A round is
    taken up again only with a deadline not yet passed: its own, or the new `deadline` given
    with the reopening (a round the daily job closed at its deadline needs one)."""
    award_round = _locked_round(access, expected_version)
    if award_round.published_at is not None:
        raise ValidationError(_("Danh sách đã công khai, đợt không nhận thêm đề nghị."))
    if closed == (award_round.closed_at is not None):
        raise ValidationError(
            _("Đợt đã dừng nhận đề nghị.") if closed else _("Đợt đang nhận đề nghị.")
        )
    fields = ["closed_at", "closed_by", "version"]
    if not closed:
        deadline = deadline or award_round.deadline
        if award_round.deadline_passed(timezone.localdate()) and deadline == award_round.deadline:
            raise ValidationError(
                {"deadline": _("Hạn nộp hồ sơ đã qua: nhập hạn mới để nhận đề nghị trở lại.")}
            )
        _validate(
            unit=award_round.unit,
            kind=award_round.kind,
            year=award_round.year,
            name=award_round.name,
            deadline=deadline,
            ranking=award_round.ranking,
            today=timezone.localdate(),
        )
        _check_deadline_move(award_round, deadline)
        if deadline != award_round.deadline:
            award_round.deadline = deadline
            fields.append("deadline")
    award_round.closed_at = timezone.now() if closed else None
    award_round.closed_by = user if closed else None
    award_round._history_user = user
    award_round.save(update_fields=fields)
    access.round = award_round
    return award_round


@transaction.atomic
def rounds_close_expired(*, today: datetime.date) -> list[AwardRound]:
    """The daily job (nominations.tasks.close_expired_rounds): every round still taking
    proposals whose deadline passed before `today` is closed, by the system — its history
    version has no author, and the round page reads it as "hệ thống". Rows are locked, so a
    proposal being made at that moment either lands before the close or is refused."""
    expired = list(
        AwardRound.objects.select_for_update()
        .filter(published_at=None, closed_at=None, deadline__lt=today)
        .order_by("pk")
    )
    now = timezone.now()
    for award_round in expired:
        award_round.closed_at = now
        award_round.closed_by = None
        award_round.version += 1
        award_round._history_user = None
        award_round._change_reason = "deadline"
        award_round.save(update_fields=["closed_at", "closed_by", "version"])
    return expired
