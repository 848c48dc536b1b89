"""Xếp loại cuối năm pages: a block's classification from a frozen ranking, its Excel and Word
files, and the province's thresholds. Visible like the frozen ranking; a unit's own people see
only their own unit's rows (heads' pending matters are not for the whole block)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from awards import classification_exports, selectors, services
from awards.models import ClassificationPolicy
from core.forms import StyledFormMixin
from core.params import parse_id
from evaluation.access import EvaluationAccess
from evaluation.models import Criterion
from evaluation.selectors import version_in_scope
from evaluation.subjects import scheme_blocks
from org.scope import user_scope

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class PolicyForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ClassificationPolicy
        fields = [
            "excellent_min_percent",
            "good_min_percent",
            "done_min_percent",
            "reports_fault_cap",
        ]
        localized_fields = fields[:3]
        labels = {"reports_fault_cap": gettext_lazy("Báo cáo trễ, thiếu, sai: xếp cao nhất")}


def _load(request, pk):
    scope = user_scope(request.user)
    version = version_in_scope(scope=scope, pk=pk)
    access = EvaluationAccess(scope, version.scheme)
    visible = [b for b in scheme_blocks(version.scheme.issuer) if access.can_see_ranking(b.pk)]
    if not visible:
        raise Http404
    block_id = parse_id(request.GET.get("block", ""))
    block = next((b for b in visible if b.pk == block_id), None)
    if block is None:
        if block_id:
            raise Http404
        own = [b for b in visible if b.pk in access.own_block_ids]
        block = (own or visible)[0]
    unit_ids = None
    if not access.sees_all:
        unit_ids = set(scope.units().values_list("pk", flat=True))
    rows = selectors.classification_rows(
        version=version, blocks=[block], unit_ids=unit_ids, today=timezone.localdate()
    )
    max_points = (
        Criterion.objects.filter(group__scheme=version.scheme).aggregate(s=Sum("max_points"))["s"]
        or 0
    )
    policy = selectors.classification_policy_for(version.scheme.issuer)
    return version, access, visible, block, rows, max_points, policy


@login_required
@require_GET
def classification(request, pk):
    version, access, visible, block, rows, max_points, policy = _load(request, pk)
    form = PolicyForm(instance=policy) if access.can_manage else None
    context = {
        "version": version,
        "scheme": version.scheme,
        "blocks": visible,
        "emulation_block": block,
        "rows": rows,
        "max_points": max_points,
        "policy": policy,
        "policy_lines": classification_exports.policy_lines(policy),
        "form": form,
    }
    return render(request, "awards/classification.html", context)


def _file(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def classification_excel(request, pk):
    version, _access, _visible, block, rows, max_points, policy = _load(request, pk)
    data = classification_exports.classification_workbook(version, block, rows, max_points, policy)
    return _file(data, f"xep-loai-{block.code}-lan-{version.number}.xlsx", XLSX)


@login_required
@require_GET
def classification_word(request, pk):
    version, _access, _visible, block, rows, max_points, policy = _load(request, pk)
    data = classification_exports.classification_document(version, block, rows, max_points, policy)
    return _file(data, f"xep-loai-{block.code}-lan-{version.number}.docx", DOCX)


@login_required
@require_POST
def classification_policy(request, pk):
    scope = user_scope(request.user)
    version = version_in_scope(scope=scope, pk=pk)
    province = version.scheme.issuer
    if not scope.can_manage(province):
        raise Http404
    form = PolicyForm(request.POST)
    back = reverse("awards:classification", args=[version.pk])
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(back)
    try:
        services.classification_policy_save(
            scope=scope, province=province, user=request.user, **form.cleaned_data
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Đã lưu ngưỡng xếp loại; bảng dưới đã tính lại theo ngưỡng mới.")
        )
    return redirect(back)
