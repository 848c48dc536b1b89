import factory

from initiatives.models import Evidence, Initiative
from org.tests.factories import OrgUnitFactory


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    unit = factory.SubFactory(OrgUnitFactory)
    year = 2026
    title = factory.Sequence(lambda n: f"Mô hình chợ số {n}")
    field = Initiative.Field.DIGITAL
    description = "Người bán niêm yết giá, nhận thanh toán bằng mã QR."
    effect = "90% tiểu thương nhận thanh toán không dùng tiền mặt."


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    initiative = factory.SubFactory(InitiativeFactory)
    link = "https://laocai.gov.vn/cho-so"
    name = "https://laocai.gov.vn/cho-so"
