"""The import page: upload a plan document, review what the extractor proposes, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.params import parse_int
from org.models import OrgUnit
from org.scope import get_in_scope_or_404, user_scope
from org.selectors import units_denoted_by_group, units_match_names
from plans import import_jobs, importing
from plans.draft import PlanDraft
from plans.import_forms import (
    AwardFormSet,
    DocumentForm,
    DuplicateForm,
    MilestoneFormSet,
    PhaseFormSet,
    ReferenceFormSet,
    TargetFormSet,
    TaskFormSet,
    UnitMatchForm,
    UploadForm,
    mark_unmatched_units,
)
from plans.import_review import review_initial, reviewed_draft
from plans.models import PlanImport


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    scope = user_scope(request.user)
    if not scope.has_grant("coordinator"):
        raise Http404
    form = UploadForm(request.POST or None, request.FILES or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                job = import_jobs.plan_import_start(
                    scope=scope,
                    user=request.user,
                    issuer=form.cleaned_data["issuer"],
                    uploaded_file=form.cleaned_data["source_file"],
                )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            # Read by a worker; its page shows the progress, then sends to the review page.
            return redirect("jobs:detail", pk=job.pk)
    pending = PlanImport.objects.filter(
        scope.unit_q("issuer"), status=PlanImport.Status.PENDING
    ).select_related("issuer")[:20]
    return render(request, "plans/import_upload.html", {"form": form, "pending": pending})


def _pending_import(request, pk) -> PlanImport:
    scope = user_scope(request.user)
    return get_in_scope_or_404(
        PlanImport.objects.select_related("issuer"),
        scope.unit_q("issuer", roles=["coordinator"]),
        pk=pk,
        status=PlanImport.Status.PENDING,
    )


def _finished_import(request, pk):
    """An import already confirmed or discarded (the person came back through its job): the
    plan it made, or the upload page saying it was discarded; None while it waits for review.
    (A form posted to it again stays a 404: nothing is confirmed twice.)"""
    scope = user_scope(request.user)
    done = (
        PlanImport.objects.filter(scope.unit_q("issuer", roles=["coordinator"]), pk=pk)
        .exclude(status=PlanImport.Status.PENDING)
        .values_list("status", "plan_id", "original_name")
        .first()
    )
    if done is None:
        return None
    status, plan_id, name = done
    if status == PlanImport.Status.CONFIRMED and plan_id:
        return redirect("plans:detail", pk=plan_id)
    messages.info(request, _("Tệp %(name)s đã được hủy.") % {"name": name})
    return redirect("plans:import_upload")


def _unit_match_form(data, *, parts: PlanDraft, issuer: OrgUnit) -> UnitMatchForm:
    """One select per unit name of the tasks; a group phrase gets its units ticked."""
    names = importing.draft_unit_names(parts)
    groups = {}
    for name in names:
        denoted = units_denoted_by_group(phrase=name, issuer=issuer)
        if denoted is not None:
            groups[name] = denoted
    subtree = OrgUnit.objects.filter(path__startswith=issuer.path).order_by("path")
    return UnitMatchForm(
        data,
        names=names,
        units=subtree,
        suggestions=units_match_names(names=[n for n in names if n not in groups], within=issuer),
        groups=groups,
        group_units=subtree.filter(depth=issuer.depth + 1),
        prefix="match",
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request, pk):
    scope = user_scope(request.user)
    finished = _finished_import(request, pk) if request.method == "GET" else None
    if finished is not None:
        return finished
    plan_import = _pending_import(request, pk)
    draft, issuer = plan_import.draft, plan_import.issuer
    parts = PlanDraft.from_dict(draft, text=plan_import.text)
    initial = review_initial(draft, text=plan_import.text)
    data = request.POST or None
    document = DocumentForm(data, initial=initial["document"], prefix="doc")
    references = ReferenceFormSet(data, initial=initial["references"], prefix="ref")
    targets = TargetFormSet(data, initial=initial["targets"], prefix="target")
    tasks = TaskFormSet(data, initial=initial["tasks"], prefix="task")
    milestones = MilestoneFormSet(data, initial=initial["milestones"], prefix="milestone")
    phases = PhaseFormSet(data, initial=initial["phases"], prefix="phase")
    awards = AwardFormSet(data, initial=initial["awards"], prefix="award")
    matches = _unit_match_form(data, parts=parts, issuer=issuer)
    duplicate = DuplicateForm(data, prefix="dup")
    duplicates = importing.duplicate_plans(parts=parts, issuer=issuer, scope=scope)
    all_forms = (document, references, targets, tasks, milestones, phases, awards, matches)
    if request.method == "POST" and all(f.is_valid() for f in (*all_forms, duplicate)):
        reviewed = reviewed_draft(
            document=document.cleaned_data,
            references=references,
            targets=targets,
            tasks=tasks,
            milestones=milestones,
            phases=phases,
            awards=awards,
        )
        duplicates = importing.duplicate_plans(
            parts=PlanDraft.from_dict(reviewed), issuer=issuer, scope=scope
        )
        try:
            if duplicates and not duplicate.cleaned_data["replace"]:
                raise ValidationError(
                    _(
                        "Kế hoạch này đã có trong hệ thống: chọn “Thay thế kế hoạch đã có”, "
                        "hoặc hủy tệp này."
                    )
                )
            plan = importing.plan_import_finish(
                scope=scope,
                user=request.user,
                plan_import=plan_import,
                draft=reviewed,
                unit_matches=matches.matches(),
                replacing=duplicates,
            )
        except ValidationError as exc:
            document.add_error(None, exc.messages)
        else:
            messages.success(
                request, _("Đã tạo kế hoạch từ tệp %(name)s.") % {"name": plan_import.original_name}
            )
            return redirect("plans:detail", pk=plan.pk)
    mark_unmatched_units(tasks.forms, draft.get("tasks") or [], matches.unmatched)
    warnings = importing.review_warnings(parts, today=timezone.localdate())
    text = plan_import.text
    target_rows = [
        (form, _source(text, item), warnings.get(f"target-{i}", []))
        for i, (form, item) in enumerate(
            zip(targets.forms, draft.get("targets") or [], strict=False)
        )
    ]
    task_rows = [
        (form, _source(text, item), warnings.get(f"task-{i}", []), item.get("deadlines") or [])
        for i, (form, item) in enumerate(zip(tasks.forms, draft.get("tasks") or [], strict=False))
    ]
    diffs = [
        importing.draft_diff(replaced=old, parts=parts)
        for old in importing.replaced_plans(parts=parts, scope=scope)
    ]
    return render(
        request,
        "plans/import_review.html",
        {
            "plan_import": plan_import,
            "document": document,
            "references": references,
            "targets": targets,
            "tasks": tasks,
            "milestones": milestones,
            "phases": phases,
            "awards": awards,
            "matches": matches,
            "target_rows": target_rows,
            "task_rows": task_rows,
            "document_warnings": warnings.get("document", []),
            "diffs": diffs,
            "duplicate": duplicate,
            "duplicate_diffs": [
                importing.draft_diff(replaced=old, parts=parts) for old in duplicates
            ],
        },
    )


def _source(text: str, item: dict) -> str:
    span = item.get("span") or []
    if isinstance(span, str):
        span = [n for x in span.split(",") if (n := parse_int(x, minimum=0)) is not None]
    if len(span) != 2:
        return ""
    return text[span[0] : span[1]]


@login_required
@require_POST
def import_discard(request, pk):
    plan_import = _pending_import(request, pk)
    plan_import.status = PlanImport.Status.DISCARDED
    plan_import.save(update_fields=["status"])
    messages.info(request, _("Đã hủy tệp %(name)s.") % {"name": plan_import.original_name})
    return redirect("plans:import_upload")
