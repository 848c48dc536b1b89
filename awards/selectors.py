"""Reads of the award catalogue, the registry and the facts eligibility reads, always through
a scope; each in a fixed number of queries, whatever the size of the province."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from awards.catalogue import base_salary_on, prize_multiple, prize_on_salary
from awards.classification import Classification, classify_head, classify_unit
from awards.eligibility import (
    MemberFacts,
    SubjectFacts,
    Verdict,
    rule_pending_matters,
    rule_reports,
    verdict,
)
from awards.models import (
    AwardForm,
    AwardKind,
    AwardRecord,
    BaseSalary,
    ClassificationPolicy,
    EligibilityPolicy,
    PendingMatter,
    SubjectType,
)
from awards.reports import reporting_record, reporting_records
from core.formats import number_vi
from core.params import YEAR_MAX, YEAR_MIN, parse_id, parse_int
from core.text import search_terms
from evaluation.models import Criterion, RankingEntry, RankingVersion
from org.models import EmulationBlock, OrgUnit, Person, Role, RoleAssignment
from org.scope import UserScope, get_in_scope_or_404

# --- catalogue ---------------------------------------------------------------------------------


def form_list(*, active_only: bool = True) -> list[AwardForm]:
    forms = AwardForm.objects.select_related("requires_form").prefetch_related(
        Prefetch("kinds", queryset=AwardKind.objects.order_by("order", "name")),
        "decider_unit_types",
    )
    if active_only:
        forms = forms.filter(is_active=True)
    return list(forms.order_by("order", "name"))


def base_salary_list() -> list[BaseSalary]:
    return list(BaseSalary.objects.order_by("-valid_from"))


# --- registry ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryFilters:
    query: str = ""
    form_id: int | None = None
    year: int | None = None
    block_id: int | None = None
    unit_id: int | None = None
    decision_number: str = ""

    def as_params(self) -> dict:
        """The filters as the registry's query string names them (links, jobs' params)."""
        params = {
            "q": self.query,
            "hinh_thuc": self.form_id,
            "nam": self.year,
            "khoi": self.block_id,
            "don_vi": self.unit_id,
            "so_qd": self.decision_number,
        }
        return {key: str(value) for key, value in params.items() if value not in (None, "")}

    @classmethod
    def from_params(cls, params) -> "RegistryFilters":
        return cls(
            query=(params.get("q") or "")[:200],
            form_id=parse_id(params.get("hinh_thuc")),
            year=parse_int(params.get("nam"), minimum=YEAR_MIN, maximum=YEAR_MAX),
            block_id=parse_id(params.get("khoi")),
            unit_id=parse_id(params.get("don_vi")),
            decision_number=(params.get("so_qd") or "").strip()[:60],
        )


def _in_unit_q(unit: OrgUnit) -> Q:
    """Awards of the unit's subtree and of the units merged into it (the 2025 reorganisation):
    a successor answers for its predecessors' awards."""
    return Q(owner_unit__path__startswith=unit.path) | Q(
        owner_unit__merged_into__path__startswith=unit.path
    )


def registry_list(*, scope: UserScope, filters: RegistryFilters) -> QuerySet[AwardRecord]:
    """Every award recorded in the user's subtree, newest first; words without diacritics.

    A unit or block filter from outside the scope matches nothing (the scope's own filter
    stays). A block holds its members' awards, a merged unit's under its successor's block."""
    records = AwardRecord.objects.filter(scope.unit_q("owner_unit")).select_related(
        "form", "kind", "owner_unit__merged_into", "subject_unit", "person"
    )
    for word in search_terms(filters.query):
        records = records.filter(search_text__contains=word)
    if filters.form_id:
        records = records.filter(form_id=filters.form_id)
    if filters.year:
        records = records.filter(year=filters.year)
    if filters.decision_number:
        records = records.filter(decision_number=filters.decision_number)
    if filters.block_id:
        records = records.filter(
            Q(owner_unit__block_id=filters.block_id)
            | Q(owner_unit__merged_into__block_id=filters.block_id)
        )
    if filters.unit_id:
        unit = OrgUnit.objects.filter(scope.unit_q(), pk=filters.unit_id).first()
        records = records.filter(_in_unit_q(unit)) if unit else records.none()
    return records.order_by("-year", "-decision_date", "subject_name", "pk")


