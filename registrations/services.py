"""Writes of the registration workflow: draft → submitted (reporter) → approved by the head, or
returned with a reason. Who may take each step is `registrations.actions`; every step and every
saved change is a `RegistrationEvent` (who, when, from where, what changed)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import claim_version
from core.text import free_text
from initiatives.services import initiatives_register
from org.models import OrgUnit
from org.scope import UserScope
from plans.models import Plan
from registrations.actions import RegistrationActions, require_open
from registrations.models import (
    RegisteredTarget,
    Registration,
    RegistrationEvent,
    RegistrationReminder,
    RegistrationRound,
)
from registrations.selectors import round_board
from reporting import permissions
from reporting.reminders import unit_recipients

MAX_LEVEL = Decimal("1e10")  # RegisteredTarget.value keeps 14 digits, 4 of them decimals


def _level(key: str, raw) -> Decimal | None:
    """A registered level as a Decimal (None when blank), refused when it is no finite number
    or does not fit the column."""
    if raw is None or raw == "":
        return None
    try:
        number = raw if isinstance(raw, Decimal) else Decimal(str(raw))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError({key: _("Nhập một số (dùng dấu phẩy cho phần thập phân).")}) from exc
    if not number.is_finite() or abs(number) >= MAX_LEVEL:
        raise ValidationError({key: _("Số quá lớn.")})
    return number.quantize(Decimal("0.0001"))


def _json(value):
    return None if value is None else str(value)


def _locked(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("unit", "plan__issuer")
        .get(pk=registration.pk)
    )


def registration_open(*, scope: UserScope, unit: OrgUnit, plan: Plan, year: int) -> Registration:
    """The unit's registration under a plan for a year, created with every quantitative target
    of the plan at the plan's level the first time its reporter opens it."""
    require_open(scope, unit)
    if plan.issuer is None or not unit.path.startswith(plan.issuer.path):
        raise ValidationError(_("Đơn vị chỉ đăng ký theo kế hoạch của mình hoặc của cấp trên."))
    with transaction.atomic():
        registration, created = Registration.objects.get_or_create(unit=unit, plan=plan, year=year)
        if created:
            RegisteredTarget.objects.bulk_create(
                RegisteredTarget(registration=registration, target=t, value=t.value)
                for t in plan.targets.filter(value__isnull=False).order_by("order", "pk")
            )
    return registration


def _record_registration(registration, user, kind, *, before="", reason="", changes=None, ip=None):
    RegistrationEvent.objects.create(
        registration=registration,
        kind=kind,
        from_status=before or registration.status,
        to_status=registration.status,
        user=user,
        reason=reason,
        changes=changes or {},
        ip_address=ip,
    )


def _level_refusal(row, value) -> str | None:
    """Why a unit may not register `value` for the target of `row`: a level of its own where
    the plan gives one, none at all, or a percentage outside 0-100."""
    if value is not None and value != row.value and not row.target.unit_value_allowed:
        return _("Kế hoạch không cho đơn vị đăng ký mức riêng cho chỉ tiêu này.")
    if value is None:
        return _("Nhập mức đăng ký.")
    if row.target.unit == "%" and not 0 <= value <= 100:
        return _("Tỷ lệ phần trăm phải từ 0 đến 100.")
    return None


