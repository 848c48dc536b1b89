"""The rules of the computed criteria (evaluation/computed.py), one by one: what each criterion
keeps as its basis, item by item, and every boundary of what it reads (the first day of the
year, the cutoff, a complete report, a task done in time, an index above its scale). Written
for the survivors of its mutation run (docs/testing.md, issue #19)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from evaluation import computed
from evaluation.models import Criterion, CriterionGroup, EvaluationScheme, IndexValue
from evaluation.scoring import scheme_criteria
from evaluation.tests.conftest import TZ
from plans.models import Task
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory
from reporting.models import Report, TaskUpdate, WorkflowStatus
from reporting.tests.factories import PeriodFactory, ScheduleFactory

pytestmark = pytest.mark.django_db

CUTOFF = datetime.date(2026, 4, 30)


def _found(round_, units=None) -> dict:
    """(unit letter, criterion code) → (points, basis), for the round's computed criteria."""
    units = units or [round_.a, round_.b, round_.c, round_.d]
    letters = {getattr(round_, name).pk: name for name in "abcd"}
    criteria = scheme_criteria(round_.scheme)
    codes = {c.pk: c.code for c in criteria}
    found = computed.compute(scheme=round_.scheme, criteria=criteria, units=units)
    return {(letters[u], codes[c]): (v.points, v.basis) for (u, c), v in found.items()}


def _report(round_, unit, month):
    return Report.objects.get(unit=unit, period=round_.periods[month]).pk


# The basis of each criterion, as the sheet links it: worked out in conftest.py's round.


def test_targets_met_keeps_each_target_judged_its_state_and_the_figure_judged(scoring_round):
    r = scoring_round
    online, models = (t for t in r.scheme.plan.targets.order_by("pk"))

    def item(target, state, value, ok):
        return {
            "kind": "target",
            "pk": target.pk,
            "label": target.text,
            "state": state,
            "value": value,
            "ok": ok,
        }

    found = _found(r)
    assert found["b", "2.1"] == (
        Decimal("15.00"),
        {
            "good": 1,
            "of": 2,
            "items": [
                item(online, "Có nguy cơ không đạt", "50", False),
                item(models, "Đạt", "1.0000", True),
            ],
        },
    )
    # A unit that reported nothing: no figure, no point, every target still listed.
    assert found["d", "2.1"] == (
        Decimal("0.00"),
        {
            "good": 0,
            "of": 2,
            "items": [
                item(online, "Chưa có số liệu", None, False),
                item(models, "Chưa có số liệu", None, False),
            ],
        },
    )


def test_reports_on_time_keeps_each_period_its_report_or_the_period_missing(scoring_round):
    r = scoring_round
    found = _found(r)

    def item(kind, pk, label, state, days, complete, ok):
        return {
            "kind": kind,
            "pk": pk,
            "label": label,
            "state": state,
            "days": days,
            "complete": complete,
            "ok": ok,
        }

    assert found["b", "2.3"] == (
        Decimal("6.67"),
        {
            "good": 2,
            "of": 3,
            "items": [
                item("report", _report(r, r.b, "feb"), "Tháng 02/2026", "on_time", 0, True, True),
                item("report", _report(r, r.b, "mar"), "Tháng 03/2026", "late", 5, True, False),
                item("report", _report(r, r.b, "apr"), "Tháng 04/2026", "on_time", 0, True, True),
            ],
        },
    )
    # C: March missing (41 days past its due day on the cutoff), April returned as wrong.
    assert found["c", "2.3"] == (
        Decimal("3.33"),
        {
            "good": 1,
            "of": 3,
            "items": [
                item("report", _report(r, r.c, "feb"), "Tháng 02/2026", "on_time", 0, True, True),
                item("period", r.periods["mar"].pk, "Tháng 03/2026", "missing", 41, False, False),
                item("report", _report(r, r.c, "apr"), "Tháng 04/2026", "on_time", 0, False, False),
            ],
        },
    )


