"""Reads of decisions, through the scope; `decision_context` is what the documents render."""

from django.db.models import Q, QuerySet

from awards.models import SubjectType
from decisions.models import Decision
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
