"""Who may do what with a report, now: the one answer that the services enforce and that the
report page asks before drawing a button (STYLE.md, after Wagtail's `PagePermissionTester`).

The workflow: draft → submitted (the unit's reporter) → approved (the unit's head) → accepted
by the coordinator of the body that issued the plan, or returned with a reason — by the head
while it is submitted, by the coordinator while it is submitted or approved. An accepted report
is locked until that coordinator reopens it. Roles are those held on the report's own unit
(reporting.permissions): a province's head does not approve a commune's report.

`ReportActions(scope, report).can_return` is what `services.report_return` requires and what the
page shows "Trả lại" for; `require("return")` raises the refusal: `PermissionDenied` when the
person's role never allows the step (views answer 404), `ReportLocked` with the reason when the
role does but the report's state or its closed period does not.
"""

import datetime
from functools import cached_property

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from org.models import OrgUnit
from org.scope import UserScope
from reporting import permissions
from reporting.models import Period, PeriodReopening, Report, WorkflowStatus

ACTIONS = ("edit", "submit", "approve", "accept", "return", "reopen")


class ReportLocked(ValidationError):
    """The report cannot be changed in its state, or its period is closed for the unit."""


def forbidden() -> PermissionDenied:
    return PermissionDenied(_("Bạn không có quyền thực hiện thao tác này với đơn vị này."))


def period_is_open_for(period: Period, unit: OrgUnit, today: datetime.date | None = None) -> bool:
    """Whether the unit may still write its report of the period: the period is open, or the
    coordinator reopened it for this unit (until a day not yet past)."""
    if not period.is_closed:
        return True
    today = today or timezone.localdate()
    return any(
        r.until is None or r.until >= today
        for r in PeriodReopening.objects.filter(period=period, unit=unit, is_active=True)
    )


def may_start_report(scope: UserScope, unit: OrgUnit) -> bool:
    """Whether the person may open the unit's report of a period the first time: its reporter."""
    return permissions.may_report(scope, unit)


class ReportActions:
    """What one person may do with one report, in its present state."""

    def __init__(self, scope: UserScope, report: Report):
        self.scope = scope
        self.report = report

    # --- who ---

    @cached_property
    def is_reporter(self) -> bool:
        return permissions.may_report(self.scope, self.report.unit)

    @cached_property
    def is_head(self) -> bool:
        return permissions.may_approve(self.scope, self.report.unit)

    @cached_property
    def is_receiver(self) -> bool:
        return permissions.may_receive(self.scope, self.report.period.schedule.plan)

    @cached_property
    def period_open(self) -> bool:
        return period_is_open_for(self.report.period, self.report.unit)

    # --- the rule of each step: None when allowed, else the exception that refuses it ---

    def _edit(self) -> Exception | None:
        if not self.is_reporter:
            return forbidden()
        if not self.report.is_editable_by_reporter:
            return ReportLocked(
                _("Báo cáo đang ở trạng thái “%(s)s”, người báo cáo không sửa được.")
                % {"s": self.report.get_status_display()}
            )
        if not self.period_open:
            return ReportLocked(
                _("Kỳ báo cáo đã khóa. Đề nghị cơ quan thường trực mở lại cho đơn vị.")
            )
        return None

    def _approve(self) -> Exception | None:
        if not self.is_head:
            return forbidden()
        if self.report.status != WorkflowStatus.SUBMITTED:
            return ReportLocked(_("Chỉ duyệt được báo cáo đang chờ thủ trưởng duyệt."))
        return None

    def _accept(self) -> Exception | None:
        if not self.is_receiver:
            return forbidden()
        if self.report.status != WorkflowStatus.APPROVED:
            return ReportLocked(_("Chỉ tiếp nhận được báo cáo đã được thủ trưởng duyệt."))
        return None

    def _return(self) -> Exception | None:
        status = self.report.status
        if status == WorkflowStatus.SUBMITTED:
            return None if self.is_head or self.is_receiver else forbidden()
        if status == WorkflowStatus.APPROVED:
            return None if self.is_receiver else forbidden()
        return ReportLocked(_("Chỉ trả lại được báo cáo đang chờ duyệt hoặc chờ tiếp nhận."))

    def _reopen(self) -> Exception | None:
        if not self.is_receiver:
            return forbidden()
        if self.report.status != WorkflowStatus.ACCEPTED:
            return ReportLocked(_("Chỉ mở lại được báo cáo đã tiếp nhận."))
        return None

    def refusal(self, action: str) -> Exception | None:
        """Why `action` (one of ACTIONS) is refused, or None when it is allowed."""
        rules = {
            "edit": self._edit,
            "submit": self._edit,  # submitting is the reporter's last edit
            "approve": self._approve,
            "accept": self._accept,
            "return": self._return,
            "reopen": self._reopen,
        }
        return rules[action]()

    def require(self, action: str) -> None:
        """Raise the refusal of `action`, if any (the services call this before acting)."""
        refusal = self.refusal(action)
        if refusal is not None:
            raise refusal

    # --- what the page asks before drawing a button ---

    @property
    def can_edit(self) -> bool:
        return self.refusal("edit") is None

    @property
    def can_submit(self) -> bool:
        return self.refusal("submit") is None

    @property
    def can_approve(self) -> bool:
        return self.refusal("approve") is None

    @property
    def can_accept(self) -> bool:
        return self.refusal("accept") is None

    @property
    def can_return(self) -> bool:
        return self.refusal("return") is None

    @property
    def can_reopen(self) -> bool:
        return self.refusal("reopen") is None
