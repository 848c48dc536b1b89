"""The home page of the award flow: a council member sees the open sessions they sit in, with
the ballot's link and whether they voted (never how); the standing office sees the sessions to
open or close, the rounds waiting for a decision and the drafts to issue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import CouncilSession
from council.tests.factories import convene, open_with, published, vote
from decisions.models import Decision
from decisions.tests.factories import voted
from nominations.tests.factories import round_world
from org.models import Person, Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def rw(world):
    return round_world(world)


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def _council_card(page: str) -> str:
    return page.split('data-testid="home-council"')[1].split("</ul>")[0]


class TestCouncilMember:
    def test_the_session_shows_from_convened_to_voted_and_never_the_choice(self, client, rw):
        published(rw)
        session = convene(rw)
        member = rw.members[1].user
        card = _council_card(_home(client, member))
        ballot = reverse("council:session", args=[session.pk])
        assert session.title in card and ballot in card and "Chờ khai mạc" in card
        open_with(rw, session, 5)
        card = _council_card(_home(client, member))
        assert 'data-testid="home-ballot"' in card and "Bạn đã bỏ phiếu" not in card
        vote(rw, session, 1, ["disagree", "agree"])
        card = _council_card(_home(client, member))
        assert "Bạn đã bỏ phiếu" in card and 'data-testid="home-ballot"' not in card
        assert "Không đồng ý" not in card and "Đồng ý" not in card
        # Another member who has not voted yet is still asked to.
        assert 'data-testid="home-ballot"' in _council_card(_home(client, rw.members[2].user))

    def test_a_closed_session_leaves_the_home_page(self, client, rw):
        voted(rw)
        assert 'data-testid="home-council"' not in _home(client, rw.members[0].user)

    def test_a_council_member_outside_the_session_sees_nothing_of_it(self, client, rw):
        published(rw)
        session = convene(rw)
        outsider = user_with_role(rw.world.province, Role.COUNCIL, username="hd-ngoai")
        Person.objects.create(unit=rw.world.province, full_name="Người ngoài", user=outsider)
        other_province = user_with_role(rw.world.other_province, Role.COUNCIL)
        for user in (outsider, other_province, rw.commune_user):
            page = _home(client, user)
            assert 'data-testid="home-council"' not in page and session.title not in page


def _queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


def test_the_council_card_costs_the_same_for_one_or_many_sessions(client, rw):
    published(rw)
    first = convene(rw)
    open_with(rw, first, 5)
    vote(rw, first, 0, ["agree", "agree"])
    member = rw.members[0].user
    one = _queries(client, member)
    for i in range(4):
        session = convene(rw)
        CouncilSession.objects.filter(pk=session.pk).update(title=f"Phiên bổ sung {i}")
        if i % 2:
            open_with(rw, session, 5)
            vote(rw, session, 0, ["agree", "agree"])
    many = _queries(client, member)
    assert "Phiên bổ sung 3" in _home(client, member)
    assert many == one, (one, many)


class TestOffice:
    def test_the_office_sees_the_session_to_close_then_the_decision_to_draft(self, client, rw):
        published(rw)
        session = convene(rw)
        card = _home(client, rw.office).split('data-testid="home-awards"')[1]
        assert reverse("council:session", args=[session.pk]) in card.split("</ul>")[0]

    def test_passed_nominations_wait_for_a_decision_and_a_draft_for_its_issue(self, client, rw):
        merit, flag = voted(rw)
        card = _home(client, rw.office).split('data-testid="home-awards"')[1].split("</ul>")[0]
        assert reverse("decisions:draft", args=[rw.round.pk]) in card
        assert "2 đề nghị được Hội đồng thông qua chờ quyết định" in card
        client.post(
            reverse("decisions:draft", args=[rw.round.pk]),
            {
                "number": "20/QĐ-UBND",
                "date": "01/12/2026",
                "signer": "Nguyễn Văn A",
                "title": "Về việc khen thưởng",
                f"n-{merit.pk}": "1",
                f"n-{flag.pk}": "1",
            },
        )
        decision = Decision.objects.get()
        card = _home(client, rw.office).split('data-testid="home-awards"')[1].split("</ul>")[0]
        assert reverse("decisions:detail", args=[decision.pk]) in card
        client.post(reverse("decisions:issue", args=[decision.pk]))
        assert 'data-testid="home-awards"' not in _home(client, rw.office)
        for user in (rw.commune_user, rw.members[0].user):
            assert 'data-testid="home-awards"' not in _home(client, user)
