"""Reads of council sessions: the council, the office and leaders of a level see its sessions;
the tally lists every receipt code with its choices, so each member can find their ballot."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from council.access import SessionAccess
from council.models import AgendaItem, Ballot, CouncilSession, VoterTurnout
from council.services import quorum
from nominations.models import PublicComment
from org.models import Person, Role
from org.scope import UserScope, get_in_scope_or_404

SESSION_ROLES = (Role.COUNCIL, Role.COORDINATOR, Role.LEADER)


def sessions_q(scope: UserScope) -> Q:
    q = scope.unit_q("unit", roles=SESSION_ROLES)
    if scope.user_id is not None:
        q |= Q(members__person__user_id=scope.user_id)
    return q


def session_list(*, scope: UserScope) -> QuerySet[CouncilSession]:
    ids = CouncilSession.objects.filter(sessions_q(scope)).values("pk")
    return CouncilSession.objects.filter(pk__in=ids).select_related("unit", "round")


def session_in_scope(*, scope: UserScope, pk: int) -> tuple[CouncilSession, SessionAccess]:
    queryset = CouncilSession.objects.select_related("unit", "round__unit")
    ids = CouncilSession.objects.filter(sessions_q(scope)).values("pk")
    session = get_in_scope_or_404(queryset, Q(pk__in=ids), pk=pk)
    return session, SessionAccess(scope, session)


def agenda(session: CouncilSession) -> list[AgendaItem]:
    return list(session.items.select_related("nomination__form", "nomination__proposer"))


@dataclass
class ReceiptLine:
    receipt: str
    choices: list[str] = field(default_factory=list)  # in the order of the agenda


def tally_receipts(session: CouncilSession, items: list[AgendaItem]) -> list[ReceiptLine]:
    """Every receipt code with its choice on each item, sorted by code (published once the
    session is closed)."""
    position = {item.pk: i for i, item in enumerate(items)}
    lines: dict[str, list[str]] = defaultdict(lambda: [""] * len(items))
    for receipt, item_id, choice in Ballot.objects.filter(session=session).values_list(
        "receipt", "item_id", "choice"
    ):
        lines[receipt][position[item_id]] = choice
    return [ReceiptLine(r, lines[r]) for r in sorted(lines)]


def minutes_context(session: CouncilSession) -> dict:
    """What the biên bản of the session says (documents render it): members and presence,
    quorum, the comment period and its comments, the tally and result of each nomination."""
    items = agenda(session)
    present, total, has_quorum = quorum(session)
    comments = defaultdict(list)
    for comment in PublicComment.objects.filter(nomination_id__in=[i.nomination_id for i in items]):
        comments[comment.nomination_id].append(comment)
    return {
        "session": session,
        "round": session.round,
        "unit": session.unit,
        "members": list(session.members.select_related("person")),
        "present": present,
        "total": total,
        "has_quorum": has_quorum,
        "comment_period": (session.round.published_at, session.round.comments_until),
        "items": [
            {
                "order": i.order,
                "nomination": i.nomination,
                "subject_name": i.nomination.subject_name,
                "form": i.nomination.form.name,
                "agree": i.agree,
                "disagree": i.disagree,
                "passed": i.passed,
                "comments": comments[i.nomination_id],
            }
            for i in items
        ],
        "receipts": tally_receipts(session, items) if session.closed_at else [],
    }


def council_candidates(unit) -> list[Person]:
    """People of the level holding the council role on its unit (the Hội đồng's members)."""
    return list(
        Person.objects.filter(
            user__role_assignments__role=Role.COUNCIL, user__role_assignments__unit=unit
        )
        .select_related("unit")
        .distinct()
        .order_by("full_name", "pk")
    )


def sessions_to_vote(*, scope: UserScope) -> list[CouncilSession]:
    """The open sessions (convened or voting) the person sits in as a member, each with
    `has_voted`: whether the turnout record says they voted — never how (one query)."""
    if scope.user_id is None:
        return []
    voted = VoterTurnout.objects.filter(
        session=OuterRef("pk"), member__person__user_id=scope.user_id
    )
    return list(
        CouncilSession.objects.filter(
            members__person__user_id=scope.user_id,
            status__in=(CouncilSession.Status.CONVENED, CouncilSession.Status.VOTING),
        )
        .select_related("round")
        .annotate(has_voted=Exists(voted))
        .order_by("held_on", "pk")
    )


def sessions_in_progress(*, scope: UserScope) -> QuerySet[CouncilSession]:
    """The sessions of the office's levels not yet closed (to open, to tally)."""
    return (
        CouncilSession.objects.filter(scope.unit_q("unit", roles=[Role.COORDINATOR]))
        .exclude(status=CouncilSession.Status.CLOSED)
        .select_related("round")
        .order_by("held_on", "pk")
    )
