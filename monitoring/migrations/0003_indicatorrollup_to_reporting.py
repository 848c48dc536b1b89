"""The roll-up model now belongs to reporting (reporting/migrations/0002): monitoring forgets it
in its state only; the table stays, under its name, and is reporting's from now on."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_initial"),
        ("reporting", "0002_indicatorrollup_from_monitoring"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="IndicatorRollup")],
            database_operations=[],
        ),
    ]
