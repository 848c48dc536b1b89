# Issue 10 §4: a task's status and progress may no longer contradict each other; the database
# checks it from 0012 on (and reporting's task updates from reporting 0007). This repairs the rows
# that would break the check first.
#
# The progress is the figure a person typed; the status is a word picked from a list. So the
# status follows the progress, and no figure is changed: 0 % is "not started", 1-99 % "in
# progress", 100 % "done" (a report's "overdue" stays overdue below 100 %, and is done at 100 %).
# Two cases are not a typed figure, and there the progress moves instead:
# - "done" at 0 %: 0 is the progress left at its default; the plan's form and the report's cleaner
#   both read a task marked done with no progress as 100 % (plans.services._done_is_full,
#   reporting.figures.clean_task_update_fields), so it becomes done at 100 %;
# - above 100 % (never accepted by a form; only a direct write could store it): 100 %, done.
# Not reversible as data (which rows were repaired is not kept); reversing leaves them repaired.

from django.db import migrations
from django.db.models import Q


def status_follows_progress(model) -> None:
    rows = model.objects
    rows.filter(progress__gt=100).update(progress=100)
    rows.filter(status="done", progress=0).update(progress=100)
    rows.filter(progress=0, status="in_progress").update(status="not_started")
    rows.filter(progress__gte=1, progress__lte=99).filter(
        Q(status="not_started") | Q(status="done")
    ).update(status="in_progress")
    rows.filter(progress=100).exclude(status="done").update(status="done")


def repair(apps, schema_editor):
    status_follows_progress(apps.get_model("plans", "Task"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0010_plan_text_apart")]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
