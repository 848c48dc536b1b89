"""Turn a reviewed extraction draft (the JSON of `extraction`) into a Plan, its targets and tasks.

The draft is what a person confirmed on the import screen (or, for the demo, what the extractor
proposed). Everything is created in one transaction: a failure half way leaves nothing behind.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.history import changes_by
from core.text import fold
from org.models import OrgUnit
from org.scope import UserScope
from org.selectors import units_denoted_by_group
from plans import services
from plans.draft import (
    DraftReference,
    DraftTask,
    PlanDraft,
    deadline_end,
    deadline_from_draft,
)
from plans.models import Plan, PlanReference, PlanText

_DOC_TYPES = {choice.value.upper(): choice.value for choice in Plan.DocType}
_NUMBER = re.compile(r"^\s*(?P<num>[^/\s]*)\s*/\s*(?P<type>[^-/\s]+)(?:[-/](?P<issuer>.+))?$")


def doc_type_of(number: str) -> str:
    """ "57-NQ/TW" -> NQ, "160/KH-UBND" -> KH, "462/QĐ-TTg" -> QĐ; anything else: VB."""
    number = number or ""
    for part in re.split(r"[-/\s]", number.upper()):
        if part in _DOC_TYPES:
            return _DOC_TYPES[part]
    return Plan.DocType.OTHER


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
    parts = PlanDraft.from_dict(draft, text=source_text)
    # Every version written here (the plan, its targets and tasks, the placeholders it cites,
    # the plans it replaces) names the importer, wherever the import runs: a page, a background
    # job or a command, which have no request for simple-history to read the person from.
    with changes_by(user):
        plan = services.plan_create(
            scope=scope, user=user, data=_plan_fields(parts, issuer=issuer, movement=movement)
        )
        if source_file is not None:
            plan.source_file = source_file
            plan.save(update_fields=["source_file"])
        if source_text:
            PlanText.objects.create(plan=plan, text=source_text)
        for reference in parts.references:
            _add_reference(scope, plan, reference, issuer=issuer)
        for order, target in enumerate(parts.targets):
            created = services.target_create(scope=scope, plan=plan, data=target.fields(order))
            _set_span(created, target.span)
        for order, task in enumerate(parts.tasks):
            _add_task(scope, plan, task, order=order, issuer=issuer, matches=unit_matches)
        _add_calendar_and_awards(plan, parts)
        for old in replacing:
            services.plan_replace(scope=scope, old=old, new=plan)
    return plan


def _plan_fields(parts: PlanDraft, *, issuer: OrgUnit, movement) -> dict:
    document = parts.document
    return {
        "doc_type": document.doc_type,
        "number": document.number,
        "issuer": issuer,
        "issuer_name": issuer.name,
        "place": document.place,
        "issued_on": document.issued_on,
        "issued_period": document.issued_period,
        "title": document.title or str(_("(chưa có trích yếu)")),
        "movement": movement,
        "status": Plan.Status.ISSUED if document.number else Plan.Status.DRAFT,
        "signature_authority": document.signature_authority,
        "signature_position": document.signature_position,
        "signer_name": document.signer_name,
        "recipients": document.recipients,
        "reporting_frequency": parts.reporting_frequency,
        "reporting_due_day": parts.reporting_due_day,
    }


def _add_reference(scope: UserScope, plan: Plan, ref: DraftReference, *, issuer: OrgUnit) -> None:
    """Cite the referenced document, found or kept as a placeholder; a placeholder whose
    issuer the citation names plainly gets that issuer. A plan never cites itself."""
    referenced = services.reference_resolve(
        scope=scope,
        number=ref.number,
        doc_type=doc_type_of(ref.number),
        issued_on=ref.date,
        text=ref.text,
    )
    if referenced.is_placeholder and referenced.issuer_id is None:
        guessed = guess_reference_issuer(number=ref.number, text=ref.text, issuer=issuer)
        if guessed is not None:
            referenced.issuer = guessed
            referenced.issuer_name = guessed.name
            referenced.save(update_fields=["issuer", "issuer_name", "search_text"])
    if referenced.pk == plan.pk:
        return
    services.plan_reference_add(
        plan=plan, referenced=referenced, relation=ref.relation, text=ref.text, order=ref.order
    )


def _add_calendar_and_awards(plan: Plan, parts: PlanDraft) -> None:
    """The plan's phases and milestones (kept on its movement) and the award forms it promises."""
    for order, phase in enumerate(parts.phases, start=1):
        services.plan_phase_add(plan=plan, order=order, **phase)
    for milestone in parts.milestones:
        services.plan_milestone_add(plan=plan, **milestone)
    for award in parts.awards:
        services.plan_award_add(plan=plan, data=award.fields, order=award.order, span=award.span)


