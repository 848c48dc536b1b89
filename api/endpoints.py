"""/api/v1/: the same reads and the same actions as the pages, through the same selectors and
services, in the token's scope (issue #18). An object outside the scope is a 404, as on a page;
a read-only token asked to write is a 403; a refused figure or step is a 422 with the Vietnamese
reason the page would show."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.security import HttpBearer

from api import read_awards, read_evaluation, read_open, read_registrations, schemas
from api.datavalues import import_data_values
from api.pages import LazyPage, Pages
from api.throttling import ThrottledAPI, TokenThrottle
from api.tokens import read_scope, token_authenticate, write_scope
from core.http import client_ip
from core.services import ConcurrentEditError
from indicators.models import Indicator
from monitoring import selectors as monitoring_selectors
from monitoring.status import Status
from org.models import OrgUnit
from org.scope import get_in_scope_or_404
from plans import selectors as plan_selectors
from plans.models import Plan
from reporting import selectors as report_selectors
from reporting import services as report_services
from reporting.models import Report


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tds_…`: a live token, personal or system."""

    def authenticate(self, request, token):
        return token_authenticate(token)


api = ThrottledAPI(
    title="Thi đua số API",
    version="1",
    urls_namespace="api",
    auth=TokenAuth(),
    # Each token its own budget (API_RATE_TOKEN); the open endpoints count per address instead
    # (api/read_open.py, OpenThrottle).
    throttle=TokenThrottle(),
    description=(
        "Đọc cây đơn vị, kế hoạch, chỉ tiêu, nhiệm vụ, kỳ và báo cáo; gửi số liệu hàng loạt "
        "(kiểu data value sets của DHIS2) và thao tác quy trình báo cáo — cùng quy tắc với các "
        "trang web. Xác thực bằng khóa API (Authorization: Bearer …) do người dùng hoặc cơ quan "
        "thường trực tạo trong mục “Khóa API”. Mỗi khóa có giới hạn số lần gọi mỗi phút; "
        "quá giới hạn, API trả 429 kèm tiêu đề Retry-After (số giây cần chờ)."
    ),
)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Không có quyền."}, status=403)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
    status = 409 if isinstance(exc, ConcurrentEditError) else 422
    return api.create_response(request, {"detail": detail}, status=status)


def _unit_out(unit: OrgUnit, codes: dict[str, str]) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "type": unit.unit_type.code,
        "parent": codes.get(unit.path[: -unit.steplen]) if unit.depth > 1 else None,
        "block": unit.block.code if unit.block else None,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
        "merged_into": unit.merged_into.code if unit.merged_into else None,
    }


def _parents(units) -> dict[str, str]:
    paths = {u.path[: -u.steplen] for u in units if u.depth > 1}
    return dict(OrgUnit.objects.filter(path__in=paths).values_list("path", "code"))


# --- The org tree ----------------------------------------------------------------------------

org = Router(tags=["Đơn vị"])


@org.get("/units", response=list[schemas.UnitOut], summary="Các đơn vị trong phạm vi")
@paginate(Pages)
def unit_list(request, parent: schemas.Code | None = None):
    """Đơn vị trong phạm vi của khóa, theo thứ tự cây; `parent` chỉ lấy các đơn vị dưới một
    đơn vị."""
    units = read_scope(request.auth).units().select_related("unit_type", "block", "merged_into")
    if parent:
        root = get_in_scope_or_404(units, Q(), code=parent)
        units = units.filter(path__startswith=root.path).exclude(pk=root.pk)
    return LazyPage(units, _unit_out, each_page=_parents)


@org.get("/units/{code}", response=schemas.UnitOut, summary="Một đơn vị")
def unit_detail(request, code: schemas.Code):
    units = read_scope(request.auth).units().select_related("unit_type", "block", "merged_into")
    unit = get_in_scope_or_404(units, Q(), code=code)
    return _unit_out(unit, _parents([unit]))


@org.get("/indicators", response=list[schemas.IndicatorOut], summary="Danh mục chỉ số")
def indicator_list(request):
    return [
        {
            "code": i.code,
            "name": i.name,
            "kind": i.kind,
            "unit": i.unit,
            "fields": [f for f in i.input_fields if f != "comment"],
        }
        for i in Indicator.objects.order_by("code")
    ]


# --- Plans and what the dashboards show ------------------------------------------------------

plans = Router(tags=["Kế hoạch"])


def _plan_out(plan: Plan) -> dict:
    return {
        "id": plan.pk,
        "number": plan.number,
        "title": plan.title,
        "issuer": plan.issuer.code if plan.issuer else None,
        "issued_on": plan.issued_on,
        "status": plan.status,
    }


