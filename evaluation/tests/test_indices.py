"""An external index (PII, DTI) imported per unit from the published table: all rows or none,
and the points follow at once."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from evaluation.models import IndexValue, Score

pytestmark = pytest.mark.django_db


def workbook(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("pii-2025.xlsx", out.getvalue())


def test_the_published_table_sets_each_units_value_and_points(client, scoring_round):
    r = scoring_round
    client.force_login(r.coordinator)
    url = f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/chi-so/"
    rows = [("Mã đơn vị", "PII"), (r.a.code, 70), (r.c.code, "55,5")]
    client.post(url, {"criterion": r.pii.pk, "file": workbook(rows)})
    assert IndexValue.objects.get(criterion=r.pii, unit=r.c).value == Decimal("55.5")
    score = Score.objects.get(sheet__unit=r.c, criterion=r.pii)
    assert score.points == Decimal("5.55") and score.basis["source"] == "pii-2025.xlsx"


def test_an_unknown_unit_code_refuses_the_whole_table(client, scoring_round):
    r = scoring_round
    client.force_login(r.coordinator)
    url = f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/chi-so/"
    rows = [("Mã đơn vị", "PII"), (r.c.code, 80), ("KHONG-CO", 50)]
    response = client.post(url, {"criterion": r.pii.pk, "file": workbook(rows)}, follow=True)
    assert "không có đơn vị mã KHONG-CO" in response.content.decode()
    assert not IndexValue.objects.filter(unit=r.c).exists()
