"""Turn a reviewed extraction draft (the JSON of `extraction`) into a Plan, its targets and tasks.

The draft is what a person confirmed on the import screen (or, for the demo, what the extractor
proposed). Everything is created in one transaction: a failure half way leaves nothing behind.
"""

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.text import fold
from movements.models import Milestone
from org.models import OrgUnit
from org.scope import UserScope
from org.selectors import units_denoted_by_group
from plans import services
from plans.models import Plan, PlanReference, ReportingFrequency, TaskDeadline, TaskStatus

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
    row = {"label": (item.get("text") or "")[:255]}
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
    if fold(code) != "ubnd":
        return None
    root = OrgUnit.objects.get_root(issuer)
    province = fold(root.name).removeprefix("ubnd ").removeprefix("uy ban nhan dan ")
    if "ubnd tinh" in folded or "uy ban nhan dan tinh" in folded or province in folded:
        return root
    return None


def _units_for(names: list[str], *, issuer: OrgUnit, matches: dict | None) -> list[OrgUnit]:
    """Units chosen on the review screen (`matches`: name -> a unit id, a list of ids for a
    group phrase, or None), else suggested: a group phrase ("các phòng chuyên môn") stands for
    the issuer's units of that kind, a name for the unit of that name."""
    if matches is not None:
        ids = []
        for name in names:
            chosen = matches.get(name)
            ids.extend(chosen if isinstance(chosen, list | tuple | set) else [chosen])
        return list(
            OrgUnit.objects.filter(
                pk__in=[i for i in ids if i], path__startswith=issuer.path
            ).order_by("path")
        )
    units, plain = [], []
    for name in names:
        group = units_denoted_by_group(phrase=name, issuer=issuer)
        if group is None:
            plain.append(name)
        else:
            units.extend(group)
    if plain:
        units.extend(services.units_from_text(text=", ".join(plain), within=issuer))
    return list({unit.pk: unit for unit in units}.values())


def reporting_clause(draft: dict) -> tuple[str, int | None]:
    """The plan's reporting clause as (frequency, due day): seed 001 "trước ngày 20 hằng tháng"
    -> ("monthly", 20); seed 004 "Hằng năm báo cáo" -> ("yearly", None); none -> ("", None)."""
    clause = draft.get("reporting") or {}
    frequency = clause.get("frequency") or ""
    if frequency not in ReportingFrequency.values:
        return "", None
    try:
        due_day = int(clause.get("due_day"))
    except (TypeError, ValueError):
        due_day = None
    return frequency, due_day if due_day and 1 <= due_day <= 31 else None


_DONE_WORDS = {"done", "completed", "hoan_thanh"}


def task_state(item: dict) -> str:
    """The state the plan itself gives a task (seed 001's footnote "Nhiệm vụ đã hoàn thành")."""
    state = str(item.get("status") or item.get("state") or "").lower()
    if state in _DONE_WORDS or item.get("done") is True:
        return TaskStatus.DONE
    return state if state in TaskStatus.values else TaskStatus.NOT_STARTED


def award_parts(item, *, text: str = "") -> dict:
    """An award form as the extractor gives it (a phrase, or a dict) as PlanAward fields and a
    span in the source: the form is the phrase's first line ("Giấy khen của Trưởng Ban Quản
    lý")."""
    if isinstance(item, dict):
        raw = str(item.get("form") or item.get("name") or item.get("text") or "")
        parts = {
            "recipients": str(item.get("recipients") or "")[:300],
            "condition": str(item.get("condition") or item.get("quota") or ""),
        }
        span = item.get("span")
    else:
        raw, parts, span = str(item or ""), {"recipients": "", "condition": ""}, None
    form = raw.strip().split("\n")[0].strip()
    if not span and form and text:
        start = text.find(form)
        span = [start, start + len(form)] if start >= 0 else None
    return {**parts, "form": form[:300], "span": span if span and len(span) == 2 else None}


