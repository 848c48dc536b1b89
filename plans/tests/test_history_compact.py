"""A version of a plan, target or task stores a long text only when the save changed it (issue
#13 item 5, core/history.py): every reader still sees the text each version had."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from org.models import Role
from org.scope import user_scope
from org.tests.factories import UserFactory, user_with_role
from plans import services
from plans.history import record_history
from plans.models import Target, Task, TaskStatus
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db

LONG = "Triển khai nền tảng số dùng chung cho cấp xã. " * 600  # 28,200 characters

migration = importlib.import_module("plans.migrations.0009_history_stores_a_changed_text_only")


def _progress(task, scope, *steps):
    for progress in steps:
        task = services.task_update(
            scope=scope,
            task=task,
            data={"status": TaskStatus.IN_PROGRESS, "progress": progress},
            expected_version=task.version,
        )
    return task


@pytest.fixture
def scope(world):
    return user_scope(user_with_role(world.province, Role.COORDINATOR))


def test_each_version_reads_the_text_it_had(world, scope):
    task = TaskFactory(plan=PlanFactory(issuer=world.province), text=LONG)
    task = _progress(task, scope, 10, 20, 30)
    stored = list(Task.history.filter(id=task.pk).order_by("history_id").values_list("text"))
    assert stored == [(LONG,), (None,), (None,), (None,)]
    newest = Task.history.filter(id=task.pk).latest("history_id")
    assert newest.instance.text == LONG  # the admin's version page and `as_of` read this
    assert task.history.as_of(newest.history_date).text == LONG
    # The page's oldest version left the text out: it is read from the version before.
    [entry] = record_history(task, limit=1)
    assert [change.new for change in entry.changes] == ["30"]


def test_a_text_put_back_as_it_was_is_a_change_both_ways(world, scope):
    task = TaskFactory(plan=PlanFactory(issuer=world.province), text=LONG)
    for text in ["Ngắn.", LONG]:
        task = services.task_update(
            scope=scope, task=task, data={"text": text}, expected_version=task.version
        )
    task = _progress(task, scope, 50)
    progress, back, shortened, _created = record_history(task)
    assert sorted(c.label for c in progress.changes) == ["Tiến độ (%)", "Trạng thái"]
    assert back.changes[0].old == "Ngắn." and back.changes[0].new.startswith(LONG[:100])
    assert shortened.changes[0].new == "Ngắn."


def test_the_admin_history_lists_no_emptied_text(client, world, scope):
    target = TargetFactory(plan=PlanFactory(issuer=world.province), text=LONG)
    for value in (10, 20):
        target.refresh_from_db()
        services.target_update(
            scope=scope, target=target, data={"value": value}, expected_version=target.version
        )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:plans_target_history", args=[target.pk])).content.decode()
    assert page.count("<strong>Giá trị:</strong>") == 2
    assert "Nội dung như văn bản ghi:" not in page  # no text "emptied" and put back
    version = Target.history.filter(id=target.pk).latest("history_id")
    form = client.get(
        reverse("admin:plans_target_simple_history", args=[target.pk, version.history_id])
    ).content.decode()
    assert "Triển khai nền tảng số" in form


def test_the_migration_leaves_out_what_the_versions_before_it_stored_and_puts_it_back(world, scope):
    task = TaskFactory(plan=PlanFactory(issuer=world.province), text=LONG)
    task = _progress(task, scope, 10, 20)
    task = services.task_update(
        scope=scope, task=task, data={"text": "Mới."}, expected_version=task.version
    )
    task = _progress(task, scope, 30)
    whole = [(LONG,), (LONG,), (LONG,), ("Mới.",), ("Mới.",)]
    versions = Task.history.filter(id=task.pk).order_by("history_id")
    migration.put_back_unchanged(apps, None)  # as simple-history wrote them before
    assert list(versions.values_list("text")) == whole
    migration.leave_out_unchanged(apps, None)
    assert list(versions.values_list("text")) == [(LONG,), (None,), (None,), ("Mới.",), (None,)]
    assert [e.changes[0].new for e in record_history(task)][:2] == ["30", "Mới."]
    migration.put_back_unchanged(apps, None)
    assert list(versions.values_list("text")) == whole


def test_a_version_names_its_record_with_the_text_it_left_out(world, scope):
    target = TargetFactory(plan=PlanFactory(issuer=world.province), text=LONG)
    services.target_update(scope=scope, target=target, data={"value": 5}, expected_version=1)
    newest = Target.history.filter(id=target.pk).latest("history_id")
    assert newest.text is None  # left out as unchanged
    assert newest.history_object.text == LONG and str(newest).startswith(LONG[:120])
