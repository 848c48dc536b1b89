"""Draft, compute and issue a decision (or a tờ trình to the higher level). Prize money is the
form's multiple × the base salary in force on the decision's date, to the đồng (awards/
catalogue.py); issuing writes the awardees into the registry (Sổ khen thưởng)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.catalogue import base_salary_on, prize_multiple, prize_on_salary
from awards.models import AwardRecord
from decisions.models import Decision, DecisionLine, DecisionLocked
from nominations.access import RoundAccess
from nominations.models import Nomination
from nominations.services import nomination_record_decision

SUBJECT_FIELDS = ("subject_unit_id", "person_id", "household_id", "enterprise_id")


def _kind_for(nominations: list[Nomination]) -> str:
    forwarded = {n.form.proposal_to_higher_level for n in nominations}
    if len(forwarded) != 1:
        raise ValidationError(
            _(
                "Hình thức do cấp trên quyết định lập tờ trình riêng, không chung quyết định với "
                "hình thức của cấp mình."
            )
        )
    return Decision.Kind.PROPOSAL if forwarded.pop() else Decision.Kind.DECISION


def compute_prizes(decision: Decision) -> None:
    """Set each line's multiple and amount and the decision's total from the base salary in
    force on the decision's date (nothing guessed: a missing multiple or salary stays blank)."""
    salary = base_salary_on(decision.date)
    decision.base_salary = salary.amount if salary else None
    total = Decimal(0)
    for line in decision.lines.select_related("form"):
        if decision.kind == Decision.Kind.PROPOSAL:
            line.multiple = line.amount = None  # the higher level pays its own award
        else:
            line.multiple = prize_multiple(line.form, line.subject_type)
            line.amount = prize_on_salary(line.form, salary, line.subject_type)
        line.save(update_fields=["multiple", "amount"])
        total += line.amount or 0
    decision.total = total


@transaction.atomic
def decision_draft(
    *,
    access: RoundAccess,
    nominations: list[Nomination],
    number: str,
    date: datetime.date,
    signer: str,
    title: str,
    user,
    signer_title: str = "",
    corrects: Decision | None = None,
) -> Decision:
    """A draft with the nominations the council passed (or, for a correction, those of the
    decision it corrects)."""
    if not access.is_office:
        raise PermissionDenied
    if not nominations:
        raise ValidationError(_("Chọn ít nhất một đề nghị."))
    if corrects is not None:
        if not corrects.is_issued:
            raise ValidationError(_("Chỉ đính chính quyết định đã ban hành."))
        allowed = set(corrects.lines.values_list("nomination_id", flat=True))
        if {n.pk for n in nominations} - allowed:
            raise ValidationError(_("Quyết định đính chính chỉ gồm đề nghị của quyết định cũ."))
    else:
        for n in nominations:
            if n.round_id != access.round.pk or n.status != Nomination.Status.VOTED:
                raise ValidationError(
                    _("%(name)s chưa được Hội đồng bỏ phiếu.") % {"name": n.subject_name}
                )
            if not n.vote_passed:
                raise ValidationError(
                    _("%(name)s không được Hội đồng thông qua.") % {"name": n.subject_name}
                )
    decision = Decision(
        unit=access.round.unit,
        round=access.round,
        kind=_kind_for(nominations),
        number=number.strip(),
        date=date,
        signer=signer.strip(),
        signer_title=signer_title.strip(),
        title=title.strip(),
        corrects=corrects,
        created_by=user,
    )
    decision._history_user = user
    decision.save()
    for order, n in enumerate(nominations, start=1):
        DecisionLine.objects.create(
            decision=decision,
            nomination=n,
            order=order,
            subject_name=n.subject_name,
            subject_type=n.subject_type,
            form=n.form,
        )
    compute_prizes(decision)
    decision.save(update_fields=["base_salary", "total"])
    return decision


@transaction.atomic
def decision_update(
    *, access: RoundAccess, decision: Decision, number: str, date: datetime.date, signer: str, user
) -> None:
    """Edit a draft's number, date and signer; the prizes follow the date."""
    if not access.is_office:
        raise PermissionDenied
    if decision.stored_status() == Decision.Status.ISSUED:
        raise DecisionLocked(_("Quyết định đã ban hành, không được sửa hoặc xóa."))
    decision.number, decision.date, decision.signer = number.strip(), date, signer.strip()
    compute_prizes(decision)
    decision._history_user = user
    decision.save()


def _record_for(line: DecisionLine, decision: Decision) -> AwardRecord:
    n = line.nomination
    return AwardRecord.objects.create(
        subject_unit_id=n.subject_unit_id,
        person_id=n.person_id,
        household_id=n.household_id,
        enterprise_id=n.enterprise_id,
        subject_name=line.subject_name,
        form_id=line.form_id,
        kind_id=decision.round.award_kind_id,
        year=decision.round.year,
        decision_number=decision.number,
        decision_date=decision.date,
        signer=decision.signer,
        movement_id=decision.round.movement_id,
        achievement=n.achievements,
        created_by=decision.issued_by,
    )


@transaction.atomic
def decision_issue(*, access: RoundAccess, decision: Decision, user) -> Decision:
    """Ban hành: final prizes, the awardees into the registry (a decision) or the nominations
    forwarded (a tờ trình); from then on nothing of it changes."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if not access.is_office:
        raise PermissionDenied
    if decision.is_issued:
        raise DecisionLocked(_("Quyết định đã ban hành, không được sửa hoặc xóa."))
    if not decision.number:
        raise ValidationError({"number": _("Chưa có số quyết định.")})
    if decision.date > timezone.localdate():
        raise ValidationError({"date": _("Ngày ban hành không thể sau hôm nay.")})
    decision.issued_by = user
    decision.issued_at = timezone.now()
    compute_prizes(decision)
    if decision.kind == Decision.Kind.DECISION and decision.base_salary is None:
        raise ValidationError(_("Chưa có mức lương cơ sở áp dụng vào ngày quyết định."))
    note = _("Số %(n)s ngày %(d)s") % {"n": decision.number, "d": f"{decision.date:%d/%m/%Y}"}
    for line in decision.lines.select_related("nomination__round", "form"):
        nomination = line.nomination
        if decision.corrects_id is None:
            nomination_record_decision(
                nomination=nomination,
                forwarded=decision.kind == Decision.Kind.PROPOSAL,
                user=user,
                note=note,
            )
        already = AwardRecord.objects.filter(decision_line__nomination=nomination).exists()
        if decision.kind == Decision.Kind.DECISION and not already:
            line.award_record = _record_for(line, decision)
            line.save(update_fields=["award_record"])
    decision.status = Decision.Status.ISSUED
    decision._history_user = user
    decision.save()
    return decision
