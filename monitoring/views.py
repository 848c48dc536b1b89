"""Dashboards: thin views over monitoring.selectors; filters re-render a fragment (HTMX), the
charts are drawn from the options the server sends with it."""

import datetime
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from core.params import parse_id
from jobs.models import Job
from monitoring import charts, export_jobs, selectors
from monitoring.routers import reading_replica
from monitoring.status import Status
from org.models import EmulationBlock, OrgUnit, UnitType
from org.scope import user_scope
from plans.selectors import target_coverage
from reporting.models import Period


def _as_of(request) -> datetime.date:
    raw = request.GET.get("as_of", "")
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        return timezone.localdate()


def _query(request, **changes) -> str:
    """This page's query string with some parameters set, or dropped when given None."""
    query = {key: value for key, value in request.GET.items() if key not in changes}
    query.update({key: value for key, value in changes.items() if value is not None})
    return "?" + urlencode(query)


def _unit(request, scope) -> OrgUnit | None:
    raw = request.GET.get("unit", "")
    pk = parse_id(raw)
    return selectors.unit_in_scope(scope=scope, pk=pk) if pk else None


def _period_choices(plan) -> list[tuple[str, str]]:
    today = timezone.localdate()
    periods = Period.objects.filter(schedule__plan=plan, start__lte=today).order_by("-end")
    seen, choices = set(), []
    for period in periods.only("end", "label")[:60]:
        if period.end not in seen:
            seen.add(period.end)
            choices.append((min(period.end, today).isoformat(), period.label))
    return choices


def _page(request, template: str, context: dict):
    """The whole page, or only its dashboard fragment when a filter asked for it."""
    if request.headers.get("HX-Request"):
        return render(request, template.replace(".html", "_body.html"), context)
    return render(request, template, context)


@login_required
@require_GET
def index(request):
    scope = user_scope(request.user)
    plans = selectors.readable_plans(
        scope=scope, plans=selectors.monitored_plans(scope=scope), limit=20
    )
    with reading_replica():
        overviews = [selectors.plan_overview(scope=scope, plan=plan) for plan in plans]
    return render(request, "monitoring/index.html", {"overviews": overviews})


@login_required
@require_GET
def plan_overview(request, pk):
    scope = user_scope(request.user)
    plan = selectors.plan_in_scope(scope=scope, pk=pk)
    with reading_replica():
        overview = selectors.plan_overview(
            scope=scope, plan=plan, unit=_unit(request, scope), as_of=_as_of(request)
        )
    # A slice of the donut drills down to its targets: the table keeps that status only.
    status = request.GET.get("status", "")
    status = status if status in Status.LABELS else ""
    context = {
        "plan": plan,
        "overview": overview,
        "lines": [line for line in overview.lines if not status or line.verdict.status == status],
        "status": status,
        "status_label": Status.LABELS.get(status, ""),
        "all_statuses_url": _query(request, status=None),
        "donut": charts.status_donut(
            overview.counts, links={code: _query(request, status=code) for code in Status.LABELS}
        ),
        # The donut counts the monitored targets only: say how many there are of all.
        "coverage": target_coverage(plan.targets.all()),
        "periods": _period_choices(plan),
        "as_of": request.GET.get("as_of", ""),
    }
    return _page(request, "monitoring/plan.html", context)


@login_required
@require_GET
def target_detail(request, pk):
    scope = user_scope(request.user)
    target = selectors.target_in_scope(scope=scope, pk=pk)
    with reading_replica():
        detail = selectors.target_detail(
            scope=scope,
            target=target,
            unit=_unit(request, scope),
            as_of=_as_of(request),
            by_share=request.GET.get("order") == "share",
        )
    context = {
        "by_share": request.GET.get("order") == "share",
        "by_value_url": _query(request, order=None),
        "by_share_url": _query(request, order="share"),
        "detail": detail,
        "plan": target.plan,
        "trend_chart": charts.trend_chart(detail),
        "units_chart": charts.units_bar(detail),
        # A bar drills down to the same target seen from that unit.
        "unit_links": {
            row.unit.pk: f"{reverse('monitoring:target', args=[pk])}?unit={row.unit.pk}"
            for row in detail.children
        },
        "periods": _period_choices(target.plan),
        "as_of": request.GET.get("as_of", ""),
    }
    return _page(request, "monitoring/target.html", context)


