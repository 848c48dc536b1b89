"""Who may do what with a registration, in its present state: the one place it is decided.

`RegistrationActions(scope, registration).can_submit` is what `registration_submit` requires
and what the page asks before drawing the button (Wagtail's `PagePermissionTester`, STYLE.md).
Acting never follows the subtree (reporting.permissions): the reporter of the unit edits and
sends, the head of the unit approves, the head or the coordinator of the plan's issuer returns.
"""

from functools import cached_property

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from org.scope import UserScope
from registrations.models import Registration
from reporting import permissions


class RegistrationLocked(ValidationError):
    """The registration cannot take this step in its present state."""


def require_open(scope: UserScope, unit) -> None:
    """Opening a unit's registration is its reporter's step, like editing it."""
    RegistrationActions._require(permissions.may_report(scope, unit))


class RegistrationActions:
    """The steps `scope` may take on `registration` now. Each `can_*` is role and state together
    (for the page); each `require_*` raises PermissionDenied when the role is missing (a view
    turns it into a 404) and RegistrationLocked, with a message, when only the state forbids."""

    def __init__(self, scope: UserScope, registration: Registration):
        self.scope = scope
        self.registration = registration

    # --- roles, whatever the state ---

    @cached_property
    def is_reporter(self) -> bool:
        return permissions.may_report(self.scope, self.registration.unit)

    @cached_property
    def is_head(self) -> bool:
        return permissions.may_approve(self.scope, self.registration.unit)

    @cached_property
    def is_receiver(self) -> bool:
        return permissions.may_receive(self.scope, self.registration.plan)

    # --- states ---

    @property
    def is_editable(self) -> bool:
        return self.registration.is_editable

    @property
    def is_waiting(self) -> bool:
        return self.registration.status == Registration.Status.SUBMITTED

    # --- what the page asks ---

    @property
    def can_edit(self) -> bool:
        return self.is_reporter and self.is_editable

    @property
    def can_submit(self) -> bool:
        return self.is_reporter and self.is_editable

    @property
    def can_approve(self) -> bool:
        return self.is_head and self.is_waiting

    @property
    def can_return(self) -> bool:
        return (self.is_head or self.is_receiver) and self.is_waiting

    # --- what the services require ---

    def require_edit(self) -> None:
        self._require(self.is_reporter)
        if not self.is_editable:
            raise RegistrationLocked(_("Bản đăng ký đã gửi, không sửa được."))

    def require_submit(self) -> None:
        self._require(self.is_reporter)
        if not self.is_editable:
            raise RegistrationLocked(_("Bản đăng ký đã gửi."))

    def require_approve(self) -> None:
        self._require(self.is_head)
        if not self.is_waiting:
            raise RegistrationLocked(_("Chỉ duyệt được bản đăng ký đã gửi."))

    def require_return(self) -> None:
        self._require(self.is_head or self.is_receiver)
        if not self.is_waiting:
            raise RegistrationLocked(_("Chỉ trả lại được bản đăng ký đang chờ duyệt."))

    @staticmethod
    def _require(allowed: bool) -> None:
        if not allowed:
            raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn vị này."))