def period_bound(value, *, end: bool) -> datetime.date | None:
    """ "2026-05" -> 01/05/2026 (start) or 31/05/2026 (end); "2026" -> 01/01 or 31/12."""
    value = str(value or "")
    if len(value) == 10:
        return parse_date(value)
    try:
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            day = calendar.monthrange(year, month)[1] if end else 1
            return datetime.date(year, month, day)
        if len(value) == 4:
            return datetime.date(int(value), 12, 31) if end else datetime.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def milestone_parts(item: dict) -> dict:
    """A sơ kết / tổng kết of the draft as Milestone fields: due at the end of what it says
    ("Quý IV, năm 2027" -> 31/12/2027)."""
    kind = item.get("kind")
    due = item.get("due")
    due_date = None
    if isinstance(due, dict) and due.get("kind"):
        try:
            due_date = _deadline_end(deadline_from_draft(due))
        except (ValueError, TypeError):
            due_date = None
    elif due:
        due_date = period_bound(due, end=True)
    return {
        "kind": kind if kind in Milestone.Kind.values else Milestone.Kind.OTHER,
        "label": str(item.get("label") or item.get("text") or "").strip()[:200],
        "due_date": due_date,
    }


def draft_phases(draft: dict) -> list[dict]:
    """Phases of the draft ("Giai đoạn 1 (từ tháng 5/2026 đến tháng 12/2027)") as Phase fields:
    from a "phases" list, or milestones of kind "phase"."""
    items = list(draft.get("phases") or [])
    items += [m for m in draft.get("milestones") or [] if m.get("kind") in ("phase", "giai_doan")]
    phases = []
    for item in items:
        text = str(item.get("text") or "").strip()
        phases.append(
            {
                "name": str(item.get("name") or item.get("title") or text or "").strip()[:200],
                "start_date": period_bound(item.get("start") or item.get("from"), end=False),
                "end_date": period_bound(item.get("end") or item.get("to"), end=True),
                "label": text[:300],
            }
        )
    return phases


def draft_milestones(draft: dict) -> list[dict]:
    return [
        milestone_parts(m)
        for m in draft.get("milestones") or []
        if m.get("kind") not in ("phase", "giai_doan")
    ]


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
    replacing: Iterable[Plan] = (),
) -> Plan:
    """Create the Plan, its references, targets, tasks, phases, milestones, awards and
    reporting clause from a reviewed draft, atomically. `replacing`: plans already in the
    system that this one is a new import of (see `duplicate_plans`); they give way to it."""
    if not scope.can_manage(issuer):
        raise ValidationError({"issuer": _("Bạn chỉ nhập được kế hoạch của đơn vị mình quản lý.")})
    document = draft.get("document") or {}
    signature = draft.get("signature") or {}
    number = (document.get("number") or "").strip()
    issued = document.get("date") or ""
    reporting_frequency, reporting_due_day = reporting_clause(draft)
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
            "reporting_frequency": reporting_frequency,
            "reporting_due_day": reporting_due_day,
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
            scope=scope,
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
        lead_units = _units_for(lead, issuer=issuer, matches=unit_matches)
        status = task_state(item)
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
                "status": status,
                "progress": 100 if status == TaskStatus.DONE else 0,
            },
            deadlines=[deadline_from_draft(d) for d in item.get("deadlines") or []],
            lead_units=lead_units,
            # A unit the task names as lead is not also among "the other" units of a group
            # phrase (seed 003: Phòng Hành chính – Quản trị leads, "Các phòng, ban, trung tâm"
            # coordinate).
            coordinating_units=[
                unit
                for unit in _units_for(coordinating, issuer=issuer, matches=unit_matches)
                if unit not in lead_units
            ],
        )
        _set_span(task, item)

    for order, phase in enumerate(draft_phases(draft), start=1):
        services.plan_phase_add(plan=plan, order=order, **phase)
    for milestone in draft_milestones(draft):
        services.plan_milestone_add(plan=plan, **milestone)
    for order, item in enumerate(draft.get("awards") or []):
        award = award_parts(item, text=source_text)
        if award["form"]:
            span = award.pop("span")
            services.plan_award_add(plan=plan, data=award, order=order, span=span)
    for old in replacing:
        services.plan_replace(scope=scope, old=old, new=plan)
    return plan


