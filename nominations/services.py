"""Writes of the nomination workflow: draft → submitted → checked (or returned with a reason
per item → corrected → submitted again) → published → voted → decided. Every step is an event
with its author; simple_history keeps every field change with its author too."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards import selectors as award_selectors
from awards.eligibility import verdict
from awards.models import AwardForm, SubjectType
from core.uploads import REPORT_LIMITS, UploadRefused, upload_check
from evaluation.models import RankingEntry
from nominations.access import RoundAccess
from nominations.achievements import subject_achievements, unit_achievements
from nominations.models import (
    Attachment,
    AwardRound,
    CheckItem,
    Nomination,
    NominationEvent,
    NominationLocked,
    PublicComment,
    ReturnReason,
    RoundQuota,
)
from org.models import Enterprise, Household, OrgUnit, Person
from reporting.forms import EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, evidence_content_ok

S = Nomination.Status


class RoundClosed(ValidationError):
    """The round takes no new proposals: stopped, published, or past its deadline."""


class SendingRefused(ValidationError):
    """The dossier cannot be sent now: a first sending past the deadline, or the list is
    published (AwardRound.sending_refusal)."""


class QuotaExceeded(ValidationError):
    """The form's quota for the round is reached; the office may go over it with a reason."""


def _event(nomination: Nomination, action: str, user, before: str = "", note: str = "") -> None:
    NominationEvent.objects.create(
        nomination=nomination,
        action=action,
        from_status=before,
        to_status=nomination.status,
        note=note,
        user=user,
        at=timezone.now(),
    )


def _save(nomination: Nomination, user, fields: list[str]) -> None:
    nomination._history_user = user  # simple_history: who made this version
    nomination.save(update_fields=[*fields, "updated_at"])


def quota_use(award_round: AwardRound, form: AwardForm) -> tuple[int, int | None]:
    """(nominations of the form in the round, its quota or None when the form has none)."""
    limit = (
        RoundQuota.objects.filter(round=award_round, form=form).values_list("limit", flat=True)
    ).first()
    used = Nomination.objects.filter(round=award_round, form=form).using_quota().count()
    return used, limit


def subject_type_of(subject) -> str:
    for model, subject_type in (
        (OrgUnit, SubjectType.COLLECTIVE),
        (Person, SubjectType.INDIVIDUAL),
        (Household, SubjectType.HOUSEHOLD),
        (Enterprise, SubjectType.ENTERPRISE),
    ):
        if isinstance(subject, model):
            return subject_type
    raise ValueError(subject)


def eligibility_of(
    *, award_round: AwardRound, form: AwardForm, subject, today: datetime.date
) -> tuple[str, list[str]]:
    """The verdict of awards/eligibility.py on the subject, from its facts (the same rules
    whether it is judged alone here or in a list of candidates)."""
    if isinstance(subject, OrgUnit):
        facts = award_selectors.unit_facts(
            unit=subject, year=award_round.year, today=today, forms=[form]
        )
        policy = award_selectors.policy_for(subject)
    else:
        facts = award_selectors.subjects_facts(
            subject_type=subject_type_of(subject),
            subjects=[subject],
            year=award_round.year,
            today=today,
        )[subject.pk]
        policy = award_selectors.policy_for(subject.unit)
    return verdict_of(form, facts, policy)


def verdict_of(form: AwardForm, facts, policy) -> tuple[str, list[str]]:
    result = verdict(form, facts, policy)
    return result.status, [*result.reasons, *result.notes]


def _subject_fields(subject) -> dict:
    if isinstance(subject, OrgUnit):
        return {"subject_unit": subject, "subject_name": subject.name}
    if isinstance(subject, Person):
        return {"person": subject, "subject_name": subject.full_name}
    if isinstance(subject, Household):
        return {"household": subject, "subject_name": subject.head_name}
    if isinstance(subject, Enterprise):
        return {"enterprise": subject, "subject_name": subject.name}
    raise ValueError(subject)


def _subject_unit(subject) -> OrgUnit:
    return subject if isinstance(subject, OrgUnit) else subject.unit


