# Issue 10 §4: a report's task update may no longer have a status that contradicts its
# progress; the rows that would break reporting 0007's check are repaired first, by the same
# rule as the plans' tasks (plans 0011 says why the status follows the progress).

import importlib

from django.db import migrations

plans_repair = importlib.import_module("plans.migrations.0011_task_status_follows_progress")


def repair(apps, schema_editor):
    plans_repair.status_follows_progress(apps.get_model("reporting", "TaskUpdate"))


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0005_registration_events_moved"),
        ("plans", "0011_task_status_follows_progress"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