def _set_span(obj, item: dict) -> None:
    span = item.get("span")
    if span and len(span) == 2:
        type(obj).objects.filter(pk=obj.pk).update(span_start=span[0], span_end=span[1])


# --- Upload, review, confirm (the import page) -------------------------------------------------

ALLOWED_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def review_warnings(draft: dict, *, today: datetime.date) -> dict[str, list[str]]:
    """What a reviewer should look at twice, keyed "target-N" / "task-N" / "document"."""
    warnings: dict[str, list[str]] = {"document": [str(w) for w in draft.get("warnings") or []]}
    document = draft.get("document") or {}
    if not document.get("number"):
        warnings["document"].append(str(_("Văn bản chưa có số (bản dự thảo?).")))
    for i, target in enumerate(draft.get("targets") or []):
        notes = []
        if target.get("unit") == "%" and not (target.get("subject") or "").strip():
            notes.append(str(_("Tỷ lệ phần trăm chưa rõ đối tượng.")))
        if target.get("value") is None:
            notes.append(str(_("Chỉ tiêu định tính: theo dõi bằng minh chứng.")))
        warnings[f"target-{i}"] = notes
    for i, task in enumerate(draft.get("tasks") or []):
        notes = []
        if not task.get("lead_units"):
            notes.append(str(_("Nhiệm vụ chưa có đơn vị chủ trì.")))
        for deadline in task.get("deadlines") or []:
            row = deadline_from_draft(deadline)
            end = _deadline_end(row)
            if end and end < today:
                notes.append(str(_("Thời hạn đã qua: %(d)s.") % {"d": end.strftime("%d/%m/%Y")}))
        if not task.get("deadlines"):
            notes.append(str(_("Nhiệm vụ chưa có thời hạn.")))
        warnings[f"task-{i}"] = notes
    return warnings


def _deadline_end(row: dict) -> datetime.date | None:
    return TaskDeadline(**row).end_date


def draft_unit_names(draft: dict) -> list[str]:
    names: list[str] = []
    for task in draft.get("tasks") or []:
        for name in [*(task.get("lead_units") or []), *(task.get("coordinating_units") or [])]:
            if name not in names:
                names.append(name)
    return names


@dataclass
class DraftDiff:
    """What importing a replacing plan changes, against the plan it replaces."""

    replaced: Plan
    targets_added: list[str]
    targets_removed: list[str]
    targets_changed: list[tuple[str, str, str]]
    tasks_added: list[str]
    tasks_removed: list[str]

    @property
    def is_empty(self) -> bool:
        return not (
            self.targets_added
            or self.targets_removed
            or self.targets_changed
            or self.tasks_added
            or self.tasks_removed
        )


def _target_key(text: str) -> str:
    # The same promise with another figure is a change, not a new target.
    return re.sub(r"\d+(?:[.,]\d+)?", "#", fold(text)).strip(" .;,")


def _target_figure(comparator, value, value_max) -> str:
    if value is None:
        return ""
    figure = f"{comparator or ''} {_plain(value)}"
    return f"{figure}–{_plain(value_max)}" if value_max is not None else figure


def _plain(value) -> str:
    """70.0000 -> "70", 1.5000 -> "1.5" (never "7E+1")."""
    return format(Decimal(str(value)).normalize(), "f")


