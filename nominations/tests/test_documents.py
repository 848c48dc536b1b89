"""The round's Tờ trình Mẫu 01 and a nomination's Mẫu 08 as Word, opened back."""

import pytest
from django.urls import reverse

from council.tests.factories import published
from documents.tests.test_award_documents import docx_text
from jobs.tests.helpers import pdf_of_job
from nominations.models import Nomination

pytestmark = pytest.mark.django_db


def test_the_proposal_lists_the_checked_and_published_nominations(
    rw, client, django_assert_max_num_queries
):
    merit, flag = published(rw)
    client.force_login(rw.office)
    url = reverse("nominations:proposal", args=[rw.round.pk])
    assert url.encode() in client.get(reverse("nominations:round", args=[rw.round.pk])).content
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "TỜ TRÌNH" in text
    assert merit.form.name in text and flag.form.name in text
    assert text.count(merit.subject_name) >= 2  # one line per nomination
    assert "cho 2 tập thể" in text
    Nomination.objects.filter(pk=flag.pk).update(status=Nomination.Status.RETURNED)
    text = docx_text(client.get(url).content)
    assert merit.form.name in text and flag.form.name not in text


def test_the_achievement_report_of_a_nomination_is_in_its_scope_only(
    rw, client, django_assert_max_num_queries
):
    merit, _flag = published(rw)
    url = reverse("nominations:report", args=[merit.pk])
    client.force_login(rw.commune_user)
    assert url.encode() in client.get(reverse("nominations:detail", args=[merit.pk])).content
    with django_assert_max_num_queries(40):
        response = client.get(url)
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "BÁO CÁO THÀNH TÍCH" in text
    assert merit.subject_name in text and merit.form.name in text
    client.force_login(rw.other_commune_user)
    assert client.get(url).status_code == 404


def test_the_proposal_and_the_achievement_report_as_pdf_are_jobs_in_scope(rw, client):
    merit, flag = published(rw)
    proposal = reverse("nominations:proposal_pdf", args=[rw.round.pk])
    report = reverse("nominations:report_pdf", args=[merit.pk])
    client.force_login(rw.office)
    assert proposal.encode() in client.get(reverse("nominations:round", args=[rw.round.pk])).content
    text = pdf_of_job(client, client.post(proposal))
    assert "TỜ TRÌNH" in text and merit.form.name in text and flag.form.name in text
    client.force_login(rw.commune_user)
    assert report.encode() in client.get(reverse("nominations:detail", args=[merit.pk])).content
    text = pdf_of_job(client, client.post(report))
    assert "BÁO CÁO THÀNH TÍCH" in text and merit.subject_name in text
    client.force_login(rw.other_commune_user)
    assert client.post(report).status_code == 404