@transaction.atomic
def nomination_create(
    *,
    access: RoundAccess,
    form: AwardForm,
    subject,
    user,
    proposer: OrgUnit | None = None,
    achievements: str | None = None,
    ranking_entry: RankingEntry | None = None,
    override_reason: str = "",
) -> Nomination:
    """Propose `subject` for `form`. The proposer is the subject's unit unless given; the
    achievements are prefilled from the data when not given. Past the form's quota only the
    office may propose, and only with a reason (QuotaExceeded otherwise)."""
    # The round row is locked and read again: a round the office (or the daily job) closes
    # meanwhile refuses the proposal instead of taking one more after it closed.
    award_round = AwardRound.objects.select_for_update().get(pk=access.round.pk)
    access.round = award_round
    today = timezone.localdate()
    refusal = award_round.proposal_refusal(today)
    if refusal:
        raise RoundClosed(refusal)
    proposer = proposer or _subject_unit(subject)
    if not access.can_propose_for(proposer) or not access.scope.covers(_subject_unit(subject)):
        raise PermissionDenied
    if not form.kinds.filter(pk=award_round.award_kind_id).exists():
        raise ValidationError({"form": _("Hình thức này không áp dụng cho loại hình của đợt.")})
    fields = _subject_fields(subject)
    duplicate = Nomination.objects.filter(
        round=award_round, form=form, **{k: v for k, v in fields.items() if k != "subject_name"}
    )
    if duplicate.exists():
        raise ValidationError(_("Đối tượng này đã được đề nghị hình thức này trong đợt."))
    used, limit = quota_use(award_round, form)
    override_reason = override_reason.strip()
    if limit is not None and used >= limit:
        if not override_reason or not access.is_office:
            raise QuotaExceeded(
                _(
                    "Đã đủ chỉ tiêu %(form)s của đợt (%(used)s/%(limit)s). Cơ quan thường trực "
                    "có thể đề nghị vượt chỉ tiêu khi ghi rõ lý do."
                )
                % {"form": form.name, "used": used, "limit": limit}
            )
    else:
        override_reason = ""
    if ranking_entry is None and isinstance(subject, OrgUnit) and award_round.ranking_id:
        ranking_entry = (
            RankingEntry.objects.filter(version_id=award_round.ranking_id, unit=subject)
            .select_related("block", "version")
            .first()
        )
    if achievements is None:
        achievements = (
            unit_achievements(unit=subject, year=award_round.year, entry=ranking_entry)
            if isinstance(subject, OrgUnit)
            else subject_achievements(subject=subject, year=award_round.year)
        )
    status, reasons = eligibility_of(
        award_round=award_round, form=form, subject=subject, today=today
    )
    nomination = Nomination(
        round=award_round,
        form=form,
        proposer=proposer,
        ranking_entry=ranking_entry,
        achievements=achievements,
        eligibility_status=status,
        eligibility_reasons=reasons,
        quota_override_reason=override_reason,
        created_by=user,
        **fields,
    )
    nomination.full_clean(exclude=["round", "proposer", "ranking_entry"])
    nomination._history_user = user
    nomination.save()
    _event(nomination, "create", user, note=override_reason)
    return nomination


def nomination_update(*, access: RoundAccess, nomination: Nomination, achievements: str, user):
    if not access.can_edit(nomination):
        raise PermissionDenied
    nomination.achievements = achievements.strip()
    _save(nomination, user, ["achievements"])
    _event(nomination, "edit", user, nomination.status)


@transaction.atomic
def nomination_submit(*, access: RoundAccess, nomination: Nomination, user) -> None:
    """Send (or send again after a return) to the standing office; the return reasons are then
    resolved and the eligibility verdict taken again. Past the round's deadline only a returned
    dossier is sent again, until the list is published (SendingRefused otherwise)."""
    # The round row first (as nomination_create and round_publish lock it): a publication
    # at this moment either comes after this sending or refuses it.
    award_round = AwardRound.objects.select_for_update().get(pk=nomination.round_id)
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    nomination.round = award_round
    if not access.can_submit(nomination):
        raise PermissionDenied
    refusal = nomination.sending_refusal(timezone.localdate())
    if refusal:
        raise SendingRefused(refusal)
    if not nomination.achievements.strip():
        raise ValidationError({"achievements": _("Chưa có nội dung thành tích.")})
    before = nomination.status
    nomination.eligibility_status, nomination.eligibility_reasons = eligibility_of(
        award_round=award_round,
        form=nomination.form,
        subject=nomination.subject,
        today=timezone.localdate(),
    )
    nomination.status = S.SUBMITTED
    _save(nomination, user, ["status", "eligibility_status", "eligibility_reasons"])
    nomination.returns.filter(resolved_at=None).update(resolved_at=timezone.now())
    _event(nomination, "resubmit" if before == S.RETURNED else "submit", user, before)