def test_tasks_on_time_keeps_the_first_report_that_said_done_or_the_task(scoring_round):
    r = scoring_round
    found = _found(r)

    def item(kind, pk, ok):
        label, due = "Ban hành kế hoạch chuyển đổi số năm 2026", "2026-03-31"
        return {"kind": kind, "pk": pk, "label": label, "due": due, "ok": ok}

    # A said done in March and again in April: March's report is the one that counts.
    assert found["a", "2.2"] == (
        Decimal("20.00"),
        {"good": 1, "of": 1, "items": [item("report", _report(r, r.a, "mar"), True)]},
    )
    # B said done only in April, after the task's 31 March.
    assert found["b", "2.2"] == (
        Decimal("0.00"),
        {"good": 0, "of": 1, "items": [item("report", _report(r, r.b, "apr"), False)]},
    )
    # C said done without evidence: no report counts, the task itself is listed.
    assert found["c", "2.2"] == (
        Decimal("0.00"),
        {"good": 0, "of": 1, "items": [item("task", r.task.pk, False)]},
    )


def test_an_external_index_keeps_its_value_scale_source_and_import_time(scoring_round):
    r = scoring_round
    value = IndexValue.objects.get(criterion=r.pii, unit=r.b)
    IndexValue.objects.filter(pk=value.pk).update(source_name="pii-2026.xlsx")
    found = _found(r)
    assert found["b", "5.1"] == (
        Decimal("4.55"),
        {
            "value": "45.5000",
            "scale": "100.00",
            "source": "pii-2026.xlsx",
            "imported_at": value.imported_at.isoformat(),
        },
    )
    assert found["c", "5.1"] == (Decimal(0), {"value": None})


def test_a_criterion_scored_by_people_is_skipped_and_the_computed_ones_after_it_are_not(
    scoring_round,
):
    r = scoring_round
    criteria = scheme_criteria(r.scheme)
    assert criteria[0] == r.leadership  # the human criterion comes first
    found = computed.compute(scheme=r.scheme, criteria=criteria, units=[r.a])
    assert {c for _u, c in found} == {r.targets.pk, r.tasks.pk, r.reports.pk, r.pii.pk}


# An external index: a share of the scale, never above the maximum nor below zero.


@pytest.mark.parametrize(
    ("value", "points"),
    [
        ("45.45", "4.55"),  # to the cent, half up (4.545; half to even would give 4.54)
        ("100", "10.00"),
        ("130", "10"),  # above the scale: the maximum
        ("-5", "0"),  # below zero (a published fall): nothing, not a penalty
    ],
)
def test_an_index_gives_max_times_value_over_scale_within_zero_and_the_maximum(
    scoring_round, value, points
):
    r = scoring_round
    IndexValue.objects.filter(criterion=r.pii, unit=r.a).update(value=Decimal(value))
    assert _found(r)["a", "5.1"][0] == Decimal(points)


# What the reports and tasks criteria read: a year of a scheme, up to its cutoff.


@pytest.fixture
def year(world):
    """A commune's monthly schedule under a plan scored for 2026 at 30 April, with its task,
    and the criteria of reports and tasks on time (10 and 20 points)."""
    plan = PlanFactory(issuer=world.province)
    schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
    scheme = EvaluationScheme.objects.create(
        issuer=world.province, plan=plan, year=2026, name="Bộ tiêu chí 2026", cutoff=CUTOFF
    )
    group = CriterionGroup.objects.create(scheme=scheme, order=2, name="Hoàn thành nhiệm vụ")
    S = Criterion.Source
    Criterion.objects.create(
        group=group, order=2, code="2.2", name="Nhiệm vụ", max_points=20, source=S.TASKS_ON_TIME
    )
    Criterion.objects.create(
        group=group, order=3, code="2.3", name="Báo cáo", max_points=10, source=S.REPORTS_ON_TIME
    )
    return world, plan, schedule, scheme


def _scored(scheme, unit) -> dict:
    criteria = scheme_criteria(scheme)
    found = computed.compute(scheme=scheme, criteria=criteria, units=[unit])
    return {c.code: found[unit.pk, c.pk] for c in criteria}


def _sent(unit, period, day: datetime.date, **fields) -> Report:
    fields = {"status": WorkflowStatus.ACCEPTED, "completeness": 100, "days_late": 0, **fields}
    return Report.objects.create(
        unit=unit,
        period=period,
        submitted_at=datetime.datetime(day.year, day.month, day.day, 9, tzinfo=TZ),
        **fields,
    )


