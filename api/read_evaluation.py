"""Scores and rankings through the API, read as the evaluation pages read them: schemes through
`evaluation.selectors`, each sheet and each block through `EvaluationAccess` (a unit sees its
own sheet and, once frozen, its own block's ranking; a block leader its block; whoever covers
the issuer all of them). Another province's scheme or version is a 404."""

from decimal import Decimal

from django.db.models import Prefetch
from django.http import Http404
from ninja import Query, Router
from ninja.pagination import paginate

from api import schemas_records as out
from api.pages import LazyPage, Pages
from api.schemas import Id
from api.tokens import read_scope
from evaluation import ranking, selectors
from evaluation.access import EvaluationAccess
from evaluation.models import Criterion, CriterionGroup, RankingEntry, RankingVersion
from evaluation.subjects import scheme_blocks
from org.models import OrgUnit

router = Router(tags=["Chấm điểm, xếp hạng"])


def _criterion_codes(scheme_id: int) -> dict[int, str]:
    return dict(Criterion.objects.filter(group__scheme_id=scheme_id).values_list("pk", "code"))


def _version_out(version: RankingVersion) -> dict:
    return {
        "id": version.pk,
        "number": version.number,
        "cutoff": version.cutoff,
        "frozen_at": version.frozen_at,
        "note": version.note,
    }


def _scheme_out(scheme) -> dict:
    return {
        "id": scheme.pk,
        "name": scheme.name,
        "year": scheme.year,
        "issuer": scheme.issuer.code,
        "plan": scheme.plan_id,
        "subject_type": scheme.subject_type,
        "cutoff": scheme.cutoff,
        "criteria": [c.code for g in scheme.groups.all() for c in g.criteria.all()],
        "versions": [_version_out(v) for v in scheme.versions.all()],
    }


@router.get("/schemes", response=list[out.SchemeOut], summary="Bộ tiêu chí chấm điểm")
@paginate(Pages)
def scheme_list(request, year: int | None = Query(None, ge=1900, le=2200)):
    """Bộ tiêu chí của cấp mình và cấp trên (xã được chấm theo bộ tiêu chí của tỉnh), với số
    hiệu các tiêu chí và các lần chốt kết quả xếp hạng."""
    schemes = selectors.scheme_list(scope=read_scope(request.auth)).prefetch_related(
        Prefetch("groups", queryset=CriterionGroup.objects.prefetch_related("criteria")),
        "versions",
    )
    if year:
        schemes = schemes.filter(year=year)
    return LazyPage(schemes.order_by("-year", "issuer__path", "pk"), _scheme_out)


@router.get(
    "/schemes/{scheme_id}/scores",
    response=list[out.ScoreOut],
    summary="Điểm hiện tại của từng đơn vị",
)
@paginate(Pages)
def score_list(request, scheme_id: Id, filters: Query[out.ScoreFilters]):
    """Điểm của các phiếu chấm mà khóa xem được, như trang phiếu chấm: đơn vị thấy phiếu của
    mình, khối trưởng thấy phiếu của khối, cơ quan thường trực và lãnh đạo cấp ban hành thấy
    tất cả. Là điểm đang chấm: chỉ kết quả đã chốt (`/rankings`) là cố định."""
    scope = read_scope(request.auth)
    scheme = selectors.scheme_in_scope(scope=scope, pk=scheme_id)
    access = EvaluationAccess(scope, scheme)
    sheets = scheme.sheets.filter(access.sheets_q()).select_related("unit")
    if filters.unit:
        # The sheets are already those the token may see: the unit only narrows them.
        unit = OrgUnit.objects.filter(code=filters.unit).first()
        sheets = sheets.filter(unit__path__startswith=unit.path) if unit else sheets.none()
    if filters.status:
        sheets = sheets.filter(status=filters.status)
    codes = _criterion_codes(scheme.pk)

    def each_page(page):
        return {row.unit.pk: row for row in ranking.sheet_rows(scheme, [s.unit for s in page])}

    def render(sheet, rows):
        row = rows[sheet.unit_id]
        return {
            "unit": sheet.unit.code,
            "status": sheet.status,
            "women_led": sheet.women_led,
            "points": {codes[pk]: points for pk, points in row.points.items() if pk in codes},
            "bonus": row.bonus,
            "penalty": row.penalty,
            "total": row.total,
        }

    return LazyPage(sheets.order_by("unit__path"), render, each_page)


def _ranking_out(version: RankingVersion) -> dict:
    return {
        **_version_out(version),
        "scheme": version.scheme_id,
        "scheme_name": version.scheme.name,
        "year": version.scheme.year,
    }


@router.get("/rankings", response=list[out.RankingOut], summary="Kết quả xếp hạng đã chốt")
@paginate(Pages)
def ranking_list(request, filters: Query[out.RankingFilters]):
    """Các lần chốt kết quả xếp hạng của những bộ tiêu chí khóa xem được, mới nhất trước."""
    versions = RankingVersion.objects.filter(
        selectors.schemes_q(read_scope(request.auth), "scheme__")
    ).select_related("scheme")
    if filters.scheme:
        versions = versions.filter(scheme_id=filters.scheme)
    if filters.year:
        versions = versions.filter(scheme__year=filters.year)
    return LazyPage(versions.order_by("-scheme__year", "scheme_id", "-number"), _ranking_out)


@router.get(
    "/rankings/{version_id}/entries",
    response=list[out.RankingEntryOut],
    summary="Thứ hạng trong từng khối của một lần chốt",
)
@paginate(Pages)
def ranking_entries(request, version_id: Id, filters: Query[out.RankingEntryFilters]):
    """Thứ hạng, tổng điểm và điểm từng tiêu chí đã chốt, khối theo khối — chỉ các khối khóa
    được xem như trên trang kết quả xếp hạng (đơn vị thấy khối của mình)."""
    scope = read_scope(request.auth)
    version = selectors.version_in_scope(scope=scope, pk=version_id)
    access = EvaluationAccess(scope, version.scheme)
    visible = [b for b in scheme_blocks(version.scheme.issuer) if access.can_see_ranking(b.pk)]
    if filters.block:
        visible = [b for b in visible if b.code == filters.block]
    if not visible:
        raise Http404
    entries = RankingEntry.objects.filter(
        version=version, block__in=[b.pk for b in visible]
    ).select_related("unit", "block")
    if filters.unit:
        entries = entries.filter(unit__code=filters.unit)
    codes = _criterion_codes(version.scheme_id)

    def render(entry: RankingEntry) -> dict:
        return {
            "block": entry.block.code,
            "block_name": entry.block.name,
            "rank": entry.rank,
            "unit": entry.unit.code,
            "unit_name": entry.unit.name,
            "total": entry.total,
            "bonus": entry.bonus,
            "penalty": entry.penalty,
            "points": {
                codes[int(pk)]: Decimal(points) if points is not None else None
                for pk, points in entry.breakdown.items()
                if pk.isdigit() and int(pk) in codes
            },
            "tie_note": entry.tie_note,
        }

    return LazyPage(
        entries.order_by("block__order", "block__name", "rank", "unit__name", "pk"), render
    )