@plans.get("/plans", response=list[schemas.PlanOut], summary="Kế hoạch xem được")
@paginate(Pages)
def plan_list(request, q: schemas.Code = ""):
    plans_ = plan_selectors.plan_list(scope=read_scope(request.auth), query=q)
    return LazyPage(plans_.select_related("issuer"), _plan_out)


@plans.get("/plans/{plan_id}", response=schemas.PlanDetailOut, summary="Một kế hoạch")
def plan_detail(request, plan_id: schemas.Id):
    plan = plan_selectors.plan_detail(scope=read_scope(request.auth), pk=plan_id)
    out = _plan_out(plan)
    out["targets"] = [
        {
            "id": t.pk,
            "text": t.text,
            "section": t.section,
            "indicator": t.indicator.code if t.indicator else None,
            "comparator": t.comparator,
            "value": t.value,
            "value_max": t.value_max,
            "unit": t.unit,
            "due_year": t.due_year,
            "due_date": t.due_date,
        }
        for t in plan.targets.all()
    ]
    out["tasks"] = [
        {
            "id": t.pk,
            "title": t.title,
            "section": t.section,
            "status": t.status,
            "progress": t.progress,
            "due_date": t.due_date,
            "lead_units": [u.code for u in t.lead_units.all()],
        }
        for t in plan.tasks.all()
    ]
    return out


@plans.get(
    "/plans/{plan_id}/status",
    response=schemas.PlanStatusOut,
    summary="Tình trạng các chỉ tiêu của một đơn vị (như trang giám sát)",
)
def plan_status(request, plan_id: schemas.Id, unit: schemas.Code | None = None):
    """Mỗi chỉ tiêu đo được của kế hoạch: số liệu hiện tại và tình trạng (đạt, đúng tiến độ,
    có nguy cơ, không đạt, chưa có số liệu) của đơn vị `unit` (mặc định: đơn vị của khóa),
    tính đúng như trang tổng quan."""
    scope = read_scope(request.auth)
    plan = monitoring_selectors.plan_in_scope(scope=scope, pk=plan_id)
    viewpoint = None
    if unit:
        viewpoint = get_in_scope_or_404(scope.units(), Q(), code=unit)
    overview = monitoring_selectors.plan_overview(scope=scope, plan=plan, unit=viewpoint)
    return {
        "plan": plan.pk,
        "unit": overview.unit.code,
        "as_of": overview.as_of,
        "targets": [
            {
                "target": line.target.pk,
                "text": line.target.text,
                "indicator": line.indicator.code if line.indicator else None,
                "status": line.verdict.status,
                "status_label": str(Status.LABELS[line.verdict.status]),
                "current": line.verdict.current,
                "as_of_period": line.verdict.as_of_period,
                "expected_units": line.expected_units,
                "reporting_units": line.reporting_units,
            }
            for line in overview.lines
        ],
    }


# --- Schedules, periods, reports -------------------------------------------------------------

reports = Router(tags=["Báo cáo"])


@reports.get("/schedules", response=list[schemas.ScheduleOut], summary="Lịch báo cáo")
def schedule_list(request):
    schedules = report_selectors.schedule_list(scope=read_scope(request.auth)).prefetch_related(
        "items__indicator"
    )
    return [
        {
            "id": s.pk,
            "name": s.name,
            "plan": s.plan_id,
            "frequency": s.frequency,
            "indicators": [item.indicator.code for item in s.items.all()],
        }
        for s in schedules
    ]


@reports.get("/schedules/{schedule_id}/periods", response=list[schemas.PeriodOut], summary="Các kỳ")
def period_list(request, schedule_id: schemas.Id):
    schedule = report_selectors.schedule_in_scope(scope=read_scope(request.auth), pk=schedule_id)
    return list(schedule.periods.order_by("start"))


def _report_out(report: Report) -> dict:
    return {
        "id": report.pk,
        "unit": report.unit.code,
        "schedule": report.period.schedule_id,
        "period": report.period.code,
        "status": report.status,
        "version": report.version,
        "submitted_at": report.submitted_at,
        "days_late": report.days_late,
        "accepted_at": report.accepted_at,
        "values": [
            {
                "indicator": v.indicator.code,
                "value": v.value,
                "numerator": v.numerator,
                "denominator": v.denominator,
                "text": v.text,
                "comment": v.comment,
            }
            for v in report.values.all()
        ],
    }


