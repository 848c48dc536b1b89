"""Thin views: check scope, parse with a form, call one service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from core.params import parse_id
from org.scope import user_scope
from plans import selectors, services
from plans.forms import (
    CascadeFilterForm,
    DeadlineFormSet,
    ListFilterForm,
    PlanForm,
    TargetForm,
    TaskForm,
    deadline_rows,
)
from plans.history import record_history
from plans.models import Plan, Target, Task


def _manageable(scope, plan: Plan) -> None:
    """Editing outside one's subtree looks exactly like a wrong id."""
    if not services.plan_can_edit(scope=scope, plan=plan):
        raise Http404


def _manages_contents(scope, plan: Plan) -> None:
    """Targets and tasks are the issuer's coordinators' alone: completing a shared placeholder
    (the catalogue admin's) gives no hand in them."""
    if not scope.can_manage(plan.issuer):
        raise Http404


def _save(form, call):
    """Run a service; put its Vietnamese validation messages next to the form's fields."""
    try:
        return call()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
    except PermissionDenied as exc:
        form.add_error(None, str(exc))
    return None


@login_required
def plan_list(request):
    scope = user_scope(request.user)
    plans = selectors.plan_list(scope=scope, query=request.GET.get("q", ""))
    return render(request, "plans/plan_list.html", {"plans": plans, "q": request.GET.get("q", "")})


@login_required
def plan_detail(request, pk):
    scope = user_scope(request.user)
    plan = selectors.plan_detail(scope=scope, pk=pk)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "can_manage": services.plan_can_edit(scope=scope, plan=plan),
            "can_manage_contents": scope.can_manage(plan.issuer),
        },
    )


