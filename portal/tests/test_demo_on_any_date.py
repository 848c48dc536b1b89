"""The demo is true on whatever day it is loaded: nothing in it happens after that day, the
README's first tour holds, each step is done by the person whose role it is, and the dashboards
have figures. Loaded through the real `load_demo` at several days of the movement."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from org.models import OrgUnit, Role
from org.scope import user_scope
from plans.models import Plan, Target, Task
from portal.clock import clock_at
from portal.demo import DemoDateError, load_demo
from registrations.models import Registration, RegistrationEvent
from reporting import selectors, services
from reporting.models import Event, Report, WorkflowStatus

pytestmark = pytest.mark.django_db

User = get_user_model()

# The day the demo is loaded -> the month whose due day (the 20th) passed last.
DAYS = {
    datetime.date(2026, 12, 2): "2026-11",
    datetime.date(2027, 1, 5): "2026-12",
    datetime.date(2027, 7, 20): "2027-06",  # due today is not yet overdue
    datetime.date(2028, 3, 1): "2028-02",
    datetime.date(2030, 12, 31): "2030-12",
}
# The day the demo is loaded -> the year of its registration rounds and initiatives: the last
# year whose round (and initiatives) are over by that day; 2026's until they are in January and
# February 2027.
YEARS = {
    datetime.date(2026, 12, 2): 2026,
    datetime.date(2027, 1, 5): 2026,
    datetime.date(2027, 7, 20): 2027,
    datetime.date(2028, 3, 1): 2028,
    datetime.date(2030, 12, 31): 2030,
}
# Dates that record something done (the others — due dates, period bounds, deadlines, validity
# of units — are the plans' and schedules' future, not events).
EVENT_DATE_FIELDS = {
    ("plans", "Plan", "issued_on"),
    ("org", "BlockMembership", "valid_from"),
    ("awards", "AwardRecord", "decision_date"),
    ("awards", "PendingMatter", "opened_on"),
    ("awards", "PendingMatter", "settled_on"),
    ("initiatives", "Initiative", "decision_date"),
    ("initiatives", "Replication", "started_on"),
    ("council", "CouncilSession", "held_on"),
    ("decisions", "Decision", "date"),
}


# The hour of the load matters too (a comment period once ended before it began when the demo
# was loaded in the small hours): two of the days are loaded just after midnight and just before.
HOURS = {
    datetime.date(2026, 12, 2): datetime.time(0, 30),
    datetime.date(2030, 12, 31): datetime.time(23, 50),
}


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, HOURS.get(day, datetime.time(17))))


def _assert_nothing_after(now: datetime.datetime) -> int:
    """Every datetime column of every model, and every date column that records an event, has
    no value after `now`; returns how many columns were checked."""
    checked = 0
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            key = (model._meta.app_label, model.__name__, field.name)
            if isinstance(field, models.DateTimeField):
                limit = now
            elif isinstance(field, models.DateField) and key in EVENT_DATE_FIELDS:
                limit = timezone.localdate(now)
            else:
                continue
            latest = model.objects.aggregate(latest=Max(field.name))["latest"]
            assert latest is None or latest <= limit, f"{key}: {latest} after {limit}"
            checked += 1
    return checked


def _assert_header_times_agree_with_history() -> None:
    for report in Report.objects.exclude(submitted_at=None).prefetch_related("events"):
        events = sorted(report.events.all(), key=lambda e: (e.at, e.pk))
        submits = [e.at for e in events if e.kind == Event.Kind.SUBMIT]
        assert report.submitted_at == submits[0], report
        assert report.days_late == max(
            0, (timezone.localdate(report.submitted_at) - report.period.due_date).days
        )
        if report.status == WorkflowStatus.ACCEPTED:
            assert report.accepted_at == [e.at for e in events if e.kind == "accept"][-1]
        assert report.updated_at == events[-1].at
        assert report.created_at <= events[0].at


def _assert_each_step_by_its_role() -> None:
    roles = {
        Event.Kind.SUBMIT: Role.REPORTER,
        Event.Kind.APPROVE: Role.HEAD,
        Event.Kind.ACCEPT: Role.COORDINATOR,
        Event.Kind.RETURN: Role.COORDINATOR,
    }
    events = [
        *Event.objects.filter(kind__in=roles).select_related("user", "report"),
        *RegistrationEvent.objects.filter(kind__in=roles).select_related("user", "registration"),
    ]
    assert events
    for event in events:
        subject = getattr(event, "report", None) or event.registration
        unit = subject.unit if event.kind in (Event.Kind.SUBMIT, Event.Kind.APPROVE) else None
        grants = event.user.role_assignments.filter(role=roles[event.kind])
        if unit is not None:
            grants = grants.filter(unit=unit)
        assert grants.exists(), (event.kind, event.user, subject)
    for report in Report.objects.filter(events__kind=Event.Kind.APPROVE).distinct():
        senders = {e.user_id for e in report.events.filter(kind=Event.Kind.SUBMIT)}
        approvers = {e.user_id for e in report.events.filter(kind=Event.Kind.APPROVE)}
        assert not senders & approvers, report
        names = {u.first_name for u in User.objects.filter(pk__in=senders | approvers)}
        assert len(names) == len(senders | approvers), report  # two people, two names


def _assert_plans_come_before_their_reports() -> None:
    for plan in Plan.objects.filter(schedules__periods__reports__isnull=False).distinct():
        first = Report.objects.filter(period__schedule__plan=plan).order_by("period__start")[0]
        issued = plan.issued_on or datetime.date(
            int(plan.issued_period[:4]), int(plan.issued_period[5:7] or 12), 1
        )
        assert (issued.year, issued.month) < (first.period.start.year, first.period.start.month)
        assert plan.created_at <= min(e.at for e in Event.objects.filter(report=first))


def _assert_the_tour_holds(now: datetime.datetime, last_due: str, client) -> None:
    """baocao → Báo cáo → the report of the last month whose due day has passed (overdue,
    empty) → fill, send; thutruong approves it; xa accepts it."""
    today = timezone.localdate(now)
    commune = OrgUnit.objects.get(code="LSN-XTN")
    baocao, thutruong, xa = (User.objects.get(username=n) for n in ("baocao", "thutruong", "xa"))
    with clock_at(now):
        to_do = selectors.reports_to_do(scope=user_scope(baocao), today=today)
        mine = [row for row in to_do if row.unit == commune]
        overdue = [row for row in mine if row.is_overdue]
        assert overdue, "the commune has an overdue report"
        newest = max(overdue, key=lambda row: row.period.start)
        assert newest.period.code == last_due
        assert newest.report is None  # empty: nobody has started it
        # Every earlier month of the commune was sent; none is overdue but the tour's.
        assert [row.period.code for row in overdue] == [last_due]
        earlier = Report.objects.filter(unit=commune).exclude(period=newest.period)
        assert earlier.exists() and all(r.status == WorkflowStatus.ACCEPTED for r in earlier)

        client.force_login(baocao)
        start = reverse("reporting:start", args=[commune.pk, newest.period.pk])
        page = client.post(start)
        assert page.status_code == 302
        report = Report.objects.get(unit=commune, period=newest.period)
        sheet = selectors.report_sheet(report)
        values = {}
        for line in sheet.values:
            kind = line.item.indicator.kind
            if kind == "ratio":
                values[line.item.indicator_id] = {"numerator": 50, "denominator": 100}
            elif kind == "text":
                values[line.item.indicator_id] = {"text": "Mô hình mới trong tháng."}
            else:
                values[line.item.indicator_id] = {"value": 1}
        # The commune's plan has tasks (the seed's contents): each gets its month's progress.
        tasks = {line.task.pk: {"status": "in_progress", "progress": 50} for line in sheet.tasks}
        report = services.report_save_draft(
            scope=user_scope(baocao),
            user=baocao,
            report=report,
            expected_version=report.version,
            values=values,
            task_updates=tasks,
        )
        from reporting import checks

        warnings = checks.report_check(selectors.report_sheet(report)).warnings
        if warnings:
            report = services.report_save_draft(
                scope=user_scope(baocao),
                user=baocao,
                report=report,
                expected_version=report.version,
                values={int(k.removeprefix("value-")): {"comment": "Đúng."} for k in warnings},
            )
        report = services.report_submit(scope=user_scope(baocao), user=baocao, report=report)
        report = services.report_approve(scope=user_scope(thutruong), user=thutruong, report=report)
        report = services.report_accept(scope=user_scope(xa), user=xa, report=report)
    assert report.status == WorkflowStatus.ACCEPTED and report.days_late > 0


def _assert_earlier_months_are_mixed(last_due: str) -> None:
    """Across the Lào Cai units, the last month due shows every state a coordinator meets, and
    the months before it hold late and returned reports among the accepted ones."""
    lao_cai = Report.objects.filter(period__schedule__plan__issuer__code="LCI")
    last = lao_cai.filter(period__code=last_due)
    assert set(last.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "approved",
        "accepted",
        "returned",
    }
    before = lao_cai.exclude(period__code=last_due)
    assert before.filter(status=WorkflowStatus.ACCEPTED).exists()
    assert before.filter(days_late__gt=0).exists()
    assert before.filter(events__kind=Event.Kind.RETURN).exists()


def _assert_dashboards_have_figures(now: datetime.datetime) -> None:
    from monitoring.selectors import plan_overview
    from monitoring.status import Status

    leader = User.objects.get(username="lanhdao")
    plan = Plan.objects.filter(issuer__code="LCI", schedules__isnull=False).distinct().get()
    with clock_at(now):
        overview = plan_overview(scope=user_scope(leader), plan=plan)
    with_data = [line for line in overview.lines if line.verdict.status != Status.NO_DATA]
    assert len(with_data) >= 5
    assert all(line.reporting_units > 0 for line in with_data if not line.units_met)


def _assert_every_target_is_monitored_or_its_source_named(now, client) -> None:
    """The dashboard says how many targets are monitored, measured elsewhere, or not yet; the
    demo names the source of those no unit reports (the PII rank from the national index)."""
    from plans.selectors import target_coverage

    plan = Plan.objects.filter(issuer__code="LCI", schedules__isnull=False).distinct().get()
    coverage = target_coverage(plan.targets.all())
    assert coverage.monitored >= 7 and coverage.elsewhere > 0
    # Issue 10 §3: every quantitative target of the five seeds is monitored or its source named.
    for seed_plan in Plan.objects.exclude(status="placeholder"):
        assert target_coverage(seed_plan.targets.all()).not_yet == 0, seed_plan
    pii = plan.targets.filter(text__contains="thứ hạng năm 2025").get()
    assert "PII" in pii.measured_elsewhere and pii.indicator_id is None
    # A department's target aligned to a province target is followed as that one is (the
    # each-unit "ít nhất 01 mô hình" is not a business survey because its text names enterprises).
    for aligned in Target.objects.filter(parent_target__isnull=False).select_related(
        "parent_target"
    ):
        parent = aligned.parent_target
        assert (aligned.indicator_id, aligned.applies_to_each_unit) == (
            parent.indicator_id,
            parent.applies_to_each_unit,
        ), aligned.text
        assert aligned.measured_elsewhere == parent.measured_elsewhere, aligned.text
    # "06 rõ": rõ người and rõ thẩm quyền shown where a lead unit has an officer on file.
    owned = Task.objects.filter(person_in_charge__isnull=False).prefetch_related("lead_units")
    assert owned.count() >= 10
    for task in owned:
        assert task.person_in_charge.unit_id in {u.pk for u in task.lead_units.all()}
        assert task.deciding_authority.startswith("Thủ trưởng " + task.plan.issuer.name)
    commune = target_coverage(Plan.objects.get(issuer__code="LSN-XTN").targets.all())
    assert commune.monitored >= 10 and commune.not_yet == 0
    with clock_at(now):
        client.force_login(User.objects.get(username="lanhdao"))
        page = client.get(reverse("monitoring:plan", args=[plan.pk])).content.decode()
    sentence = page.split('data-testid="target-coverage">')[1].split("</p>")[0]
    assert f"{coverage.monitored}/{coverage.total} chỉ tiêu định lượng được theo dõi" in sentence
    assert f"{coverage.elsewhere} đo ở nơi khác" in sentence


def _assert_the_word_report_quotes_no_later_day(now) -> None:
    import io
    import re

    from docx import Document

    from monitoring.exports import narrative_report

    today = timezone.localdate(now)
    for issuer, username in (("LCI", "lanhdao"), ("LSN-XTN", "xa")):
        plan = Plan.objects.filter(issuer__code=issuer, schedules__isnull=False).distinct().get()
        scope = user_scope(User.objects.get(username=username))
        with clock_at(now):
            document = Document(io.BytesIO(narrative_report(scope=scope, plan=plan)))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        )
        for day, month, year in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
            assert datetime.date(int(year), int(month), int(day)) <= today, (issuer, day, month)


def _assert_the_registration_round_holds(now, year, client) -> None:
    """Lào Cai's round of the year is over on any day the demo loads: every standing appears,
    one registration was returned by the coordinator, and the units not approved by its
    deadline are shown as late on the coordinator's page."""
    from registrations.models import RegistrationRound
    from registrations.selectors import Standing, round_board

    today = timezone.localdate(now)
    round_ = RegistrationRound.objects.get(plan__issuer__code="LCI")
    assert round_.year == year and round_.deadline.year == year
    assert timezone.localdate(round_.opened_at) < round_.deadline < today
    tinh = User.objects.get(username="tinh")
    board = round_board(scope=user_scope(tinh), round_=round_, today=today)
    assert len(board.groups) >= 7 and len(board.rows) >= 18
    assert {row.standing for row in board.rows} == set(Standing.ORDER)
    returned = [row for row in board.rows if row.standing == Standing.RETURNED]
    assert len(returned) == 1 and returned[0].late
    late = {row.unit.code for row in board.rows if row.late}
    approved_late = [r for r in board.rows if r.standing == Standing.APPROVED and r.late]
    assert len(approved_late) == 1 and len(late) == board.late >= 6
    assert Registration.objects.filter(plan=round_.plan).exclude(year=year).count() == 0
    with clock_at(now):
        client.force_login(tinh)
        page = client.get(reverse("registrations:round", args=[round_.pk])).content.decode()
    assert page.count('data-late="1"') == len(late) and f"{round_.deadline:%d/%m/%Y}" in page


