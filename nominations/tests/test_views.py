"""The pages of the award flow: each step through the browser's requests, scope, and bounded
query counts."""

import time

import pytest
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from council.models import Ballot, CouncilSession, VoterTurnout
from council.tests.factories import convene, open_with, published
from decisions.models import Decision
from decisions.tests.factories import voted
from nominations.forms import STAMP_SALT
from nominations.models import Nomination, PublicComment, RoundQuota

pytestmark = pytest.mark.django_db


def _stamp(seconds_ago: float) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=STAMP_SALT)


class TestRoundPages:
    def test_the_commune_nominates_the_top_of_its_block_from_the_round_page(
        self, client, rw, django_assert_max_num_queries
    ):
        client.force_login(rw.commune_user)
        url = reverse("nominations:round", args=[rw.round.pk]) + f"?hinh_thuc={rw.flag.pk}"
        with django_assert_max_num_queries(60):
            page = client.get(url)
        assert page.status_code == 200
        assert rw.world.commune.name in page.content.decode()
        response = client.post(
            reverse("nominations:nominate", args=[rw.round.pk]),
            {"form": rw.flag.pk, "unit": rw.world.commune.pk},
        )
        nomination = Nomination.objects.get()
        assert response.url == reverse("nominations:detail", args=[nomination.pk])
        with django_assert_max_num_queries(40):
            detail = client.get(response.url)
        assert "Xếp thứ 1" in detail.content.decode()
        client.post(reverse("nominations:action", args=[nomination.pk]), {"action": "submit"})
        assert Nomination.objects.get().status == "submitted"

    def test_the_office_is_asked_a_reason_only_once_the_forms_quota_is_full(self, client, rw):
        RoundQuota.objects.create(round=rw.round, form=rw.merit, limit=1)
        client.force_login(rw.office)
        url = reverse("nominations:round", args=[rw.round.pk]) + f"?hinh_thuc={rw.merit.pk}"
        assert 'name="override_reason"' not in client.get(url).content.decode()
        client.post(
            reverse("nominations:nominate", args=[rw.round.pk]),
            {"form": rw.merit.pk, "unit": rw.world.other_commune.pk},
        )
        assert Nomination.objects.filter(form=rw.merit).count() == 1
        page = client.get(url).content.decode()
        assert 'name="override_reason"' in page and rw.world.commune.name in page

    def test_a_commune_does_not_see_another_communes_nomination(self, client, rw):
        client.force_login(rw.commune_user)
        client.post(
            reverse("nominations:nominate", args=[rw.round.pk]),
            {"form": rw.merit.pk, "unit": rw.world.commune.pk},
        )
        nomination = Nomination.objects.get()
        client.force_login(rw.other_commune_user)
        assert client.get(reverse("nominations:detail", args=[nomination.pk])).status_code == 404
        page = client.get(reverse("nominations:round", args=[rw.round.pk])).content.decode()
        assert reverse("nominations:detail", args=[nomination.pk]) not in page

    def test_the_office_returns_a_dossier_with_reasons(self, client, rw):
        client.force_login(rw.commune_user)
        client.post(
            reverse("nominations:nominate", args=[rw.round.pk]),
            {"form": rw.merit.pk, "unit": rw.world.commune.pk},
        )
        nomination = Nomination.objects.get()
        client.post(reverse("nominations:action", args=[nomination.pk]), {"action": "submit"})
        client.force_login(rw.office)
        client.post(
            reverse("nominations:action", args=[nomination.pk]),
            {"action": "return", "reason-report": "Thiếu số liệu"},
        )
        nomination.refresh_from_db()
        assert nomination.status == "returned"
        assert nomination.returns.get().reason == "Thiếu số liệu"