class ReportFilters(schemas.Schema):
    unit: schemas.Code | None = None
    period: schemas.Code | None = None
    schedule: schemas.Id | None = None
    status: schemas.Code | None = None


def _reports(scope):
    from reporting.models import ReportValue

    return (
        Report.objects.filter(report_selectors.reports_visible_q(scope))
        .select_related("unit", "period")
        .prefetch_related(
            Prefetch("values", queryset=ReportValue.objects.select_related("indicator"))
        )
        .order_by("period__start", "unit__path")
    )


@reports.get("/reports", response=list[schemas.ReportOut], summary="Báo cáo và số liệu")
@paginate(Pages)
def report_list(request, filters: Query[ReportFilters]):
    queryset = _reports(read_scope(request.auth))
    if filters.unit:
        queryset = queryset.filter(unit__code=filters.unit)
    if filters.period:
        queryset = queryset.filter(period__code=filters.period)
    if filters.schedule:
        queryset = queryset.filter(period__schedule_id=filters.schedule)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return LazyPage(queryset, _report_out)


@reports.get("/reports/{report_id}", response=schemas.ReportOut, summary="Một báo cáo")
def report_detail(request, report_id: schemas.Id):
    report = get_in_scope_or_404(_reports(read_scope(request.auth)), Q(), pk=report_id)
    return _report_out(report)


@reports.post(
    "/dataValueSets",
    response={200: schemas.ImportSummaryOut, 403: schemas.Problem, 422: schemas.Problem},
    summary="Gửi số liệu hàng loạt",
)
def data_value_sets(request, payload: schemas.DataValueSetIn, dryRun: bool = False):  # noqa: N803
    """Ghi số liệu của nhiều đơn vị, nhiều kỳ trong một lần gửi, như đơn vị tự nhập trên trang
    báo cáo (bản nháp). Mục sai không làm hỏng các mục khác: mỗi mục sai là một xung đột kèm vị
    trí và lý do. `dryRun=true` kiểm tra mà không ghi gì."""
    summary = import_data_values(
        token=request.auth,
        values=[v.dict(exclude_unset=True) for v in payload.dataValues],
        tasks=[t.dict(exclude_unset=True) for t in payload.taskUpdates],
        dry_run=dryRun,
        ip=client_ip(request),
    )
    return {
        "status": summary.status,
        "dryRun": summary.dry_run,
        "reports": summary.reports,
        "counts": {
            "imported": summary.imported,
            "updated": summary.updated,
            "ignored": summary.ignored,
            "conflicts": len(summary.conflicts),
        },
        "conflicts": [vars(c) for c in summary.conflicts],
    }


def _act(request, report_id: schemas.Id, action: str, **kwargs):
    token = request.auth
    report = get_in_scope_or_404(
        Report.objects.select_related("unit", "period__schedule__plan__issuer"),
        report_selectors.reports_visible_q(read_scope(token)),
        pk=report_id,
    )
    scope = write_scope(token, report.unit)
    service = getattr(report_services, f"report_{action}")
    report = service(scope=scope, user=token.user, report=report, ip=client_ip(request), **kwargs)
    return _report_out(get_in_scope_or_404(_reports(scope), Q(), pk=report.pk))


ACT_RESPONSES = {
    200: schemas.ReportOut,
    403: schemas.Problem,
    404: schemas.Problem,
    409: schemas.Problem,
    422: schemas.Problem,
}


@reports.post("/reports/{report_id}/submit", response=ACT_RESPONSES, summary="Gửi thủ trưởng")
def report_submit(request, report_id: schemas.Id):
    return _act(request, report_id, "submit")


@reports.post("/reports/{report_id}/approve", response=ACT_RESPONSES, summary="Thủ trưởng duyệt")
def report_approve(request, report_id: schemas.Id, body: schemas.ActionIn):
    return _act(request, report_id, "approve", expected_version=body.version)


@reports.post("/reports/{report_id}/accept", response=ACT_RESPONSES, summary="Tiếp nhận")
def report_accept(request, report_id: schemas.Id, body: schemas.ActionIn):
    return _act(request, report_id, "accept", expected_version=body.version)


@reports.post("/reports/{report_id}/return", response=ACT_RESPONSES, summary="Trả lại")
def report_return(request, report_id: schemas.Id, body: schemas.ReturnIn):
    return _act(request, report_id, "return", reason=body.reason, expected_version=body.version)


api.add_router("/", org)
api.add_router("/", plans)
api.add_router("/", reports)
api.add_router("/", read_registrations.router)
api.add_router("/", read_evaluation.router)
api.add_router("/", read_awards.router)
api.add_router("/", read_open.router)
