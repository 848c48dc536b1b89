"""Mẫu 08 Báo cáo thành tích prefilled from the data (targets as monitoring judges them, the
frozen ranking — never the working scores —, approved initiatives, the registry) and Mẫu 01
Tờ trình from a list of proposed subjects."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from awards.dossier import ProposedSubjectInput, achievement_report_context, proposal_context
from awards.tests.factories import AwardRecordFactory, form
from documents.award_documents import render_achievement_report, render_proposal
from documents.tests.test_award_documents import docx_text
from evaluation import ranking, scoring
from evaluation.tests.conftest import scoring_round  # noqa: F401 (a fixture)
from initiatives.models import Initiative, Level
from org.scope import user_scope

pytestmark = pytest.mark.django_db

END_OF_YEAR = datetime.date(2026, 12, 31)


@pytest.fixture
def dossier(scoring_round, catalogue, province_coordinator):  # noqa: F811
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    plan = r.scheme.plan
    plan.targets.filter(text__startswith="Năm 2026, mỗi xã").update(unit="count")
    Initiative.objects.create(
        unit=r.a,
        plan=plan,
        year=2026,
        title="Mô hình một cửa số thôn bản",
        field="cds",
        status=Initiative.Status.RECOGNISED,
        level=Level.PROVINCE,
        decision_number="12/QĐ-UBND",
        decision_date=datetime.date(2026, 9, 1),
    )
    # Registered but never recognised: not an achievement.
    Initiative.objects.create(
        unit=r.a, plan=plan, year=2026, title="Ý tưởng chưa duyệt", field="cds"
    )
    AwardRecordFactory(
        subject_unit=r.a, form=form("bang-khen-chu-tich-tinh"), year=2025,
        decision_number="97/QĐ-UBND",
    )  # fmt: skip
    return r


def _context(r, user):
    return achievement_report_context(
        scope=user_scope(user),
        subject=r.a,
        year=2026,
        form=form("co-thi-dua-ubnd-tinh"),
        today=END_OF_YEAR,
    )


def test_mau_08_of_a_unit_is_prefilled_from_its_data(dossier, province_coordinator):
    r = dossier
    ranking.ranking_freeze(scheme=r.scheme, user=province_coordinator)
    context = _context(r, province_coordinator)
    texts = {row["text"] for row in context["targets"]}
    assert "Năm 2026, trên 90% hồ sơ được tiếp nhận, giải quyết trực tuyến" in texts
    # A kind of target ("count", "rank") is no unit: only "%" follows a figure.
    assert not any("count" in row["plan_value"] + row["current"] for row in context["targets"])
    assert context["ranking"].startswith("Xếp thứ 1/3 trong Khối thi đua số 01 (kết quả chốt lần 1")
    assert [s["criterion"] for s in context["scores"]][:1] == [r.leadership.name]
    assert context["initiatives"] == ["Mô hình một cửa số thôn bản (chuyển đổi số, cấp tỉnh)"]
    assert context["awards"][0]["decision"].startswith("Quyết định số 97/QĐ-UBND ngày 15/01/2026")
    text = docx_text(render_achievement_report(context))
    assert "Đề nghị tặng Cờ thi đua của UBND tỉnh" in text
    assert "Tên tập thể: UBND xã Thống Nhất" in text
    assert f"Tổng cộng\n{context['score_total']['max']}\n{context['score_total']['points']}" in text
    second = achievement_report_context(
        scope=user_scope(province_coordinator), subject=r.b, year=2026, form=None,
        today=END_OF_YEAR,
    )  # fmt: skip
    assert second["score_total"]["points"] == "26,22"  # a decimal comma
    assert "6,67" in {line["points"] for line in second["scores"]}


def test_mau_08_never_shows_working_scores(dossier, province_coordinator):
    context = _context(dossier, province_coordinator)
    assert context["scores"] == [] and context["ranking"] == ""


def test_mau_08_downloads_as_word_within_the_scope(
    client, dossier, province_coordinator, commune_coordinator, world
):
    client.force_login(province_coordinator)
    url = reverse("awards:unit_report", args=[dossier.a.pk])
    response = client.get(url, {"nam": "2026"})
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "BÁO CÁO THÀNH TÍCH" in text
    client.force_login(commune_coordinator)
    other = reverse("awards:unit_report", args=[world.other_commune.pk])
    assert client.get(other).status_code == 404


def test_mau_08_query_count_is_bounded(
    client, dossier, province_coordinator, django_assert_max_num_queries
):
    ranking.ranking_freeze(scheme=dossier.scheme, user=province_coordinator)
    client.force_login(province_coordinator)
    with django_assert_max_num_queries(60):
        response = client.get(reverse("awards:unit_report", args=[dossier.a.pk]), {"nam": "2026"})
    assert response.status_code == 200


def test_mau_01_counts_and_lists_the_proposed_subjects(world):
    subjects = [
        ProposedSubjectInput("UBND xã Thống Nhất", "collective", "Bằng khen", "Dẫn đầu khối"),
        ProposedSubjectInput("Bà Lò Thị Mai", "individual", "Bằng khen", unit="UBND xã Bắc Hà"),
        ProposedSubjectInput("Hộ ông Vàng A Dế", "household", "Bằng khen"),
    ]
    context = proposal_context(
        issuer=world.department,
        addressee="Chủ tịch UBND tỉnh Lào Cai",
        action="xét tặng Bằng khen của Chủ tịch UBND tỉnh",
        title="Về việc đề nghị tặng Bằng khen năm 2026",
        subjects=subjects,
        day=datetime.date(2027, 1, 8),
        number=5,
        issuer_symbol="SNV",
    )
    assert context["totals"] == {"collectives": 1, "individuals": 1, "others": 1, "subjects": 3}
    assert context["number"] == "05/TTr-SNV"
    assert context["place_date"] == "Lào Cai, ngày 08 tháng 01 năm 2027"
    text = docx_text(render_proposal(context))
    assert "cho 1 tập thể và 1 cá nhân, 1 hộ gia đình, doanh nghiệp (tổng số 3)" in text
    assert "Hộ ông Vàng A Dế" in text and "UBND xã Bắc Hà" in text
