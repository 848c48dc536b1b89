"""The award flow's key steps in a browser: the province's office nominates the top of a block
from the frozen ranking, a council member votes by secret ballot, the office issues the decision
and downloads it as Word, then its certificates as PDF from a real worker; the steps between
(check, publication, roll call, count, draft) go through the services, tested on their own."""

import datetime
import re
from pathlib import Path
from unittest import mock

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from council import services as council_services
from council.tests.factories import convene, open_with, session_access, vote
from decisions import services as decision_services
from documents.tests.test_award_documents import docx_text, pdf_text
from nominations import services as nomination_services
from nominations.models import Nomination
from nominations.tests.factories import round_world
from tests.e2e.test_initiative import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_office_nominates_the_council_votes_and_the_decision_downloads(
    browser, live_server, world, jobs_worker
):
    rw = round_world(world)
    page = sign_in(browser, live_server, "vanphong")
    page.goto(f"{live_server.url}/khen-thuong/de-nghi/dot/{rw.round.pk}/")
    first = page.get_by_role("row").filter(has_text=world.commune.name).first
    first.get_by_role("button", name="Đề nghị").click()
    nomination = Nomination.objects.get()
    assert nomination.subject_unit_id == world.commune.pk and nomination.ranking_entry_id
    page.context.close()

    access = rw.access(rw.office)
    nomination_services.nomination_submit(access=access, nomination=nomination, user=rw.office)
    nomination_services.nomination_check(access=access, nomination=nomination, user=rw.office)
    earlier = timezone.now() - datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=earlier):
        nomination_services.round_publish(access=access, days=1, user=rw.office)
    session = convene(rw)
    open_with(rw, session, 5)

    page = sign_in(browser, live_server, "hd0")
    page.goto(f"{live_server.url}/khen-thuong/hoi-dong/{session.pk}/")
    page.get_by_role("radio", name="Đồng ý", exact=True).check()
    page.get_by_role("button", name="Bỏ phiếu kín").click()
    expect(page.get_by_text(re.compile("Đã ghi nhận phiếu của bạn"))).to_be_visible()
    page.context.close()
    for index in (1, 2, 3):
        vote(rw, session, index, ["agree"])
    council_services.session_close(access=session_access(rw.office, session), user=rw.office)
    nomination.refresh_from_db()
    assert nomination.vote_passed is True
    decision = decision_services.decision_draft(
        access=access,
        nominations=[nomination],
        number="15/QĐ-UBND",
        date=timezone.localdate() - datetime.timedelta(days=1),
        signer="Nguyễn Văn A",
        signer_title="Chủ tịch",
        title="Về việc tặng thưởng năm 2026",
        user=rw.office,
    )

    page = sign_in(browser, live_server, "vanphong")
    page.goto(f"{live_server.url}/khen-thuong/quyet-dinh/{decision.pk}/")
    page.get_by_role("button", name=re.compile("Ban hành")).click()
    expect(page.get_by_role("button", name="In giấy khen/bằng khen")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Quyết định và danh sách (Word)").click()
    text = docx_text(Path(download.value.path()).read_bytes())
    assert "15/QĐ-UBND" in text and world.commune.name in text
    page.get_by_role("button", name="In giấy khen/bằng khen").click()
    expect(page).to_have_url(re.compile(r"/viec-chay-nen/[0-9a-f-]+/$"))
    link = page.locator("#job-download")
    expect(link).to_be_visible(timeout=120_000)  # LibreOffice makes the PDF in the worker
    with page.expect_download() as download:
        link.click()
    certificate = Path(download.value.path()).read_bytes()
    assert certificate.startswith(b"%PDF")
    assert world.commune.name in pdf_text(certificate)
    page.context.close()