def _assert_the_commune_round_and_initiatives_are_of_the_year(now, year) -> None:
    """xã Thống Nhất's own round and Lào Cai's initiatives are of the year shown, every step of
    them before now: its deadline passed, the initiatives decided and replicated that year."""
    from initiatives.models import Initiative, Replication
    from registrations.models import RegistrationRound, SubjectRegistration

    today = timezone.localdate(now)
    commune = RegistrationRound.objects.get(plan__issuer__code="LSN-XTN")
    assert commune.year == year and commune.deadline.year == year and commune.deadline < today
    assert SubjectRegistration.objects.filter(round=commune, status="approved").exists()
    # The year's initiatives, and 2026's beside them: the demo's evaluation scores 2026.
    every_year = Initiative.objects.filter(unit__code__startswith="LCI-")
    assert set(every_year.values_list("year", flat=True)) == {2026, year}
    initiatives = every_year.filter(year=year)
    assert set(initiatives.values_list("status", flat=True)) == set(Initiative.Status.values)
    decided = initiatives.exclude(decision_date=None).values_list("decision_date", flat=True)
    assert decided and {day.year for day in decided} == {year}
    replication = Replication.objects.get(initiative__year=year)
    assert replication.started_on.year == year and replication.started_on < today


def _assert_the_year_end_round_took_its_time(now) -> None:
    """The 2026 year-end round (ranking frozen, nominations, check, comments, council, decision)
    lies in the days before now, with a comment period of hours, not one moment repeated."""
    from nominations.models import AwardRound
    from portal.demo_nominations import ROUND_NAME

    award_round = AwardRound.objects.get(name=ROUND_NAME)
    assert award_round.ranking.frozen_at <= now - datetime.timedelta(days=5)
    assert award_round.comments_until - award_round.published_at >= datetime.timedelta(hours=12)