@transaction.atomic
def registration_save(
    *,
    scope: UserScope,
    user,
    registration: Registration,
    expected_version: int,
    targets: dict[int, dict],
    initiatives: list[dict],
    note: str = "",
    ip=None,
) -> Registration:
    """Save the unit's levels (only where the plan allows its own level) and its initiatives."""
    RegistrationActions(scope, registration).require_edit()
    claim_version(registration, expected_version)
    rows = {r.target_id: r for r in registration.targets.select_related("target").order_by("pk")}
    errors, changes = {}, {}
    for target_id, data in targets.items():
        row = rows.get(int(target_id))
        key = f"target-{target_id}"
        if row is None:
            errors[key] = [_("Chỉ tiêu này không thuộc bản đăng ký.")]
            continue
        try:
            value = _level(key, data.get("value"))
        except ValidationError as exc:
            errors.update(exc.message_dict)
            continue
        refusal = _level_refusal(row, value)
        if refusal:
            errors[key] = [refusal]
            continue
        note_text = (data.get("note") or "").strip()[:500]
        if (row.value, row.note) != (value, note_text):
            changes[key] = [_json(row.value), _json(value)]
            row.value, row.note = value, note_text
            row.save(update_fields=["value", "note"])
    try:
        # Drafts only: an initiative already sent for recognition keeps its own life.
        counts = initiatives_register(
            scope=scope,
            user=user,
            unit=registration.unit,
            plan=registration.plan,
            year=registration.year,
            items=initiatives,
            ip=ip,
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
        counts = None
    if errors:
        raise ValidationError(errors)
    if counts:
        changes["initiatives"] = counts
    registration.note = free_text(note, key="note")
    registration.save()
    if changes:
        _record_registration(
            registration, user, RegistrationEvent.Kind.SAVE, changes=changes, ip=ip
        )
    return registration


@transaction.atomic
def registration_submit(*, scope: UserScope, user, registration: Registration, ip=None):
    registration = _locked(registration)
    RegistrationActions(scope, registration).require_submit()
    if not registration.initiatives.exists():
        # Seed 004 §II.2d: at least one model or initiative a year per unit.
        raise ValidationError(
            {"initiatives": _("Đăng ký ít nhất 01 mô hình, sáng kiến, giải pháp trong năm.")}
        )
    if registration.targets.filter(value__isnull=True).exists():
        raise ValidationError({"targets": _("Nhập mức đăng ký cho mọi chỉ tiêu.")})
    before = registration.status
    registration.status = Registration.Status.SUBMITTED
    registration.submitted_at = timezone.now()
    registration.version += 1
    registration.save()
    _record_registration(registration, user, RegistrationEvent.Kind.SUBMIT, before=before, ip=ip)
    return registration


@transaction.atomic
def registration_approve(*, scope: UserScope, user, registration: Registration, ip=None):
    registration = _locked(registration)
    RegistrationActions(scope, registration).require_approve()
    registration.status = Registration.Status.APPROVED
    registration.approved_at = timezone.now()
    registration.approved_by = user
    registration.version += 1
    registration.save()
    _record_registration(
        registration,
        user,
        RegistrationEvent.Kind.APPROVE,
        before=Registration.Status.SUBMITTED,
        ip=ip,
    )
    return registration


@transaction.atomic
def registration_return(
    *, scope: UserScope, user, registration: Registration, reason: str, ip=None
):
    registration = _locked(registration)
    RegistrationActions(scope, registration).require_return()
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Ghi rõ lý do trả lại.")})
    registration.status = Registration.Status.RETURNED
    registration.return_reason = free_text(reason, key="reason")
    registration.version += 1
    registration.save()
    _record_registration(
        registration,
        user,
        RegistrationEvent.Kind.RETURN,
        before=Registration.Status.SUBMITTED,
        reason=reason.strip(),
        ip=ip,
    )
    return registration


# --- Rounds ------------------------------------------------------------------------------------


def require_round_coordinator(scope: UserScope, plan: Plan) -> None:
    """Opening a round and reminding its units belong to the coordinator of the plan's issuer
    (the body that receives the registrations, like the reports)."""
    RegistrationActions._require(permissions.may_receive(scope, plan))


@transaction.atomic
def round_open(
    *, scope: UserScope, user, plan: Plan, year: int, deadline: datetime.date
) -> RegistrationRound:
    """Open the yearly registration under `plan` with a deadline in that year, once a year."""
    require_round_coordinator(scope, plan)
    errors = {}
    if plan.status == Plan.Status.PLACEHOLDER:
        errors["plan"] = [_("Kế hoạch chưa ban hành, chưa mở đăng ký được.")]
    if deadline.year != year:
        errors["deadline"] = [_("Hạn đăng ký phải trong năm %(y)s.") % {"y": year}]
    if RegistrationRound.objects.filter(plan=plan, year=year).exists():
        errors["year"] = [_("Đợt đăng ký năm %(y)s của kế hoạch này đã mở.") % {"y": year}]
    if errors:
        raise ValidationError(errors)
    return RegistrationRound.objects.create(plan=plan, year=year, deadline=deadline, opened_by=user)


@dataclass
class RemindOutcome:
    sent: list[RegistrationReminder]
    without_address: list[OrgUnit]


def _reminder_message(round_: RegistrationRound, unit: OrgUnit, kind: str, to: list[str]):
    deadline = round_.deadline.strftime("%d/%m/%Y")
    values = {"u": unit.name, "y": round_.year, "p": round_.plan.display_number, "d": deadline}
    if kind == RegistrationReminder.Kind.BEFORE:
        subject = _("[Thi đua số] Hạn đăng ký thi đua năm %(y)s là ngày %(d)s") % values
        opening = _(
            "Bản đăng ký thi đua năm %(y)s của đơn vị %(u)s theo kế hoạch %(p)s chưa được "
            "thủ trưởng duyệt; hạn đăng ký là ngày %(d)s."
        )
    else:
        subject = _("[Thi đua số] Đăng ký thi đua năm %(y)s đã quá hạn") % values
        opening = _(
            "Bản đăng ký thi đua năm %(y)s của đơn vị %(u)s theo kế hoạch %(p)s chưa được "
            "thủ trưởng duyệt; hạn đăng ký ngày %(d)s đã qua."
        )
    link = settings.SITE_URL.rstrip("/") + reverse("registrations:list")
    body = "\n\n".join(
        [
            opening % values,
            _("Mở trang đăng ký thi đua: %(link)s") % {"link": link},
            _("Thư này được gửi từ hệ thống Thi đua số; vui lòng không trả lời."),
        ]
    )
    return EmailMessage(subject=subject, body=body, to=to)


def round_remind(
    *, scope: UserScope, user, round_: RegistrationRound, today: datetime.date | None = None
) -> RemindOutcome:
    """E-mail the reporters and heads of every unit of the round whose registration is not
    approved: before the deadline a "before" reminder, after it an "after" one; each kind goes
    once per unit (reporting.reminders does the same for reports)."""
    require_round_coordinator(scope, round_.plan)
    today = today or timezone.localdate()
    kind = (
        RegistrationReminder.Kind.BEFORE
        if today <= round_.deadline
        else RegistrationReminder.Kind.AFTER
    )
    board = round_board(scope=scope, round_=round_, today=today)
    reminded = set(
        RegistrationReminder.objects.filter(round=round_, kind=kind).values_list(
            "unit_id", flat=True
        )
    )
    units = [row.unit for row in board.rows if row.to_remind and row.unit.pk not in reminded]
    addresses = unit_recipients(units, today)
    outcome = RemindOutcome(sent=[], without_address=[])
    connection = get_connection()
    for unit in units:
        to = addresses.get(unit.pk, [])
        if not to:
            outcome.without_address.append(unit)
            continue
        try:
            with transaction.atomic():
                # Recorded first: a second click's insert fails and nothing goes twice; a
                # failed mail rolls the record back.
                reminder = RegistrationReminder.objects.create(
                    round=round_, unit=unit, kind=kind, sent_by=user, recipients=to
                )
                message = _reminder_message(round_, unit, kind, to)
                message.connection = connection
                message.send(fail_silently=False)
        except IntegrityError:
            continue
        outcome.sent.append(reminder)
    return outcome
