"""Registrations through the API: units' yearly registrations (đăng ký thi đua) and those of
people, households and enterprises in a round — read through registrations' own selectors and
visibility rules, in the token's scope (another unit's registration is a 404)."""

from django.db.models import Prefetch, Q
from ninja import Query, Router
from ninja.pagination import paginate

from api import schemas_records as out
from api.pages import LazyPage, Pages
from api.schemas import Id
from api.tokens import read_scope
from org.models import OrgUnit
from plans.models import Target
from registrations import selectors
from registrations.models import RegisteredTarget, SubjectRegistration
from registrations.subjects import subject_registration_in_scope, subject_visible_q

router = Router(tags=["Đăng ký thi đua"])


def _targets():
    return Prefetch("targets", queryset=RegisteredTarget.objects.order_by("target__order", "pk"))


def _with_indicators(page) -> dict[int, str]:
    """target id -> its indicator's code, for the registered targets of a page (one query)."""
    ids = {line.target_id for r in page for line in r.targets.all()}
    return dict(
        Target.objects.filter(pk__in=ids, indicator__isnull=False).values_list(
            "pk", "indicator__code"
        )
    )


def _render(registration, indicators: dict[int, str]) -> dict:
    return {
        "id": registration.pk,
        "unit": registration.unit.code,
        "plan": registration.plan_id,
        "year": registration.year,
        "status": registration.status,
        "version": registration.version,
        "submitted_at": registration.submitted_at,
        "approved_at": registration.approved_at,
        "targets": [
            {
                "target": line.target_id,
                "indicator": indicators.get(line.target_id),
                "value": line.value,
                "note": line.note,
            }
            for line in registration.targets.all()
        ],
    }


@router.get(
    "/registrations", response=list[out.RegistrationOut], summary="Đăng ký thi đua của đơn vị"
)
@paginate(Pages)
def registration_list(request, filters: Query[out.RegistrationFilters]):
    """Bản đăng ký thi đua hằng năm của các đơn vị trong phạm vi của khóa (như trang Đăng ký
    thi đua), mới nhất trước, kèm các chỉ tiêu và mức đăng ký."""
    queryset = selectors.registration_list(scope=read_scope(request.auth)).prefetch_related(
        _targets()
    )
    if filters.unit:
        queryset = queryset.filter(unit__code=filters.unit)
    if filters.plan:
        queryset = queryset.filter(plan_id=filters.plan)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return LazyPage(queryset.order_by("-year", "unit__path", "pk"), _render, _with_indicators)


@router.get(
    "/registrations/{registration_id}",
    response=out.RegistrationOut,
    summary="Một bản đăng ký thi đua",
)
def registration_detail(request, registration_id: Id):
    registration = selectors.registration_in_scope(
        scope=read_scope(request.auth), pk=registration_id
    )
    return _render(registration, _with_indicators([registration]))


def _subject_out(registration: SubjectRegistration) -> dict:
    subject = registration.subject
    if registration.enterprise_id:
        kind, name = "enterprise", subject.name
    elif registration.person_id:
        kind, name = "individual", subject.full_name
    else:
        kind, name = "household", subject.head_name
    return {
        "id": registration.pk,
        "round": registration.round_id,
        "plan": registration.round.plan_id,
        "year": registration.round.year,
        "subject_type": kind,
        "subject_name": name,
        "unit": subject.unit.code,
        "tax_code": (subject.tax_code or None) if registration.enterprise_id else None,
        "titles": [t.get("code", "") for t in registration.titles],
        "participation_plan": registration.participation_plan,
        "commitments": registration.commitments,
        "status": registration.status,
        "created_at": registration.created_at,
        "approved_at": registration.approved_at,
    }


SUBJECT_FIELDS = {"enterprise": "enterprise", "individual": "person", "household": "household"}


@router.get(
    "/subject-registrations",
    response=list[out.SubjectRegistrationOut],
    summary="Đăng ký thi đua của cá nhân, hộ gia đình, doanh nghiệp",
)
@paginate(Pages)
def subject_registration_list(request, filters: Query[out.SubjectRegistrationFilters]):
    """Đăng ký trong các đợt của cá nhân (danh hiệu đăng ký), hộ gia đình và doanh nghiệp, hợp
    tác xã (kế hoạch tham gia phong trào) thuộc phạm vi của khóa; cá nhân có tài khoản thấy bản
    của chính mình."""
    scope = read_scope(request.auth)
    queryset = SubjectRegistration.objects.filter(subject_visible_q(scope)).select_related(
        "round", "enterprise__unit", "person__unit", "household__unit"
    )
    if filters.round:
        queryset = queryset.filter(round_id=filters.round)
    if filters.year:
        queryset = queryset.filter(round__year=filters.year)
    if filters.subject_type:
        field = SUBJECT_FIELDS.get(filters.subject_type)
        queryset = queryset.filter(**{f"{field}__isnull": False}) if field else queryset.none()
    if filters.unit:
        # The rows are already those the token may see: the unit only narrows them.
        unit = OrgUnit.objects.filter(code=filters.unit).first()
        queryset = (
            queryset.filter(
                Q(enterprise__unit__path__startswith=unit.path)
                | Q(person__unit__path__startswith=unit.path)
                | Q(household__unit__path__startswith=unit.path)
            )
            if unit
            else queryset.none()
        )
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return LazyPage(queryset.order_by("-round__year", "round_id", "pk"), _subject_out)


@router.get(
    "/subject-registrations/{registration_id}",
    response=out.SubjectRegistrationOut,
    summary="Một bản đăng ký của cá nhân, hộ gia đình, doanh nghiệp",
)
def subject_registration_detail(request, registration_id: Id):
    registration = subject_registration_in_scope(scope=read_scope(request.auth), pk=registration_id)
    return _subject_out(registration)
