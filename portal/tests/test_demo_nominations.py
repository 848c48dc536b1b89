"""The whole year-end flow on the demo (issue #15): frozen ranking → nominations → check →
comment period → council votes → decision → registry, read back through the models, the
services' rules and the pages each role opens; the 2027 round open; and the đột xuất round whose
council is voting, the chair's ballot still to cast."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardRecord
from council.models import Ballot, CouncilSession, VoterTurnout
from council.selectors import minutes_context
from decisions.models import Decision, DecisionLocked
from evaluation.models import RankingEntry
from nominations.models import AwardRound, Nomination, PublicComment
from nominations.tasks import close_expired_rounds
from portal.clock import clock_at
from portal.demo import load_demo
from portal.demo_adhoc_round import SESSION_TITLE, round_name
from portal.demo_nominations import DECISION_NUMBER, NEXT_ROUND_NAME, PERSON_UNIT, ROUND_NAME
from portal.tests.test_demo_on_any_date import _assert_nothing_after

pytestmark = pytest.mark.django_db
User = get_user_model()
NOW = timezone.make_aware(datetime.datetime(2027, 1, 12, 17))


def test_the_year_end_round_runs_from_the_frozen_ranking_to_the_registry(
    client, django_assert_max_num_queries
):
    load_demo(now=NOW)
    award_round = AwardRound.objects.get(name=ROUND_NAME)
    version = award_round.ranking
    # Nominations: the leader of every block, from the frozen ranking, for the flag.
    leaders = set(
        RankingEntry.objects.filter(version=version, rank=1).values_list("unit", flat=True)
    )
    flags = Nomination.objects.filter(round=award_round, form__code="co-thi-dua-ubnd-tinh")
    assert set(flags.values_list("subject_unit", flat=True)) == leaders and len(leaders) >= 5
    assert all("Xếp thứ 1" in n.achievements for n in flags)
    # An individual too, proposed through the same service.
    person = Nomination.objects.get(round=award_round, subject_type="individual")
    assert person.person.unit.code == PERSON_UNIT and person.form.code == "bang-khen-chu-tich-tinh"
    # Check: one dossier was returned with a reason per item, corrected and sent again.
    returned = Nomination.objects.get(
        round=award_round, returns__isnull=False, returns__item="report"
    )
    assert returned.returns.count() == 2 and not returned.returns.filter(resolved_at=None)
    actions = list(returned.events.values_list("action", flat=True))
    assert actions[:6] == ["create", "submit", "return", "edit", "resubmit", "check"]
    # Comment period: published, closed before the council met, comments received.
    assert award_round.published_at <= award_round.comments_until <= NOW
    assert PublicComment.objects.filter(nomination__round=award_round).count() == 2
    # Council: seven members, all present, secret ballots, one flag short of 80 %.
    session = CouncilSession.objects.get(round=award_round)
    assert session.status == "closed" and session.members.count() == 7
    items = session.items.count()
    assert VoterTurnout.objects.filter(session=session).count() == 7
    assert Ballot.objects.filter(session=session).count() == 7 * items
    failed = Nomination.objects.filter(round=award_round, vote_passed=False)
    assert failed.count() == 1 and failed.get().form.code == "co-thi-dua-ubnd-tinh"
    assert session.items.get(nomination=failed.get()).agree == 5
    minutes = minutes_context(session)
    assert minutes["present"] == minutes["total"] == 7 and minutes["has_quorum"]
    assert minutes["comment_period"] == (award_round.published_at, award_round.comments_until)
    assert sum(len(i["comments"]) for i in minutes["items"]) == 2
    assert len(minutes["receipts"]) == 7
    # Decision: issued, prizes from the base salary in force, awardees in the registry.
    decision = Decision.objects.get(number=DECISION_NUMBER)
    assert decision.status == "issued" and decision.date <= NOW.date()
    assert decision.base_salary == Decimal("2340000")
    passed = Nomination.objects.filter(round=award_round, vote_passed=True)
    assert decision.lines.count() == passed.count() == items - 1
    flag_line = decision.lines.filter(form__code="co-thi-dua-ubnd-tinh").first()
    assert flag_line.amount == Decimal("18720000")
    assert decision.total == sum(line.amount for line in decision.lines.all())
    records = AwardRecord.objects.filter(decision_number=DECISION_NUMBER, year=2026)
    assert set(records.values_list("subject_unit", flat=True)) == set(
        passed.values_list("subject_unit", flat=True)
    )
    assert set(passed.values_list("status", flat=True)) == {"decided"}
    decision.number = "99/QĐ-UBND"
    with pytest.raises(DecisionLocked):
        decision.save()
    # The 2027 round is open for nominations.
    next_round = AwardRound.objects.get(name=NEXT_ROUND_NAME)
    assert next_round.year == 2027 and next_round.nominations_open(NOW.date())
    assert next_round.movement_id == award_round.movement_id is not None
    # Loading again changes nothing.
    counts = (Nomination.objects.count(), Ballot.objects.count(), AwardRecord.objects.count())
    load_demo(now=NOW)
    assert counts == (
        Nomination.objects.count(),
        Ballot.objects.count(),
        AwardRecord.objects.count(),
    )
    # The pages of each role.
    with clock_at(NOW):
        client.force_login(User.objects.get(username="tinh"))
        page = client.get(reverse("nominations:round", args=[award_round.pk])).content.decode()
        assert failed.get().subject_name in page
        assert person.subject_name in page
        # The flag voted down freed its place in the quota (NominationQuerySet.using_quota).
        flag_quota = f"{failed.get().form.name}: {len(leaders) - 1}/{len(leaders)}"
        assert flag_quota in page
        assert AwardRecord.objects.filter(person=person.person, year=2026).exists()
        # The open round suggests the leader of each block with its verdict: the eligibility
        # facts are read per suggested unit (a bounded number per block, not per unit).
        # as if ranked already
        AwardRound.objects.filter(name=NEXT_ROUND_NAME).update(ranking=version)
        next_url = reverse("nominations:round", args=[next_round.pk])
        blocks = len(leaders)
        with django_assert_max_num_queries(20 + 12 * blocks):
            page = client.get(next_url).content.decode()
        assert page.count('name="unit"') == blocks
        page = client.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
        assert "18.720.000" in page and DECISION_NUMBER in page
        registry = client.get(reverse("awards:registry"), {"q": "35/QD-UBND"})
        assert registry.context["page"].paginator.count == records.count()
        client.force_login(User.objects.get(username="hoidong"))
        page = client.get(reverse("council:session", args=[session.pk])).content.decode()
        receipt = Ballot.objects.filter(session=session).values_list("receipt", flat=True)[0]
        assert receipt in page
        client.logout()
        public = client.get(reverse("nominations_public:round", args=[award_round.public_token]))
        assert (
            public.status_code == 200 and "Đã hết thời gian nhận ý kiến" in public.content.decode()
        )
        # Open data: the movement's page publishes the decided awards, and the targets of the
        # province plan the round was ranked on, which the demo issued.
        awards = client.get(
            reverse("opendata:json", args=[award_round.movement_id, "khen-thuong"])
        ).json()
        published = {row["subject"] for row in awards["rows"] if row["year"] == 2026}
        assert published == set(records.values_list("subject_name", flat=True))
        targets = client.get(
            reverse("opendata:json", args=[award_round.movement_id, "chi-tieu"])
        ).json()
        assert any(row["issuer"] == "UBND tỉnh Lào Cai" for row in targets["rows"])


def test_the_ad_hoc_round_waits_for_the_chairs_ballot(client):
    """Loaded on a day after the deadline of the 2027 round: the đột xuất round is the day's,
    its deadline 60 days or more ahead, nothing of it dated after the load; four of seven
    members voted, `hoidong` has not, and their home page offers the ballot."""
    now = timezone.make_aware(datetime.datetime(2028, 3, 1, 17))
    load_demo(now=now)
    _assert_nothing_after(now)
    ad_hoc = AwardRound.objects.get(name=round_name(2028))
    assert ad_hoc.kind == AwardRound.Kind.AD_HOC and ad_hoc.award_kind.code == "dot-xuat"
    assert ad_hoc.closed_at is None and ad_hoc.created_at <= now
    assert (ad_hoc.deadline - now.date()).days >= 60
    with clock_at(now + datetime.timedelta(days=1, hours=8)):  # the next night's job
        close_expired_rounds()
    ad_hoc.refresh_from_db()
    assert ad_hoc.closed_at is None  # not expired: the job leaves it open
    # The 2027 sơ kết round kept its deadline (30/11/2027): closed by the job the night after.
    assert not AwardRound.objects.get(name=NEXT_ROUND_NAME).nominations_open(now.date())
    session = CouncilSession.objects.get(round=ad_hoc)
    assert session.status == "voting" and session.title == SESSION_TITLE
    assert session.members.count() == 7 and session.held_on < now.date()
    voters = set(
        VoterTurnout.objects.filter(session=session).values_list(
            "member__person__user__username", flat=True
        )
    )
    assert len(voters) == 4 and "hoidong" not in voters
    assert Ballot.objects.filter(session=session).count() == 4 * session.items.count() == 12
    assert not Nomination.objects.filter(round=ad_hoc, status="published").exclude(
        pk__in=session.items.values("nomination")
    )
    with clock_at(now):
        client.force_login(User.objects.get(username="hoidong"))
        home = client.get(reverse("home")).content.decode()
        card = home.split('data-testid="home-council"')[1].split("</ul>")[0]
        assert SESSION_TITLE in card and 'data-testid="home-ballot"' in card
        client.force_login(User.objects.get(username=sorted(voters)[0]))
        home = client.get(reverse("home")).content.decode()
        assert "Bạn đã bỏ phiếu" in home.split('data-testid="home-council"')[1]
