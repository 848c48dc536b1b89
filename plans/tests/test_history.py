"""Every change of a plan, target or task is attributable (issue #13): its history page says who
saved it, when, and each field's old and new value, in Vietnamese; it is read by whoever reads
the record, and an id out of scope is a 404."""

from decimal import Decimal

import pytest
from django.urls import reverse

from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans import services
from plans.models import TaskStatus
from plans.tests.factories import PlanFactory, PlanReferenceFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _edit_title(client, plan, title):
    return client.post(
        reverse("plans:edit", args=[plan.pk]),
        {
            "doc_type": plan.doc_type,
            "number": plan.number,
            "issuer": plan.issuer_id,
            "title": title,
            "status": "issued",
            "version": plan.version,
        },
    )


def test_the_plan_history_names_who_changed_what_and_when(client, world):
    plan = PlanFactory(issuer=world.province, title="Kế hoạch chuyển đổi số 2026")
    editor = user_with_role(world.province, Role.COORDINATOR, first_name="Lan", last_name="Nguyễn")
    client.force_login(editor)
    assert _edit_title(client, plan, "Kế hoạch chuyển đổi số 2026–2030").status_code == 302
    page = client.get(reverse("plans:history", args=[plan.pk])).content.decode()
    first, second = page.split('data-testid="history-entry"')[1:3]
    assert "Lan" in first and "Sửa" in first and "Trích yếu" in first
    assert "<del>Kế hoạch chuyển đổi số 2026</del>" in first
    assert "<ins>Kế hoạch chuyển đổi số 2026–2030</ins>" in first
    assert "Version" not in first and "Updated" not in first  # counters are not changes
    assert "Tạo mới" in second
    assert (
        reverse("plans:history", args=[plan.pk])
        in client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    )


def test_a_task_shows_its_status_by_name_and_a_target_its_figure_with_a_decimal_comma(
    client, world
):
    editor = user_with_role(world.province, Role.COORDINATOR, first_name="Hà")
    scope = user_scope(editor)
    plan = PlanFactory(issuer=world.province)
    task = TaskFactory(plan=plan)
    task._history_user = editor
    services.task_update(
        scope=scope,
        task=task,
        data={"status": TaskStatus.IN_PROGRESS, "progress": 40},
        expected_version=task.version,
    )
    target = TargetFactory(plan=plan, value=Decimal("90"))
    target._history_user = editor
    services.target_update(
        scope=scope, target=target, data={"value": Decimal("95.5")}, expected_version=1
    )
    client.force_login(user_with_role(world.commune, Role.REPORTER))  # reads the province's plan
    task_page = client.get(reverse("plans:task_history", args=[task.pk])).content.decode()
    latest = task_page.split('data-testid="history-entry"')[1]
    assert "Hà" in latest and str(TaskStatus.IN_PROGRESS.label) in latest
    assert "<ins>40</ins>" in latest
    target_page = client.get(reverse("plans:target_history", args=[target.pk])).content.decode()
    assert "<del>90</del>" in target_page and "<ins>95,5</ins>" in target_page


def test_a_long_text_is_shown_cut_with_its_length(client, world):
    editor = user_with_role(world.province, Role.COORDINATOR)
    task = TaskFactory(plan=PlanFactory(issuer=world.province))
    services.task_update(
        scope=user_scope(editor), task=task, data={"text": "x" * 30000}, expected_version=1
    )
    client.force_login(editor)
    page = client.get(reverse("plans:task_history", args=[task.pk])).content.decode()
    assert "30.000 ký tự" in page and "x" * 30000 not in page
    assert "Hệ thống (lệnh quản trị)" in page  # saved by no person (as a command does)


def test_another_provinces_history_is_a_404(client, world):
    plan = PlanFactory(issuer=world.province)
    target, task = TargetFactory(plan=plan), TaskFactory(plan=plan)
    client.force_login(user_with_role(world.other_province, Role.COORDINATOR))
    for name, pk in [
        ("plans:history", plan.pk),
        ("plans:target_history", target.pk),
        ("plans:task_history", task.pk),
    ]:
        assert client.get(reverse(name, args=[pk])).status_code == 404, name


def test_the_history_page_costs_the_same_queries_however_long(
    client, world, django_assert_max_num_queries
):
    editor = user_with_role(world.province, Role.COORDINATOR)
    upper = PlanFactory(issuer=world.province)
    target = TargetFactory(plan=PlanFactory(issuer=world.province))
    PlanReferenceFactory(plan=target.plan, referenced=upper)
    parent = TargetFactory(plan=upper)
    scope = user_scope(editor)
    for step in range(30):
        target.refresh_from_db()
        services.target_update(
            scope=scope,
            target=target,
            data={"value": Decimal(step), "parent_target": parent if step % 2 else None},
            expected_version=target.version,
        )
    client.force_login(editor)
    url = reverse("plans:target_history", args=[target.pk])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.content.decode().count('data-testid="history-entry"') == 31


def _history_bytes(model) -> int:
    """The bytes of what the model's history rows hold: each stored value as UTF-8 text."""
    return sum(
        len(str(value).encode())
        for row in model.history.values_list()
        for value in row
        if value is not None
    )


def test_a_status_change_does_not_copy_the_long_description_again(client, world):
    """Issue #13 item 5: ten status changes of a task with a 30,000-character description add
    far less than ten copies of it, and the page still says who changed what, and when."""
    editor = user_with_role(world.province, Role.COORDINATOR, first_name="Mai")
    scope = user_scope(editor)
    task = TaskFactory(plan=PlanFactory(issuer=world.province), text="Mô tả dài. " * 2727)
    task._history_user = editor
    before = _history_bytes(task.__class__)
    steps = [(TaskStatus.IN_PROGRESS, 10 * step) for step in range(1, 10)]
    for status, progress in [*steps, (TaskStatus.DONE, 100)]:
        task = services.task_update(
            scope=scope,
            task=task,
            data={"status": status, "progress": progress},
            expected_version=task.version,
        )
    grown = _history_bytes(task.__class__) - before
    assert grown < 10 * 2_000, grown  # a whole row would be 10 × ~41,000 bytes
    services.task_update(
        scope=scope, task=task, data={"text": "Mô tả mới."}, expected_version=task.version
    )
    client.force_login(editor)
    page = client.get(reverse("plans:task_history", args=[task.pk])).content.decode()
    entries = page.split('data-testid="history-entry"')[1:]
    assert len(entries) == 12
    newest, done, *_ = entries
    assert "Mai" in newest and "<ins>Mô tả mới.</ins>" in newest and "<del>Mô tả dài." in newest
    assert "Nội dung" not in done and "<ins>100</ins>" in done and "Mai" in done
    assert "<time datetime=" in done
