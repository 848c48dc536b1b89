"""Demo of the award catalogue and registry: LAW.md's catalogue and base salaries, Lào Cai's
eligibility thresholds (the defaults), the awards some of its units and people received for
2023–2025 (decided in January of the following year, before the earliest day the demo can be
loaded on) and one inspection still open. Enough for the title chain to read (a head of Sở Nội
vụ three years Chiến sĩ thi đua cơ sở), for the one-flag-per-block rule to bite (phường Yên Bái
holds the 2025 flag of its block) and for a merged unit to keep its awards. Decision numbers
and dates are made up but plausible; signers are named by their position only. Idempotent."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from awards.catalogue import catalogue_load_defaults
from awards.models import AwardForm, AwardKind, AwardRecord, EligibilityPolicy, PendingMatter
from org.models import OrgUnit, Person

PROVINCE_SIGNER = "KT. Chủ tịch — Phó Chủ tịch UBND tỉnh"
# The yearly round of year Y is decided in January of Y + 1.
ROUND_DAY = {
    2023: datetime.date(2024, 1, 22),
    2024: datetime.date(2025, 1, 21),
    2025: datetime.date(2026, 1, 20),
}
# The yearly decision numbers of the province and of Sở Nội vụ (titles of its own officers).
PROVINCE_NUMBER = {2023: "152/QĐ-UBND", 2024: "118/QĐ-UBND", 2025: "97/QĐ-UBND"}
DEPARTMENT_NUMBER = {2023: "21/QĐ-SNV", 2024: "17/QĐ-SNV", 2025: "12/QĐ-SNV"}


@dataclass
class Award:
    form: str
    year: int
    unit: str = ""  # a collective, by code
    person: str = ""  # a person, by the username of their account
    kind: str = "hang-nam"
    achievement: str = ""


AWARDS = [
    # The head of Sở Nội vụ: Lao động tiên tiến and Chiến sĩ thi đua cơ sở three years running.
    *[Award("lao-dong-tien-tien", y, person="tt.lci-snv") for y in (2023, 2024, 2025)],
    *[Award("chien-si-thi-dua-co-so", y, person="tt.lci-snv") for y in (2023, 2024, 2025)],
    # Its officers: Lao động tiên tiến in 2025, so the department is a Tập thể lao động tiên tiến.
    Award("lao-dong-tien-tien", 2025, person="bc.lci-snv"),
    Award("lao-dong-tien-tien", 2025, person="tinh"),
    Award("lao-dong-tien-tien", 2024, person="bc.lci-snv"),
    Award("tap-the-lao-dong-tien-tien", 2025, unit="LCI-SNV"),
    Award(
        "co-thi-dua-ubnd-tinh",
        2024,
        unit="LCI-SNV",
        achievement="Dẫn đầu Khối thi đua các cơ quan tổng hợp năm 2024.",
    ),
    Award(
        "co-thi-dua-ubnd-tinh",
        2025,
        unit="LCI-PYB",
        achievement="Dẫn đầu khối các phường năm 2025, hoàn thành vượt các chỉ tiêu được giao.",
    ),
    Award(
        "bang-khen-chu-tich-tinh",
        2024,
        unit="LCI-XBH",
        achievement="Hoàn thành xuất sắc nhiệm vụ chuyển đổi số cấp xã năm 2024.",
    ),
    # An đột xuất award: no basis for a later công trạng proposal (ND 152 art. 4).
    Award(
        "bang-khen-chu-tich-tinh",
        2025,
        person="bc.lci-skhcn",
        kind="dot-xuat",
        achievement="Thành tích đột xuất trong hỗ trợ triển khai nền tảng số của tỉnh.",
    ),
    # A unit merged on 1 July 2025 keeps its awards.
    Award(
        "co-thi-dua-ubnd-tinh",
        2023,
        unit="YBI-SNV",
        achievement="Dẫn đầu khối thi đua năm 2023 (tỉnh Yên Bái cũ).",
    ),
]


def _person(username: str) -> Person | None:
    return Person.objects.select_related("unit").filter(user__username=username).first()


@transaction.atomic
def load_awards() -> int:
    """Returns how many award records it added."""
    catalogue_load_defaults()
    province = OrgUnit.objects.get(code="LCI")
    EligibilityPolicy.objects.get_or_create(province=province)
    forms = {f.code: f for f in AwardForm.objects.all()}
    kinds = {k.code: k for k in AwardKind.objects.all()}
    created = 0
    for award in AWARDS:
        form = forms[award.form]
        subject = {}
        if award.unit:
            subject["subject_unit"] = OrgUnit.objects.get(code=award.unit)
        else:
            person = _person(award.person)
            if person is None:
                continue
            subject["person"] = person
        by_department = award.person and form.level == AwardForm.Level.UNIT
        number = (DEPARTMENT_NUMBER if by_department else PROVINCE_NUMBER)[award.year]
        if award.kind == "dot-xuat":
            number = f"{int(number.split('/')[0]) + 300}/QĐ-UBND"
        _record, was_created = AwardRecord.objects.get_or_create(
            form=form,
            year=award.year,
            **subject,
            defaults={
                "kind": kinds[award.kind],
                "decision_number": number,
                "decision_date": ROUND_DAY[award.year],
                "signer": "Giám đốc Sở Nội vụ" if by_department else PROVINCE_SIGNER,
                "achievement": award.achievement,
            },
        )
        created += was_created
    head = _person("tt.lci-xbh")
    if head is not None:
        PendingMatter.objects.get_or_create(
            person=head,
            kind=PendingMatter.Kind.INSPECTION,
            defaults={
                "description": "Thanh tra việc quản lý, sử dụng kinh phí chuyển đổi số năm 2025",
                "opened_on": datetime.date(2026, 5, 12),
            },
        )
    return created
