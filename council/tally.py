"""Kiểm phiếu: the rules of the council's vote as plain data in, counts and verdicts out — the
session's quorum, each agenda item's votes and whether they reach its form's threshold.

LAW.md (ND 98/2023 art. 30): the threshold is a share of ALL the council's members, absent ones
included (they vote in writing), never of those present; a session needs a share of its members
present (≥ 80 %, one province's rule, kept as the session's data). Votes are secret: a ballot
here is an agenda item and a choice, nothing about who chose it.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from council.models import Choice


class Threshold(Protocol):
    """What the vote reads of an award form (awards.models.AwardForm)."""

    vote_threshold_percent: Decimal
    vote_threshold_inclusive: bool


def quorum_met(*, present: int, members: int, percent: Decimal) -> bool:
    """Whether `present` of `members` make the session's quorum: at least `percent` of them."""
    return members > 0 and present * 100 >= percent * members


def vote_passes(form: Threshold, *, agree: int, members: int) -> bool:
    """Whether `agree` votes of a council of `members` reach the form's threshold: its percent
    of all members, reached (≥) or passed (>, "quá bán") as the form says."""
    if members <= 0:
        return False
    share = Decimal(agree) * 100 / Decimal(members)
    if form.vote_threshold_inclusive:
        return share >= form.vote_threshold_percent
    return share > form.vote_threshold_percent


@dataclass(frozen=True)
class ItemTally:
    """One agenda item's count and verdict. `no_vote` is every member who gave the item neither
    choice (absent and not voting in writing): as the threshold is of all members, they weigh
    as much against it as a vote against."""

    agree: int
    disagree: int
    no_vote: int
    passed: bool


def tally(
    *,
    members: int,
    items: Mapping[int, Threshold],
    ballots: Iterable[tuple[int, str]],
    written: Mapping[int, tuple[int, int]] | None = None,
) -> dict[int, ItemTally]:
    """Each item's tally, in the order of `items` (agenda item → its award form): the secret
    ballots, as (item, choice), plus the written votes the chair entered, as item → (agree,
    disagree), decided at the form's threshold of all `members`."""
    counted = Counter(ballots)
    written = written or {}
    result = {}
    for item, form in items.items():
        paper_agree, paper_disagree = written.get(item, (0, 0))
        agree = counted[item, Choice.AGREE] + paper_agree
        disagree = counted[item, Choice.DISAGREE] + paper_disagree
        result[item] = ItemTally(
            agree=agree,
            disagree=disagree,
            no_vote=members - agree - disagree,
            passed=vote_passes(form, agree=agree, members=members),
        )
    return result
