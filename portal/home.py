"""The home page ("Việc cần làm"): each role sees the cards that concern it, nothing else.

- a reporter (cán bộ đầu mối): the reports of their unit to fill and send, overdue and returned
  ones marked;
- a unit head (thủ trưởng): the reports waiting for their approval;
- a coordinator (cơ quan thường trực): plans to issue, tasks due, targets without figures, the
  reports waiting to be accepted and the initiatives waiting for review;
- a leader or a council member, who only read: figures — each plan's targets by status and how
  the units stand on the last period due — with links to the dashboards and the board;
- a council member: the open sessions they sit in, with the link to the ballot and whether they
  have voted (from the turnout record: never how);
- the standing office: its council sessions not yet closed, the rounds whose passed nominations
  wait for a decision, and the decisions drafted but not issued.

A person with several roles sees the cards of each.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from council.models import CouncilSession
from council.selectors import sessions_in_progress, sessions_to_vote
from decisions.models import Decision
from decisions.selectors import drafts_to_issue, rounds_awaiting_decision
from initiatives.models import Initiative
from initiatives.selectors import initiatives_to_review
from monitoring.routers import reading_replica
from monitoring.selectors import PlanOverview, monitored_plans, plan_overview
from monitoring.status import Status
from nominations.models import AwardRound
from org.models import Role
from org.scope import UserScope
from plans.selectors import Agenda, agenda_for
from reporting.models import Report
from reporting.selectors import (
    DueReport,
    PeriodSummary,
    last_due_period_summary,
    reports_awaiting,
    reports_to_do,
)

READ_ONLY_ROLES = (Role.LEADER, Role.COUNCIL)
LISTED = 8
PLANS_WITH_FIGURES = 3


@dataclass
class PlanFigures:
    overview: PlanOverview
    reporting: PeriodSummary | None

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        """(status, label, number of targets) for each status some target has."""
        return [(code, Status.LABELS[code], n) for code, n in self.overview.counts.items() if n]


@dataclass
class HomePage:
    shows_reports_to_send: bool = False
    shows_reports_awaiting: bool = False
    shows_agenda: bool = False
    shows_figures: bool = False
    reports_to_send: list[DueReport] = field(default_factory=list)
    reports_awaiting: list[Report] = field(default_factory=list)
    agenda: Agenda | None = None
    initiatives_to_review: list[Initiative] = field(default_factory=list)
    figures: list[PlanFigures] = field(default_factory=list)
    sessions_to_vote: list[CouncilSession] = field(default_factory=list)
    sessions_in_progress: list[CouncilSession] = field(default_factory=list)
    rounds_awaiting_decision: list[AwardRound] = field(default_factory=list)
    decisions_to_issue: list[Decision] = field(default_factory=list)

    @property
    def shows_awards_office(self) -> bool:
        return bool(
            self.sessions_in_progress or self.rounds_awaiting_decision or self.decisions_to_issue
        )


def plan_figures(*, scope: UserScope, today: datetime.date) -> list[PlanFigures]:
    plans = list(monitored_plans(scope=scope)[:PLANS_WITH_FIGURES])
    with reading_replica():
        return [
            PlanFigures(
                overview=plan_overview(scope=scope, plan=plan, as_of=today),
                reporting=last_due_period_summary(scope=scope, plan=plan, today=today),
            )
            for plan in plans
        ]


def home_page(*, scope: UserScope, today: datetime.date | None = None) -> HomePage:
    today = today or timezone.localdate()
    page = HomePage(
        shows_reports_to_send=scope.has_role(Role.REPORTER) and not scope.is_superuser,
        shows_reports_awaiting=scope.has_role(Role.HEAD, Role.COORDINATOR),
        shows_agenda=scope.has_role(Role.COORDINATOR),
        shows_figures=scope.has_role(*READ_ONLY_ROLES) and not scope.is_superuser,
    )
    if page.shows_reports_to_send:
        page.reports_to_send = [
            row
            for row in reports_to_do(scope=scope, today=today, roles=(Role.REPORTER,))[:40]
            if row.report is None or row.report.is_editable_by_reporter
        ][:LISTED]
    if page.shows_reports_awaiting:
        page.reports_awaiting = list(reports_awaiting(scope=scope)[:LISTED])
    if page.shows_agenda:
        page.agenda = agenda_for(scope=scope, today=today)
        page.initiatives_to_review = list(initiatives_to_review(scope=scope)[:LISTED])
        page.sessions_in_progress = list(sessions_in_progress(scope=scope)[:LISTED])
        page.rounds_awaiting_decision = list(rounds_awaiting_decision(scope=scope)[:LISTED])
        page.decisions_to_issue = list(drafts_to_issue(scope=scope)[:LISTED])
    if scope.has_role(Role.COUNCIL) and not scope.is_superuser:
        page.sessions_to_vote = sessions_to_vote(scope=scope)[:LISTED]
    if page.shows_figures:
        page.figures = plan_figures(scope=scope, today=today)
    return page
