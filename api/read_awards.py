"""Nominations, the award registry and decisions through the API, read through the selectors of
nominations, awards, council and decisions in the token's scope (another unit's object is a
404). Secret ballot: a nomination carries at most the tally of a closed council session — how
many agreed and disagreed, as the minutes publish it — never a member's vote."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from ninja import Query, Router
from ninja.pagination import paginate

from api import schemas_records as out
from api.pages import LazyPage, Pages
from api.schemas import Id
from api.tokens import read_scope
from awards import selectors as award_selectors
from awards.models import AwardForm
from council.models import AgendaItem, CouncilSession
from council.selectors import sessions_q
from decisions import selectors as decision_selectors
from decisions.models import DecisionLine
from nominations import selectors as nomination_selectors
from nominations.models import Nomination
from org.models import EmulationBlock, OrgUnit

router = Router(tags=["Khen thưởng"])


# --- Rounds and nominations ------------------------------------------------------------------


@router.get("/award-rounds", response=list[out.AwardRoundOut], summary="Các đợt khen thưởng")
@paginate(Pages)
def award_round_list(request, year: int | None = Query(None, ge=1900, le=2200)):
    """Đợt khen thưởng của cấp mình và cấp trên (xã đề nghị vào đợt của tỉnh)."""
    rounds = nomination_selectors.round_list(scope=read_scope(request.auth))
    if year:
        rounds = rounds.filter(year=year)
    today = timezone.localdate()

    def quotas(page) -> dict:
        return nomination_selectors.rounds_quotas([r.pk for r in page])

    def render(award_round, quota_lines) -> dict:
        return {
            "id": award_round.pk,
            "unit": award_round.unit.code,
            "kind": award_round.kind,
            "award_kind": award_round.award_kind.code,
            "year": award_round.year,
            "name": award_round.name,
            "deadline": award_round.deadline,
            "published_at": award_round.published_at,
            "nominations_open": award_round.nominations_open(today),
            "quotas": [
                {"form": q.form.code, "form_name": q.form.name, "limit": q.limit, "used": q.used}
                for q in quota_lines[award_round.pk]
            ],
        }

    return LazyPage(rounds, render, quotas)


def _tallies(scope):
    """nomination id -> the tally of its closed session, only of sessions the scope may see
    (the minutes' readers), for a page of nominations (one query)."""

    def each_page(page) -> dict:
        items = AgendaItem.objects.filter(
            nomination_id__in=[n.pk for n in page],
            session__closed_at__isnull=False,
            session__in=CouncilSession.objects.filter(sessions_q(scope)).values("pk"),
        ).order_by("session__closed_at")
        return {
            item.nomination_id: {
                "agree": item.agree,
                "disagree": item.disagree,
                "passed": item.passed,
            }
            for item in items
        }

    return each_page


def _nomination_out(nomination: Nomination, tallies: dict) -> dict:
    return {
        "id": nomination.pk,
        "round": nomination.round_id,
        "year": nomination.round.year,
        "form": nomination.form.code,
        "form_name": nomination.form.name,
        "subject_type": nomination.subject_type,
        "subject_name": nomination.subject_name,
        "subject_unit": nomination.subject_unit.code if nomination.subject_unit_id else None,
        "proposer": nomination.proposer.code,
        "status": nomination.status,
        "eligibility_status": nomination.eligibility_status,
        "vote_passed": nomination.vote_passed,
        "tally": tallies.get(nomination.pk),
        "send_refusal": _text(nomination.sending_refusal(timezone.localdate())),
    }


def _text(message) -> str | None:
    return None if message is None else str(message)


def _nominations(scope):
    return Nomination.objects.filter(nomination_selectors.nominations_q(scope)).select_related(
        "round", "form", "subject_unit", "proposer"
    )


@router.get("/nominations", response=list[out.NominationOut], summary="Đề nghị khen thưởng")
@paginate(Pages)
def nomination_list(request, filters: Query[out.NominationFilters]):
    """Đề nghị của đơn vị mình và cấp dưới; cả đợt với cơ quan thường trực, Hội đồng và lãnh
    đạo của cấp khen thưởng (như trang đợt khen thưởng)."""
    scope = read_scope(request.auth)
    nominations = _nominations(scope)
    if filters.round:
        nominations = nominations.filter(round_id=filters.round)
    if filters.year:
        nominations = nominations.filter(round__year=filters.year)
    if filters.form:
        nominations = nominations.filter(form__code=filters.form)
    if filters.proposer:
        nominations = nominations.filter(proposer__code=filters.proposer)
    if filters.status:
        nominations = nominations.filter(status=filters.status)
    if filters.subject_type:
        nominations = nominations.filter(subject_type=filters.subject_type)
    nominations = nominations.order_by(
        "-round__year", "round_id", "form__order", "subject_name", "pk"
    )
    return LazyPage(nominations, _nomination_out, _tallies(scope))


@router.get(
    "/nominations/{nomination_id}", response=out.NominationOut, summary="Một đề nghị khen thưởng"
)
def nomination_detail(request, nomination_id: Id):
    scope = read_scope(request.auth)
    nomination, _access = nomination_selectors.nomination_in_scope(scope=scope, pk=nomination_id)
    return _nomination_out(nomination, _tallies(scope)([nomination]))


# --- The award registry ----------------------------------------------------------------------


def _award_out(record) -> dict:
    return {
        "id": record.pk,
        "subject_type": record.subject_type,
        "subject_name": record.subject_name,
        "subject_unit": record.subject_unit.code if record.subject_unit_id else None,
        "owner_unit": record.owner_unit.code,
        "form": record.form.code,
        "form_name": record.form.name,
        "kind": record.kind.code,
        "year": record.year,
        "decision_number": record.decision_number,
        "decision_date": record.decision_date,
        "signer": record.signer,
        "movement": record.movement_id,
    }


def _id_of(queryset, code: str | None) -> int | None:
    """The id behind a code, or 0 (matches nothing) for an unknown one."""
    if not code:
        return None
    return queryset.filter(code=code).values_list("pk", flat=True).first() or 0


@router.get("/awards", response=list[out.AwardOut], summary="Sổ khen thưởng")
@paginate(Pages)
def award_list(request, filters: Query[out.AwardFilters]):
    """Khen thưởng đã quyết định của đơn vị, cá nhân, hộ, doanh nghiệp trong phạm vi của khóa
    (như trang sổ khen thưởng): lọc theo hình thức, năm, khối, đơn vị (kể cả đơn vị đã sáp
    nhập vào), số quyết định, từ khóa."""
    scope = read_scope(request.auth)
    filters_ = award_selectors.RegistryFilters(
        query=filters.q,
        form_id=_id_of(AwardForm.objects, filters.form),
        year=filters.year,
        block_id=_id_of(EmulationBlock.objects, filters.block),
        unit_id=_id_of(OrgUnit.objects, filters.unit),
        decision_number=filters.decision_number.strip(),
    )
    empty = any(value == 0 for value in (filters_.form_id, filters_.block_id, filters_.unit_id))
    records = award_selectors.registry_list(scope=scope, filters=filters_)
    return LazyPage(records.none() if empty else records, _award_out)


@router.get("/awards/{award_id}", response=out.AwardOut, summary="Một khen thưởng trong sổ")
def award_detail(request, award_id: Id):
    record = award_selectors.record_in_scope(scope=read_scope(request.auth), pk=award_id)
    return _award_out(record)


# --- Decisions -------------------------------------------------------------------------------


def _decision_out(decision) -> dict:
    return {
        "id": decision.pk,
        "unit": decision.unit.code,
        "round": decision.round_id,
        "year": decision.round.year,
        "kind": decision.kind,
        "status": decision.status,
        "number": decision.number,
        "date": decision.date,
        "signer": decision.signer,
        "signer_title": decision.signer_title,
        "title": decision.title,
        "total": decision.total,
        "issued_at": decision.issued_at,
        "corrects": decision.corrects_id,
        "lines": [
            {
                "order": line.order,
                "subject_name": line.subject_name,
                "subject_type": line.subject_type,
                "form": line.form.code,
                "multiple": line.multiple,
                "amount": line.amount,
                "award": line.award_record_id,
            }
            for line in decision.lines.all()
        ],
    }


def _lines():
    return Prefetch("lines", queryset=DecisionLine.objects.select_related("form"))


@router.get("/decisions", response=list[out.DecisionOut], summary="Quyết định khen thưởng")
@paginate(Pages)
def decision_list(request, filters: Query[out.DecisionFilters]):
    """Quyết định và tờ trình của cấp mình và cấp dưới, kèm danh sách khen thưởng và tiền
    thưởng."""
    decisions = decision_selectors.decision_list(scope=read_scope(request.auth))
    decisions = decisions.select_related("round").prefetch_related(_lines())
    if filters.year:
        decisions = decisions.filter(round__year=filters.year)
    if filters.round:
        decisions = decisions.filter(round_id=filters.round)
    if filters.kind:
        decisions = decisions.filter(kind=filters.kind)
    if filters.status:
        decisions = decisions.filter(status=filters.status)
    return LazyPage(decisions.order_by("-date", "pk"), _decision_out)


@router.get(
    "/decisions/{decision_id}", response=out.DecisionOut, summary="Một quyết định khen thưởng"
)
def decision_detail(request, decision_id: Id):
    decision = decision_selectors.decision_in_scope(scope=read_scope(request.auth), pk=decision_id)
    prefetch_related_objects([decision], _lines())
    return _decision_out(decision)