def _add_task(
    scope: UserScope, plan: Plan, task: DraftTask, *, order: int, issuer: OrgUnit, matches
) -> None:
    lead_units = _units_for(task.lead_units, issuer=issuer, matches=matches)
    created = services.task_create(
        scope=scope,
        plan=plan,
        data=task.fields(order),
        deadlines=[deadline_from_draft(d) for d in task.deadlines],
        lead_units=lead_units,
        # A unit the task names as lead is not also among "the other" units of a group
        # phrase (seed 003: Phòng Hành chính – Quản trị leads, "Các phòng, ban, trung tâm"
        # coordinate).
        coordinating_units=[
            unit
            for unit in _units_for(task.coordinating_units, issuer=issuer, matches=matches)
            if unit not in lead_units
        ],
    )
    _set_span(created, task.span)


def _set_span(obj, span: tuple[int, int] | None) -> None:
    if span:
        type(obj).objects.filter(pk=obj.pk).update(span_start=span[0], span_end=span[1])


# --- Upload, review, confirm (the import page) -------------------------------------------------

ALLOWED_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def review_warnings(parts: PlanDraft, *, today: datetime.date) -> dict[str, list[str]]:
    """What a reviewer should look at twice, keyed "target-N" / "task-N" / "document"."""
    warnings: dict[str, list[str]] = {"document": list(parts.warnings)}
    if not parts.document.number:
        warnings["document"].append(str(_("Văn bản chưa có số (bản dự thảo?).")))
    for i, target in enumerate(parts.targets):
        notes = []
        if target.unit == "%" and not target.subject.strip():
            notes.append(str(_("Tỷ lệ phần trăm chưa rõ đối tượng.")))
        if target.value is None:
            notes.append(str(_("Chỉ tiêu định tính: theo dõi bằng minh chứng.")))
        warnings[f"target-{i}"] = notes
    for i, task in enumerate(parts.tasks):
        warnings[f"task-{i}"] = _task_warnings(task, today=today)
    return warnings


def _task_warnings(task: DraftTask, *, today: datetime.date) -> list[str]:
    notes = []
    if not task.lead_units:
        notes.append(str(_("Nhiệm vụ chưa có đơn vị chủ trì.")))
    for deadline in task.deadlines:
        end = deadline_end(deadline_from_draft(deadline))
        if end and end < today:
            notes.append(str(_("Thời hạn đã qua: %(d)s.") % {"d": end.strftime("%d/%m/%Y")}))
    if not task.deadlines:
        notes.append(str(_("Nhiệm vụ chưa có thời hạn.")))
    return notes


def draft_unit_names(parts: PlanDraft) -> list[str]:
    names: list[str] = []
    for task in parts.tasks:
        for name in [*task.lead_units, *task.coordinating_units]:
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


def draft_diff(*, replaced: Plan, parts: PlanDraft) -> DraftDiff:
    old_targets = {_target_key(t.text): t for t in replaced.targets.all()}
    new_targets = {_target_key(t.text): t for t in parts.targets}
    changed = []
    for key in old_targets.keys() & new_targets.keys():
        old, new = old_targets[key], new_targets[key]
        before = _target_figure(old.comparator, old.value, old.value_max)
        after = _target_figure(new.comparator, new.value, new.value_max)
        if before.strip() != after.strip():
            changed.append((new.text, before, after))
    old_tasks = {fold(t.title).strip(" .;,"): t.title for t in replaced.tasks.all()}
    new_tasks = {fold(t.title).strip(" .;,"): t.title for t in parts.tasks}
    return DraftDiff(
        replaced=replaced,
        targets_added=[new_targets[k].text for k in new_targets.keys() - old_targets.keys()],
        targets_removed=[old_targets[k].text for k in old_targets.keys() - new_targets.keys()],
        targets_changed=changed,
        tasks_added=[new_tasks[k] for k in new_tasks.keys() - old_tasks.keys()],
        tasks_removed=[old_tasks[k] for k in old_tasks.keys() - new_tasks.keys()],
    )


def replaced_plans(*, parts: PlanDraft, scope: UserScope) -> list[Plan]:
    """Plans already in the system (and visible) that the draft says it replaces."""
    from plans.selectors import visible_plans_q

    numbers = {
        services.normalize_number(ref.number)
        for ref in parts.references
        if ref.relation == PlanReference.Relation.REPLACES
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


def duplicate_plans(*, parts: PlanDraft, issuer: OrgUnit, scope: UserScope) -> list[Plan]:
    """Plans already in the system (and visible) that the draft is very likely a second import
    of: the same issuer and either the same number, or the same title and date."""
    from plans.selectors import visible_plans_q

    document = parts.document
    number = services.normalize_number(document.number)
    title = fold(document.title).strip(" .")
    issued_on, issued_period = document.issued_on, document.issued_period
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