@login_required
@require_GET
def heat_map(request, pk):
    scope = user_scope(request.user)
    plan = selectors.plan_in_scope(scope=scope, pk=pk)
    block = request.GET.get("block", "")
    unit_type = request.GET.get("unit_type", "")
    with reading_replica():
        heat = selectors.heat_map(
            scope=scope,
            plan=plan,
            unit=_unit(request, scope),
            as_of=_as_of(request),
            block_id=parse_id(block),
            unit_type_id=parse_id(unit_type),
        )
    issuer = plan.issuer
    context = {
        "plan": plan,
        "heat": heat,
        "chart": charts.heat_map_chart(heat),
        "chart_height": max(320, 26 * len(heat.rows) + 130),
        # A cell stays at least 26 px wide: on a phone the chart scrolls sideways in its card.
        "chart_min_width": 160 + 26 * len(heat.targets),
        "status_legend": charts.status_legend(),
        "cell_links": {
            f"{x},{y}": f"{reverse('monitoring:target', args=[target.pk])}?unit={unit.pk}"
            for y, (unit, _cells) in enumerate(heat.rows)
            for x, target in enumerate(heat.targets)
        },
        "periods": _period_choices(plan),
        "as_of": request.GET.get("as_of", ""),
        "blocks": EmulationBlock.objects.filter(
            province__path__in=[*issuer.ancestor_paths(), issuer.path]
        ),
        "unit_types": UnitType.objects.filter(pk__in=plan.schedules.values("unit_types")).order_by(
            "level"
        ),
        "block": block,
        "unit_type": unit_type,
    }
    return _page(request, "monitoring/heat_map.html", context)


@login_required
@require_GET
def task_board(request, pk):
    scope = user_scope(request.user)
    plan = selectors.plan_in_scope(scope=scope, pk=pk)
    with reading_replica():
        unit, groups = selectors.task_board(scope=scope, plan=plan, unit=_unit(request, scope))
    return render(
        request,
        "monitoring/tasks.html",
        {"plan": plan, "unit": unit, "groups": groups, "today": timezone.localdate()},
    )


@login_required
@require_GET
def unit_page(request, pk):
    scope = user_scope(request.user)
    unit = selectors.unit_in_scope(scope=scope, pk=pk)
    with reading_replica():
        page = selectors.unit_page(scope=scope, unit=unit, as_of=_as_of(request))
    return render(request, "monitoring/unit.html", {"page": page, "unit": unit})


# --- Exports -----------------------------------------------------------------------------------


@login_required
@require_POST
def plan_excel(request, pk):
    """The overview's table, the heat map and the task board of the plan, one sheet each,
    written by a background job (monitoring/export_jobs.py) with the filters on the screen."""
    scope = user_scope(request.user)
    plan = selectors.plan_in_scope(scope=scope, pk=pk)
    job = export_jobs.export_start(
        kind=Job.Kind.PLAN_EXCEL,
        user=request.user,
        plan=plan,
        unit=_unit(request, scope),
        as_of=_as_of(request),
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def target_excel(request, pk):
    scope = user_scope(request.user)
    target = selectors.target_in_scope(scope=scope, pk=pk)
    job = export_jobs.export_start(
        kind=Job.Kind.TARGET_EXCEL,
        user=request.user,
        target=target,
        unit=_unit(request, scope),
        as_of=_as_of(request),
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def plan_word(request, pk):
    """The periodic narrative report (báo cáo kết quả thực hiện) of the unit looked from, in
    the Nghị định 30/2020 layout, prefilled for a person to finish."""
    scope = user_scope(request.user)
    plan = selectors.plan_in_scope(scope=scope, pk=pk)
    job = export_jobs.export_start(
        kind=Job.Kind.PLAN_WORD,
        user=request.user,
        plan=plan,
        unit=_unit(request, scope),
        as_of=_as_of(request),
    )
    return redirect("jobs:detail", pk=job.pk)
