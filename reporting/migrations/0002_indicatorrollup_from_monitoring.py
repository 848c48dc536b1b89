"""The roll-up model moves from monitoring (which only reads it) to reporting (which writes it on
accept). State only: the table keeps its name (`db_table`), so no row moves."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0002_indicator_never_decreases_indicator_temporal_and_more"),
        ("monitoring", "0002_initial"),
        ("org", "0001_initial"),
        ("reporting", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IndicatorRollup",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("value_sum", models.DecimalField(decimal_places=4, default=0, max_digits=24)),
                        (
                            "numerator_sum",
                            models.DecimalField(decimal_places=4, default=0, max_digits=24),
                        ),
                        (
                            "denominator_sum",
                            models.DecimalField(decimal_places=4, default=0, max_digits=24),
                        ),
                        ("value_count", models.IntegerField(default=0)),
                        (
                            "indicator",
                            models.ForeignKey(
                                db_constraint=False,
                                db_index=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="indicators.indicator",
                            ),
                        ),
                        (
                            "period",
                            models.ForeignKey(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="reporting.period",
                            ),
                        ),
                        (
                            "unit",
                            models.ForeignKey(
                                db_constraint=False,
                                db_index=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="org.orgunit",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "số liệu tổng hợp",
                        "verbose_name_plural": "số liệu tổng hợp",
                        "db_table": "monitoring_indicatorrollup",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("unit", "period", "indicator"), name="rollup_once_per_key"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
