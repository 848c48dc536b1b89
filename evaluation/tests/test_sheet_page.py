"""The score sheet shows, for the share of targets met, the value each target was judged on, as
the unit's monitoring page shows it (one filter, `judged_value`), and no data as no data; its
queries do not grow with the number of targets."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluation import scoring
from evaluation.models import ScoreSheet
from evaluation.tests.conftest import CUTOFF
from plans.tests.factories import TargetFactory

pytestmark = pytest.mark.django_db


def _sheet_values(html: str) -> dict[int, tuple[str, str]]:
    """target id -> (judged value, state) as the sheet lists them."""
    found = re.findall(
        r'href="/[^"]*?/(\d+)/\?unit=\d+">[^<]*</a>\s*— [^:<]*: '
        r'<span data-testid="judged-value">([^<]*)</span> · ([^<]*)</li>',
        html,
    )
    return {int(pk): (value, state.strip()) for pk, value, state in found}


def _unit_page_values(html: str) -> dict[int, str]:
    """target id -> the "Thực hiện" cell of the unit's monitoring page."""
    found = re.findall(
        r'<tr data-target="(\d+)">.*?data-testid="judged-value">([^<]*)</td>', html, re.S
    )
    return {int(pk): value for pk, value in found}


def _pages(client, r, unit) -> tuple[str, str]:
    sheet = ScoreSheet.objects.get(scheme=r.scheme, unit=unit)
    page = client.get(reverse("evaluation:sheet", args=[sheet.pk])).content.decode()
    unit_page = client.get(
        reverse("monitoring:unit", args=[unit.pk]), {"as_of": CUTOFF.isoformat()}
    ).content.decode()
    return page, unit_page


def test_the_sheet_shows_each_target_s_judged_value_as_the_unit_page_does(client, scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    client.force_login(r.coordinator)
    for unit in (r.a, r.b, r.c):
        page, unit_page = _pages(client, r, unit)
        sheet = _sheet_values(page)
        assert len(sheet) == 2
        assert {pk: value for pk, (value, _state) in sheet.items()} == _unit_page_values(unit_page)
    # A: the latest month's share of files online (95 %) and the year's models (1 + 1 + 0).
    page, _unit_page = _pages(client, r, r.a)
    assert sorted(value for value, _state in _sheet_values(page).values()) == ["2", "95"]


def test_a_unit_without_figures_reads_no_data_on_the_sheet_and_its_page(client, scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    client.force_login(r.coordinator)
    page, unit_page = _pages(client, r, r.d)  # xã Si Ma Cai never reported
    assert set(_sheet_values(page).values()) == {("chưa có số liệu", "Chưa có số liệu")}
    assert set(_unit_page_values(unit_page).values()) == {"chưa có số liệu"}
    assert "—" not in re.search(r'data-testid="unit-targets">.*?</table>', unit_page, re.S)[0]


def _sheet_queries(client, r) -> int:
    sheet = ScoreSheet.objects.get(scheme=r.scheme, unit=r.a)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("evaluation:sheet", args=[sheet.pk]))
    assert page.status_code == 200
    return len(queries), len(_sheet_values(page.content.decode()))


def test_the_sheet_s_queries_do_not_grow_with_its_targets(client, scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    client.force_login(r.coordinator)
    client.get(reverse("evaluation:sheet", args=[ScoreSheet.objects.first().pk]))  # warm up
    few, shown = _sheet_queries(client, r)
    assert shown == 2
    plan = r.scheme.plan
    for n in range(12):
        TargetFactory(
            plan=plan,
            indicator=r.ratio if n % 2 else r.count,
            value=50 + n,
            unit="%" if n % 2 else "mô hình",
            text=f"Chỉ tiêu thêm số {n + 1}",
            due_year=2026,
        )
    scoring.rescore(scheme=r.scheme)
    many, shown = _sheet_queries(client, r)
    assert shown == 14
    assert many == few


def test_an_external_index_lists_nothing_under_its_value(client, scoring_round):
    """The index's basis (value, scale, source) has no items: no list of its pairs as "—";
    its value is written with a decimal comma."""
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    client.force_login(r.coordinator)
    page, _unit_page = _pages(client, r, r.a)
    pii = page.split(r.pii.name, 1)[1].split("Lịch sử điểm", 1)[0]
    assert "giá trị 60 / 100" in pii  # 60.00 of 100.00, as a person writes it
    assert "<li" not in pii
    page, _unit_page = _pages(client, r, r.b)
    assert "giá trị 45,5 / 100" in page.split(r.pii.name, 1)[1]  # a decimal comma
