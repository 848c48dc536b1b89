"""The Excel and Word exports of the dashboards as background jobs: a province's tables take
seconds, so the page that asks gets the job's page at once and the file when it is written.

Each job reads with the scope of the person who started it, looked up again when it runs (a
role withdrawn meanwhile is honoured), and the filters of the screen they were on."""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobs.models import Job
from jobs.runner import JobError, JobResult, Progress, register
from jobs.services import job_start
from monitoring import exports, selectors
from monitoring.routers import reading_replica
from org.models import OrgUnit
from org.scope import user_scope
from plans.models import Plan, Target

TITLES = {
    Job.Kind.PLAN_EXCEL: gettext_lazy("Excel giám sát: %(plan)s"),
    Job.Kind.PLAN_WORD: gettext_lazy("Báo cáo kết quả (Word): %(plan)s"),
    Job.Kind.TARGET_EXCEL: gettext_lazy("Excel chỉ tiêu: %(target)s"),
}


def export_start(
    *,
    kind: str,
    user,
    plan: Plan | None = None,
    target: Target | None = None,
    unit: OrgUnit | None = None,
    as_of: datetime.date,
) -> Job:
    """Queue an export of what the person sees (objects already fetched through their scope)."""
    plan = plan or target.plan
    title = str(TITLES[kind]) % {
        "plan": plan.display_number,
        "target": target.text[:120] if target else "",
    }
    return job_start(
        kind=kind,
        title=title,
        user=user,
        unit=unit or plan.issuer,
        params={
            "plan": plan.pk,
            "target": target.pk if target else None,
            "unit": unit.pk if unit else None,
            "as_of": as_of.isoformat(),
        },
    )


def _inputs(job: Job):
    """The scope, plan or target, unit and date of the job, fetched again in the scope."""
    scope = user_scope(job.started_by)
    params = job.params
    try:
        unit = (
            selectors.unit_in_scope(scope=scope, pk=params["unit"]) if params.get("unit") else None
        )
        plan = selectors.plan_in_scope(scope=scope, pk=params["plan"])
        target = (
            selectors.target_in_scope(scope=scope, pk=params["target"])
            if params.get("target")
            else None
        )
    except Http404 as exc:
        raise JobError(_("Bạn không còn quyền xem dữ liệu này, hoặc nó đã bị xóa.")) from exc
    return scope, plan, target, unit, datetime.date.fromisoformat(params["as_of"])


@register(Job.Kind.PLAN_EXCEL)
def plan_excel(job: Job, progress: Progress) -> JobResult:
    """The overview's table, the heat map and the task board of the plan, one sheet each."""
    scope, plan, _target, unit, as_of = _inputs(job)
    with reading_replica():
        progress(_("Đang tính trạng thái các chỉ tiêu"), 10)
        overview = selectors.plan_overview(scope=scope, plan=plan, unit=unit, as_of=as_of)
        progress(_("Đang lập bản đồ nhiệt"), 40)
        heat = selectors.heat_map(scope=scope, plan=plan, unit=unit, as_of=as_of)
        progress(_("Đang đọc tiến độ nhiệm vụ"), 60)
        _unit_seen, groups = selectors.task_board(scope=scope, plan=plan, unit=unit)
    progress(_("Đang ghi tệp Excel"), 80)
    data = exports.plan_workbook(overview=overview, heat=heat, task_groups=groups)
    return JobResult(content=data, filename=f"giam-sat-ke-hoach-{plan.pk}.xlsx")


@register(Job.Kind.TARGET_EXCEL)
def target_excel(job: Job, progress: Progress) -> JobResult:
    scope, _plan, target, unit, as_of = _inputs(job)
    progress(_("Đang đọc số liệu các đơn vị"), 20)
    with reading_replica():
        detail = selectors.target_detail(scope=scope, target=target, unit=unit, as_of=as_of)
    progress(_("Đang ghi tệp Excel"), 80)
    return JobResult(content=exports.target_workbook(detail), filename=f"chi-tieu-{target.pk}.xlsx")


@register(Job.Kind.PLAN_WORD)
def plan_word(job: Job, progress: Progress) -> JobResult:
    """The periodic narrative report of the unit looked from (Nghị định 30/2020 layout)."""
    scope, plan, _target, unit, as_of = _inputs(job)
    progress(_("Đang tổng hợp báo cáo của các đơn vị"), 20)
    with reading_replica():
        data = exports.narrative_report(scope=scope, plan=plan, unit=unit, as_of=as_of)
    progress(_("Đang ghi tệp Word"), 90)
    return JobResult(content=data, filename=f"bao-cao-ket-qua-{plan.pk}.docx")
