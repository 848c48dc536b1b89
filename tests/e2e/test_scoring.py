"""The scoring round as its people click through it: a unit scores itself with evidence, the
block leader adjusts one criterion with a reason, the office freezes, and the ranking shows the
adjusted total with its breakdown."""

import re

import pytest
from playwright.sync_api import expect

from evaluation import scoring
from evaluation.models import ScoreSheet
from evaluation.tests.conftest import scoring_round  # noqa: F401  (the fixture)
from org.models import Role
from org.tests.factories import user_with_role
from tests.e2e.test_report_cycle import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_self_score_block_adjustment_freeze_and_ranking(browser, live_server, scoring_round):  # noqa: F811
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    user_with_role(r.b, Role.REPORTER, username="baocao_b")
    user_with_role(r.a, Role.BLOCK_LEADER, username="khoitruong")
    sheet = ScoreSheet.objects.get(scheme=r.scheme, unit=r.b)

    page = sign_in(browser, live_server, "baocao_b")
    page.get_by_role("link", name="Chấm điểm", exact=True).click()
    page.get_by_role("link", name=re.compile("Bộ tiêu chí chấm điểm")).click()
    page.get_by_test_id("own-sheet").click()
    form = page.get_by_test_id("self-form")
    form.get_by_label("Điểm tự chấm").fill("9")
    form.get_by_label("Minh chứng", exact=True).fill("Kế hoạch số 12/KH-UBND ngày 15/01/2026")
    form.get_by_role("button", name="Tự chấm").click()
    expect(page.get_by_test_id("criterion-1.1").get_by_test_id("points")).to_have_text("9")
    page.get_by_test_id("submit-sheet").click()
    page.context.close()

    page = sign_in(browser, live_server, "khoitruong")
    page.goto(f"{live_server.url}/danh-gia/phieu/{sheet.pk}/")
    form = page.get_by_test_id("adjust-form")
    form.get_by_label("Điểm khối trưởng").fill("7")
    form.get_by_label("Lý do điều chỉnh").fill("Kế hoạch ban hành muộn 10 ngày")
    form.get_by_role("button", name="Điều chỉnh").click()
    expect(page.get_by_test_id("criterion-1.1").get_by_test_id("points")).to_have_text("7")
    page.context.close()

    page = sign_in(browser, live_server, "sonoivu")
    page.goto(f"{live_server.url}/danh-gia/bo-tieu-chi/{r.scheme.pk}/")
    page.get_by_test_id("freeze").click()
    table = page.get_by_test_id("ranking")
    row = table.get_by_role("row", name=re.compile("xã Bắc Hà"))
    # 26,22 from the data + 7 adjusted by the block leader.
    expect(row.get_by_test_id("total")).to_have_text("33,22")
    expect(row).to_contain_text("6,67")
    page.context.close()
