"""Writes of an initiative's life: register, edit, send, review, recognise, return or refuse,
evidence, replication. Who may take each step is `initiatives.access`; every step and saved change
is an `initiatives.Event` (who, when, from which status to which, why, what changed)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import claim_version
from core.text import free_text
from initiatives.access import InitiativeActions, require_author
from initiatives.models import Event, Evidence, Initiative, Replication
from org.models import OrgUnit, Person
from org.scope import UserScope
from reporting.figures import clean_link
from reporting.forms import EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, evidence_content_ok

MAX_EVIDENCE_PER_INITIATIVE = 10
TEXT_FIELDS = ("title", "expected_result", "description", "effect")


def _record(initiative, user, kind, *, before="", reason="", changes=None, ip=None) -> Event:
    return Event.objects.create(
        initiative=initiative,
        kind=kind,
        from_status=before or initiative.status,
        to_status=initiative.status,
        user=user,
        reason=reason,
        changes=changes or {},
        ip_address=ip,
    )


def _locked(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=initiative.pk)
    )


def _clean(unit: OrgUnit, data: dict) -> dict:
    """The fields of `data` an author may set, cleaned; errors keyed by field."""
    errors, clean = {}, {}
    if "title" in data:
        title = (data.get("title") or "").strip()
        if not title:
            errors["title"] = [_("Nhập tên sáng kiến, mô hình.")]
        clean["title"] = title[:500]
    if "field" in data:
        if data.get("field") not in Initiative.Field.values:
            errors["field"] = [_("Chọn lĩnh vực của sáng kiến, mô hình.")]
        clean["field"] = data.get("field")
    for name in ("expected_result", "description", "effect"):
        if name in data:
            try:
                clean[name] = free_text(data.get(name), key=name)
            except ValidationError as exc:
                errors.update(exc.message_dict)
    if "person" in data:
        person = data.get("person")
        if person is not None and (not isinstance(person, Person) or person.unit_id != unit.pk):
            errors["person"] = [_("Tác giả phải là cá nhân của đơn vị.")]
        clean["person"] = person
    if "targets" in data:
        clean["targets"] = list(data.get("targets") or [])
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def initiative_create(
    *, scope: UserScope, user, unit: OrgUnit, year: int, data: dict, plan=None, ip=None
) -> Initiative:
    """A unit (or one of its people, through the unit's reporter or head) registers an initiative;
    it starts as a draft."""
    require_author(scope, unit)
    data = {"title": "", "field": "", **data}
    clean = _clean(unit, data)
    targets = clean.pop("targets", [])
    initiative = Initiative.objects.create(
        unit=unit, year=year, plan=plan, created_by=user, **clean
    )
    if targets:
        initiative.targets.set(targets)
    _record(initiative, user, Event.Kind.CREATE, ip=ip)
    return initiative


@transaction.atomic
def initiative_update(
    *, scope: UserScope, user, initiative: Initiative, expected_version: int, data: dict, ip=None
) -> Initiative:
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_edit()
    claim_version(initiative, expected_version)
    clean = _clean(initiative.unit, data)
    changes = {}
    targets = clean.pop("targets", None)
    for name, value in clean.items():
        old = getattr(initiative, name)
        if old != value:
            changes[name] = [str(old or ""), str(value or "")]
            setattr(initiative, name, value)
    if targets is not None:
        old_ids = sorted(initiative.targets.values_list("pk", flat=True))
        new_ids = sorted(t.pk for t in targets)
        if old_ids != new_ids:
            changes["targets"] = [old_ids, new_ids]
            initiative.targets.set(targets)
    initiative.save()
    if changes:
        _record(initiative, user, Event.Kind.SAVE, changes=changes, ip=ip)
    return initiative


@transaction.atomic
def initiative_submit(*, scope: UserScope, user, initiative: Initiative, ip=None) -> Initiative:
    """Send for review: a description, its effect and at least one piece of evidence are what a
    council reads (seed 004 §II.2d: "bảo đảm tính ứng dụng và khả năng nhân rộng")."""
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_submit()
    errors = {}
    if not initiative.description:
        errors["description"] = [_("Mô tả sáng kiến trước khi gửi.")]
    if not initiative.effect:
        errors["effect"] = [_("Nêu hiệu quả của sáng kiến trước khi gửi.")]
    if not initiative.evidence.exists():
        errors["evidence"] = [_("Đính kèm ít nhất một minh chứng (tệp hoặc đường dẫn).")]
    if errors:
        raise ValidationError(errors)
    return _move(initiative, user, Event.Kind.SUBMIT, Initiative.Status.SUBMITTED, ip=ip)


def _move(initiative, user, kind, status, *, reason="", ip=None, changes=None) -> Initiative:
    before = initiative.status
    initiative.status = status
    if status == Initiative.Status.SUBMITTED:
        initiative.submitted_at = timezone.now()
    initiative.version += 1
    initiative.save()
    _record(initiative, user, kind, before=before, reason=reason, ip=ip, changes=changes)
    return initiative


@transaction.atomic
def initiative_take_for_review(*, scope: UserScope, user, initiative: Initiative, ip=None):
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_review()
    return _move(initiative, user, Event.Kind.REVIEW, Initiative.Status.UNDER_REVIEW, ip=ip)


@transaction.atomic
def initiative_recognise(
    *,
    scope: UserScope,
    user,
    initiative: Initiative,
    level: str,
    influence: str,
    decision_number: str,
    decision_date: datetime.date | None,
    ip=None,
) -> Initiative:
    """Recognised at a level, with its scope of influence, by a decision (number and date)."""
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_recognise(level)
    errors = {}
    decision_number = (decision_number or "").strip()[:60]
    if not decision_number:
        errors["decision_number"] = [_("Nhập số quyết định công nhận.")]
    if decision_date is None:
        errors["decision_date"] = [_("Nhập ngày quyết định.")]
    elif decision_date > timezone.localdate():
        errors["decision_date"] = [_("Ngày quyết định không được sau hôm nay.")]
    try:
        influence = free_text(influence, key="influence")
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if not errors and not influence:
        errors["influence"] = [_("Nêu phạm vi ảnh hưởng của sáng kiến.")]
    if errors:
        raise ValidationError(errors)
    initiative.level = level
    initiative.influence = influence
    initiative.decision_number = decision_number
    initiative.decision_date = decision_date
    initiative.reason = ""
    changes = {"level": level, "decision": f"{decision_number} {decision_date.isoformat()}"}
    return _move(
        initiative, user, Event.Kind.RECOGNISE, Initiative.Status.RECOGNISED, ip=ip, changes=changes
    )


def _reason(reason: str) -> str:
    text = free_text(reason, key="reason")
    if not text:
        raise ValidationError({"reason": _("Nêu lý do.")})
    return text


@transaction.atomic
def initiative_return(*, scope: UserScope, user, initiative: Initiative, reason: str, ip=None):
    """Back to the unit to complete, with the reason; the unit edits and sends again."""
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_return()
    initiative.reason = _reason(reason)
    return _move(
        initiative, user, Event.Kind.RETURN, Initiative.Status.RETURNED, reason=initiative.reason
    )


@transaction.atomic
def initiative_refuse(*, scope: UserScope, user, initiative: Initiative, reason: str, ip=None):
    """Not recognised, with the reason: final."""
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_return()
    initiative.reason = _reason(reason)
    return _move(
        initiative,
        user,
        Event.Kind.REFUSE,
        Initiative.Status.NOT_RECOGNISED,
        reason=initiative.reason,
        ip=ip,
    )


def evidence_file_errors(upload) -> list[str]:
    """A report's evidence rules (reporting.forms): size, type, and the content's first bytes."""
    if upload.size > MAX_EVIDENCE_BYTES:
        return [_("Tệp %(name)s lớn hơn 20 MB.") % {"name": upload.name}]
    if not upload.name.lower().endswith(EVIDENCE_TYPES) or not evidence_content_ok(upload):
        return [
            _("Tệp %(name)s: chỉ nhận PDF, Word, Excel, ảnh JPG/PNG hoặc ZIP.")
            % {"name": upload.name}
        ]
    return []


@transaction.atomic
def evidence_add(
    *, scope: UserScope, user, initiative: Initiative, upload=None, link: str = "", ip=None
) -> Evidence:
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_edit()
    if initiative.evidence.count() >= MAX_EVIDENCE_PER_INITIATIVE:
        raise ValidationError(
            {
                "evidence": _("Mỗi sáng kiến có tối đa %(n)s minh chứng.")
                % {"n": MAX_EVIDENCE_PER_INITIATIVE}
            }
        )
    if upload is not None:
        errors = evidence_file_errors(upload)
        if errors:
            raise ValidationError({"evidence": errors})
        evidence = Evidence.objects.create(
            initiative=initiative,
            file=upload,
            name=upload.name[:255],
            size=upload.size,
            uploaded_by=user,
        )
    else:
        try:
            link = clean_link(link)
        except ValidationError as exc:
            raise ValidationError({"evidence": exc.messages}) from exc
        if not link:
            raise ValidationError({"evidence": _("Chọn tệp hoặc nhập đường dẫn minh chứng.")})
        evidence = Evidence.objects.create(
            initiative=initiative, link=link, name=link[:255], uploaded_by=user
        )
    _record(initiative, user, Event.Kind.EVIDENCE, changes={"added": evidence.name}, ip=ip)
    return evidence


@transaction.atomic
def evidence_delete(*, scope: UserScope, user, evidence: Evidence, ip=None) -> None:
    """Remove a piece of evidence while the initiative can still be edited; the history keeps
    its name."""
    initiative = _locked(evidence.initiative)
    InitiativeActions(scope, initiative).require_edit()
    _record(initiative, user, Event.Kind.EVIDENCE, changes={"removed": evidence.name}, ip=ip)
    if evidence.file:
        evidence.file.delete(save=False)
    evidence.delete()


@transaction.atomic
def replication_record(
    *,
    scope: UserScope,
    user,
    initiative: Initiative,
    unit: OrgUnit,
    started_on: datetime.date,
    results: str,
    ip=None,
) -> Replication:
    """Another unit records that it carried out a recognised initiative, with its results."""
    initiative = _locked(initiative)
    InitiativeActions(scope, initiative).require_replicate(unit)
    errors = {}
    if started_on is None:
        errors["started_on"] = [_("Nhập ngày bắt đầu áp dụng.")]
    elif started_on > timezone.localdate():
        errors["started_on"] = [_("Ngày áp dụng không được sau hôm nay.")]
    try:
        results = free_text(results, key="results")
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if not errors and not results:
        errors["results"] = [_("Nêu kết quả nhân rộng tại đơn vị.")]
    if errors:
        raise ValidationError(errors)
    replication = Replication.objects.create(
        initiative=initiative, unit=unit, started_on=started_on, results=results, recorded_by=user
    )
    _record(
        initiative,
        user,
        Event.Kind.REPLICATE,
        changes={"unit": unit.name, "started_on": started_on.isoformat()},
        ip=ip,
    )
    return replication


def initiatives_register(
    *, scope: UserScope, user, unit: OrgUnit, plan, year: int, items: list[dict], ip=None
) -> dict | None:
    """The initiatives of a unit's yearly registration (registrations.services): each posted
    item with an `id` updates that draft, one without creates a draft, and a draft of the
    registration no longer posted is deleted. Initiatives past draft are kept as they are.
    Returns the change for the registration's history ([count before, count after]) or None."""
    require_author(scope, unit)
    existing = list(
        Initiative.objects.filter(unit=unit, plan=plan, year=year).order_by("order", "pk")
    )
    drafts = {i.pk: i for i in existing if i.status == Initiative.Status.DRAFT}
    errors, keep, cleaned = {}, set(), []
    for index, data in enumerate(items):
        key = f"initiative-{index}"
        try:
            clean = _clean(unit, {k: data.get(k) for k in ("title", "field", "expected_result")})
        except ValidationError as exc:
            errors[key] = [m for msgs in exc.message_dict.values() for m in msgs]
            continue
        pk = data.get("id")
        if pk is not None and int(pk) in drafts:
            keep.add(int(pk))
        cleaned.append((index, pk and int(pk) in drafts and drafts[int(pk)], clean))
    if errors:
        raise ValidationError(errors)
    before = [(i.title, i.field) for i in existing]
    for index, draft, clean in cleaned:
        if draft:
            for name, value in clean.items():
                setattr(draft, name, value)
            draft.order = index
            draft.save()
        else:
            initiative = Initiative.objects.create(
                unit=unit, plan=plan, year=year, order=index, created_by=user, **clean
            )
            _record(initiative, user, Event.Kind.CREATE, ip=ip)
    Initiative.objects.filter(pk__in=set(drafts) - keep).delete()
    after = list(
        Initiative.objects.filter(unit=unit, plan=plan, year=year)
        .order_by("order", "pk")
        .values_list("title", "field")
    )
    return [len(before), len(after)] if before != after else None