def _assert_the_year_end_round_kept_its_days(now) -> None:
    """The 2026 year-end round is decided in the first weeks of 2027, as an office does it (the
    2023–2025 rounds were decided in January of the following year), however late the demo is
    loaded; loaded before that, every step of it is still before now."""
    from council.models import CouncilSession
    from decisions.models import Decision
    from nominations.models import AwardRound, NominationEvent
    from portal.demo_nominations import ROUND_NAME

    decided_by = datetime.date(2027, 2, 5)  # Tết Đinh Mùi falls on 06/02/2027
    today = timezone.localdate(now)
    award_round = AwardRound.objects.get(name=ROUND_NAME)
    decision = Decision.objects.get(round=award_round)
    session = CouncilSession.objects.get(round=award_round)
    assert session.held_on <= decision.date <= min(decided_by, today)
    assert timezone.localdate(decision.issued_at) == decision.date and decision.issued_at <= now
    last_step = NominationEvent.objects.filter(nomination__round=award_round).aggregate(
        last=Max("at")
    )["last"]
    assert last_step <= now and timezone.localdate(last_step) <= decided_by


def _assert_the_midterm_round_is_of_the_day(now, client) -> None:
    """Lào Cai's 2027 sơ kết round takes proposals until its deadline (30/11/2027, later when
    the demo is loaded close to it); loaded after that, it kept its deadline and the daily job
    closed it the night after, as the product does (AwardRound.nominations_open,
    nominations.tasks.close_expired_rounds): never open in 2028 and after."""
    from nominations.models import AwardRound
    from portal.demo_nominations import NEXT_DEADLINE, NEXT_ROUND_NAME

    today = timezone.localdate(now)
    midterm = AwardRound.objects.get(name=NEXT_ROUND_NAME)
    assert midterm.year == 2027 and midterm.created_at <= now
    if today <= NEXT_DEADLINE:
        assert midterm.nominations_open(today) and midterm.deadline >= NEXT_DEADLINE
        return
    assert midterm.deadline == NEXT_DEADLINE and not midterm.nominations_open(today)
    assert midterm.closed_by is None  # by the system
    assert midterm.created_at < midterm.closed_at <= now
    assert timezone.localdate(midterm.closed_at) == NEXT_DEADLINE + datetime.timedelta(days=1)
    with clock_at(now):
        client.force_login(User.objects.get(username="tinh"))
        page = client.get(reverse("nominations:round", args=[midterm.pk])).content.decode()
    assert 'data-testid="round-closed"' in page and f"{NEXT_DEADLINE:%d/%m/%Y}" in page