@transaction.atomic
def nomination_check(*, access: RoundAccess, nomination: Nomination, user) -> None:
    """Thẩm định: the dossier is complete."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not access.can_check(nomination):
        raise PermissionDenied
    nomination.status = S.CHECKED
    _save(nomination, user, ["status"])
    _event(nomination, "check", user, S.SUBMITTED)


@transaction.atomic
def nomination_return(
    *, access: RoundAccess, nomination: Nomination, reasons: dict[str, str], user
) -> None:
    """Thẩm định: returned to the proposer with a reason for each item that is wrong."""
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not access.can_check(nomination):
        raise PermissionDenied
    reasons = {item: text.strip() for item, text in reasons.items() if text and text.strip()}
    unknown = set(reasons) - set(CheckItem.values)
    if unknown or not reasons:
        raise ValidationError(_("Ghi lý do cho ít nhất một nội dung của hồ sơ."))
    now = timezone.now()
    for item, text in reasons.items():
        ReturnReason.objects.create(
            nomination=nomination, item=item, reason=text, returned_by=user, returned_at=now
        )
    nomination.status = S.RETURNED
    _save(nomination, user, ["status"])
    _event(nomination, "return", user, S.SUBMITTED, "; ".join(reasons.values()))


def attachment_add(
    *, access: RoundAccess, nomination: Nomination, item: str, upload, user
) -> Attachment:
    """A dossier document, through the same guard as a report's evidence (type by content,
    size, and no zip bomb)."""
    if not access.can_edit(nomination):
        raise PermissionDenied
    name = upload.name or ""
    if not name.lower().endswith(EVIDENCE_TYPES) or not evidence_content_ok(upload):
        raise ValidationError({"file": _("Chỉ nhận tệp PDF, Word, Excel, ảnh hoặc zip.")})
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError({"file": _("Tệp quá lớn (tối đa 20 MB).")})
    try:
        upload_check(upload, name=name, limits=REPORT_LIMITS)
    except UploadRefused as exc:
        raise ValidationError({"file": exc.message}) from exc
    if item not in CheckItem.values:
        raise ValidationError({"item": _("Chọn loại tài liệu.")})
    attachment = Attachment.objects.create(
        nomination=nomination,
        item=item,
        file=upload,
        name=name[:255],
        size=upload.size,
        uploaded_by=user,
        uploaded_at=timezone.now(),
    )
    _event(nomination, "attach", user, nomination.status, name[:255])
    return attachment


@transaction.atomic
def round_publish(
    *, access: RoundAccess, days: int, user, until: datetime.datetime | None = None
) -> int:
    """Công khai: the checked nominations go on the public page for `days` days (or until a
    given moment). Returns how many were published."""
    award_round = AwardRound.objects.select_for_update().get(pk=access.round.pk)
    if not access.is_office or award_round.published_at is not None:
        raise PermissionDenied
    if not 1 <= days <= 60:
        raise ValidationError({"days": _("Số ngày công khai từ 1 đến 60.")})
    checked = list(Nomination.objects.filter(round=award_round, status=S.CHECKED))
    if not checked:
        raise ValidationError(_("Chưa có đề nghị nào đã thẩm định để công khai."))
    now = timezone.now()
    award_round.published_at = now
    award_round.comments_until = until or now + datetime.timedelta(days=days)
    if award_round.comments_until < now:
        raise ValidationError({"days": _("Thời hạn nhận ý kiến phải sau lúc công khai.")})
    award_round.published_by = user
    award_round._history_user = user
    award_round.save(update_fields=["published_at", "comments_until", "published_by"])
    for nomination in checked:
        nomination.status = S.PUBLISHED
        _save(nomination, user, ["status"])
        _event(nomination, "publish", user, S.CHECKED)
    access.round = award_round
    return len(checked)


def comments_open(award_round: AwardRound, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        award_round.published_at is not None
        and award_round.comments_until is not None
        and award_round.published_at <= now < award_round.comments_until
    )


def comment_add(*, nomination: Nomination, name: str, contact: str, text: str) -> PublicComment:
    """A comment from the public page, while the period is open, on a published nomination."""
    if nomination.status != S.PUBLISHED or not comments_open(nomination.round):
        raise ValidationError(_("Thời gian nhận ý kiến đã kết thúc."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Nhập nội dung ý kiến.")})
    return PublicComment.objects.create(
        nomination=nomination,
        name=name.strip()[:120],
        contact=contact.strip()[:200],
        text=text[:5000],
        received_at=timezone.now(),
    )


def nomination_record_vote(*, nomination: Nomination, passed: bool, user) -> None:
    """The council's result (council/services.py closes a session through here)."""
    if nomination.status != S.PUBLISHED:
        raise ValidationError(_("Chỉ bỏ phiếu đề nghị đã công khai."))
    nomination.status = S.VOTED
    nomination.vote_passed = passed
    _save(nomination, user, ["status", "vote_passed"])
    _event(nomination, "vote", user, S.PUBLISHED, _("Đạt") if passed else _("Không đạt"))


def nomination_record_decision(*, nomination: Nomination, forwarded: bool, user, note: str):
    """The decision (or the tờ trình to the higher level) was issued: the nomination is final."""
    if nomination.status != S.VOTED or not nomination.vote_passed:
        raise NominationLocked(_("Chỉ đề nghị được Hội đồng thông qua mới được quyết định."))
    nomination.status = S.FORWARDED if forwarded else S.DECIDED
    _save(nomination, user, ["status"])
    _event(nomination, "forward" if forwarded else "decide", user, S.VOTED, note)
