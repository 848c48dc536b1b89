"""Over several years of random monthly figures, every page says the same of a unit and a target
(issue 10 §4, issue 14): the plan overview from the unit, the target page (from the unit and from
the province, in its row), the unit's page, the heat map and evaluation's share of targets met
give the same status and the same current value.

The figures are roll-ups written directly (reporting's own tests pin how accepted reports build
them); each unit reports for a while, skips months, and may fall silent long ago, so that a
figure older than the pages' window, a baseline taken from the first figure, a past due date and
the year's sum all come into play.
"""

import datetime
import random
from decimal import Decimal

import pytest

from evaluation.computed import compute
from evaluation.models import Criterion, CriterionGroup, EvaluationScheme
from monitoring import selectors
from monitoring.status import Status
from monitoring.tests.helpers import month_starts
from monitoring.tests.random_reports import (
    indicators_of_each_kind,
    months_reported,
    random_figure,
)
from org.scope import UserScope
from org.tests.factories import OrgUnitFactory, UnitTypeFactory
from plans.models import Comparator
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.models import IndicatorRollup
from reporting.tests.factories import (
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db
SUPER = UserScope(user_id=None, is_superuser=True)
FIRST_MONTH = datetime.date(2023, 1, 1)
MONTHS = 48  # January 2023 to December 2026
SEEDS = range(12)


def _targets(rng: random.Random, plan, indicators) -> list:
    def due():
        return rng.choice([2024, 2025, 2026, 2027, 2030])

    specs = [
        ("count", Comparator.GTE, 12, "count", due(), False, "Số hồ sơ"),
        ("count", Comparator.GTE, 1, "count", None, True, "Hằng năm, mỗi xã ít nhất 01 mô hình"),
        ("ratio", Comparator.GTE, 80, "%", due(), False, "Tỷ lệ hồ sơ trực tuyến"),
        # A change with no baseline in the plan: counted from the first figure.
        ("stock", Comparator.INCREASE, 20, "count", due(), False, "Tăng số người được tập huấn"),
        ("stock", Comparator.GTE, 60, "count", due(), False, "Số người được tập huấn"),
        ("rank", Comparator.INCREASE, 3, "", due(), False, "Tăng 3 bậc"),
        ("rank", Comparator.TOP, 10, "", due(), False, "Thuộc nhóm 10 dẫn đầu"),
        ("percent", Comparator.INCREASE, 10, "%", due(), False, "Tăng 10% chỉ số hài lòng"),
        ("percent", Comparator.GTE, 85, "%", due(), False, "Chỉ số hài lòng trên 85%"),
    ]
    targets = []
    for order, (key, comparator, value, unit, year, each, text) in enumerate(specs):
        targets.append(
            TargetFactory(
                plan=plan,
                order=order,
                indicator=indicators[key],
                comparator=comparator,
                value=value,
                unit=unit,
                due_year=year,
                applies_to_each_unit=each,
                text=text,
            )
        )
    return targets


def _report(rng: random.Random, units, periods, indicators) -> None:
    """Each unit reports in some months (months_reported); each figure is present or not on
    its own, and a ratio's denominator may be zero."""
    rows = []
    for unit in units:
        for month in months_reported(rng, MONTHS):
            period = periods[month]
            for key, indicator in indicators.items():
                if rng.random() < 0.15:
                    continue
                fields = {"value_sum": 0, "numerator_sum": 0, "denominator_sum": 0}
                figure = random_figure(rng, key, month, min_denominator=0)
                fields.update({f"{name}_sum": value for name, value in figure.items()})
                rows.append(
                    IndicatorRollup(
                        unit=unit, period=period, indicator=indicator, value_count=1, **fields
                    )
                )
    IndicatorRollup.objects.bulk_create(rows)


def _world(seed: int):
    rng = random.Random(seed)
    province = OrgUnitFactory(unit_type=UnitTypeFactory(code="tinh", level=0), name="Tỉnh")
    xa = UnitTypeFactory(code="xa")
    units = [OrgUnitFactory(parent=province, unit_type=xa, name=f"Xã {n}") for n in range(4)]
    plan = PlanFactory(issuer=province)
    schedule = ScheduleFactory(plan=plan, unit_types=[xa])
    indicators = indicators_of_each_kind()
    for indicator in indicators.values():
        ScheduleIndicatorFactory(schedule=schedule, indicator=indicator)
    periods = [
        PeriodFactory(schedule=schedule, start=day) for day in month_starts(FIRST_MONTH, MONTHS)
    ]
    targets = _targets(rng, plan, indicators)
    _report(rng, units, periods, indicators)
    as_of = rng.choice(
        [
            datetime.date(2025, 3, 25),
            datetime.date(2026, 1, 10),
            datetime.date(2026, 6, 30),
            datetime.date(2026, 11, 25),
        ]
    )
    return province, units, plan, targets, as_of


def _said(verdict) -> tuple[str, Decimal | None]:
    current = verdict.current
    return verdict.status, None if current is None else round(Decimal(current), 4)


def _scored(plan, province, units, as_of) -> dict[tuple[int, int], tuple[str, Decimal | None]]:
    """What evaluation's share of targets met judged each unit's targets on."""
    scheme = EvaluationScheme.objects.create(
        issuer=province, plan=plan, year=as_of.year, name="Bộ tiêu chí", cutoff=as_of
    )
    group = CriterionGroup.objects.create(scheme=scheme, name="Hoàn thành chỉ tiêu")
    criterion = Criterion.objects.create(
        group=group,
        code="2.1",
        name="Tỷ lệ chỉ tiêu đạt",
        max_points=Decimal(20),
        source="targets_met",
    )
    found = compute(scheme=scheme, criteria=[criterion], units=units)
    labels = {str(label): code for code, label in Status.LABELS.items()}
    said = {}
    for unit in units:
        for item in found[(unit.pk, criterion.pk)].basis["items"]:
            value = item["value"]
            said[(unit.pk, item["pk"])] = (
                labels[item["state"]],
                None if value is None else round(Decimal(value), 4),
            )
    return said


def verdicts_everywhere(
    plan, province, units, targets, as_of
) -> dict[str, dict[tuple[int, int], tuple[str, Decimal | None]]]:
    """page -> (unit id, target id) -> (status, current value) as that page says it."""
    pages: dict[str, dict[tuple[int, int], tuple]] = {}
    pages["overview"] = {
        (unit.pk, line.target.pk): _said(line.verdict)
        for unit in units
        for line in selectors.plan_overview(scope=SUPER, plan=plan, unit=unit, as_of=as_of).lines
    }
    pages["target page"] = {}
    pages["target page, province's row"] = {}
    for target in targets:
        detail = selectors.target_detail(scope=SUPER, target=target, unit=province, as_of=as_of)
        for row in detail.children:
            pages["target page, province's row"][(row.unit.pk, target.pk)] = _said(row.verdict)
        for unit in units:
            own = selectors.target_detail(scope=SUPER, target=target, unit=unit, as_of=as_of)
            pages["target page"][(unit.pk, target.pk)] = _said(own.verdict)
    pages["unit page"] = {}
    for unit in units:
        page = selectors.unit_page(scope=SUPER, unit=unit, as_of=as_of)
        for line in dict(page.plans)[plan]:
            pages["unit page"][(unit.pk, line.target.pk)] = _said(line.verdict)
    heat = selectors.heat_map(scope=SUPER, plan=plan, unit=province, as_of=as_of)
    pages["heat map"] = {
        (unit.pk, target.pk): _said(cell)
        for unit, cells in heat.rows
        for target, cell in zip(heat.targets, cells, strict=True)
        if cell is not None
    }
    pages["evaluation"] = _scored(plan, province, units, as_of)
    return pages


def disagreements(seed: int) -> list[str]:
    """Every (unit, target) on which two places say different things, as readable lines."""
    province, units, plan, targets, as_of = _world(seed)
    pages = verdicts_everywhere(plan, province, units, targets, as_of)
    found = []
    for unit in units:
        for target in targets:
            said = {name: page.get((unit.pk, target.pk)) for name, page in pages.items()}
            if len(set(said.values())) > 1:
                found.append(f"seed {seed}, {as_of}, {unit.name}, {target.text}: {said}")
    return found


@pytest.mark.parametrize("seed", SEEDS)
def test_every_page_gives_a_unit_the_same_verdict_over_years_of_figures(seed):
    found = disagreements(seed)
    assert not found, f"{len(found)} disagreements:\n" + "\n".join(found[:20])
