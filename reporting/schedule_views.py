"""Coordinators' pages: reporting schedules, their periods, the period board."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.params import parse_id
from org.models import Role
from org.scope import user_scope
from plans import selectors as plan_selectors
from reporting import selectors, services
from reporting.forms import (
    BoardFilterForm,
    GenerateYearForm,
    OneOffPeriodForm,
    ReopenForUnitForm,
    ScheduleForm,
    ScheduleItemFormSet,
)
from reporting.periods import periods_generate
from reporting.views import XLSX

BOARD_PAGE_SIZE = 100


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for key, errors in exc.error_dict.items():
            form.add_error(key if key in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _managed_schedule(scope, pk):
    schedule = selectors.schedule_in_scope(scope=scope, pk=pk)
    if not scope.can_manage(schedule.plan.issuer):
        raise Http404
    return schedule


@login_required
def schedule_list(request):
    scope = user_scope(request.user)
    return render(
        request,
        "reporting/schedule_list.html",
        {
            "schedules": selectors.schedule_list(scope=scope),
            "plans": plan_selectors.plan_choices(scope=scope).filter(
                scope.granted().unit_q("issuer")
            )
            if scope.has_grant(Role.COORDINATOR)
            else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_edit(request, pk=None):
    """Create or change a plan's schedule: frequency, due day, who reports which indicators
    and which tasks. A new schedule gets this year's periods at once."""
    scope = user_scope(request.user)
    if pk:
        schedule = _managed_schedule(scope, pk)
        plan = schedule.plan
    else:
        schedule = None
        plan_id = parse_id(request.GET.get("plan") or request.POST.get("plan"))
        if not plan_id:
            raise Http404
        plan = plan_selectors.plan_detail(scope=scope, pk=plan_id)
        if not scope.can_manage(plan.issuer):
            raise Http404
    form = ScheduleForm(
        request.POST or None,
        instance=schedule,
        plan=plan,
        initial=None if schedule else services.schedule_defaults(plan),
    )
    initial = (
        [
            {
                "indicator": item.indicator,
                "required": item.required,
                "unit_types": list(item.unit_types.all()),
            }
            for item in schedule.items.select_related("indicator").prefetch_related("unit_types")
        ]
        if schedule
        else []
    )
    items = ScheduleItemFormSet(
        request.POST or None, initial=initial, prefix="item", form_kwargs={"scope": scope}
    )
    if request.method == "POST" and form.is_valid() and items.is_valid():
        data = dict(form.cleaned_data)
        unit_types, tasks = data.pop("unit_types"), data.pop("tasks")
        try:
            if schedule is None:
                saved = services.schedule_create(
                    scope=scope,
                    user=request.user,
                    plan=plan,
                    data=data,
                    unit_types=unit_types,
                    items=items.rows(),
                    tasks=tasks,
                    opened_on=timezone.localdate(),
                )
            else:
                saved = services.schedule_update(
                    scope=scope,
                    schedule=schedule,
                    data=data,
                    # A form without its version (an old page) cannot overwrite silently.
                    expected_version=data.get("version") or 0,
                    unit_types=unit_types,
                    items=items.rows(),
                    tasks=tasks,
                )
        except ValidationError as exc:
            _apply_errors(form, exc)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Đã lưu lịch báo cáo."))
            return redirect("reporting:schedule_detail", pk=saved.pk)
    return render(
        request,
        "reporting/schedule_form.html",
        {"form": form, "items": items, "plan": plan, "schedule": schedule},
    )


@login_required
def schedule_detail(request, pk):
    scope = user_scope(request.user)
    schedule = selectors.schedule_in_scope(scope=scope, pk=pk)
    can_manage = scope.can_manage(schedule.plan.issuer)
    return render(
        request,
        "reporting/schedule_detail.html",
        {
            "schedule": schedule,
            "items": selectors.schedule_items(schedule),
            "tasks": selectors.schedule_tasks(schedule),
            "periods": schedule.periods.order_by("-start").prefetch_related(
                "reopenings__unit", "reopenings__created_by"
            ),
            "can_manage": can_manage,
            "year_form": GenerateYearForm(initial={"year": timezone.localdate().year + 1}),
            "one_off_form": OneOffPeriodForm(),
            "reopen_form": ReopenForUnitForm(
                units=selectors.reporting_units_in_scope(scope=scope, schedule=schedule)
            ),
            "unit_count": selectors.reporting_units(schedule).count(),
        },
    )


