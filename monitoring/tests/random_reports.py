"""Random monthly figures for the property tests of the dashboards (test_exports_agree,
test_verdicts_over_years): one indicator of each kind a target can follow, the months a unit
reports in, and a figure for each."""

import random
from decimal import Decimal

from indicators.models import Indicator
from reporting.tests.factories import IndicatorFactory, RatioIndicatorFactory


def indicators_of_each_kind() -> dict[str, Indicator]:
    return {
        # A flow: added up within the year, from zero each January.
        "count": IndicatorFactory(temporal=Indicator.Temporal.CUMULATIVE),
        # A share of sums, read at the latest period.
        "ratio": RatioIndicatorFactory(),
        # A stock read at the latest period (models in use, people trained).
        "stock": IndicatorFactory(temporal=Indicator.Temporal.LATEST, unit="người"),
        # A rank: the unit's own, lower is better.
        "rank": IndicatorFactory(
            kind=Indicator.Kind.RANK, direction=Indicator.Direction.LOWER, unit="bậc"
        ),
        # A figure entered in % that is not a ratio of sums (a score, a satisfaction index).
        "percent": IndicatorFactory(
            kind=Indicator.Kind.AMOUNT, temporal=Indicator.Temporal.LATEST, unit="%"
        ),
    }


def months_reported(rng: random.Random, months: int) -> list[int]:
    """A unit reports from some month to some month (some fell silent long ago), skipping
    months now and then."""
    start = rng.randint(0, months - 1)
    stop = rng.choice([rng.randint(start, months), months, months])
    gaps = rng.choice([0.0, 0.2, 0.5])
    return [month for month in range(start, stop) if rng.random() >= gaps]


def random_figure(rng: random.Random, key: str, month: int, *, min_denominator: int = 1) -> dict:
    """A figure of the indicator `key` of indicators_of_each_kind in the month-th month, as
    a report's fields (value, or numerator and denominator)."""
    if key == "ratio":
        denominator = rng.randint(min_denominator, 40)
        return {"numerator": rng.randint(0, denominator), "denominator": denominator}
    if key == "count":
        return {"value": rng.choice([0, 0, 1, 2, 3])}
    if key == "stock":
        return {"value": rng.randint(10, 40) + month}
    if key == "rank":
        return {"value": max(1, rng.randint(5, 30) - month // 6)}
    return {"value": Decimal(rng.randint(600, 950)) / 10}