def _period(schedule, start, due, label=None):
    label = label or start.strftime("Tháng %m/%Y")
    return PeriodFactory(schedule=schedule, start=start, due_date=due, code=label, label=label)


def _labels(computed_) -> list:
    return [item["label"] for item in computed_.basis["items"]]


def test_reports_counted_are_of_periods_begun_in_the_year_and_due_before_the_cutoff(year):
    world, _plan, schedule, scheme = year
    d = datetime.date
    _period(schedule, d(2025, 12, 1), d(2025, 12, 20))  # last year
    _period(schedule, d(2026, 1, 1), d(2026, 1, 20))  # the first day of the year
    _period(schedule, d(2026, 4, 1), d(2026, 4, 29), "Hạn 29/4")  # the day before the cutoff
    _period(schedule, d(2026, 4, 2), CUTOFF, "Hạn 30/4")  # due on the cutoff: not yet asked
    reports = _scored(scheme, world.commune)["2.3"]
    assert _labels(reports) == ["Tháng 01/2026", "Hạn 29/4"]
    assert reports.basis["of"] == 2


def test_a_report_sent_on_the_cutoff_day_counts_and_one_sent_the_day_after_does_not(year):
    world, _plan, schedule, scheme = year
    d = datetime.date
    on_the_day = _period(schedule, d(2026, 3, 1), d(2026, 3, 20))
    after = _period(schedule, d(2026, 4, 1), d(2026, 4, 20))
    _sent(world.commune, on_the_day, CUTOFF)
    _sent(world.commune, after, CUTOFF + datetime.timedelta(days=1))
    reports = _scored(scheme, world.commune)["2.3"]
    assert [item["kind"] for item in reports.basis["items"]] == ["report", "period"]
    assert (reports.points, reports.basis["good"]) == (Decimal("5.00"), 1)


@pytest.mark.parametrize(
    ("completeness", "status", "ok"),
    [
        (100, WorkflowStatus.ACCEPTED, True),
        (Decimal("99.9"), WorkflowStatus.ACCEPTED, False),  # not every figure given
        (100, WorkflowStatus.SUBMITTED, True),  # sent: its office's check is not the unit's
        (100, WorkflowStatus.RETURNED, False),  # returned as wrong and not sent again
    ],
)
def test_a_report_on_time_counts_only_when_complete_and_not_returned(
    year, completeness, status, ok
):
    world, _plan, schedule, scheme = year
    period = _period(schedule, datetime.date(2026, 3, 1), datetime.date(2026, 3, 20))
    _sent(
        world.commune, period, datetime.date(2026, 3, 18), completeness=completeness, status=status
    )
    reports = _scored(scheme, world.commune)["2.3"]
    assert [(item["complete"], item["ok"]) for item in reports.basis["items"]] == [(ok, ok)]
    assert reports.points == (Decimal("10.00") if ok else Decimal("0.00"))


def test_a_unit_reads_only_the_active_schedules_of_the_plan_for_its_unit_type(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    _period(schedule, d(2026, 2, 1), d(2026, 2, 20))
    others = ScheduleFactory(plan=plan, unit_types=[world.department.unit_type])
    _period(others, d(2026, 2, 1), d(2026, 2, 20))
    stopped = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type], is_active=False)
    _period(stopped, d(2026, 3, 1), d(2026, 3, 20))
    another_plan = ScheduleFactory(unit_types=[world.commune.unit_type])
    _period(another_plan, d(2026, 1, 1), d(2026, 1, 20))
    assert _labels(_scored(scheme, world.commune)["2.3"]) == ["Tháng 02/2026"]


