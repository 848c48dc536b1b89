"""Evaluation pages: thin views over evaluation.selectors and the services; the same
EvaluationAccess answers whether an action runs and whether the page offers it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.params import parse_id
from evaluation import export_jobs, indices, ranking, ranking_table, scoring, selectors
from evaluation.access import EvaluationAccess
from evaluation.models import AdjustmentRule, Criterion, ScoreChange, TieRule
from evaluation.subjects import scheme_blocks
from jobs.models import Job
from org.scope import MANAGE_ROLES, user_scope


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _scheme(request, pk):
    scope = user_scope(request.user)
    scheme = selectors.scheme_in_scope(scope=scope, pk=pk)
    return scheme, EvaluationAccess(scope, scheme)


def _managed_scheme(request, pk):
    scheme, access = _scheme(request, pk)
    if not access.can_manage:
        raise Http404
    return scheme, access


@login_required
@require_GET
def scheme_list(request):
    scope = user_scope(request.user)
    context = {
        "schemes": selectors.scheme_list(scope=scope),
        "can_create": scope.has_role(*MANAGE_ROLES),
    }
    return render(request, "evaluation/scheme_list.html", context)


@login_required
@require_GET
def scheme_detail(request, pk):
    scheme, access = _scheme(request, pk)
    blocks = [b for b in scheme_blocks(scheme.issuer) if access.can_see_ranking(b.pk)]
    versions = list(scheme.versions.select_related("frozen_by"))
    context = {
        "scheme": scheme,
        "access": access,
        "groups": selectors.scheme_groups(scheme),
        "blocks": blocks,
        "versions": versions,
        "own_sheets": selectors.own_sheets(scope=access.scope, scheme=scheme),
        "tie_rules": ranking.tie_rules(scheme),
        "tie_choices": TieRule.choices,
    }
    return render(request, "evaluation/scheme.html", context)


@login_required
@require_POST
def scheme_rescore(request, pk):
    scheme, _access = _managed_scheme(request, pk)
    changed = scoring.rescore(scheme=scheme, user=request.user)
    messages.success(request, _("Đã tính lại điểm; %(n)s điểm thay đổi.") % {"n": len(changed)})
    return redirect("evaluation:scheme", pk=scheme.pk)


@login_required
@require_POST
def index_import(request, pk):
    scheme, access = _managed_scheme(request, pk)
    criterion = Criterion.objects.filter(
        group__scheme=scheme, pk=parse_id(request.POST.get("criterion", ""))
    ).first()
    upload = request.FILES.get("file")
    if criterion is None or upload is None:
        messages.error(request, _("Chọn tiêu chí và tệp Excel."))
        return redirect("evaluation:scheme", pk=scheme.pk)
    try:
        count = indices.index_import(
            access=access, criterion=criterion, upload=upload, user=request.user
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        scoring.rescore(scheme=scheme, user=request.user)
        messages.success(request, _("Đã nhập giá trị của %(n)s đơn vị.") % {"n": count})
    return redirect("evaluation:scheme", pk=scheme.pk)


@login_required
@require_POST
def tie_rules(request, pk):
    scheme, _access = _managed_scheme(request, pk)
    chosen = [r for r in request.POST.getlist("rule") if r in TieRule.values]
    scheme.tie_rules = list(dict.fromkeys(chosen))
    scheme.save(update_fields=["tie_rules"])
    messages.success(request, _("Đã lưu thứ tự quy tắc khi bằng điểm."))
    return redirect("evaluation:scheme", pk=scheme.pk)


@login_required
@require_POST
def freeze(request, pk):
    scheme, access = _managed_scheme(request, pk)
    note = request.POST.get("note", "")
    if access.is_frozen and not note.strip():
        messages.error(request, _("Chốt lại cần ghi lý do (điểm nào được sửa, vì sao)."))
        return redirect("evaluation:scheme", pk=scheme.pk)
    scoring.rescore(scheme=scheme, user=request.user)
    version = ranking.ranking_freeze(scheme=scheme, user=request.user, note=note)
    messages.success(request, _("Đã chốt kết quả xếp hạng lần %(n)s.") % {"n": version.number})
    return redirect("evaluation:ranking", pk=version.pk)


@login_required
@require_GET
def block_view(request, pk):
    scheme, access = _scheme(request, pk)
    block_id = parse_id(request.GET.get("block", ""))
    if block_id is None:
        # The block the person leads, else the first one they may see.
        visible = [b.pk for b in scheme_blocks(scheme.issuer) if access.can_see_block(b.pk)]
        led = sorted(access.led_block_ids.intersection(visible))
        block_id = (led or visible or [0])[0]
    block = selectors.block_in_scheme(scheme, block_id)
    if not access.can_see_block(block.pk):
        raise Http404
    criteria = selectors.scheme_criteria_ordered(scheme)
    rows = ranking.block_ranking(scheme, block)
    sheets = dict(
        scheme.sheets.filter(unit__in=[r.unit for r in rows]).values_list("unit_id", "pk")
    )
    lines = [
        (row, sheets.get(row.unit.pk), [row.points.get(c.pk) for c in criteria]) for row in rows
    ]
    context = {"scheme": scheme, "emulation_block": block, "criteria": criteria, "lines": lines}
    return render(request, "evaluation/block.html", context)


@login_required
@require_GET
def sheet_detail(request, pk):
    sheet, access = selectors.sheet_in_scope(scope=user_scope(request.user), pk=pk)
    context = {
        "sheet": sheet,
        "scheme": sheet.scheme,
        "access": access,
        "can_self": access.can_self_score(sheet),
        "can_adjust": access.can_adjust(sheet),
        "can_review": access.can_review(sheet),
        "groups": selectors.sheet_lines(sheet),
        "adjustments": list(sheet.adjustments.select_related("created_by")),
        "rules": list(sheet.scheme.adjustment_rules.all()),
        "total": ranking.sheet_rows(sheet.scheme, [sheet.unit])[0].total,
    }
    return render(request, "evaluation/sheet.html", context)


@login_required
@require_POST
def sheet_score(request, pk):
    sheet, access = selectors.sheet_in_scope(scope=user_scope(request.user), pk=pk)
    criterion = Criterion.objects.filter(
        group__scheme=sheet.scheme_id, pk=parse_id(request.POST.get("criterion", ""))
    ).first()
    if criterion is None:
        raise Http404
    stage = request.POST.get("stage", "")
    try:
        if stage == ScoreChange.Stage.SELF:
            scoring.score_self(
                access=access,
                sheet=sheet,
                criterion=criterion,
                points=request.POST.get("points"),
                evidence=request.POST.get("evidence", ""),
                evidence_link=request.POST.get("evidence_link", "").strip(),
                user=request.user,
            )
        else:
            scoring.score_adjust(
                access=access,
                sheet=sheet,
                criterion=criterion,
                points=request.POST.get("points"),
                reason=request.POST.get("reason", ""),
                user=request.user,
                stage=stage,
            )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Đã lưu điểm tiêu chí %(code)s.") % {"code": criterion.code})
    return redirect(reverse("evaluation:sheet", args=[sheet.pk]) + f"#c{criterion.pk}")


@login_required
@require_POST
def sheet_submit(request, pk):
    sheet, access = selectors.sheet_in_scope(scope=user_scope(request.user), pk=pk)
    try:
        scoring.sheet_submit(
            access=access, sheet=sheet, women_led=bool(request.POST.get("women_led"))
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Đã gửi phiếu tự chấm đến khối trưởng."))
    return redirect("evaluation:sheet", pk=sheet.pk)


@login_required
@require_POST
def sheet_adjustment(request, pk):
    sheet, access = selectors.sheet_in_scope(scope=user_scope(request.user), pk=pk)
    data = {k: request.POST.get(k, "") for k in ("kind", "points", "reason")}
    rule_id = parse_id(request.POST.get("rule", ""))
    if rule_id is not None:
        # A line the scheme foresees: its kind, points and reason as written there.
        rule = AdjustmentRule.objects.filter(scheme=sheet.scheme_id, pk=rule_id).first()
        if rule is None:
            raise Http404
        data = {"kind": rule.kind, "points": rule.points, "reason": rule.reason}
    try:
        scoring.adjustment_add(access=access, sheet=sheet, user=request.user, **data)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("evaluation:sheet", pk=sheet.pk)


def _version_block(request, pk):
    scope = user_scope(request.user)
    version = selectors.version_in_scope(scope=scope, pk=pk)
    access = EvaluationAccess(scope, version.scheme)
    visible = [b for b in scheme_blocks(version.scheme.issuer) if access.can_see_ranking(b.pk)]
    if not visible:
        raise Http404
    block_id = parse_id(request.GET.get("block", ""))
    block = next((b for b in visible if b.pk == block_id), None) if block_id else None
    if block is None:
        own = [b for b in visible if b.pk in access.own_block_ids | access.led_block_ids]
        block = (own or visible)[0]
        if block_id:
            raise Http404
    return version, access, visible, block


@login_required
@require_GET
def ranking_view(request, pk):
    version, access, visible, block = _version_block(request, pk)
    criteria = selectors.scheme_criteria_ordered(version.scheme)
    changes = ranking.changes_by_block(version)
    context = {
        "version": version,
        "scheme": version.scheme,
        "access": access,
        "blocks": [(b, changes.get(b.pk, 0)) for b in visible],
        "emulation_block": block,
        "criteria": criteria,
        "rows": ranking_table.rows_html(ranking.version_block(version, block, criteria)),
        "versions": list(version.scheme.versions.all()),
    }
    return render(request, "evaluation/ranking.html", context)


def _export(request, pk, kind):
    version, _access, _visible, block = _version_block(request, pk)
    job = export_jobs.export_start(kind=kind, user=request.user, version=version, block=block)
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def ranking_excel(request, pk):
    return _export(request, pk, Job.Kind.RANKING_EXCEL)


@login_required
@require_POST
def ranking_word(request, pk):
    return _export(request, pk, Job.Kind.RANKING_WORD)
