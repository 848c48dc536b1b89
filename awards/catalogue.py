"""The award catalogue: its defaults from LAW.md, the base salary in force on a day and the prize
money of a form. The defaults are loaded once (`load_award_catalogue`); an office then edits the
rows in the admin and a second load leaves its edits alone."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q

from awards.models import AwardForm, AwardKind, BaseSalary, SubjectType
from org.models import UnitType

COL, IND, HH, ENT = (
    SubjectType.COLLECTIVE,
    SubjectType.INDIVIDUAL,
    SubjectType.HOUSEHOLD,
    SubjectType.ENTERPRISE,
)
ALL_SUBJECTS = (COL, IND, HH, ENT)

# code, name, counts toward a later công trạng proposal (ND 152 art. 4), order
KINDS = [
    ("hang-nam", "Khen thưởng hằng năm (công trạng và thành tích)", True, 1),
    ("theo-dot", "Khen thưởng theo đợt, chuyên đề", False, 2),
    ("dot-xuat", "Khen thưởng đột xuất", False, 3),
    ("tong-ket", "Khen thưởng tổng kết giai đoạn", True, 4),
]

ND152 = "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP"
INFERRED = (
    " Mức tiền thưởng cá nhân suy ra từ mức tập thể (tập thể gấp 2 lần cá nhân như Nghị định "
    "98/2023/NĐ-CP): chưa xác nhận, cơ quan thường trực kiểm tra lại."
)


@dataclass
class FormDefault:
    code: str
    name: str
    category: str
    level: str
    decider: str
    decider_types: tuple[str, ...]
    kinds: tuple[str, ...]
    subjects: tuple[str, ...]
    vote: tuple[str, bool] = ("50", False)  # percent of all members, inclusive (≥) or not (>)
    collective: str | None = None
    individual: str | None = None
    household: str | None = None
    requires: tuple[str, int] | None = None
    members_rule: str = ""
    needs_fighter: bool = False
    no_warning: bool = False
    one_per_block: bool = False
    proposal: bool = False
    source: str = ND152


F = AwardForm.Category
L = AwardForm.Level
EVERY_KIND = ("hang-nam", "theo-dot", "dot-xuat", "tong-ket")

# LAW.md: titles, chains, vote thresholds and prize multiples (ND 152 art. 50, 54); a household
# gets 1.5 × an individual's amount.
FORMS = [
    FormDefault(
        "co-thi-dua-ubnd-tinh",
        "Cờ thi đua của UBND tỉnh",
        F.FLAG,
        L.PROVINCE,
        "Chủ tịch UBND tỉnh",
        ("tinh",),
        ("hang-nam", "tong-ket"),
        (COL,),
        vote=("80", True),
        collective="8",
        one_per_block=True,
    ),
    FormDefault(
        "bang-khen-chu-tich-tinh",
        "Bằng khen của Chủ tịch UBND tỉnh",
        F.MERIT,
        L.PROVINCE,
        "Chủ tịch UBND tỉnh",
        ("tinh",),
        EVERY_KIND,
        ALL_SUBJECTS,
        collective="3",
        individual="1.5",
        household="2.25",
        source=ND152 + "." + INFERRED,
    ),
    FormDefault(
        "giay-khen-thu-truong",
        "Giấy khen của Thủ trưởng cơ quan, đơn vị",
        F.CERTIFICATE,
        L.UNIT,
        "Thủ trưởng cơ quan, đơn vị",
        ("so",),
        EVERY_KIND,
        (COL, IND),
        collective="0.6",
        individual="0.3",
        source=ND152 + "." + INFERRED,
    ),
    FormDefault(
        "giay-khen-chu-tich-xa",
        "Giấy khen của Chủ tịch UBND xã",
        F.CERTIFICATE,
        L.COMMUNE,
        "Chủ tịch UBND xã, phường",
        ("xa",),
        EVERY_KIND,
        ALL_SUBJECTS,
        collective="0.6",
        individual="0.3",
        household="0.45",
        source=ND152 + "." + INFERRED,
    ),
    FormDefault(
        "giay-khen-truong-ban-bql",
        "Giấy khen của Trưởng ban Quản lý khu kinh tế",
        F.CERTIFICATE,
        L.UNIT,
        "Trưởng ban Quản lý khu kinh tế",
        ("so",),
        EVERY_KIND,
        (COL, IND),
        collective="0.6",
        individual="0.3",
        source=ND152 + "; Kế hoạch của Ban Quản lý (seed 000 §V.2.1)." + INFERRED,
    ),
    FormDefault(
        "lao-dong-tien-tien",
        "Lao động tiên tiến",
        F.TITLE,
        L.UNIT,
        "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND xã",
        ("so", "xa"),
        ("hang-nam",),
        (IND,),
        individual="0.3",
    ),
    FormDefault(
        "chien-si-thi-dua-co-so",
        "Chiến sĩ thi đua cơ sở",
        F.TITLE,
        L.UNIT,
        "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND xã",
        ("so", "xa"),
        ("hang-nam",),
        (IND,),
        vote=("80", True),
        individual="1",
        requires=("lao-dong-tien-tien", 1),
    ),
    FormDefault(
        "chien-si-thi-dua-cap-tinh",
        "Chiến sĩ thi đua cấp tỉnh",
        F.TITLE,
        L.PROVINCE,
        "Chủ tịch UBND tỉnh",
        ("tinh",),
        ("hang-nam",),
        (IND,),
        vote=("90", True),
        individual="3",
        requires=("chien-si-thi-dua-co-so", 3),
    ),
    FormDefault(
        "tap-the-lao-dong-tien-tien",
        "Tập thể lao động tiên tiến",
        F.TITLE,
        L.UNIT,
        "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND xã",
        ("so", "xa"),
        ("hang-nam",),
        (COL,),
        collective="0.8",
        members_rule=AwardForm.MembersRule.ADVANCED,
        no_warning=True,
    ),
    FormDefault(
        "tap-the-lao-dong-xuat-sac",
        "Tập thể lao động xuất sắc",
        F.TITLE,
        L.PROVINCE,
        "Chủ tịch UBND tỉnh",
        ("tinh",),
        ("hang-nam",),
        (COL,),
        collective="1.5",
        members_rule=AwardForm.MembersRule.EXCELLENT,
        needs_fighter=True,
    ),
    FormDefault(
        "chien-si-thi-dua-toan-quoc",
        "Chiến sĩ thi đua toàn quốc (đề nghị)",
        F.TITLE,
        L.CENTRAL,
        "Thủ tướng Chính phủ",
        (),
        ("hang-nam",),
        (IND,),
        vote=("90", True),
        individual="4.5",
        proposal=True,
    ),
    FormDefault(
        "co-thi-dua-chinh-phu",
        "Cờ thi đua của Chính phủ (đề nghị)",
        F.FLAG,
        L.CENTRAL,
        "Thủ tướng Chính phủ",
        (),
        ("hang-nam", "tong-ket"),
        (COL,),
        vote=("80", True),
        collective="12",
        proposal=True,
    ),
    FormDefault(
        "bang-khen-thu-tuong",
        "Bằng khen của Thủ tướng Chính phủ (đề nghị)",
        F.MERIT,
        L.CENTRAL,
        "Thủ tướng Chính phủ",
        (),
        EVERY_KIND,
        ALL_SUBJECTS,
        proposal=True,
        source=ND152 + ". Mức tiền thưởng: chưa có trong LAW.md, cơ quan thường trực bổ sung.",
    ),
]

# Lương cơ sở: Nghị định 24/2023/NĐ-CP (1.800.000 đồng từ 01/7/2023), Nghị định 73/2024/NĐ-CP
# (2.340.000 đồng từ 01/7/2024).
BASE_SALARIES = [
    ("1800000", datetime.date(2023, 7, 1), datetime.date(2024, 6, 30), "Nghị định 24/2023/NĐ-CP"),
    ("2340000", datetime.date(2024, 7, 1), None, "Nghị định 73/2024/NĐ-CP"),
]


def _dec(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


@transaction.atomic
def catalogue_load_defaults() -> int:
    """Create the kinds, forms and base salaries of LAW.md that do not exist yet (by code or by
    start date); rows already there, edited or not, are left as they are. Returns how many
    rows were created."""
    created = 0
    kinds = {}
    for code, name, counts, order in KINDS:
        kinds[code], was_created = AwardKind.objects.get_or_create(
            code=code, defaults={"name": name, "counts_toward_merit": counts, "order": order}
        )
        created += was_created
    types = {t.code: t for t in UnitType.objects.all()}
    forms = {f.code: f for f in AwardForm.objects.all()}
    for order, spec in enumerate(FORMS, start=1):
        if spec.code in forms:
            continue
        form = AwardForm.objects.create(
            code=spec.code,
            name=spec.name,
            category=spec.category,
            level=spec.level,
            decider=spec.decider,
            proposal_to_higher_level=spec.proposal,
            for_collective=COL in spec.subjects,
            for_individual=IND in spec.subjects,
            for_household=HH in spec.subjects,
            for_enterprise=ENT in spec.subjects,
            vote_threshold_percent=Decimal(spec.vote[0]),
            vote_threshold_inclusive=spec.vote[1],
            collective_multiple=_dec(spec.collective),
            individual_multiple=_dec(spec.individual),
            household_multiple=_dec(spec.household),
            requires_form=forms.get(spec.requires[0]) if spec.requires else None,
            requires_consecutive_years=spec.requires[1] if spec.requires else 1,
            members_rule=spec.members_rule,
            members_need_emulation_fighter=spec.needs_fighter,
            members_no_warning_or_above=spec.no_warning,
            one_per_block_per_year=spec.one_per_block,
            source=spec.source,
            order=order,
        )
        form.kinds.set([kinds[k] for k in spec.kinds])
        form.decider_unit_types.set([types[t] for t in spec.decider_types if t in types])
        forms[spec.code] = form
        created += 1
    for amount, start, end, basis in BASE_SALARIES:
        _salary, was_created = BaseSalary.objects.get_or_create(
            valid_from=start,
            defaults={"amount": Decimal(amount), "valid_to": end, "legal_basis": basis},
        )
        created += was_created
    return created


def base_salary_on(day: datetime.date) -> BaseSalary | None:
    """The base salary in force on `day` (both ends of its validity included), or None."""
    return (
        BaseSalary.objects.filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
        .first()
    )


def prize_multiple(form: AwardForm, subject_type: str) -> Decimal | None:
    """How many base salaries the form carries for this kind of subject; an enterprise or
    cooperative is paid as a collective. None when the catalogue has no multiple for it."""
    if not form.accepts(subject_type):
        return None
    if subject_type in (SubjectType.COLLECTIVE, SubjectType.ENTERPRISE):
        return form.collective_multiple
    if subject_type == SubjectType.HOUSEHOLD:
        return form.household_multiple
    return form.individual_multiple


def prize_amount(
    form: AwardForm, day: datetime.date, subject_type: str = SubjectType.INDIVIDUAL
) -> Decimal | None:
    """Prize money in đồng: the form's multiple for the subject × the base salary in force on
    the decision's day, to the đồng. None when either is missing (nothing is guessed)."""
    return prize_on_salary(form, base_salary_on(day), subject_type)


def prize_on_salary(
    form: AwardForm, salary: BaseSalary | None, subject_type: str
) -> Decimal | None:
    """`prize_amount` with the base salary already read (a page of many forms reads it once)."""
    multiple = prize_multiple(form, subject_type)
    if multiple is None or salary is None:
        return None
    return (multiple * salary.amount).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def individual_titles() -> list[tuple[str, str]]:
    """(code, name) of the active danh hiệu thi đua an individual may aim for (registrations)."""
    return list(
        AwardForm.objects.filter(
            is_active=True, for_individual=True, category=AwardForm.Category.TITLE
        )
        .order_by("order", "name")
        .values_list("code", "name")
    )