def test_a_scheme_without_a_plan_asks_no_target_report_nor_task_and_gives_full_points(year):
    world, _plan, schedule, scheme = year
    _period(schedule, datetime.date(2026, 2, 1), datetime.date(2026, 2, 20))
    Criterion.objects.create(
        group=scheme.groups.get(),
        order=1,
        code="2.1",
        name="Chỉ tiêu",
        max_points=30,
        source=Criterion.Source.TARGETS_MET,
    )
    scheme.plan = None
    scheme.save()
    scored = _scored(scheme, world.commune)
    assert (scored["2.1"].points, scored["2.1"].basis) == (Decimal(30), {"good": 0, "of": 0})
    assert scored["2.3"].points == Decimal(10) and scored["2.3"].basis["of"] == 0
    assert scored["2.2"].points == Decimal(20) and scored["2.2"].basis["of"] == 0


def _task(plan, schedule, title, due):
    task = TaskFactory(plan=plan, title=title)
    Task.objects.filter(pk=task.pk).update(due_date=due)
    schedule.tasks.add(task)
    return task


def test_tasks_counted_are_due_from_the_first_day_of_the_year_to_the_cutoff_by_due_date(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    _task(plan, schedule, "Cuối năm trước", d(2025, 12, 31))
    _task(plan, schedule, "Hạn ngày cắt", CUTOFF)
    _task(plan, schedule, "Ngày đầu năm", d(2026, 1, 1))
    _task(plan, schedule, "Sau ngày cắt", d(2026, 5, 1))
    _task(plan, schedule, "Không hạn", None)
    tasks = _scored(scheme, world.commune)["2.2"]
    assert _labels(tasks) == ["Ngày đầu năm", "Hạn ngày cắt"]
    assert [item["due"] for item in tasks.basis["items"]] == ["2026-01-01", "2026-04-30"]


def _done(report, task, **fields):
    return TaskUpdate.objects.create(
        report=report, task=task, status=TaskUpdate.Status.DONE, progress=100, **fields
    )


LINK = "https://vb.laocai.gov.vn/qd-12.pdf"


def test_a_task_is_done_on_time_when_reported_done_in_the_period_it_falls_due(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    march = _period(schedule, d(2026, 3, 1), d(2026, 3, 20))
    april = _period(schedule, d(2026, 4, 1), d(2026, 4, 20))
    due_first_of_march = _task(plan, schedule, "Hạn 01/3", d(2026, 3, 1))
    due_end_of_march = _task(plan, schedule, "Hạn 31/3", d(2026, 3, 31))
    late = _task(plan, schedule, "Hạn 28/3, xong tháng 4", d(2026, 3, 28))
    in_march = _sent(world.commune, march, d(2026, 3, 18))
    in_april = _sent(world.commune, april, d(2026, 4, 18))
    _done(in_march, due_first_of_march, evidence_link=LINK)  # the period begins on its due day
    _done(in_march, due_end_of_march, evidence_link=LINK)
    _done(in_april, late, evidence_link=LINK)
    tasks = _scored(scheme, world.commune)["2.2"]
    assert [(item["label"], item["ok"]) for item in tasks.basis["items"]] == [
        ("Hạn 01/3", True),
        ("Hạn 28/3, xong tháng 4", False),
        ("Hạn 31/3", True),
    ]
    assert (tasks.points, tasks.basis["good"], tasks.basis["of"]) == (Decimal("13.33"), 2, 3)


def test_a_task_said_done_counts_only_with_evidence_in_a_report_past_draft(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    march = _period(schedule, d(2026, 3, 1), d(2026, 3, 20))
    april = _period(schedule, d(2026, 4, 1), d(2026, 4, 20))
    no_evidence = _task(plan, schedule, "Không minh chứng", d(2026, 3, 31))
    draft_only = _task(plan, schedule, "Còn nháp", d(2026, 4, 30))
    report = _sent(world.commune, march, d(2026, 3, 18))
    _done(report, no_evidence)
    draft = _sent(world.commune, april, d(2026, 4, 18), status=WorkflowStatus.DRAFT)
    _done(draft, draft_only, evidence_link=LINK)
    tasks = _scored(scheme, world.commune)["2.2"]
    assert [item["ok"] for item in tasks.basis["items"]] == [False, False]


def test_reports_on_time_reads_its_periods_and_reports_in_one_query_each_for_any_units(
    year, django_assert_num_queries
):
    """The module's promise: a province's units in a few queries per criterion, whatever their
    number (no field of a period or a report read one row at a time)."""
    world, _plan, schedule, scheme = year
    d = datetime.date
    units = [world.commune, world.other_commune]
    for month in (2, 3):
        period = _period(schedule, d(2026, month, 1), d(2026, month, 20))
        for unit in units:
            _sent(unit, period, d(2026, month, 25), days_late=5)
    reports = next(c for c in scheme_criteria(scheme) if c.code == "2.3")
    # The active schedules and their unit types (2), the periods (1), the reports (1).
    with django_assert_num_queries(4):
        found = computed.compute(scheme=scheme, criteria=[reports], units=units)
    assert [item["state"] for item in found[world.commune.pk, reports.pk].basis["items"]] == [
        "late",
        "late",
    ]


def test_reports_on_time_lists_the_periods_by_their_start(year):
    world, _plan, schedule, scheme = year
    d = datetime.date
    _period(schedule, d(2026, 3, 1), d(2026, 3, 20))  # made first
    _period(schedule, d(2026, 2, 1), d(2026, 2, 20))
    assert _labels(_scored(scheme, world.commune)["2.3"]) == ["Tháng 02/2026", "Tháng 03/2026"]


def test_every_computed_criterion_reads_as_many_queries_for_four_units_as_for_one(
    scoring_round,
):
    """Read in bulk: no row of a report, a task's update, its period or an index value is
    fetched one unit at a time (a province has 1,611 units)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    r = scoring_round
    criteria = scheme_criteria(r.scheme)
    counts = []
    for units in ([r.a], [r.a, r.b, r.c, r.d]):
        with CaptureQueriesContext(connection) as captured:
            computed.compute(scheme=r.scheme, criteria=criteria, units=units)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_a_task_in_progress_with_evidence_is_not_done(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    march = _period(schedule, d(2026, 3, 1), d(2026, 3, 20))
    task = _task(plan, schedule, "Đang làm", d(2026, 3, 31))
    TaskUpdate.objects.create(
        report=_sent(world.commune, march, d(2026, 3, 18)),
        task=task,
        status=TaskUpdate.Status.IN_PROGRESS,
        progress=60,
        evidence_link=LINK,
    )
    tasks = _scored(scheme, world.commune)["2.2"]
    assert [(item["kind"], item["ok"]) for item in tasks.basis["items"]] == [("task", False)]


def test_the_earliest_period_that_said_done_counts_whatever_order_the_reports_were_made(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    march = _period(schedule, d(2026, 3, 1), d(2026, 3, 20))
    april = _period(schedule, d(2026, 4, 1), d(2026, 4, 20))
    task = _task(plan, schedule, "Hạn 31/3", d(2026, 3, 31))
    in_april = _sent(world.commune, april, d(2026, 4, 18))  # made first
    in_march = _sent(world.commune, march, d(2026, 3, 18))
    _done(in_april, task, evidence_link=LINK)
    _done(in_march, task, evidence_link=LINK)
    tasks = _scored(scheme, world.commune)["2.2"]
    assert [(item["pk"], item["ok"]) for item in tasks.basis["items"]] == [(in_march.pk, True)]


def test_a_task_said_done_only_in_a_period_begun_after_the_cutoff_lists_the_task(year):
    world, plan, schedule, scheme = year
    d = datetime.date
    may = _period(schedule, d(2026, 5, 1), d(2026, 5, 20))
    task = _task(plan, schedule, "Hạn 30/4", CUTOFF)
    _done(_sent(world.commune, may, d(2026, 4, 30)), task, evidence_link=LINK)
    tasks = _scored(scheme, world.commune)["2.2"]
    assert [(item["kind"], item["pk"]) for item in tasks.basis["items"]] == [("task", task.pk)]


def test_a_basis_keeps_the_first_200_characters_of_a_long_target_or_task(scoring_round):
    r = scoring_round
    long = "Năm 2026, " + "x" * 300
    Task.objects.filter(pk=r.task.pk).update(title=long)
    r.scheme.plan.targets.update(text=long)
    found = _found(r)
    labels = [item["label"] for code in ("2.1", "2.2") for item in found["a", code][1]["items"]]
    assert labels == [long[:200]] * 3


def test_a_unit_is_judged_on_the_targets_and_levels_it_registered_approved_for_the_year(
    scoring_round,
):
    from registrations.models import RegisteredTarget, Registration

    r = scoring_round
    online, models = (t for t in r.scheme.plan.targets.order_by("pk"))

    def register(unit, target, value, year=2026, status=Registration.Status.APPROVED):
        registration = Registration.objects.create(
            unit=unit, plan=target.plan, year=year, status=status
        )
        RegisteredTarget.objects.create(registration=registration, target=target, value=value)

    register(r.b, online, 45)  # B's 50 % meets the 45 % it committed to; models not registered
    register(r.c, models, 0, status=Registration.Status.SUBMITTED)  # not approved: ignored
    register(r.a, online, 99, year=2025)  # another year: ignored
    register(r.d, TargetFactory(plan=PlanFactory(issuer=r.scheme.issuer), indicator=r.ratio), 1)
    found = _found(r)
    b = found["b", "2.1"]
    assert (b[0], b[1]["good"], b[1]["of"]) == (Decimal("30.00"), 1, 1)
    assert [(item["pk"], item["state"]) for item in b[1]["items"]] == [(online.pk, "Đạt")]
    assert (found["c", "2.1"][0], found["c", "2.1"][1]["of"]) == (Decimal("15.00"), 2)
    assert (found["a", "2.1"][0], found["a", "2.1"][1]["of"]) == (Decimal("30.00"), 2)
    assert found["d", "2.1"][1]["of"] == 2  # its registration is of another plan


def test_a_target_of_an_indicator_the_unit_is_not_asked_to_report_is_not_the_units(
    scoring_round,
):
    from reporting.tests.factories import IndicatorFactory, ScheduleIndicatorFactory

    r = scoring_round
    nobody = TargetFactory(plan=r.scheme.plan, indicator=IndicatorFactory(), value=1)
    departments = ScheduleFactory(plan=r.scheme.plan, unit_types=[r.scheme.issuer.unit_type])
    theirs = ScheduleIndicatorFactory(schedule=departments, indicator=IndicatorFactory()).indicator
    TargetFactory(plan=r.scheme.plan, indicator=theirs, value=1)
    items = _found(r)["a", "2.1"][1]["items"]
    assert nobody.pk not in [item["pk"] for item in items]
    assert len(items) == 2  # the two targets of the communes' own indicators


def test_an_index_is_read_for_its_own_criterion_and_a_unit_without_one_ends_nothing(
    scoring_round,
):
    r = scoring_round
    dti = Criterion.objects.create(
        group=r.pii.group,
        order=2,
        code="5.2",
        name="Chỉ số DTI",
        max_points=10,
        source=Criterion.Source.EXTERNAL_INDEX,
        index_scale=1,
    )
    IndexValue.objects.create(
        criterion=dti, unit=r.c, value=Decimal("0.9"), imported_at=timezone.now()
    )
    found = _found(r, [r.c, r.a, r.b])  # C, with no PII, comes first
    assert [found[unit, "5.1"][0] for unit in "abc"] == [Decimal("6.00"), Decimal("4.55"), 0]
    assert [found[unit, "5.2"][0] for unit in "abc"] == [0, 0, Decimal("9.00")]


def test_targets_met_judges_the_schemes_year_on_its_level_of_the_targets_yearly_path(
    scoring_round,
):
    """Seed 004 §I.2 "đánh giá theo từng năm": a target due in 2030 is judged in 2026 on its
    2026 level, the plan's own (yearly_values) or else the straight line from the baseline."""
    r = scoring_round
    online = r.scheme.plan.targets.order_by("pk").first()
    online.due_year, online.baseline_year, online.baseline_value = 2030, 2025, 40
    online.save()

    def b_online():
        points, basis = _found(r)["b", "2.1"]
        return next(i for i in basis["items"] if i["pk"] == online.pk)

    assert b_online()["ok"] is True  # 50 % meets the straight line's 2026 level (40 → 90: 50)
    online.yearly_values = {"2026": "60"}
    online.save()
    assert b_online()["ok"] is False  # the plan's own 2026 level, 60 %, is not met by 50 %
