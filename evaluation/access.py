"""Who may see and do what on a scheme: one object answers both the action and the page.

- The standing office (a coordinator covering the scheme's issuer) manages the scheme, reviews
  every sheet, adds bonus and penalty lines and freezes the ranking.
- Whoever covers the issuer (province leaders, council members) reads every sheet and block.
- A unit (any role on it or above it) reads its own sheet; its reporter, head or coordinator
  self-scores it; it sees its own block's ranking once frozen, never another block's.
- A block leader (Role.BLOCK_LEADER on the leading unit) reads and adjusts its block's sheets.
Self-scores and block adjustments stop at the first freeze; after it only the office corrects.
"""

from functools import cached_property

from django.db.models import Q

from evaluation.models import EvaluationScheme, ScoreSheet
from evaluation.subjects import block_member_ids, unit_blocks
from org.models import Role
from org.scope import UserScope

SELF_SCORE_ROLES = (Role.REPORTER, Role.HEAD, Role.COORDINATOR)


class EvaluationAccess:
    def __init__(self, scope: UserScope, scheme: EvaluationScheme):
        self.scope = scope
        self.scheme = scheme

    @cached_property
    def acting(self) -> UserScope:
        """The person by their grants: the catalogue admin, a superuser, reads every sheet but
        scores, reviews and freezes nothing (separation of duties, issue #13 Low 12)."""
        return self.scope if self.scope.is_system else self.scope.granted()

    @cached_property
    def can_manage(self) -> bool:
        return self.acting.can_manage(self.scheme.issuer)

    @cached_property
    def sees_all(self) -> bool:
        return self.scope.covers(self.scheme.issuer)

    @cached_property
    def is_frozen(self) -> bool:
        return self.scheme.versions.exists()

    @cached_property
    def led_block_ids(self) -> set[int]:
        led = [g.unit_id for g in self.scope.grants if g.role == Role.BLOCK_LEADER]
        return set(unit_blocks(led, self.scheme.cutoff).values()) if led else set()

    @cached_property
    def own_block_ids(self) -> set[int]:
        """Blocks of the units the person works for (their grants' units)."""
        own = [g.unit_id for g in self.scope.grants]
        return set(unit_blocks(own, self.scheme.cutoff).values()) if own else set()

    def block_of(self, sheet: ScoreSheet) -> int | None:
        return unit_blocks([sheet.unit_id], self.scheme.cutoff).get(sheet.unit_id)

    def can_see_sheet(self, sheet: ScoreSheet) -> bool:
        return (
            self.sees_all
            or self.scope.covers(sheet.unit)
            or self.block_of(sheet) in self.led_block_ids
        )

    def sheets_q(self) -> Q:
        """`can_see_sheet` as one condition on the scheme's sheets, for lists (the API)."""
        if self.sees_all:
            return Q()
        q = self.scope.unit_q("unit")
        if self.led_block_ids:
            q |= Q(unit_id__in=block_member_ids(self.led_block_ids, self.scheme.cutoff))
        return q

    def can_self_score(self, sheet: ScoreSheet) -> bool:
        return not self.is_frozen and self.acting.covers(sheet.unit, SELF_SCORE_ROLES)

    def can_adjust(self, sheet: ScoreSheet) -> bool:
        return not self.is_frozen and self.block_of(sheet) in self.led_block_ids

    def can_review(self, sheet: ScoreSheet) -> bool:
        return self.can_manage

    def can_see_block(self, block_id: int) -> bool:
        """The working scores of a block: the office, whoever covers the issuer, its leader."""
        return self.sees_all or block_id in self.led_block_ids

    def can_see_ranking(self, block_id: int) -> bool:
        """A frozen ranking: also the units of that block."""
        return self.can_see_block(block_id) or block_id in self.own_block_ids
