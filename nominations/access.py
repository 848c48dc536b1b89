"""Who may do what with a round and its nominations: one object answers both the action (the
services require it) and the page (the template asks it before drawing a button)."""

from dataclasses import dataclass

from django.utils import timezone

from nominations.models import AwardRound, Nomination
from org.models import Role
from org.scope import UserScope

PROPOSER_ROLES = (Role.COORDINATOR, Role.HEAD)
S = Nomination.Status


@dataclass
class RoundAccess:
    scope: UserScope
    round: AwardRound

    @property
    def is_office(self) -> bool:
        """The standing office of the round's level (its coordinator)."""
        return self.scope.covers(self.round.unit, [Role.COORDINATOR])

    @property
    def nominations_open(self) -> bool:
        """Whether the round takes proposals today (AwardRound.nominations_open)."""
        return self.round.nominations_open(timezone.localdate())

    def can_propose_for(self, unit) -> bool:
        """A unit (its coordinator or head) proposes subjects of its own subtree, inside the
        round's level, while the round takes proposals."""
        return (
            self.nominations_open
            and unit is not None
            and unit.path.startswith(self.round.unit.path)
            and self.scope.covers(unit, PROPOSER_ROLES)
        )

    def can_edit(self, nomination: Nomination) -> bool:
        if nomination.status not in (S.DRAFT, S.RETURNED):
            return False
        return self.is_office or self.scope.covers(nomination.proposer, PROPOSER_ROLES)

    def can_submit(self, nomination: Nomination) -> bool:
        return self.can_edit(nomination)

    def send_refusal(self, nomination: Nomination) -> str | None:
        """Why the dossier cannot be sent today (Nomination.sending_refusal), shown next to the
        button; the service refuses with the same words."""
        return nomination.sending_refusal(timezone.localdate())

    def can_check(self, nomination: Nomination) -> bool:
        return self.is_office and nomination.status == S.SUBMITTED

    @property
    def can_publish(self) -> bool:
        return self.is_office and self.round.published_at is None