def draft_diff(*, replaced: Plan, draft: dict) -> DraftDiff:
    old_targets = {_target_key(t.text): t for t in replaced.targets.all()}
    new_targets = {_target_key(t.get("text") or ""): t for t in draft.get("targets") or []}
    changed = []
    for key in old_targets.keys() & new_targets.keys():
        old, new = old_targets[key], new_targets[key]
        before = _target_figure(old.comparator, old.value, old.value_max)
        after = _target_figure(new.get("comparator"), new.get("value"), new.get("value_max"))
        if before.strip() != after.strip():
            changed.append((new.get("text") or "", before, after))
    old_tasks = {fold(t.title).strip(" .;,"): t.title for t in replaced.tasks.all()}
    new_tasks = {
        fold((t.get("title") or t.get("text") or "")[:500]).strip(" .;,"): t.get("title")
        or t.get("text")
        or ""
        for t in draft.get("tasks") or []
    }
    return DraftDiff(
        replaced=replaced,
        targets_added=[
            new_targets[k].get("text") or "" for k in new_targets.keys() - old_targets.keys()
        ],
        targets_removed=[old_targets[k].text for k in old_targets.keys() - new_targets.keys()],
        targets_changed=changed,
        tasks_added=[new_tasks[k] for k in new_tasks.keys() - old_tasks.keys()],
        tasks_removed=[old_tasks[k] for k in old_tasks.keys() - new_tasks.keys()],
    )


def replaced_plans(*, draft: dict, scope: UserScope) -> list[Plan]:
    """Plans already in the system (and visible) that the draft says it replaces."""
    from plans.selectors import visible_plans_q

    numbers = {
        services.normalize_number(ref.get("number") or "")
        for ref in draft.get("references") or []
        if ref.get("relation") == PlanReference.Relation.REPLACES and ref.get("number")
    }
    if not numbers:
        return []
    candidates = (
        Plan.objects.filter(visible_plans_q(scope))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .prefetch_related("targets", "tasks")
    )
    return [
        p for p in candidates.exclude(number="") if services.normalize_number(p.number) in numbers
    ]


def duplicate_plans(*, draft: dict, issuer: OrgUnit, scope: UserScope) -> list[Plan]:
    """Plans already in the system (and visible) that the draft is very likely a second import
    of: the same issuer and either the same number, or the same title and date."""
    from plans.selectors import visible_plans_q

    document = draft.get("document") or {}
    number = services.normalize_number(document.get("number") or "")
    title = fold(document.get("title") or "").strip(" .")
    issued = str(document.get("date") or "")
    issued_on = parse_date(issued)
    issued_period = issued if len(issued) in (4, 7) else ""
    candidates = (
        Plan.objects.filter(visible_plans_q(scope), issuer=issuer)
        .exclude(status=Plan.Status.PLACEHOLDER)
        .prefetch_related("targets", "tasks")
        .order_by("pk")
    )
    found = []
    for plan in candidates:
        same_number = bool(number) and services.normalize_number(plan.number) == number
        same_title_and_date = (
            bool(title)
            and fold(plan.title).strip(" .") == title
            and plan.issued_on == issued_on
            and plan.issued_period == issued_period
        )
        if same_number or same_title_and_date:
            found.append(plan)
    return found


@transaction.atomic
def plan_import_finish(
    *,
    scope: UserScope,
    user,
    plan_import,
    draft: dict,
    unit_matches: dict,
    replacing: Iterable[Plan] = (),
):
    """Create the plan from the reviewed draft and attach the uploaded file, in one transaction."""
    from plans.models import PlanImport

    locked = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    if locked.status != PlanImport.Status.PENDING:
        raise ValidationError(_("Tệp này đã được xử lý; không tạo kế hoạch lần nữa."))
    plan = plan_import_confirm(
        scope=scope,
        user=user,
        draft=draft,
        issuer=locked.issuer,
        source_file=locked.source_file.name,
        source_text=locked.text,
        unit_matches=unit_matches,
        replacing=replacing,
    )
    locked.status = PlanImport.Status.CONFIRMED
    locked.plan = plan
    locked.draft = draft
    locked.save(update_fields=["status", "plan", "draft"])
    return plan