@pytest.mark.parametrize("day", list(DAYS), ids=[d.isoformat() for d in DAYS])
def test_demo_loaded_on_any_day_is_true_on_that_day(day, client, settings):
    now = _moment(day)
    load_demo(now=now)
    assert _assert_nothing_after(now) >= 15
    assert Registration.objects.get(unit__code="LSN-XTN").status == "approved"
    _assert_header_times_agree_with_history()
    _assert_each_step_by_its_role()
    _assert_plans_come_before_their_reports()
    _assert_earlier_months_are_mixed(DAYS[day])
    _assert_dashboards_have_figures(now)
    _assert_every_target_is_monitored_or_its_source_named(now, client)
    _assert_the_word_report_quotes_no_later_day(now)
    _assert_the_registration_round_holds(now, YEARS[day], client)
    _assert_the_commune_round_and_initiatives_are_of_the_year(now, YEARS[day])
    _assert_the_year_end_round_took_its_time(now)
    _assert_the_year_end_round_kept_its_days(now)
    _assert_the_midterm_round_is_of_the_day(now, client)
    _assert_the_tour_holds(now, DAYS[day], client)


def test_demo_refuses_a_day_before_its_plans():
    with pytest.raises(DemoDateError, match="từ 21/08/2026"):
        load_demo(now=_moment(datetime.date(2026, 5, 1)))
    with pytest.raises(CommandError, match="từ 21/08/2026"):
        call_command("load_demo", "--today", "2026-08-20")
    assert not Plan.objects.exists() and not OrgUnit.objects.exists()


