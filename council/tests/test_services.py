import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from awards.tests.factories import form
from council import selectors, services
from council.models import AgendaItem, Ballot, CouncilSession, VoterTurnout
from council.tally import vote_passes
from council.tests.factories import convene, open_with, published, session_access, vote
from nominations.models import Nomination
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db
A, D = "agree", "disagree"


class TestConvene:
    def test_the_agenda_is_the_published_nominations(self, rw):
        merit, flag = published(rw)
        session = convene(rw)
        assert list(session.items.values_list("nomination_id", flat=True)) == [flag.pk, merit.pk]

    def test_voting_waits_for_the_end_of_the_comment_period(self, rw):
        published(rw)
        from nominations.models import AwardRound

        AwardRound.objects.filter(pk=rw.round.pk).update(
            comments_until=rw.round.created_at.replace(year=2100)
        )
        session = convene(rw)
        with pytest.raises(ValidationError):
            open_with(rw, session, 5)
        assert CouncilSession.objects.get(pk=session.pk).status == "convened"

    def test_without_quorum_the_vote_does_not_open(self, rw):
        published(rw)
        session = convene(rw)
        with pytest.raises(ValidationError, match="3/5"):
            open_with(rw, session, 3)
        open_with(rw, session, 4)  # 80 %
        assert CouncilSession.objects.get(pk=session.pk).status == "voting"


class TestBallot:
    def test_each_member_votes_once(self, rw):
        published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        vote(rw, session, 0, [A, A])
        with pytest.raises(services.AlreadyVoted):
            vote(rw, session, 0, [D, D])
        assert Ballot.objects.count() == 2 and VoterTurnout.objects.count() == 1

    def test_someone_outside_the_council_cannot_vote(self, rw):
        published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        with pytest.raises(PermissionDenied):
            services.ballot_cast(
                access=session_access(rw.office, session),
                choices=dict.fromkeys(session.items.values_list("pk", flat=True), A),
            )
        assert Ballot.objects.count() == 0

    def test_a_ballot_must_answer_every_item(self, rw):
        published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        first = session.items.first()
        with pytest.raises(ValidationError):
            services.ballot_cast(
                access=session_access(rw.members[1].user, session), choices={first.pk: A}
            )
        assert VoterTurnout.objects.count() == 0


class TestThresholds:
    def test_the_threshold_is_of_all_members_absent_ones_included(self, rw):
        merit, flag = published(rw)
        session = convene(rw)
        open_with(rw, session, 4)
        # Agenda order: flag (≥ 80 %), merit (> 50 %). Three of five agree on both.
        for i in range(3):
            vote(rw, session, i, [A, A])
        vote(rw, session, 3, [D, D])
        services.session_close(access=session_access(rw.office, session), user=rw.office)
        flag.refresh_from_db()
        merit.refresh_from_db()
        assert (flag.status, flag.vote_passed) == (Nomination.Status.VOTED, False)  # 60 % < 80 %
        assert merit.vote_passed is True  # 60 % > 50 %
        item = AgendaItem.objects.get(session=session, nomination=flag)
        assert (item.agree, item.disagree, item.passed) == (3, 1, False)

    def test_four_of_five_is_enough_for_the_flag(self, rw):
        _merit, flag = published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        for i in range(4):
            vote(rw, session, i, [A, D])
        vote(rw, session, 4, [D, D])
        services.session_close(access=session_access(rw.office, session), user=rw.office)
        flag.refresh_from_db()
        assert flag.vote_passed is True

    def test_the_chair_enters_paper_results(self, rw):
        merit, flag = published(rw)
        session = convene(rw, mode=CouncilSession.Mode.PAPER)
        open_with(rw, session, 5)
        chair = session_access(rw.members[0].user, session)
        items = {i.nomination_id: i.pk for i in session.items.all()}
        with pytest.raises(ValidationError):
            services.paper_results_enter(access=chair, results={items[flag.pk]: (5, 1)}, user=None)
        with pytest.raises(PermissionDenied):
            services.paper_results_enter(
                access=session_access(rw.members[1].user, session),
                results={items[flag.pk]: (5, 0)},
                user=None,
            )
        services.paper_results_enter(
            access=chair, results={items[flag.pk]: (4, 1), items[merit.pk]: (2, 3)}, user=None
        )
        services.session_close(access=session_access(rw.office, session), user=rw.office)
        flag.refresh_from_db()
        merit.refresh_from_db()
        assert (flag.vote_passed, merit.vote_passed) == (True, False)

    @pytest.mark.parametrize(
        ("code", "agree", "members", "passes"),
        [
            ("chien-si-thi-dua-cap-tinh", 9, 10, True),  # ≥ 90 %
            ("chien-si-thi-dua-cap-tinh", 8, 10, False),
            ("chien-si-thi-dua-co-so", 8, 10, True),  # ≥ 80 %
            ("chien-si-thi-dua-co-so", 7, 10, False),
            ("bang-khen-chu-tich-tinh", 6, 10, True),  # more than half
            ("bang-khen-chu-tich-tinh", 5, 10, False),
            ("bang-khen-chu-tich-tinh", 0, 0, False),
        ],
    )
    def test_each_form_of_the_catalogue_passes_at_its_share_of_all_members(
        self, rw, code, agree, members, passes
    ):
        assert vote_passes(form(code), agree=agree, members=members) is passes


class TestSecrecy:
    def test_nothing_links_a_member_to_a_choice(self, rw):
        published(rw)
        session = convene(rw)
        open_with(rw, session, 5)
        receipts = [vote(rw, session, i, [A, D if i % 2 else A]) for i in range(5)]
        # The ballot holds no voter and no time; the turnout holds no choice.
        for model in (Ballot, VoterTurnout):
            for f in model._meta.get_fields():
                assert not isinstance(f, (models.DateField, models.TimeField)), f
                assert not isinstance(f, models.AutoField), f
        ballot_targets = {f.related_model for f in Ballot._meta.get_fields() if f.is_relation}
        assert ballot_targets == {CouncilSession, AgendaItem}
        assert {f.name for f in VoterTurnout._meta.concrete_fields} == {"id", "session", "member"}
        # No history table, no admin page.
        assert not hasattr(Ballot, "history") and not hasattr(VoterTurnout, "history")
        names = {m.__name__ for m in apps.get_app_config("council").get_models()}
        assert "HistoricalBallot" not in names and "HistoricalVoterTurnout" not in names
        assert Ballot not in admin.site._registry and VoterTurnout not in admin.site._registry
        # The published tally lists every receipt so each member finds their own ballot.
        services.session_close(access=session_access(rw.office, session), user=rw.office)
        context = selectors.minutes_context(CouncilSession.objects.get(pk=session.pk))
        assert sorted(r.receipt for r in context["receipts"]) == sorted(receipts)
        assert context["present"] == 5 and context["total"] == 5
        for line in context["receipts"]:
            assert line.choices[0] == A


class TestScope:
    def test_the_council_of_another_province_does_not_see_the_session(self, rw):
        published(rw)
        session = convene(rw)
        stranger = user_with_role(rw.world.other_province, Role.COUNCIL)
        from django.http import Http404

        from org.scope import user_scope

        with pytest.raises(Http404):
            selectors.session_in_scope(scope=user_scope(stranger), pk=session.pk)
        found, _access = selectors.session_in_scope(
            scope=user_scope(rw.members[2].user), pk=session.pk
        )
        assert found == session