@login_required
def plan_cascade(request, pk):
    scope = user_scope(request.user)
    plan = selectors.plan_detail(scope=scope, pk=pk)
    years = selectors.cascade_years(plan)
    year, query = selectors.cascade_default_year(years), ""
    form = CascadeFilterForm(request.GET or None, years=years, initial={"year": year})
    if form.is_bound:
        form.is_valid()  # a wrong year keeps the default and its message; the search still holds
        year = form.cleaned_data.get("year") or year
        query = form.cleaned_data.get("q", "")
    cascade = selectors.plan_cascade(scope=scope, plan=plan, year=year, query=query)
    return render(
        request, "plans/plan_cascade.html", {"plan": plan, "cascade": cascade, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk=None):
    scope = user_scope(request.user)
    plan = selectors.plan_detail(scope=scope, pk=pk) if pk else None
    if plan is not None:
        _manageable(scope, plan)
    elif not scope.has_grant("coordinator"):
        raise Http404
    form = PlanForm(request.POST or None, instance=plan, scope=scope)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if plan is None:
            saved = _save(
                form, lambda: services.plan_create(scope=scope, user=request.user, data=data)
            )
        else:
            saved = _save(
                form,
                lambda: services.plan_update(
                    scope=scope, plan=plan, data=data, expected_version=data["version"]
                ),
            )
        if saved:
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect("plans:detail", pk=saved.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


def _history(request, record, *, kind: str, name: str, back: str):
    return render(
        request,
        "plans/history.html",
        {
            "record": record,
            "kind": kind,
            "name": name,
            "back": back,
            "entries": record_history(record),
        },
    )


@login_required
def plan_history(request, pk):
    """Who changed the plan, when, and what: read by whoever reads the plan."""
    plan = selectors.plan_detail(scope=user_scope(request.user), pk=pk)
    back = reverse("plans:detail", args=[plan.pk])
    return _history(
        request, plan, kind=pgettext("record", "Kế hoạch"), name=plan.display_number, back=back
    )


@login_required
def target_history(request, pk):
    target = selectors.target_in_scope(scope=user_scope(request.user), pk=pk)
    back = reverse("plans:detail", args=[target.plan_id])
    return _history(
        request, target, kind=pgettext("record", "Chỉ tiêu"), name=target.text, back=back
    )


@login_required
def task_history(request, pk):
    task = selectors.task_in_scope(scope=user_scope(request.user), pk=pk)
    back = reverse("plans:task_detail", args=[task.pk])
    return _history(request, task, kind=pgettext("record", "Nhiệm vụ"), name=task.title, back=back)


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request, plan_pk=None, pk=None):
    scope = user_scope(request.user)
    target = selectors.target_in_scope(scope=scope, pk=pk) if pk else None
    plan = target.plan if target else selectors.plan_detail(scope=scope, pk=plan_pk)
    _manages_contents(scope, plan)
    form = TargetForm(request.POST or None, instance=target, plan=plan, scope=scope)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        units = data.pop("responsible_units")
        if target is None:
            call = lambda: services.target_create(  # noqa: E731
                scope=scope, plan=plan, data=data, responsible_units=units
            )
        else:
            call = lambda: services.target_update(  # noqa: E731
                scope=scope,
                target=target,
                data=data,
                expected_version=data["version"],
                responsible_units=units,
            )
        if _save(form, call):
            messages.success(request, _("Đã lưu chỉ tiêu."))
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/target_form.html", {"form": form, "plan": plan, "target": target})


@login_required
def task_detail(request, pk):
    scope = user_scope(request.user)
    task = selectors.task_in_scope(scope=scope, pk=pk)
    return render(
        request,
        "plans/task_detail.html",
        {"task": task, "can_manage": scope.can_manage(task.plan.issuer)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request, plan_pk=None, pk=None):
    scope = user_scope(request.user)
    task = selectors.task_in_scope(scope=scope, pk=pk) if pk else None
    plan = task.plan if task else selectors.plan_detail(scope=scope, pk=plan_pk)
    _manages_contents(scope, plan)
    form = TaskForm(request.POST or None, instance=task, plan=plan, scope=scope)
    initial = [
        {
            f: getattr(d, f)
            for f in ("kind", "date", "year", "month", "quarter", "frequency", "label")
        }
        for d in (task.deadlines.all() if task else [])
    ]
    deadlines = DeadlineFormSet(request.POST or None, initial=initial, prefix="deadline")
    if request.method == "POST" and form.is_valid() and deadlines.is_valid():
        data = form.cleaned_data
        units = {
            "lead_units": data.pop("lead_units"),
            "coordinating_units": data.pop("coordinating_units"),
        }
        if task is None:
            call = lambda: services.task_create(  # noqa: E731
                scope=scope, plan=plan, data=data, deadlines=deadline_rows(deadlines), **units
            )
        else:
            call = lambda: services.task_update(  # noqa: E731
                scope=scope,
                task=task,
                data=data,
                expected_version=data["version"],
                deadlines=deadline_rows(deadlines),
                **units,
            )
        saved = _save(form, call)
        if saved:
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect("plans:task_detail", pk=saved.pk)
    return render(
        request,
        "plans/task_form.html",
        {"form": form, "deadlines": deadlines, "plan": plan, "task": task},
    )


def _list_filters(request, scope, *, model, statuses):
    plans = selectors.plan_choices(scope=scope)
    plan = None
    plan_id = parse_id(request.GET.get("plan"))
    if plan_id:
        plan = plans.filter(pk=plan_id).first()
    form = ListFilterForm(
        request.GET or None,
        units=scope.units().order_by("path"),
        plans=plans,
        sections=selectors.sections_of(scope=scope, plan=plan, model=model),
        statuses=statuses,
    )
    filters = selectors.ListFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.ListFilters(
            query=data["q"],
            unit=data["unit"],
            plan=data["plan"],
            section=data["section"],
            status=data["status"],
            due_year=data["due_year"],
        )
    return form, filters


def _list_page(request, *, template, rows, form, extra=None):
    page_size = 200
    context = {
        "rows": rows[:page_size],
        "form": form,
        "total": rows.count(),
        "page_size": page_size,
    }
    context.update(extra or {})
    if request.headers.get("HX-Request"):
        return render(request, template.replace(".html", "_table.html"), context)
    return render(request, template, context)


@login_required
def target_list(request):
    scope = user_scope(request.user)
    form, filters = _list_filters(
        request, scope, model=Target, statuses=ListFilterForm.TARGET_STATUSES
    )
    rows = selectors.target_list(scope=scope, filters=filters)
    return _list_page(request, template="plans/target_list.html", rows=rows, form=form)


@login_required
def task_list(request):
    scope = user_scope(request.user)
    form, filters = _list_filters(request, scope, model=Task, statuses=ListFilterForm.TASK_STATUSES)
    rows = selectors.task_list(scope=scope, filters=filters)
    return _list_page(request, template="plans/task_list.html", rows=rows, form=form)
