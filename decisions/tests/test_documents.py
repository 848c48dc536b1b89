"""The Quyết định as Word, opened back with python-docx; the certificates of an issued one."""

import datetime

import pytest
from django.urls import reverse

from awards.models import AwardRecord
from decisions import services
from decisions.documents import decision_docx
from decisions.tests.factories import voted
from documents.tests.test_award_documents import docx_text
from jobs.models import Job
from jobs.tests.helpers import pdf_of_job

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 1)


def _decision(rw):
    merit, flag = voted(rw)
    return services.decision_draft(
        access=rw.access(rw.office),
        nominations=[flag, merit],
        number="12/QĐ-UBND",
        date=DAY,
        signer="Nguyễn Văn A",
        signer_title="Phó Chủ tịch",
        title="Về việc tặng thưởng năm 2026",
        user=rw.office,
    )


def test_the_word_decision_says_number_date_awardees_amounts_and_total(rw):
    decision = _decision(rw)
    text = docx_text(decision_docx(decision))
    assert "12/QĐ-UBND" in text
    # ND 30/2020 writes the date in words, in the heading and under the list's title.
    assert text.count("ngày 01 tháng 12 năm 2026") >= 2
    names = list(decision.lines.values_list("subject_name", flat=True))
    assert names and all(name in text for name in names)
    assert "18.720.000" in text  # Cờ thi đua: 8 × 2.340.000
    assert "7.020.000" in text  # Bằng khen, tập thể: 3 × 2.340.000
    assert "25.740.000" in text  # the total
    assert "Hai mươi lăm triệu bảy trăm bốn mươi nghìn đồng" in text
    assert "Nguyễn Văn A" in text


def test_the_decision_page_offers_the_word_file_in_scope_only(
    rw, client, django_assert_max_num_queries
):
    decision = _decision(rw)
    client.force_login(rw.office)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("decisions:word", args=[decision.pk]))
    assert response.status_code == 200
    assert "12/QĐ-UBND" in docx_text(response.content)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("decisions:detail", args=[decision.pk]))
    assert reverse("decisions:word", args=[decision.pk]).encode() in page.content
    client.force_login(rw.other_commune_user)
    assert client.get(reverse("decisions:word", args=[decision.pk])).status_code == 404


def test_an_issued_decision_prints_its_awardees_certificates_as_one_job(rw, client):
    decision = _decision(rw)
    client.force_login(rw.office)
    url = reverse("decisions:certificates", args=[decision.pk])
    assert client.post(url).status_code == 404  # a draft has no registry records yet
    services.decision_issue(access=rw.access(rw.office), decision=decision, user=rw.office)
    assert (
        reverse("decisions:certificates", args=[decision.pk]).encode()
        in client.get(reverse("decisions:detail", args=[decision.pk])).content
    )
    response = client.post(url)
    job = Job.objects.get(kind=Job.Kind.CERTIFICATES)
    assert response.status_code == 302
    records = set(
        AwardRecord.objects.filter(decision_line__decision=decision).values_list("pk", flat=True)
    )
    assert set(job.params["records"]) == records and len(records) == 2
    client.force_login(rw.other_commune_user)
    assert client.post(url).status_code == 404


def test_the_decision_as_pdf_is_a_job_that_says_the_same(rw, client):
    decision = _decision(rw)
    client.force_login(rw.office)
    text = pdf_of_job(client, client.post(reverse("decisions:pdf", args=[decision.pk])))
    assert "12/QĐ-UBND" in text and "25.740.000" in text
    assert "ngày 01 tháng 12 năm 2026" in text
    client.force_login(rw.other_commune_user)
    assert client.post(reverse("decisions:pdf", args=[decision.pk])).status_code == 404
