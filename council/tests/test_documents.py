"""The Biên bản of a session as Word, opened back with python-docx."""

import pytest
from django.urls import reverse

from council import services
from council.documents import minutes_docx
from council.models import Ballot, CouncilSession
from council.tests.factories import convene, open_with, published, session_access, vote
from documents.tests.test_award_documents import docx_text
from jobs.tests.helpers import pdf_of_job

pytestmark = pytest.mark.django_db
A, D = "agree", "disagree"


def _closed(rw):
    published(rw)
    session = convene(rw)
    open_with(rw, session, 4)
    receipts = [vote(rw, session, i, [A, A if i < 3 else D]) for i in range(4)]
    services.session_close(access=session_access(rw.office, session), user=rw.office)
    return CouncilSession.objects.get(pk=session.pk), receipts


def test_the_minutes_name_the_members_present_and_the_tally_of_each_nomination(rw):
    session, receipts = _closed(rw)
    text = docx_text(minutes_docx(session))
    names = [p.full_name for p in rw.members]
    present, absent = names[:4], names[4]
    assert all(name in text for name in present)
    assert "có mặt 4 người, vắng 1 người" in text
    assert absent in text  # listed as absent
    items = list(session.items.order_by("order").select_related("nomination"))
    assert [(i.agree, i.disagree) for i in items] == [(4, 0), (3, 1)]
    assert "80 %" in text and "60 %" in text  # 4/5 and 3/5 of all members
    for item in items:
        assert item.nomination.subject_name in text
    # The receipts are in the published tally, never in the minutes next to a member's name.
    assert len(receipts) == 4 and Ballot.objects.count() == 8
    assert not any(receipt in text for receipt in receipts)


def test_the_session_page_offers_the_minutes_in_scope_only(
    rw, client, django_assert_max_num_queries
):
    session, _receipts = _closed(rw)
    url = reverse("council:minutes", args=[session.pk])
    client.force_login(rw.office)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("council:session", args=[session.pk]))
    assert url.encode() in page.content
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert response.status_code == 200
    assert session.title in docx_text(response.content)
    client.force_login(rw.other_commune_user)
    assert client.get(url).status_code == 404


def test_the_minutes_as_pdf_are_a_job_that_says_the_same(rw, client):
    session, _receipts = _closed(rw)
    url = reverse("council:minutes_pdf", args=[session.pk])
    client.force_login(rw.office)
    assert url.encode() in client.get(reverse("council:session", args=[session.pk])).content
    text = pdf_of_job(client, client.post(url))
    assert session.title in text and "có mặt 4 người, vắng 1 người" in text
    assert all(p.full_name in text for p in rw.members[:4])
    client.force_login(rw.other_commune_user)
    assert client.post(url).status_code == 404


def test_the_minutes_leave_a_blank_for_the_secretary_they_do_not_know(rw):
    session, _receipts = _closed(rw)
    text = docx_text(minutes_docx(session))
    assert "Thư ký: ………………." in text and "Thư ký: ." not in text
