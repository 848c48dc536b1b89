"""Turn a reviewed extraction draft (the JSON of `extraction`) into a Plan, its targets and tasks.

The draft is what a person confirmed on the import screen (or, for the demo, what the extractor
proposed). Everything is created in one transaction: a failure half way leaves nothing behind.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.text import fold
from org.models import OrgUnit
from org.scope import UserScope
from plans import services
from plans.models import Plan, PlanReference, TaskDeadline

_DOC_TYPES = {choice.value.upper(): choice.value for choice in Plan.DocType}
_NUMBER = re.compile(r"^\s*(?P<num>[^/\s]*)\s*/\s*(?P<type>[^-/\s]+)(?:[-/](?P<issuer>.+))?$")
_FREQUENCIES = {
    "monthly": TaskDeadline.Frequency.MONTHLY,
    "quarterly": TaskDeadline.Frequency.QUARTERLY,
    "half_yearly": TaskDeadline.Frequency.HALF_YEARLY,
    "yearly": TaskDeadline.Frequency.YEARLY,
    "continuous": TaskDeadline.Frequency.CONTINUOUS,
}


def doc_type_of(number: str) -> str:
    """ "57-NQ/TW" -> NQ, "160/KH-UBND" -> KH, "462/QĐ-TTg" -> QĐ; anything else: VB."""
    number = number or ""
    for part in re.split(r"[-/\s]", number.upper()):
        if part in _DOC_TYPES:
            return _DOC_TYPES[part]
    return Plan.DocType.OTHER


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def deadline_from_draft(item: dict) -> dict:
    """One extracted deadline ({"kind": "quarter", "value": "2026-Q2"}) as TaskDeadline fields."""
    kind, value = item.get("kind"), str(item.get("value") or "")
    row = {"label": item.get("text", "")[:255]}
    if kind in ("date", "before"):
        before = kind == "before" or item.get("before")
        row.update(kind=TaskDeadline.Kind.BEFORE if before else TaskDeadline.Kind.DATE)
        row["date"] = parse_date(value)
    elif kind == "month":
        year, month = value.split("-")[:2]
        row.update(kind=TaskDeadline.Kind.MONTH, year=int(year), month=int(month))
    elif kind == "quarter":
        year, quarter = value.split("-Q")
        row.update(kind=TaskDeadline.Kind.QUARTER, year=int(year), quarter=int(quarter))
    elif kind == "year":
        row.update(kind=TaskDeadline.Kind.YEAR, year=int(value[:4]))
    else:
        row.update(
            kind=TaskDeadline.Kind.RECURRING,
            frequency=_FREQUENCIES.get(value, TaskDeadline.Frequency.CONTINUOUS),
        )
    return row


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def guess_reference_issuer(*, number: str, text: str, issuer: OrgUnit) -> OrgUnit | None:
    """Who issued a cited document, when the citation says it plainly: the plan's own issuer
    (same issuer code, e.g. a plan it replaces), or the province ("của UBND tỉnh")."""
    match = _NUMBER.match(number or "")
    code = (match.group("issuer") or "") if match else ""
    own = issuer.short_name or ""
    if code and own and fold(code) == fold(own):
        return issuer
    folded = fold(text)
    if fold(code) == "ubnd" and ("ubnd tinh" in folded or "uy ban nhan dan tinh" in folded):
        return OrgUnit.objects.get_root(issuer)
    return None


def _units_for(names: list[str], *, issuer: OrgUnit, matches: dict | None) -> list[OrgUnit]:
    """Units chosen on the review screen (`matches`: name -> unit id or None), else suggested."""
    if matches is not None:
        ids = [matches.get(name) for name in names if matches.get(name)]
        return list(OrgUnit.objects.filter(pk__in=ids, path__startswith=issuer.path))
    return services.units_from_text(text=", ".join(names), within=issuer)


@transaction.atomic
def plan_import_confirm(
    *,
    scope: UserScope,
    user,
    draft: dict,
    issuer: OrgUnit,
    source_file=None,
    source_text: str = "",
    unit_matches: dict | None = None,
    movement=None,
) -> Plan:
    """Create the Plan, its references, targets and tasks from a reviewed draft, atomically."""
    if not scope.can_manage(issuer):
        raise ValidationError({"issuer": _("Bạn chỉ nhập được kế hoạch của đơn vị mình quản lý.")})
    document = draft.get("document") or {}
    signature = draft.get("signature") or {}
    number = (document.get("number") or "").strip()
    issued = document.get("date") or ""
    plan = services.plan_create(
        scope=scope,
        user=user,
        data={
            "doc_type": _DOC_TYPES.get((document.get("type") or "KH").upper(), Plan.DocType.PLAN),
            "number": number,
            "issuer": issuer,
            "issuer_name": issuer.name,
            "place": document.get("place") or "",
            "issued_on": parse_date(issued),
            "issued_period": issued if issued and len(issued) in (4, 7) else "",
            "title": (document.get("title") or "").strip() or str(_("(chưa có trích yếu)")),
            "movement": movement,
            "status": Plan.Status.ISSUED if number else Plan.Status.DRAFT,
            "signature_authority": signature.get("authority") or "",
            "signature_position": signature.get("position") or "",
            "signer_name": signature.get("name") or "",
            "recipients": list(draft.get("recipients") or []),
        },
    )
    if source_file is not None:
        plan.source_file = source_file
    plan.source_text = source_text
    plan.save(update_fields=["source_file", "source_text"])

    for order, ref in enumerate(draft.get("references") or []):
        ref_number = (ref.get("number") or "").strip()
        if not ref_number:
            continue
        referenced = services.reference_resolve(
            number=ref_number,
            doc_type=doc_type_of(ref_number),
            issued_on=parse_date(ref.get("date")),
            text=ref.get("text") or "",
        )
        if referenced.is_placeholder and referenced.issuer_id is None:
            guessed = guess_reference_issuer(
                number=ref_number, text=ref.get("text") or "", issuer=issuer
            )
            if guessed is not None:
                referenced.issuer = guessed
                referenced.issuer_name = guessed.name
                referenced.save(update_fields=["issuer", "issuer_name", "search_text"])
        if referenced.pk == plan.pk:
            continue
        services.plan_reference_add(
            plan=plan,
            referenced=referenced,
            relation=ref.get("relation") or PlanReference.Relation.IMPLEMENTS,
            text=ref.get("text") or "",
            order=order,
        )

    for order, item in enumerate(draft.get("targets") or []):
        due = str(item.get("due") or "")
        target = services.target_create(
            scope=scope,
            plan=plan,
            data={
                "order": order,
                "section": (item.get("section") or "")[:500],
                "text": item.get("text") or "",
                "subject": (item.get("subject") or "")[:500],
                "comparator": item.get("comparator")
                or ("=" if item.get("value") is not None else ""),
                "value": _decimal(item.get("value")),
                "value_max": _decimal(item.get("value_max")),
                "unit": item.get("unit") or "",
                "due_year": int(due[:4]) if due[:4].isdigit() else None,
                "due_date": parse_date(due),
            },
        )
        _set_span(target, item)

    for order, item in enumerate(draft.get("tasks") or []):
        lead = list(item.get("lead_units") or [])
        coordinating = list(item.get("coordinating_units") or [])
        task = services.task_create(
            scope=scope,
            plan=plan,
            data={
                "order": order,
                "section": (item.get("section") or "")[:500],
                "title": (item.get("title") or item.get("text") or "")[:500],
                "text": item.get("text") or "",
                "product": (item.get("product") or "")[:500],
                "lead_units_text": ", ".join(lead)[:500],
                "coordinating_units_text": ", ".join(coordinating)[:500],
            },
            deadlines=[deadline_from_draft(d) for d in item.get("deadlines") or []],
            lead_units=_units_for(lead, issuer=issuer, matches=unit_matches),
            coordinating_units=_units_for(coordinating, issuer=issuer, matches=unit_matches),
        )
        _set_span(task, item)
    return plan


def _set_span(obj, item: dict) -> None:
    span = item.get("span")
    if span and len(span) == 2:
        type(obj).objects.filter(pk=obj.pk).update(span_start=span[0], span_end=span[1])
