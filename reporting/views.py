"""Thin views of the reporting cycle: check scope, parse input, call one service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import client_ip
from core.services import ConcurrentEditError
from org.scope import user_scope
from reporting import checks, selectors, services
from reporting.forms import (
    TASK_STATUSES,
    ReasonForm,
    ReportUploadForm,
    parse_report_post,
    report_inputs,
)
from reporting.workflow import ReportActions, ReportLocked, may_start_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _messages_of(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {key: [str(m) for m in msgs] for key, msgs in exc.message_dict.items()}
    return {"__all__": [str(m) for m in exc.messages]}


# --- Lists -------------------------------------------------------------------------------------


@login_required
def report_list(request):
    """The reporter's and head's periods to report, and what waits for approval or acceptance."""
    scope = user_scope(request.user)
    return render(
        request,
        "reporting/report_list.html",
        {
            "to_do": selectors.reports_to_do(scope=scope)[:60],
            "awaiting": selectors.reports_awaiting(scope=scope)[:100],
            "schedules": selectors.schedule_list(scope=scope),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_start(request, unit_pk, period_pk):
    """A unit's report of a period: the report if it exists; otherwise a page saying so, from
    which the unit's reporter starts it (a POST: opening a link never creates anything)."""
    scope = user_scope(request.user)
    unit = selectors.unit_with_reports_in_scope(scope=scope, pk=unit_pk)
    period = selectors.period_in_scope(scope=scope, pk=period_pk)
    existing = selectors.report_of(unit=unit, period=period)
    if existing is not None:
        return redirect("reporting:detail", pk=existing.pk)
    may_start = may_start_report(scope, unit)
    if request.method == "POST":
        if not may_start:
            raise Http404
        try:
            report = services.report_open(scope=scope, unit=unit, period=period)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("reporting:list")
        return redirect("reporting:detail", pk=report.pk)
    return render(
        request,
        "reporting/report_missing.html",
        {"unit": unit, "period": period, "may_start": may_start, "today": timezone.localdate()},
    )


# --- The report page ---------------------------------------------------------------------------


def _page_context(request, scope, report, *, errors=None, posted=None, conflict=False, invalid=()):
    sheet = selectors.report_sheet(report, with_events=True)
    check = checks.report_check(sheet)
    report_inputs(sheet, posted, keep_saved=conflict, invalid=invalid)
    return {
        "report": report,
        "sheet": sheet,
        "check": check,
        "errors": errors or {},
        "posted": posted,
        "conflict": conflict,
        "actions": ReportActions(scope, report),
        "task_statuses": TASK_STATUSES,
        "narrative_fields": [
            ("results", _("Kết quả đạt được")),
            ("difficulties", _("Khó khăn, vướng mắc")),
            ("proposals", _("Đề xuất, kiến nghị")),
        ],
        "today": timezone.localdate(),
        "upload_form": ReportUploadForm(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request, pk):
    """The report of a period as one page. A POST saves the draft (the page also autosaves)."""
    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk)
    if request.method == "POST":
        try:
            saved, errors, invalid = _save_from_post(request, scope, report)
        except ConcurrentEditError as exc:
            # The first person's figures stay; what this person typed is shown beside them.
            context = _page_context(
                request,
                scope,
                selectors.report_in_scope(scope=scope, pk=report.pk),
                errors={"__all__": exc.messages},
                posted=request.POST,
                conflict=True,
            )
            return render(request, "reporting/report_detail.html", context, status=409)
        except ReportLocked as exc:
            # Submitted meanwhile (another tab, or a submit whose answer never came back):
            # the page as it now is, with the reason, rather than a 500.
            context = _page_context(
                request,
                scope,
                selectors.report_in_scope(scope=scope, pk=report.pk),
                errors={"__all__": exc.messages},
            )
            return render(request, "reporting/report_detail.html", context, status=409)
        if not errors:
            if "submit" in request.POST:
                return _submit(request, scope, saved)
            messages.success(request, _("Đã lưu nháp báo cáo."))
            return redirect("reporting:detail", pk=report.pk)
        # The valid fields are saved; the page shows every refusal beside its field, with what
        # was typed still in it, and the version the save produced.
        context = _page_context(
            request, scope, saved, errors=errors, posted=request.POST, invalid=invalid
        )
        return render(request, "reporting/report_detail.html", context, status=400)
    return render(request, "reporting/report_detail.html", _page_context(request, scope, report))


