import datetime

import factory

from awards.models import AwardForm, AwardKind, AwardRecord, PendingMatter


def form(code: str) -> AwardForm:
    return AwardForm.objects.get(code=code)


def kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code)


class AwardRecordFactory(factory.django.DjangoModelFactory):
    """An award of the yearly kind, decided in January of the next year."""

    class Meta:
        model = AwardRecord

    form = factory.LazyFunction(lambda: form("lao-dong-tien-tien"))
    kind = factory.LazyFunction(lambda: kind("hang-nam"))
    year = 2025
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    decision_date = factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 1, 15))
    signer = "Chủ tịch UBND tỉnh"


class PendingMatterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PendingMatter

    kind = PendingMatter.Kind.INSPECTION
    description = "Thanh tra việc sử dụng kinh phí chuyển đổi số"
    opened_on = datetime.date(2026, 5, 12)
