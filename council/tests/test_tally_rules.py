"""The rules of the council's vote without the database (council.tally): the quorum of a session,
an item's threshold of all members (LAW.md, ND 98/2023 art. 30) and the count of each item."""

from dataclasses import dataclass
from decimal import Decimal

from council.tally import ItemTally, quorum_met, tally, vote_passes

A, D = "agree", "disagree"


@dataclass(frozen=True)
class Form:
    """An award form as the vote reads it (awards.models.AwardForm)."""

    vote_threshold_percent: Decimal
    vote_threshold_inclusive: bool


HALF = Form(Decimal("50"), False)  # quá bán: more than half
FLAG = Form(Decimal("80"), True)  # Cờ thi đua, Chiến sĩ thi đua cơ sở: ≥ 80 %
PROVINCIAL_FIGHTER = Form(Decimal("90"), True)  # Chiến sĩ thi đua cấp tỉnh: ≥ 90 %


class TestQuorum:
    def test_four_of_five_members_present_make_the_quorum_of_80_percent(self):
        assert quorum_met(present=4, members=5, percent=Decimal("80"))
        assert quorum_met(present=8, members=10, percent=Decimal("80"))

    def test_one_member_short_of_80_percent_is_no_quorum(self):
        assert not quorum_met(present=3, members=5, percent=Decimal("80"))
        assert not quorum_met(present=7, members=10, percent=Decimal("80"))

    def test_every_member_present_makes_any_quorum(self):
        assert quorum_met(present=5, members=5, percent=Decimal("100"))

    def test_the_quorum_percent_is_the_sessions_own_to_the_hundredth(self):
        # 4 of 5 is 80 %: short of 80.5 %, enough for 79.99 %.
        assert not quorum_met(present=4, members=5, percent=Decimal("80.5"))
        assert quorum_met(present=4, members=5, percent=Decimal("79.99"))

    def test_a_council_of_one_member_present_has_its_quorum(self):
        assert quorum_met(present=1, members=1, percent=Decimal("80"))

    def test_a_council_without_members_has_no_quorum_even_at_0_percent(self):
        assert not quorum_met(present=0, members=0, percent=Decimal("0"))


class TestThreshold:
    def test_an_inclusive_threshold_is_reached_at_its_percent(self):
        assert vote_passes(PROVINCIAL_FIGHTER, agree=9, members=10)
        assert vote_passes(FLAG, agree=4, members=5)

    def test_one_vote_under_an_inclusive_threshold_fails(self):
        assert not vote_passes(PROVINCIAL_FIGHTER, agree=8, members=10)
        assert not vote_passes(FLAG, agree=3, members=5)

    def test_exactly_half_is_not_more_than_half(self):
        assert not vote_passes(HALF, agree=5, members=10)

    def test_one_vote_over_half_is_more_than_half(self):
        assert vote_passes(HALF, agree=6, members=10)
        assert vote_passes(HALF, agree=3, members=5)

    def test_the_threshold_is_of_all_members_not_of_those_present(self):
        # 6 of 7 present agree (86 %), but 6 of the 10 members is 60 %: under 80 %.
        assert not vote_passes(FLAG, agree=6, members=10)

    def test_a_council_of_one_member_passes_on_its_one_vote(self):
        assert vote_passes(PROVINCIAL_FIGHTER, agree=1, members=1)

    def test_a_council_without_members_passes_nothing_even_at_0_percent(self):
        assert not vote_passes(Form(Decimal("0"), True), agree=0, members=0)

    def test_a_threshold_with_decimals_is_compared_exactly(self):
        # 2 of 3 is 66.666… %: above 66.66 %, under 66.67 %.
        assert vote_passes(Form(Decimal("66.66"), True), agree=2, members=3)
        assert not vote_passes(Form(Decimal("66.67"), True), agree=2, members=3)


class TestTally:
    def test_each_item_counts_its_own_ballots(self):
        ballots = [(1, A), (2, D), (1, A), (2, A), (1, D), (2, D)]
        assert tally(members=3, items={1: HALF, 2: HALF}, ballots=ballots) == {
            1: ItemTally(agree=2, disagree=1, no_vote=0, passed=True),
            2: ItemTally(agree=1, disagree=2, no_vote=0, passed=False),
        }

    def test_the_order_the_ballots_come_in_changes_nothing(self):
        ballots = [(1, A), (1, D), (1, A), (1, A)]
        forward = tally(members=4, items={1: HALF}, ballots=ballots)
        assert forward == tally(members=4, items={1: HALF}, ballots=reversed(ballots))

    def test_items_come_out_in_the_order_of_the_agenda(self):
        result = tally(members=1, items={7: HALF, 3: HALF, 5: HALF}, ballots=[])
        assert list(result) == [7, 3, 5]

    def test_a_tie_fails_at_more_than_half(self):
        ballots = [(1, A)] * 2 + [(1, D)] * 2
        assert tally(members=4, items={1: HALF}, ballots=ballots)[1] == ItemTally(2, 2, 0, False)

    def test_members_who_cast_no_vote_weigh_against_the_item(self):
        # 4 of 5 vote for the flag; of a council of 6, 4 is 66.7 %: under 80 %.
        ballots = [(1, A)] * 4 + [(1, D)]
        assert tally(members=6, items={1: FLAG}, ballots=ballots)[1] == ItemTally(4, 1, 1, False)
        assert tally(members=5, items={1: FLAG}, ballots=ballots)[1] == ItemTally(4, 1, 0, True)

    def test_an_item_nobody_voted_on_has_no_vote_and_fails(self):
        result = tally(members=5, items={1: HALF, 2: HALF}, ballots=[(1, A)] * 5)
        assert result[2] == ItemTally(agree=0, disagree=0, no_vote=5, passed=False)

    def test_a_ballot_for_another_session_s_item_is_not_counted(self):
        result = tally(members=3, items={1: HALF}, ballots=[(1, A), (9, A), (9, D)])
        assert result == {1: ItemTally(agree=1, disagree=0, no_vote=2, passed=False)}

    def test_each_item_is_decided_at_its_own_form_s_threshold(self):
        ballots = [(1, A), (2, A)] * 7 + [(1, D), (2, D)] * 3
        result = tally(members=10, items={1: HALF, 2: FLAG}, ballots=ballots)
        assert (result[1].passed, result[2].passed) == (True, False)

    def test_written_votes_add_to_the_secret_ballots(self):
        # Three members voted on the system; the two absent ones wrote: one for, one against.
        ballots = [(1, A), (1, A), (1, A), (2, A), (2, D), (2, D)]
        result = tally(
            members=5, items={1: FLAG, 2: HALF}, ballots=ballots, written={1: (1, 1), 2: (0, 2)}
        )
        assert result[1] == ItemTally(agree=4, disagree=1, no_vote=0, passed=True)
        assert result[2] == ItemTally(agree=1, disagree=4, no_vote=0, passed=False)

    def test_a_paper_session_is_counted_from_the_written_votes_alone(self):
        result = tally(members=5, items={1: FLAG, 2: HALF}, ballots=[], written={1: (4, 1)})
        assert result[1] == ItemTally(agree=4, disagree=1, no_vote=0, passed=True)
        assert result[2] == ItemTally(agree=0, disagree=0, no_vote=5, passed=False)
