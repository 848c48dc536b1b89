"""Reads of decisions, through the scope; `decision_context` is what the documents render."""

from django.db.models import Count, Q, QuerySet

from awards.models import SubjectType
from decisions.models import Decision
from nominations.models import AwardRound, Nomination
from org.models import Role
from org.scope import UserScope, get_in_scope_or_404

DECISION_ROLES = (Role.COORDINATOR, Role.COUNCIL, Role.LEADER, Role.HEAD)


def decisions_q(scope: UserScope) -> Q:
    return scope.unit_q("unit", roles=DECISION_ROLES)


def decision_list(*, scope: UserScope) -> QuerySet[Decision]:
    return Decision.objects.filter(decisions_q(scope)).select_related("unit", "round")


def decision_in_scope(*, scope: UserScope, pk: int) -> Decision:
    queryset = Decision.objects.select_related("unit", "round__unit", "corrects")
    return get_in_scope_or_404(queryset, decisions_q(scope), pk=pk)


def decision_lines(decision: Decision) -> list:
    return list(
        decision.lines.select_related(
            "form", "nomination__proposer", "nomination__person__unit", "award_record"
        )
    )


def decision_context(decision: Decision) -> dict:
    """Everything a Quyết định (or Tờ trình) and its list print: the issuer, number, date,
    signer, the corrected decision, each awardee with form, multiple and amount, the base
    salary and the total. Amounts are Decimals in đồng; the template formats them."""
    labels = dict(SubjectType.choices)
    lines = decision_lines(decision)
    return {
        "decision": decision,
        "kind": decision.kind,
        "is_proposal": decision.kind == Decision.Kind.PROPOSAL,
        "issuer": decision.unit,
        "number": decision.number,
        "date": decision.date,
        "signer": decision.signer,
        "signer_title": decision.signer_title,
        "title": decision.title,
        "round": decision.round,
        "year": decision.round.year,
        "corrects": decision.corrects,
        "base_salary": decision.base_salary,
        "total": decision.total,
        "lines": [
            {
                "order": line.order,
                "subject_name": line.subject_name,
                "subject_type": labels.get(line.subject_type, ""),
                "unit_name": (
                    line.nomination.person.unit.name
                    if line.nomination.person_id
                    else line.nomination.proposer.name
                ),
                "form": line.form.name,
                "multiple": line.multiple,
                "amount": line.amount,
                "achievements": line.nomination.achievements,
                "award_record_id": line.award_record_id,
            }
            for line in lines
        ],
    }


def drafts_to_issue(*, scope: UserScope) -> QuerySet[Decision]:
    """The office's decisions (and tờ trình) still in draft."""
    return (
        Decision.objects.filter(scope.unit_q("unit", roles=[Role.COORDINATOR]))
        .filter(status=Decision.Status.DRAFT)
        .select_related("round")
        .order_by("date", "pk")
    )


def rounds_awaiting_decision(*, scope: UserScope) -> QuerySet[AwardRound]:
    """The office's rounds with nominations the council passed and no decision has awarded
    yet, each with `passed_count`."""
    waiting = Q(nominations__status=Nomination.Status.VOTED, nominations__vote_passed=True)
    return (
        AwardRound.objects.filter(scope.unit_q("unit", roles=[Role.COORDINATOR]))
        .annotate(passed_count=Count("nominations", filter=waiting))
        .filter(passed_count__gt=0)
        .order_by("-year", "pk")
    )
