"""Year-end classification (xếp loại) from a frozen ranking: the level from the share of the
maximum points against thresholds the office edits, capped by reporting faults, provisional
while a matter is pending; the head follows the unit; an Excel file read back."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from awards.classification import classify_unit
from awards.eligibility import Finding
from awards.models import ClassificationPolicy, PendingMatter
from awards.reports import reporting_record, reporting_records
from evaluation import ranking, scoring
from evaluation.access import EvaluationAccess
from evaluation.models import ScoreChange, ScoreSheet
from org.models import OrgUnit, Person, Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, put_in_block, user_with_role

pytestmark = pytest.mark.django_db
DEFAULTS = ClassificationPolicy()


def test_levels_follow_the_share_of_the_maximum_points():
    cases = [
        (Decimal("90"), "excellent"),
        (Decimal("89.9"), "good"),
        (Decimal("70"), "good"),
        (Decimal("69.9"), "done"),
        (Decimal("50"), "done"),
        (Decimal("49.9"), "not_done"),
    ]
    for total, level in cases:
        result = classify_unit(
            total=total, max_points=Decimal(100), policy=DEFAULTS, report_faults=[], matters=[]
        )
        assert result.level == level, total
        assert not result.provisional


def test_reporting_faults_cap_the_level_and_say_why():
    result = classify_unit(
        total=Decimal("95"), max_points=Decimal(100), policy=DEFAULTS,
        report_faults=[Finding("2 báo cáo nộp trễ (tháng 3, tháng 7)")], matters=[],
    )  # fmt: skip
    assert result.level == "good"
    assert result.reasons == [
        "Tổng điểm 95/100 (95 %), từ 90 %: Hoàn thành xuất sắc nhiệm vụ",
        "Hạ xuống Hoàn thành tốt nhiệm vụ vì 2 báo cáo nộp trễ (tháng 3, tháng 7)",
    ]
    low = classify_unit(
        total=Decimal("40"), max_points=Decimal(100), policy=DEFAULTS,
        report_faults=[Finding("1 báo cáo chưa nộp (tháng 03)")], matters=[],
    )  # fmt: skip
    assert low.level == "not_done"


def test_a_pending_matter_leaves_the_level_provisional():
    result = classify_unit(
        total=Decimal("75"), max_points=Decimal(100), policy=DEFAULTS, report_faults=[],
        matters=[Finding("đang thanh tra, kiểm tra từ 01/03/2026 (x)", holds=True)],
    )  # fmt: skip
    assert (result.level, result.provisional) == ("good", True)
    assert result.text == "Hoàn thành tốt nhiệm vụ (tạm xếp, chờ giải quyết)"


def test_reporting_records_in_bulk_equal_one_by_one(scoring_round):
    r = scoring_round
    units = [r.a, r.b, r.c, r.d]
    day = datetime.date(2026, 4, 30)
    bulk = reporting_records(units=units, year=2026, today=day)
    for unit in units:
        assert bulk[unit.pk] == reporting_record(unit=unit, year=2026, today=day), unit.name
    assert bulk[r.c.pk].missing and bulk[r.b.pk].late and bulk[r.c.pk].returned


@pytest.fixture
def frozen(scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    office = EvaluationAccess(user_scope(r.coordinator), r.scheme)
    for unit in (r.a, r.b, r.c):
        scoring.score_adjust(
            access=office, sheet=ScoreSheet.objects.get(scheme=r.scheme, unit=unit),
            criterion=r.leadership, points="10", reason="Thẩm định", user=r.coordinator,
            stage=ScoreChange.Stage.OFFICE,
        )  # fmt: skip
    head_user = user_with_role(r.a, Role.HEAD, username="tt_a")
    head = Person.objects.create(
        unit=r.a, full_name="Nguyễn Thị Hoa", position="Chủ tịch UBND xã", user=head_user
    )
    PendingMatter.objects.create(
        person=head, owner_unit=r.a, kind=PendingMatter.Kind.COMPLAINT,
        description="Đơn khiếu nại về đất đai", opened_on=datetime.date(2026, 3, 1),
    )  # fmt: skip
    version = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    return r, version, head


def _workbook(client, version, block):
    url = reverse("awards:classification_excel", args=[version.pk]) + f"?block={block.pk}"
    response = client.get(url)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_the_excel_file_holds_each_unit_and_head_with_the_reasons(client, frozen):
    r, version, head = frozen
    client.force_login(r.coordinator)
    book = _workbook(client, version, r.block)
    units = {row[1]: row for row in book.worksheets[0].iter_rows(min_row=4, values_only=True)}
    # A: 10 + 30 + 20 + 10 + 6 = 76 of 80 (95 %), no reporting fault.
    assert units[r.a.name][3:6] == ("76", "95", "Hoàn thành xuất sắc nhiệm vụ")
    # B: March sent 5 days late; C: March missing, April returned.
    b_reasons, c_reasons = units[r.b.name][6], units[r.c.name][6]
    assert "1 báo cáo nộp trễ (tháng 03)" in b_reasons
    assert "1 báo cáo chưa nộp (tháng 03)" in c_reasons
    assert "bị trả lại vì sai, thiếu (tháng 04)" in c_reasons
    heads = list(book.worksheets[1].iter_rows(min_row=4, values_only=True))
    assert [(h[0], h[1], h[3]) for h in heads] == [
        (r.a.name, head.full_name, "Hoàn thành xuất sắc nhiệm vụ (tạm xếp, chờ giải quyết)")
    ]
    assert "Đơn khiếu nại về đất đai" in heads[0][4]
    word = client.get(
        reverse("awards:classification_word", args=[version.pk]) + f"?block={r.block.pk}"
    )
    text = "\n".join(
        c.text for t in Document(io.BytesIO(word.content)).tables for row in t.rows
        for c in row.cells
    )  # fmt: skip
    assert head.full_name in text and "Hoàn thành xuất sắc nhiệm vụ" in text


def test_the_office_edits_the_thresholds_and_the_levels_follow(client, frozen):
    r, version, _head = frozen
    client.force_login(r.coordinator)
    url = reverse("awards:classification_policy", args=[version.pk])
    data = {"excellent_min_percent": "40", "good_min_percent": "50",
            "done_min_percent": "20", "reports_fault_cap": "good"}  # fmt: skip
    client.post(url, data)
    assert not ClassificationPolicy.objects.exists()
    client.post(url, data | {"excellent_min_percent": "96", "good_min_percent": "30,5"})
    policy = ClassificationPolicy.objects.get()
    assert (policy.excellent_min_percent, policy.good_min_percent) == (96, Decimal("30.5"))
    book = _workbook(client, version, r.block)
    units = {row[1]: row for row in book.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert units[r.a.name][5] == "Hoàn thành tốt nhiệm vụ"
    reporter = user_with_role(r.a, Role.REPORTER, username="bc_a")
    client.force_login(reporter)
    assert client.post(url, data | {"excellent_min_percent": "99"}).status_code == 404
    assert ClassificationPolicy.objects.get().excellent_min_percent == 96


def test_a_unit_sees_only_its_own_rows_and_not_another_block(client, frozen):
    r, version, head = frozen
    client.force_login(user_with_role(r.b, Role.REPORTER, username="bc_b"))
    page = client.get(reverse("awards:classification", args=[version.pk])).content.decode()
    assert r.b.name in page and r.a.name not in page and head.full_name not in page
    client.force_login(user_with_role(r.d, Role.REPORTER, username="bc_d"))
    url = reverse("awards:classification", args=[version.pk])
    assert client.get(url + f"?block={r.block.pk}").status_code == 404


def test_the_page_queries_do_not_grow_with_the_block(
    client,
    scoring_round,
    django_assert_max_num_queries,
):
    r = scoring_round
    Person.objects.create(unit=r.a, full_name="Trưởng A", user=user_with_role(r.a, Role.HEAD))
    scoring.rescore(scheme=r.scheme)
    small = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    client.force_login(r.coordinator)
    url = reverse("awards:classification", args=[small.pk]) + f"?block={r.block.pk}"
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == 200
    for n in range(15):
        unit = OrgUnitFactory(
            parent=OrgUnit.objects.get_parent(r.a), code=f"P1-Y{n}", unit_type=r.a.unit_type
        )
        put_in_block(unit, r.block)
        head = user_with_role(unit, Role.HEAD, username=f"tt_{n}")
        Person.objects.create(unit=unit, full_name=f"Trưởng {n}", user=head)
    scoring.rescore(scheme=r.scheme)
    big = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator, note="Thêm đơn vị")
    url = reverse("awards:classification", args=[big.pk]) + f"?block={r.block.pk}"
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
