"""Who may do what in a council session (the services require it, the pages ask it)."""

from dataclasses import dataclass

from council.models import CouncilMember, CouncilSession
from org.models import Role
from org.scope import UserScope


@dataclass
class SessionAccess:
    scope: UserScope
    session: CouncilSession

    @property
    def is_office(self) -> bool:
        return self.scope.covers(self.session.unit, [Role.COORDINATOR])

    def member(self) -> CouncilMember | None:
        if self.scope.user_id is None:
            return None
        return (
            self.session.members.filter(person__user_id=self.scope.user_id)
            .select_related("person")
            .first()
        )

    @property
    def is_chair(self) -> bool:
        member = self.member()
        return member is not None and member.is_chair

    @property
    def can_manage(self) -> bool:
        return self.is_office and self.session.status != CouncilSession.Status.CLOSED

    @property
    def can_enter_paper(self) -> bool:
        return (self.is_chair or self.is_office) and (
            self.session.status == CouncilSession.Status.VOTING
        )