def _save_from_post(request, scope, report):
    """Parse the posted page and save every field that passes (services.report_save_valid);
    (the report as saved, the refusals by item, the names of the refused inputs)."""
    sheet = selectors.report_lines(report)
    parsed = parse_report_post(sheet, request.POST, request.FILES)
    try:
        result = services.report_save_valid(
            scope=scope,
            user=request.user,
            report=report,
            expected_version=parsed.version,
            values=parsed.values,
            task_updates=parsed.task_updates,
            narrative=parsed.narrative,
            files=parsed.files,
            ip=client_ip(request),
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    errors = dict(parsed.errors)
    for key, messages_of_key in result.errors.items():
        errors.setdefault(key, []).extend(messages_of_key)
    invalid = parsed.invalid | {
        _input_name(key, name) for key, names in result.fields.items() for name in names
    }
    return result.report, errors, invalid


def _input_name(key: str, name: str) -> str:
    """The page's input of a refused field: ("value-12", "numerator") → "v-12-numerator"."""
    kind, _sep, pk = key.partition("-")
    if kind == "value":
        return f"v-{pk}-{name}"
    if kind == "task":
        return f"t-{pk}-{name}"
    return name


def _submit(request, scope, report):
    try:
        services.report_submit(scope=scope, user=request.user, report=report, ip=client_ip(request))
    except ValidationError as exc:
        context = _page_context(request, scope, report, errors=_messages_of(exc))
        context["submit_refused"] = True
        return render(request, "reporting/report_detail.html", context, status=400)
    messages.success(request, _("Đã gửi báo cáo để thủ trưởng đơn vị duyệt."))
    return redirect("reporting:detail", pk=report.pk)


@login_required
@require_POST
@transaction.atomic
def report_autosave(request, pk):
    """Save the draft in the background; answers JSON with the new version, or the conflict.
    One transaction: the report is read once, locked, and saved."""
    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk, for_update=True)
    if not ReportActions(scope, report).is_reporter:
        raise Http404
    try:
        saved, errors, invalid = _save_from_post(request, scope, report)
    except ConcurrentEditError:
        return JsonResponse(
            {
                "ok": False,
                "conflict": True,
                "message": _(
                    "Báo cáo vừa được lưu từ một trang khác. Số liệu đã lưu trước đó được giữ "
                    "nguyên; hãy tải lại trang để xem rồi nhập lại phần của bạn."
                ),
            },
            status=409,
        )
    except ReportLocked as exc:
        # No longer the reporter's to edit (e.g. a submit that went through though its answer
        # was lost): a 409 with the reason stops the page's retries; a 500 would be retried.
        return JsonResponse(
            {"ok": False, "conflict": True, "locked": True, "message": " ".join(exc.messages)},
            status=409,
        )
    # Every valid field is saved even when another is refused: the answer carries the new
    # version with the refusals, and the page marks the refused inputs (static/js/report.js).
    return JsonResponse(
        {
            "ok": not errors,
            "version": saved.version,
            "completeness": str(saved.completeness).replace(".", ","),
            "saved_at": timezone.localtime(saved.updated_at).strftime("%H:%M:%S"),
            "errors": errors,
            "invalid": sorted(invalid),
        },
        status=400 if errors else 200,
    )


@login_required
@require_POST
@transaction.atomic
def report_submit(request, pk):
    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk, for_update=True)
    if not ReportActions(scope, report).is_reporter:
        raise Http404
    return _submit(request, scope, report)