def test_demo_has_a_year_of_reports_in_every_state_and_their_rollups():
    from reporting.models import IndicatorRollup
    from reporting.rollups import rollup_rebuild

    # On 25/06/2027 the demo holds a year of reports (07/2026–06/2027); the commune's plan is
    # dated 07/2026, so its reports run from 08/2026, the last month due (06/2027) left for the
    # tour.
    call_command("load_demo", "--today", "2027-06-25")
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "approved", "accepted", "returned"}
    assert Report.objects.filter(days_late__gt=0).exists()
    assert Report.objects.filter(days_late=0, submitted_at__isnull=False).exists()
    commune = Report.objects.filter(unit__code="LSN-XTN").order_by("period__start")
    assert [r.period.code for r in commune] == [f"2026-{m:02d}" for m in range(8, 13)] + [
        f"2027-{m:02d}" for m in range(1, 6)
    ]
    assert set(Report.objects.values_list("period__code", flat=True)) == {
        f"2026-{m:02d}" for m in range(7, 13)
    } | {f"2027-{m:02d}" for m in range(1, 7)}
    assert commune.filter(events__kind="return").exists()
    assert (
        Report.objects.filter(unit__code__startswith="LCI-").values("unit").distinct().count() >= 15
    )
    # Some unit missed a month: the board shows it.
    periods = Report.objects.values("period").distinct().count()
    units = Report.objects.values("unit").distinct().count()
    assert Report.objects.count() < periods * units
    assert Registration.objects.get(unit__code="LSN-XTN").status == "approved"

    def rows():
        return set(
            IndicatorRollup.objects.values_list(
                "unit_id",
                "period_id",
                "indicator_id",
                "numerator_sum",
                "denominator_sum",
                "value_sum",
                "value_count",
            )
        )

    incremental = rows()
    assert incremental
    rollup_rebuild()
    assert rows() == incremental
