"""Who may do what with a report: one rule (reporting.workflow.ReportActions) answers both
whether a service takes the step and whether the page draws its button."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from org.models import Role
from reporting import services
from reporting.workflow import ACTIONS, ReportActions, ReportLocked

ROLES = (Role.REPORTER, Role.HEAD, Role.COORDINATOR, Role.LEADER)
STATES = ("draft", "submitted", "approved", "accepted", "returned")


def bring_to(setup, state: str) -> None:
    setup.fill()
    if state == "draft":
        return
    setup.submit()
    if state == "returned":
        setup.give_back(role=Role.HEAD)
        return
    if state == "submitted":
        return
    setup.approve()
    if state == "accepted":
        setup.accept()


class _Undo(Exception):
    pass


def service_takes(setup, role: str, action: str) -> bool:
    """Whether the service runs the step for this person; the database is left as it was."""
    scope, user, report = setup.scope[role], setup.user(role), setup.fresh()
    calls = {
        "edit": lambda: services.report_save_draft(
            scope=scope,
            user=user,
            report=report,
            expected_version=report.version,
            narrative={"results": "Sửa lại."},
        ),
        "submit": lambda: services.report_submit(scope=scope, user=user, report=report),
        "approve": lambda: services.report_approve(scope=scope, user=user, report=report),
        "accept": lambda: services.report_accept(scope=scope, user=user, report=report),
        "return": lambda: services.report_return(
            scope=scope, user=user, report=report, reason="Xem lại."
        ),
        "reopen": lambda: services.report_reopen(
            scope=scope, user=user, report=report, reason="Sai số liệu."
        ),
    }
    try:
        with transaction.atomic():
            calls[action]()
            raise _Undo
    except _Undo:
        return True
    except (PermissionDenied, ReportLocked):
        return False


@pytest.mark.parametrize("state", STATES)
def test_the_page_offers_exactly_the_steps_the_services_take(setup, state):
    bring_to(setup, state)
    for role in ROLES:
        actions = ReportActions(setup.scope[role], setup.fresh())
        for action in ACTIONS:
            offered = getattr(actions, f"can_{action}")
            assert offered == service_takes(setup, role, action), (state, role, action)


@pytest.mark.parametrize(
    ("state", "returners"),
    [
        ("draft", set()),
        ("submitted", {Role.HEAD, Role.COORDINATOR}),
        ("approved", {Role.COORDINATOR}),
        ("accepted", set()),
        ("returned", set()),
    ],
)
def test_the_head_returns_a_submitted_report_the_coordinator_also_an_approved_one(
    setup, state, returners
):
    bring_to(setup, state)
    report = setup.fresh()
    assert {r for r in ROLES if ReportActions(setup.scope[r], report).can_return} == returners


def test_a_refused_role_is_a_permission_error_and_a_refused_state_says_why(setup):
    bring_to(setup, "draft")
    report = setup.fresh()
    assert isinstance(
        ReportActions(setup.scope[Role.LEADER], report).refusal("approve"), PermissionDenied
    )
    refusal = ReportActions(setup.scope[Role.HEAD], report).refusal("approve")
    assert isinstance(refusal, ReportLocked)
    assert refusal.messages == ["Chỉ duyệt được báo cáo đang chờ thủ trưởng duyệt."]
