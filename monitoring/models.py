"""Roll-ups: each unit's figures summed over its whole subtree, per period and indicator.

Accepting a report adds its values to the rows of the unit and of every ancestor, in the same
transaction (`monitoring.rollups`); reopening it subtracts them. A command rebuilds every row
from the raw accepted values, and a test proves both ways agree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorRollup(models.Model):
    """Tổng hợp số liệu: the sums a unit's subtree reported for one indicator in one period.

    A ratio keeps the sums of numerators and denominators (its value is their quotient, never an
    average of percentages); a count or an amount its sum; yes/no the number of "yes" in
    `value_sum` out of `value_count`; a rank only the unit's own figure (ranks are not summed).
    `value_count` is how many reports gave a figure, so the units without data can be told.
    """

    # Derived data, rebuilt at will: no database constraint on the keys (each checked row slowed
    # a province's rebuild threefold, bench/README.md) and no index the unique key already
    # gives; Django still cascades deletes of units and periods.
    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    value_sum = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    numerator_sum = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    denominator_sum = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    value_count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tổng hợp")
        verbose_name_plural = _("số liệu tổng hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "indicator"], name="rollup_once_per_key"
            )
        ]