def registry_blocks(*, scope: UserScope) -> list[EmulationBlock]:
    """The blocks the user's awards can be filtered by: those of units in the scope."""
    return list(
        EmulationBlock.objects.filter(
            pk__in=OrgUnit.objects.filter(scope.unit_q(), block__isnull=False).values("block")
        ).order_by("province_id", "order", "name")
    )


def registry_units(*, scope: UserScope) -> list[OrgUnit]:
    """Units that hold awards in the scope, current ones (a merged unit's go to its successor)."""
    ids = AwardRecord.objects.filter(scope.unit_q("owner_unit")).values("owner_unit")
    units = OrgUnit.objects.filter(scope.unit_q()).filter(Q(pk__in=ids) | Q(merged_units__in=ids))
    return list(units.filter(merged_into__isnull=True).distinct().order_by("path"))


def record_in_scope(*, scope: UserScope, pk: int) -> AwardRecord:
    return get_in_scope_or_404(
        AwardRecord.objects.select_related(
            "form", "kind", "owner_unit__merged_into", "subject_unit", "person__unit"
        ),
        scope.unit_q("owner_unit"),
        pk=pk,
    )


def registry_years(*, scope: UserScope) -> list[int]:
    return list(
        AwardRecord.objects.filter(scope.unit_q("owner_unit"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


# --- eligibility facts -------------------------------------------------------------------------


def policy_for(unit: OrgUnit) -> EligibilityPolicy:
    """The thresholds of the unit's province (the root of its tree), or the defaults of
    LAW.md when the province has set none."""
    root = unit.path[: OrgUnit.steplen]
    policy = EligibilityPolicy.objects.filter(province__path=root).first()
    return policy or EligibilityPolicy()


def _records(q: Q) -> list[AwardRecord]:
    return list(
        AwardRecord.objects.filter(q)
        .select_related("form", "kind")
        .order_by("-year", "-decision_date", "pk")
    )


def _is_warned(matter: PendingMatter, year: int) -> bool:
    return (
        matter.kind == PendingMatter.Kind.DISCIPLINE
        and matter.outcome is not None
        and matter.outcome >= PendingMatter.Outcome.WARNING
        and matter.settled_on is not None
        and matter.settled_on.year == year
    )


def _member_facts(unit: OrgUnit, year: int) -> MemberFacts:
    """The people of the unit itself (its officers; sub-units are collectives of their own)."""
    people = list(Person.objects.filter(unit=unit).values_list("pk", "full_name"))
    ids = [pk for pk, _name in people]
    titles = AwardRecord.objects.filter(
        person_id__in=ids, year=year, kind__counts_toward_merit=True
    ).values_list("person_id", "form__code")
    advanced = {pk for pk, code in titles if code == "lao-dong-tien-tien"}
    fighters = {pk for pk, code in titles if code == "chien-si-thi-dua-co-so"}
    names = dict(people)
    warned = [
        names[m.person_id]
        for m in PendingMatter.objects.filter(person_id__in=ids, kind=PendingMatter.Kind.DISCIPLINE)
        if _is_warned(m, year)
    ]
    return MemberFacts(
        count=len(people), advanced=len(advanced), fighters=len(fighters), warned=warned
    )


def _block_holders(unit: OrgUnit, year: int, forms: list[AwardForm]) -> dict[int, list[str]]:
    once = [f.pk for f in forms if f.one_per_block_per_year]
    if unit.block_id is None or not once:
        return {}
    holders: dict[int, list[str]] = {}
    for form_id, name in (
        AwardRecord.objects.filter(
            form_id__in=once, year=year, subject_unit__block_id=unit.block_id
        )
        .exclude(subject_unit=unit)
        .order_by("subject_name")
        .values_list("form_id", "subject_name")
    ):
        holders.setdefault(form_id, []).append(name)
    return holders


def unit_facts(
    *, unit: OrgUnit, year: int, today: datetime.date, forms: list[AwardForm]
) -> SubjectFacts:
    return SubjectFacts(
        subject_type=SubjectType.COLLECTIVE,
        year=year,
        today=today,
        reporting=reporting_record(unit=unit, year=year, today=today),
        matters=list(PendingMatter.objects.filter(subject_unit=unit)),
        records=_records(Q(subject_unit=unit)),
        members=_member_facts(unit, year),
        in_block=unit.block_id is not None,
        block_holders=_block_holders(unit, year, forms),
    )


def person_facts(*, person: Person, year: int, today: datetime.date) -> SubjectFacts:
    return subjects_facts(
        subject_type=SubjectType.INDIVIDUAL, subjects=[person], year=year, today=today
    )[person.pk]


# The field of AwardRecord and PendingMatter naming each kind of subject that is not a unit.
SUBJECT_FIELD = {
    SubjectType.INDIVIDUAL: "person",
    SubjectType.HOUSEHOLD: "household",
    SubjectType.ENTERPRISE: "enterprise",
}


def subjects_facts(
    *, subject_type: str, subjects: list, year: int, today: datetime.date
) -> dict[int, SubjectFacts]:
    """The facts of many people, households or enterprises at once (a list of candidates), in a
    fixed number of queries: their awards, their pending matters (ND 152 art. 4 holds for every
    subject) and, for a person heading their unit, the unit's reports (seed 001 Nhóm 1 NV2:
    leaders of units that report late or wrongly are not considered)."""
    field = SUBJECT_FIELD[subject_type]
    ids = [s.pk for s in subjects]
    records: dict[int, list[AwardRecord]] = {pk: [] for pk in ids}
    for record in _records(Q(**{f"{field}_id__in": ids})):
        records[getattr(record, f"{field}_id")].append(record)
    matters: dict[int, list[PendingMatter]] = {pk: [] for pk in ids}
    for matter in PendingMatter.objects.filter(**{f"{field}_id__in": ids}):
        matters[getattr(matter, f"{field}_id")].append(matter)
    heading: dict[int, OrgUnit] = {}
    if subject_type == SubjectType.INDIVIDUAL:
        users = {s.user_id for s in subjects if s.user_id is not None}
        heads = set(
            RoleAssignment.objects.valid_on(today)
            .filter(user_id__in=users, role=Role.HEAD)
            .values_list("user_id", "unit_id")
        )
        heading = {s.pk: s.unit for s in subjects if (s.user_id, s.unit_id) in heads}
    reports = reporting_records(
        units=list({u.pk: u for u in heading.values()}.values()), year=year, today=today
    )
    return {
        s.pk: SubjectFacts(
            subject_type=subject_type,
            year=year,
            today=today,
            reporting=reports.get(heading[s.pk].pk) if s.pk in heading else None,
            reporting_unit_name=heading[s.pk].name if s.pk in heading else "",
            matters=matters[s.pk],
            records=records[s.pk],
        )
        for s in subjects
    }


def verdicts(
    *, facts: SubjectFacts, forms: list[AwardForm], policy: EligibilityPolicy
) -> list[Verdict]:
    """The verdict on every form the subject may receive (forms for other subjects left out)."""
    return [verdict(form, facts, policy) for form in forms if form.accepts(facts.subject_type)]


def unit_in_scope(*, scope: UserScope, pk: int) -> OrgUnit:
    return get_in_scope_or_404(
        OrgUnit.objects.select_related("unit_type", "block"), scope.unit_q(), pk=pk
    )


def person_in_scope(*, scope: UserScope, pk: int) -> Person:
    return get_in_scope_or_404(
        Person.objects.select_related("unit__unit_type", "unit__block"),
        scope.unit_q("unit"),
        pk=pk,
    )


# --- catalogue page ----------------------------------------------------------------------------


@dataclass
class Prize:
    subject: str
    multiple: object
    amount: object


@dataclass
class CatalogueRow:
    form: AwardForm
    vote: str
    requirement: str
    prizes: list[Prize]


def catalogue_rows(*, today: datetime.date) -> tuple[list[CatalogueRow], BaseSalary | None]:
    """Every active form with its vote rule, its chain and its prize per subject at the base
    salary in force today. Four queries."""
    salary = base_salary_on(today)
    rows = []
    for form in form_list():
        sign = "≥" if form.vote_threshold_inclusive else ">"
        vote = _("%(sign)s %(p)s %% tổng số thành viên Hội đồng") % {
            "sign": sign,
            "p": number_vi(form.vote_threshold_percent),
        }
        requirement = ""
        if form.requires_form:
            requirement = _("%(n)s năm liên tục đạt %(title)s") % {
                "n": form.requires_consecutive_years,
                "title": form.requires_form.name,
            }
        prizes = [
            Prize(label, prize_multiple(form, value), prize_on_salary(form, salary, value))
            for value, label in SubjectType.choices
            if form.accepts(value)
        ]
        rows.append(CatalogueRow(form, vote, requirement, prizes))
    return rows, salary


def subject_search(
    *, scope: UserScope, query: str, limit: int = 20
) -> tuple[list[OrgUnit], list[Person]]:
    """Units and people of the user's subtree whose names match every word (no diacritics
    needed), to open their eligibility page. Nothing for an empty query."""
    words = search_terms(query)
    if not words:
        return [], []
    units = OrgUnit.objects.filter(scope.unit_q()).select_related("unit_type")
    people = Person.objects.filter(scope.unit_q("unit")).select_related("unit")
    for word in words:
        units = units.filter(search_text__contains=word)
        people = people.filter(search_text__contains=word)
    return list(units.order_by("path")[:limit]), list(people.order_by("full_name", "pk")[:limit])


# --- year-end classification (xếp loại) --------------------------------------------------------


def classification_policy_for(unit: OrgUnit) -> ClassificationPolicy:
    """The province's thresholds, or the defaults (explained on ClassificationPolicy)."""
    root = unit.path[: OrgUnit.steplen]
    province = OrgUnit.objects.filter(path=root).first()
    policy = ClassificationPolicy.objects.filter(province__path=root).first()
    return policy or ClassificationPolicy(province=province)


@dataclass
class ClassificationRow:
    entry: RankingEntry
    result: Classification
    head: Person | None = None
    head_result: Classification | None = None


def classification_rows(
    *, version: RankingVersion, blocks: list, unit_ids: set[int] | None, today: datetime.date
) -> list[ClassificationRow]:
    """Every unit of the frozen version in `blocks` (only `unit_ids` when given), classified
    with its reasons, and its head. A fixed number of queries whatever the number of units."""
    scheme = version.scheme
    entries = (
        RankingEntry.objects.filter(version=version, block__in=blocks)
        .select_related("unit__unit_type", "block")
        .order_by("block__order", "block__name", "rank", "unit__name")
    )
    if unit_ids is not None:
        entries = entries.filter(unit_id__in=unit_ids)
    entries = list(entries)
    units = [e.unit for e in entries]
    max_points = (
        Criterion.objects.filter(group__scheme=scheme).aggregate(s=Sum("max_points"))["s"] or 0
    )
    policy = classification_policy_for(scheme.issuer)
    eligibility = policy_for(scheme.issuer)
    records = reporting_records(units=units, year=scheme.year, today=version.cutoff)
    heads = _heads(units, today)
    matters: dict[tuple[str, int], list[PendingMatter]] = {}
    for matter in PendingMatter.objects.filter(
        Q(subject_unit__in=units) | Q(person__in=heads.values())
    ):
        if matter.subject_unit_id:
            key = ("unit", matter.subject_unit_id)
        else:
            key = ("person", matter.person_id)
        matters.setdefault(key, []).append(matter)
    rows = []
    for entry in entries:
        facts = SubjectFacts(
            subject_type=SubjectType.COLLECTIVE,
            year=scheme.year,
            today=today,
            reporting=records.get(entry.unit_id),
            matters=matters.get(("unit", entry.unit_id), []),
        )
        result = classify_unit(
            total=entry.total,
            max_points=max_points,
            policy=policy,
            report_faults=rule_reports(facts, eligibility),
            matters=rule_pending_matters(facts),
        )
        row = ClassificationRow(entry, result)
        head = heads.get(entry.unit_id)
        if head is not None:
            head_facts = SubjectFacts(
                subject_type=SubjectType.INDIVIDUAL,
                year=scheme.year,
                today=today,
                matters=matters.get(("person", head.pk), []),
            )
            row.head = head
            row.head_result = classify_head(
                unit=result, unit_name=entry.unit.name, matters=rule_pending_matters(head_facts)
            )
        rows.append(row)
    return rows


def _heads(units: list[OrgUnit], today: datetime.date) -> dict[int, Person]:
    """unit id -> the person heading it today (a HEAD role on the unit, a Person record of it)."""
    pairs = list(
        RoleAssignment.objects.valid_on(today)
        .filter(unit__in=units, role=Role.HEAD)
        .values_list("unit_id", "user_id")
    )
    people = {
        (p.unit_id, p.user_id): p
        for p in Person.objects.filter(
            user_id__in=[u for _unit, u in pairs], unit__in=units
        ).order_by("pk")
    }
    heads = {}
    for unit_id, user_id in pairs:
        person = people.get((unit_id, user_id))
        if person is not None and unit_id not in heads:
            heads[unit_id] = person
    return heads


# --- a subject's awards over time ---------------------------------------------------------------


@dataclass
class TitleLine:
    """A title a person holds (danh hiệu), the years, and how it leads to the next one: "Chiến sĩ
    thi đua cơ sở 2023, 2024, 2025 — 3 năm liên tục: đủ số năm xét Chiến sĩ thi đua cấp tỉnh"."""

    form: AwardForm
    years: list[int]
    streak: int  # consecutive years ending with the latest one
    leads_to: list[tuple[AwardForm, int]]  # forms that require this one, and how many years


def title_chain(*, records: list[AwardRecord], forms: list[AwardForm]) -> list[TitleLine]:
    """The titles among `records` (the subject's registry, already read), in the order of the
    chain (Lao động tiên tiến → Chiến sĩ thi đua cơ sở → cấp tỉnh); no query. Awards that are
    no basis for a merit proposal (đột xuất, chuyên đề: ND 152 art. 4) do not count."""
    years_by_form: dict[int, set[int]] = {}
    form_by_id = {f.pk: f for f in forms}
    for record in records:
        if record.form.category == AwardForm.Category.TITLE and record.kind.counts_toward_merit:
            years_by_form.setdefault(record.form_id, set()).add(record.year)
            form_by_id.setdefault(record.form_id, record.form)
    lines = []
    for form_id, years in years_by_form.items():
        ordered = sorted(years, reverse=True)
        streak = 1
        while streak < len(ordered) and ordered[streak] == ordered[0] - streak:
            streak += 1
        leads_to = [
            (f, f.requires_consecutive_years) for f in forms if f.requires_form_id == form_id
        ]
        lines.append(TitleLine(form_by_id[form_id], ordered, streak, leads_to))
    depth = {f.pk: _chain_depth(f, form_by_id) for f in form_by_id.values()}
    return sorted(lines, key=lambda line: (depth[line.form.pk], line.form.order))


def _chain_depth(form: AwardForm, form_by_id: dict[int, AwardForm]) -> int:
    depth, current = 0, form
    while current.requires_form_id and depth < 10:
        depth += 1
        current = form_by_id.get(current.requires_form_id) or current.requires_form
    return depth


def merged_records(*, unit: OrgUnit) -> list[AwardRecord]:
    """The awards of the units merged into `unit` (the 2025 reorganisation), kept under it."""
    return list(
        AwardRecord.objects.filter(owner_unit__merged_into=unit)
        .select_related("form", "kind", "owner_unit")
        .order_by("-year", "-decision_date", "pk")
    )