@login_required
@require_POST
def schedule_generate(request, pk):
    scope = user_scope(request.user)
    schedule = _managed_schedule(scope, pk)
    form = GenerateYearForm(request.POST)
    if form.is_valid():
        periods = periods_generate(schedule=schedule, year=form.cleaned_data["year"])
        messages.success(
            request,
            _("Năm %(y)s có %(n)s kỳ báo cáo.")
            % {"y": form.cleaned_data["year"], "n": len(periods)},
        )
    else:
        messages.error(request, _("Năm không hợp lệ."))
    return redirect("reporting:schedule_detail", pk=pk)


@login_required
@require_POST
def schedule_one_off(request, pk):
    scope = user_scope(request.user)
    schedule = _managed_schedule(scope, pk)
    form = OneOffPeriodForm(request.POST)
    if form.is_valid():
        try:
            services.period_create_one_off(scope=scope, schedule=schedule, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã thêm kỳ báo cáo."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("reporting:schedule_detail", pk=pk)


@login_required
@require_POST
def period_close(request, pk):
    scope = user_scope(request.user)
    period = selectors.period_in_scope(scope=scope, pk=pk)
    if not scope.can_manage(period.schedule.plan.issuer):
        raise Http404
    if request.POST.get("open"):
        services.period_open(scope=scope, period=period)
        messages.success(request, _("Đã mở lại %(p)s cho mọi đơn vị.") % {"p": period.label})
    else:
        services.period_close(scope=scope, user=request.user, period=period)
        messages.success(
            request, _("Đã khóa %(p)s: đơn vị không sửa, gửi được nữa.") % {"p": period.label}
        )
    return redirect("reporting:schedule_detail", pk=period.schedule_id)


@login_required
@require_POST
def period_reopen_for_unit(request, pk):
    """Open one closed period of the schedule again for one unit, with the reason."""
    scope = user_scope(request.user)
    schedule = _managed_schedule(scope, pk)
    period = schedule.periods.filter(pk=parse_id(request.POST.get("period")) or 0).first()
    form = ReopenForUnitForm(
        request.POST, units=selectors.reporting_units_in_scope(scope=scope, schedule=schedule)
    )
    if period is None:
        messages.error(request, _("Chọn kỳ báo cáo đã khóa."))
    elif form.is_valid():
        try:
            services.period_reopen_for_unit(
                scope=scope, user=request.user, period=period, **form.cleaned_data
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Đã mở lại %(p)s cho %(u)s.")
                % {"p": period.label, "u": form.cleaned_data["unit"]},
            )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("reporting:schedule_detail", pk=schedule.pk)


# --- Board -------------------------------------------------------------------------------------


def _board(request, scope, schedule):
    form = BoardFilterForm(request.GET or None, schedule=schedule)
    filters = selectors.BoardFilters(year=timezone.localdate().year)
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.BoardFilters(
            year=data["year"] or timezone.localdate().year,
            block_id=data["block"].pk if data["block"] else None,
            unit_type_id=data["unit_type"].pk if data["unit_type"] else None,
            query=data["q"],
        )
    return form, selectors.period_board(scope=scope, schedule=schedule, filters=filters)


@login_required
@require_GET
def board(request, pk):
    """Every unit × period: on time, late by how many days, missing, completeness, reminders."""
    scope = user_scope(request.user)
    schedule = selectors.schedule_in_scope(scope=scope, pk=pk)
    form, data = _board(request, scope, schedule)
    # A province has 1,650 units: a page of them at a time; the totals cover all of them.
    page = Paginator(data.rows, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "schedule": schedule,
        "form": form,
        "board": data,
        "page": page,
        "today": timezone.localdate(),
    }
    if request.headers.get("HX-Request"):
        return render(request, "reporting/board_table.html", context)
    return render(request, "reporting/board.html", context)


@login_required
@require_GET
def board_excel(request, pk):
    from reporting import excel

    scope = user_scope(request.user)
    schedule = selectors.schedule_in_scope(scope=scope, pk=pk)
    _form, data = _board(request, scope, schedule)
    response = HttpResponse(excel.board_workbook(data), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="theo-doi-bao-cao-{pk}.xlsx"'
    return response


@login_required
@require_GET
def period_figures_excel(request, pk):
    """A period's figures of every unit in the scope, one row a unit."""
    from reporting import excel

    scope = user_scope(request.user)
    period = selectors.period_in_scope(scope=scope, pk=pk)
    reports = list(selectors.period_reports(scope=scope, period=period))
    data = excel.period_figures_workbook(period=period, reports=reports)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="so-lieu-{period.code}.xlsx"'
    return response
