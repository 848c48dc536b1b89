"""A council member reads a closed session on a phone (360 px): the agenda reads as one block per
nomination and the tally by receipt code, one column per nomination, scrolls inside its box;
the page itself never scrolls sideways."""

import pytest
from django.db.models import Q
from playwright.sync_api import expect

from awards.models import AwardForm
from council import services as council_services
from council.tests.factories import convene, open_with, published, session_access, vote
from nominations.tests.factories import round_world
from tests.e2e.test_phone_layout import PHONE, page_width, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_member_reads_the_tally_of_a_long_agenda_on_a_phone(browser, live_server, world):
    rw = round_world(world)
    forms = [rw.merit, rw.flag]
    forms += list(
        AwardForm.objects.filter(
            Q(code__startswith="tap-the")
            | Q(code__startswith="co-thi-dua-chinh-phu")
            | Q(code__startswith="bang-khen-thu-tuong")
        )
        .exclude(pk__in=[f.pk for f in forms])
        .order_by("code")
    )
    nominations = published(rw, forms=forms)
    session = convene(rw)
    open_with(rw, session, 5)
    for index in range(5):
        vote(rw, session, index, ["agree"] * len(nominations))
    council_services.session_close(access=session_access(rw.office, session), user=rw.office)

    page = sign_in(browser, live_server, "hd0", PHONE)
    page.goto(f"{live_server.url}/khen-thuong/hoi-dong/{session.pk}/")
    expect(page.get_by_test_id("agenda")).to_contain_text(world.commune.name)
    expect(page.get_by_test_id("receipts")).to_be_visible()
    assert len(nominations) >= 4
    assert page_width(page) <= PHONE["width"]
