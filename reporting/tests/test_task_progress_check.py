"""Issue 10 §4 at the database: a task's status and progress cannot contradict each other on a
plan's task or a report's task update, and the migration that adds the check first repairs the
rows that would break it (the status follows the typed progress; plans 0011 says why)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from plans.tests.factories import TaskFactory
from reporting.models import TaskUpdate

BEFORE = [("plans", "0010_plan_text_apart"), ("reporting", "0005_registration_events_moved")]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "progress"), [("in_progress", 0), ("overdue", 100)])
def test_a_report_update_that_contradicts_its_progress_is_refused_by_the_database(
    setup, status, progress
):
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskUpdate.objects.create(
            report=setup.report, task=setup.task, status=status, progress=progress
        )
    TaskUpdate.objects.create(report=setup.report, task=setup.task, status="overdue", progress=40)


@pytest.mark.django_db
def test_the_database_checks_a_report_update_by_the_plans_rule_on_every_pair(setup):
    from plans.models import task_progress_error

    outcomes = set()
    for status in TaskUpdate.Status.values:
        for progress in (0, 1, 50, 99, 100, 101):
            try:
                with transaction.atomic():
                    TaskUpdate.objects.create(
                        report=setup.report, task=setup.task, status=status, progress=progress
                    )
                TaskUpdate.objects.filter(report=setup.report).delete()
                stored = True
            except IntegrityError:
                stored = False
            assert stored == (task_progress_error(status, progress) is None), (status, progress)
            outcomes.add(stored)
    assert outcomes == {True, False}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


@pytest.mark.django_db(transaction=True)
def test_the_migration_repairs_contradicting_rows_then_checks_them_and_reverses(setup):
    # (stored before, repaired): the typed progress stays, the status follows it; done at the
    # default 0 % reads as 100 %, as the forms read it.
    tasks = {
        ("not_started", 90): ("in_progress", 90),
        ("done", 0): ("done", 100),
        ("done", 40): ("in_progress", 40),
        ("in_progress", 0): ("not_started", 0),
        ("in_progress", 100): ("done", 100),
        ("not_started", 100): ("done", 100),
        ("in_progress", 130): ("done", 100),
        ("in_progress", 50): ("in_progress", 50),
        ("not_started", 0): ("not_started", 0),
    }
    updates = {
        ("overdue", 100): ("done", 100),
        ("overdue", 40): ("overdue", 40),
        ("not_started", 90): ("in_progress", 90),
        ("done", 0): ("done", 100),
    }
    plan = setup.task.plan
    task_rows = {TaskFactory(plan=plan).pk: pair for pair in tasks}
    update_rows = {
        TaskUpdate.objects.create(report=setup.report, task=TaskFactory(plan=plan)).pk: pair
        for pair in updates
    }
    try:
        old = _migrate(BEFORE)
        for model, rows in (
            (old.get_model("plans", "Task"), task_rows),
            (old.get_model("reporting", "TaskUpdate"), update_rows),
        ):
            for pk, (status, progress) in rows.items():
                model.objects.filter(pk=pk).update(status=status, progress=progress)
        _migrate(None)
        from plans.models import Task

        for model, rows, repaired in ((Task, task_rows, tasks), (TaskUpdate, update_rows, updates)):
            for pk, pair in rows.items():
                assert model.objects.values_list("status", "progress").get(pk=pk) == repaired[pair]
        with pytest.raises(IntegrityError), transaction.atomic():
            Task.objects.filter(pk__in=task_rows).update(status="not_started", progress=90)
        # Backwards the check goes and the repaired rows stay as they are.
        old = _migrate(BEFORE)
        back = old.get_model("plans", "Task").objects.filter(pk__in=task_rows)
        back.update(status="not_started", progress=90)
        assert set(back.values_list("status", "progress")) == {("not_started", 90)}
    finally:
        _migrate(None)
