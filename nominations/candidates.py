"""Candidates that are not units — people, households, enterprises and cooperatives — a unit may
propose in a round (issue #15 item 2): only those of the subtrees where the user proposes,
found by name without diacritics, those who registered for the form listed first with what they
registered, each with the eligibility verdict of awards/eligibility.py. A fixed number of
queries whatever the number of candidates."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from awards import selectors as award_selectors
from awards.models import AwardForm, SubjectType
from core.params import parse_id
from core.text import search_terms
from nominations.access import PROPOSER_ROLES, RoundAccess
from nominations.models import Nomination
from nominations.services import verdict_of
from org.models import Enterprise, Household, OrgUnit, Person
from registrations.models import SubjectRegistration

# The kinds of subject picked on the round page, with their model and the field naming them
# in Nomination and SubjectRegistration.
KINDS = {
    SubjectType.INDIVIDUAL: (Person, "person", "full_name"),
    SubjectType.HOUSEHOLD: (Household, "household", "head_name"),
    SubjectType.ENTERPRISE: (Enterprise, "enterprise", "name"),
}
LIMIT = 50


@dataclass
class Candidate:
    subject: object
    name: str
    registered: bool  # registered for this form (a person's title) or in the year (others)
    titles: list[str] = field(default_factory=list)
    status: str = ""
    reasons: list[str] = field(default_factory=list)
    nominated: bool = False


def kinds_for(form: AwardForm | None) -> list[tuple[str, str]]:
    """(value, label) of the kinds of subject other than units the form is given to."""
    if form is None:
        return []
    return [(v, label) for v, label in SubjectType.choices if v in KINDS and form.accepts(v)]


def _queryset(access: RoundAccess, subject_type: str) -> QuerySet:
    """The subjects of the kind whose unit is where the user proposes, inside the round's
    level (the same bound as RoundAccess.can_propose_for)."""
    model, _field, _name = KINDS[subject_type]
    return model.objects.filter(
        access.scope.unit_q("unit", roles=PROPOSER_ROLES),
        unit__path__startswith=access.round.unit.path,
    ).select_related("unit")


def candidate_in_scope(*, access: RoundAccess, subject_type: str, pk) -> object:
    """The subject picked on the round page; a 404 outside the user's proposing scope."""
    # Whether the round still takes proposals is the service's to say, in words (not a 404).
    if subject_type not in KINDS:
        raise Http404
    subject = _queryset(access, subject_type).filter(pk=parse_id(pk)).first()
    if subject is None:
        raise Http404
    return subject


def proposer_for(access: RoundAccess, subject) -> OrgUnit:
    """The unit that proposes: the user's own unit (the nearest one where they propose) holding
    the subject — the commune for its households, the office's level for its own picks — or
    the subject's unit when the user's reach is not by grant."""
    unit = subject.unit
    paths = [
        p
        for p in access.scope.root_paths(PROPOSER_ROLES)
        if unit.path.startswith(p) and p.startswith(access.round.unit.path)
    ]
    if not paths:
        return unit
    best = max(paths, key=len)
    return unit if best == unit.path else OrgUnit.objects.get(path=best)


def _registrations(access: RoundAccess) -> QuerySet:
    """Registrations of the round's year, not returned."""
    return SubjectRegistration.objects.filter(round__year=access.round.year).exclude(
        status=SubjectRegistration.Status.RETURNED
    )


def candidate_list(
    *, access: RoundAccess, form: AwardForm, subject_type: str, query: str, today
) -> list[Candidate]:
    """Up to LIMIT candidates of the kind matching every word of `query` (all of them when it
    is empty), the registered first, each with its verdict on `form`. Six queries."""
    if subject_type not in KINDS or not form.accepts(subject_type):
        return []
    _model, subject_field, name_field = KINDS[subject_type]
    registrations = _registrations(access)
    subjects = _queryset(access, subject_type).annotate(
        registered=Exists(registrations.filter(**{subject_field: OuterRef("pk")}))
    )
    for word in search_terms(query):
        subjects = subjects.filter(search_text__contains=word)
    subjects = list(subjects.order_by("-registered", name_field, "pk")[:LIMIT])
    if not subjects:
        return []
    ids = [s.pk for s in subjects]
    titles: dict[int, list[dict]] = {}
    for subject_id, chosen in registrations.filter(**{f"{subject_field}_id__in": ids}).values_list(
        f"{subject_field}_id", "titles"
    ):
        titles.setdefault(subject_id, []).extend(chosen or [])
    nominated = set(
        Nomination.objects.filter(
            round=access.round, form=form, **{f"{subject_field}_id__in": ids}
        ).values_list(f"{subject_field}_id", flat=True)
    )
    facts = award_selectors.subjects_facts(
        subject_type=subject_type, subjects=subjects, year=access.round.year, today=today
    )
    policy = award_selectors.policy_for(access.round.unit)
    out = []
    for subject in subjects:
        held = titles.get(subject.pk, [])
        codes = {t.get("code") for t in held}
        registered = (form.code in codes) if subject_type == SubjectType.INDIVIDUAL else False
        registered = registered or (subject_type != SubjectType.INDIVIDUAL and subject.registered)
        status, reasons = verdict_of(form, facts[subject.pk], policy)
        out.append(
            Candidate(
                subject=subject,
                name=getattr(subject, name_field),
                registered=registered,
                titles=list(dict.fromkeys(t.get("name", "") for t in held)),
                status=status,
                reasons=reasons,
                nominated=subject.pk in nominated,
            )
        )
    # Registered for this very form first (a person registers titles), then the rest.
    out.sort(key=lambda c: not c.registered)
    return out
