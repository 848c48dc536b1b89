"""Every URL × every role: nothing of another subtree is visible or editable (404, not 403),
and no object is reachable by guessing an id."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from org.models import Role
from org.tests.factories import user_with_role
from plans.models import Plan, PlanImport, Target, Task
from plans.tests.factories import (
    PlanFactory,
    PlanImportFactory,
    TargetFactory,
    TaskDeadlineFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db

# Every named URL of our apps that takes an object id, with the kind of object it takes.
OBJECT_URLS = {
    "plans:detail": "plan",
    "plans:edit": "plan",
    "plans:cascade": "plan",
    "plans:target_create": "plan",
    "plans:task_create": "plan",
    "plans:target_edit": "target",
    "plans:task_detail": "task",
    "plans:task_edit": "task",
    "org:detail": "unit",
    "plans:import_review": "plan_import",
    "plans:import_discard": "plan_import",
}
# Answer only POST (405 to a GET, whoever asks and whatever the id: nothing is revealed).
POST_ONLY = {"plans:import_discard"}
EDIT_URLS = {
    "plans:edit",
    "plans:target_create",
    "plans:task_create",
    "plans:target_edit",
    "plans:task_edit",
    "plans:import_review",
    "plans:import_discard",
}
LIST_URLS = ["home", "plans:list", "plans:target_list", "plans:task_list", "org:tree"]
ROLES = [Role.COORDINATOR, Role.REPORTER, Role.HEAD, Role.COUNCIL, Role.LEADER]


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in ("admin",) or "i18n" in str(pattern.pattern):
                continue
            yield from _named_patterns(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def test_every_url_with_an_id_is_in_the_matrix():
    with_ids = {name for name, p in _named_patterns() if "<int:" in str(p.pattern)}
    assert with_ids == set(OBJECT_URLS), "add new URLs to OBJECT_URLS so their scope is tested"


def _objects(unit):
    plan = PlanFactory(issuer=unit)
    target = TargetFactory(plan=plan, text="Mục tiêu bí mật của đơn vị khác")
    task = TaskFactory(plan=plan, title="Nhiệm vụ bí mật của đơn vị khác")
    TaskDeadlineFactory(task=task)
    plan_import = PlanImportFactory(issuer=unit)
    return {"plan": plan, "target": target, "task": task, "unit": unit, "plan_import": plan_import}


@pytest.mark.parametrize("role", ROLES)
def test_objects_of_another_subtree_are_404_for_every_role(client, world, role):
    client.force_login(user_with_role(world.commune, role))
    for foreign_unit in (world.other_commune, world.other_province, world.other_department):
        objects = _objects(foreign_unit)
        for name, kind in OBJECT_URLS.items():
            url = reverse(name, args=[objects[kind].pk])
            expected_get = 405 if name in POST_ONLY else 404
            assert client.get(url).status_code == expected_get, (role, name, foreign_unit)
            if name in EDIT_URLS:
                before = (Plan.objects.count(), Target.objects.count(), Task.objects.count())
                response = client.post(url, {"title": "Ghi đè", "text": "Ghi đè", "version": 1})
                assert response.status_code == 404, (role, name)
                assert (
                    Plan.objects.count(),
                    Target.objects.count(),
                    Task.objects.count(),
                ) == before
        assert Task.objects.get(pk=objects["task"].pk).title == "Nhiệm vụ bí mật của đơn vị khác"
        assert PlanImport.objects.get(pk=objects["plan_import"].pk).status == "pending"


@pytest.mark.parametrize("role", ROLES)
def test_lists_never_show_another_subtree(client, world, role):
    _objects(world.other_commune)
    _objects(world.other_province)
    client.force_login(user_with_role(world.commune, role))
    for name in LIST_URLS:
        page = client.get(reverse(name)).content.decode()
        assert "bí mật của đơn vị khác" not in page, (role, name)
        assert world.other_province.name not in page, (role, name)


@pytest.mark.parametrize("role", ROLES)
def test_own_objects_are_readable_and_only_coordinators_may_edit(client, world, role):
    objects = _objects(world.commune)
    client.force_login(user_with_role(world.commune, role))
    for name, kind in OBJECT_URLS.items():
        if name in POST_ONLY:
            continue
        status = client.get(reverse(name, args=[objects[kind].pk])).status_code
        if name in EDIT_URLS and role != Role.COORDINATOR:
            assert status == 404, (role, name)
        else:
            assert status == 200, (role, name)


def test_ids_that_do_not_exist_are_404(client, world):
    client.force_login(user_with_role(world.province))
    for name in OBJECT_URLS:
        method = client.post if name in POST_ONLY else client.get
        assert method(reverse(name, args=[999999])).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, world):
    objects = _objects(world.commune)
    for name, kind in OBJECT_URLS.items():
        method = client.post if name in POST_ONLY else client.get
        response = method(reverse(name, args=[objects[kind].pk]))
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