def _seen_version(request) -> int:
    """The version of the report the person had on screen when they clicked (a form without
    one, e.g. a page cached from before, counts as stale)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _transition(request, pk, step, success: str, **extra):
    """One workflow step from a button: the service `step` is called with the person, where
    the request came from and the version they had on screen (plus `extra`); a step they may
    not take is a 404, a refused one a message on the report page."""
    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk)
    try:
        step(
            scope=scope,
            user=request.user,
            report=report,
            ip=client_ip(request),
            expected_version=_seen_version(request),
            **extra,
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("reporting:detail", pk=pk)


@login_required
@require_POST
def report_approve(request, pk):
    return _transition(
        request,
        pk,
        services.report_approve,
        _("Đã duyệt báo cáo và chuyển cơ quan thường trực tiếp nhận."),
    )


@login_required
@require_POST
def report_accept(request, pk):
    return _transition(
        request,
        pk,
        services.report_accept,
        _("Đã tiếp nhận báo cáo. Số liệu đã được chốt và cập nhật vào tổng hợp."),
    )


@login_required
@require_POST
def report_reopen(request, pk):
    return _transition(
        request,
        pk,
        services.report_reopen,
        _("Đã mở lại báo cáo để đơn vị sửa."),
        reason=request.POST.get("reason", ""),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_return(request, pk):
    """Return with a reason and, optionally, a note beside each item it concerns."""
    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk)
    context = _page_context(request, scope, report)
    if not context["actions"].can_return:
        raise Http404
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        notes = {
            key.removeprefix("note-"): value
            for key, value in request.POST.items()
            if key.startswith("note-") and value.strip()
        }
        try:
            services.report_return(
                scope=scope,
                user=request.user,
                report=report,
                reason=form.cleaned_data["reason"],
                notes=notes,
                ip=client_ip(request),
                expected_version=_seen_version(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
            return redirect("reporting:detail", pk=pk)
    typed = {key.removeprefix("note-"): value for key, value in request.POST.items()}
    context.update({"form": form, "notes": typed})
    return render(request, "reporting/report_return.html", context)


# --- Excel -------------------------------------------------------------------------------------


@login_required
@require_GET
def report_excel(request, pk):
    """The report as an Excel file to fill without a connection."""
    from reporting import excel

    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk)
    data = excel.report_workbook(selectors.report_sheet(report))
    name = f"bao-cao-{report.unit.code}-{report.period.code}.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def report_excel_upload(request, pk):
    """Upload the filled file: every problem is listed by cell and nothing changes."""
    from reporting import excel

    scope = user_scope(request.user)
    report = selectors.report_in_scope(scope=scope, pk=pk)
    if not ReportActions(scope, report).is_reporter:
        raise Http404
    form = ReportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chọn tệp Excel đã điền để tải lên."))
        return redirect("reporting:detail", pk=pk)
    try:
        excel.report_import(
            file=form.cleaned_data["file"],
            scope=scope,
            user=request.user,
            ip=client_ip(request),
            expected_report=report,
        )
    except excel.ExcelRefused as exc:
        context = _page_context(request, scope, report)
        context["excel_problems"] = exc.problems
        return render(request, "reporting/report_detail.html", context, status=400)
    messages.success(request, _("Đã nhập số liệu từ tệp Excel vào bản nháp. Kiểm tra rồi gửi."))
    return redirect("reporting:detail", pk=pk)


@login_required
@require_GET
def evidence_download(request, pk):
    scope = user_scope(request.user)
    evidence = selectors.evidence_in_scope(scope=scope, pk=pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@login_required
@require_POST
def evidence_delete(request, pk):
    scope = user_scope(request.user)
    evidence = selectors.evidence_in_scope(scope=scope, pk=pk, to_delete=True)
    report_pk = evidence.task_update.report_id
    try:
        services.evidence_delete(scope=scope, user=request.user, evidence=evidence)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xóa tệp minh chứng."))
    return redirect("reporting:detail", pk=report_pk)