class TestPublicPage:
    def _url(self, rw):
        return reverse("nominations_public:round", args=[rw.round.public_token])

    def test_nothing_is_public_before_publication(self, client, rw):
        assert client.get(self._url(rw)).status_code == 404

    def test_anyone_comments_while_the_period_is_open(
        self, client, rw, django_assert_max_num_queries
    ):
        cache.clear()
        nomination = _published_now(rw)
        with django_assert_max_num_queries(5):
            page = client.get(self._url(rw))
        assert nomination.subject_name in page.content.decode()
        data = {"nomination": nomination.pk, "text": "Đơn vị xứng đáng", "stamp": _stamp(30)}
        assert client.post(self._url(rw), data).status_code == 200
        assert PublicComment.objects.get().text == "Đơn vị xứng đáng"
        # A bot fills the hidden field, or sends the form back at once.
        client.post(self._url(rw), data | {"website": "http://spam"})
        client.post(self._url(rw), data | {"stamp": _stamp(0)})
        assert PublicComment.objects.count() == 1

    def test_comments_are_rate_limited_per_address(self, client, rw):
        cache.clear()
        nomination = _published_now(rw)
        data = {"nomination": nomination.pk, "text": "Ý kiến", "stamp": _stamp(30)}
        for _ in range(12):
            client.post(self._url(rw), data)
        assert PublicComment.objects.count() == 10

    def test_a_draft_nomination_is_not_on_the_public_page(self, client, rw):
        _published_now(rw)
        client.force_login(rw.commune_user)
        client.logout()
        page = client.get(self._url(rw)).content.decode()
        assert "Khối 05" not in page


def _published_now(rw):
    from nominations import services

    (nomination,) = [
        services.nomination_create(
            access=rw.access(rw.commune_user),
            form=rw.merit,
            subject=rw.world.commune,
            user=rw.commune_user,
        )
    ]
    services.nomination_submit(
        access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
    )
    services.nomination_check(access=rw.access(rw.office), nomination=nomination, user=rw.office)
    services.round_publish(access=rw.access(rw.office), days=5, user=rw.office)
    nomination.refresh_from_db()
    return nomination


class TestCouncilPages:
    def test_a_member_votes_and_sees_a_receipt_once(
        self, client, rw, django_assert_max_num_queries
    ):
        published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        client.force_login(rw.members[1].user)
        url = reverse("council:session", args=[session.pk])
        with django_assert_max_num_queries(25):
            assert client.get(url).status_code == 200
        items = session.items.values_list("pk", flat=True)
        response = client.post(
            reverse("council:vote", args=[session.pk]), {f"item-{i}": "agree" for i in items}
        )
        receipt = Ballot.objects.values_list("receipt", flat=True).first()
        assert receipt in response.content.decode()
        assert VoterTurnout.objects.count() == 1
        assert receipt not in client.get(url).content.decode()

    def test_the_office_closes_and_the_tally_lists_the_receipts(self, client, rw):
        published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        from council.tests.factories import vote

        receipts = [vote(rw, session, i, ["agree", "agree"]) for i in range(5)]
        client.force_login(rw.office)
        client.post(reverse("council:close", args=[session.pk]))
        assert CouncilSession.objects.get(pk=session.pk).status == "closed"
        page = client.get(reverse("council:session", args=[session.pk])).content.decode()
        assert all(r in page for r in receipts)

    def test_convene_from_the_round_page(self, client, rw):
        published(rw)
        client.force_login(rw.office)
        url = reverse("council:convene", args=[rw.round.pk])
        assert client.get(url).status_code == 200
        data = {f"member-{p.pk}": "1" for p in rw.members} | {"chair": rw.members[0].pk}
        response = client.post(url, data)
        session = CouncilSession.objects.get()
        assert response.url == reverse("council:session", args=[session.pk])
        assert session.members.count() == 5 and session.items.count() == 2


class TestDecisionPages:
    def test_the_office_drafts_and_issues(self, client, rw, django_assert_max_num_queries):
        merit, flag = voted(rw)
        client.force_login(rw.office)
        response = client.post(
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
        assert response.url == reverse("decisions:detail", args=[decision.pk])
        with django_assert_max_num_queries(15):
            page = client.get(response.url).content.decode()
        assert "25.740.000" in page
        client.post(reverse("decisions:issue", args=[decision.pk]))
        assert Decision.objects.get().status == "issued"

    def test_lists_load_in_bounded_queries(self, client, rw, django_assert_max_num_queries):
        voted(rw)
        client.force_login(rw.office)
        for name in ("nominations:rounds", "council:sessions", "decisions:decisions"):
            with django_assert_max_num_queries(12):
                assert client.get(reverse(name)).status_code == 200
