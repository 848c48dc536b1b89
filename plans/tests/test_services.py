import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.services import ConcurrentEditError
from org.models import Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, PersonFactory, user_with_role
from plans import services
from plans.models import Plan, PlanReference, Target, Task, TaskDeadline
from plans.tests.factories import (
    PlanFactory,
    PlanReferenceFactory,
    TargetFactory,
    TaskDeadlineFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def scope_of(unit, role=Role.COORDINATOR):
    return user_scope(user_with_role(unit, role))


class TestPlanCreate:
    def test_coordinator_creates_a_plan_of_their_unit(self, world):
        plan = services.plan_create(
            scope=scope_of(world.commune),
            user=None,
            data={
                "issuer": world.commune,
                "title": "Kế hoạch chuyển đổi số",
                "number": "12/KH-UBND",
            },
        )
        assert plan.search_text == "12/kh-ubnd ke hoach chuyen doi so"

    def test_plan_for_a_unit_outside_the_subtree_is_refused_and_nothing_is_saved(self, world):
        with pytest.raises(PermissionDenied):
            services.plan_create(
                scope=scope_of(world.commune),
                user=None,
                data={"issuer": world.other_commune, "title": "KH"},
            )
        assert Plan.objects.count() == 0

    def test_reporter_cannot_create_plans(self, world):
        with pytest.raises(PermissionDenied):
            services.plan_create(
                scope=scope_of(world.commune, Role.REPORTER),
                user=None,
                data={"issuer": world.commune, "title": "KH"},
            )


class TestConcurrentEdits:
    def test_second_save_from_a_stale_form_is_refused_and_the_first_is_kept(self, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Gốc")
        scope = scope_of(world.commune)
        opened_version = task.version
        services.task_update(
            scope=scope,
            task=task,
            data={"title": "Người thứ nhất"},
            expected_version=opened_version,
        )
        stale = Task.objects.get(pk=task.pk)
        with pytest.raises(ConcurrentEditError):
            services.task_update(
                scope=scope,
                task=stale,
                data={"title": "Người thứ hai"},
                expected_version=opened_version,
            )
        assert Task.objects.get(pk=task.pk).title == "Người thứ nhất"

    def test_target_edit_conflict_is_detected(self, world):
        target = TargetFactory(plan=PlanFactory(issuer=world.commune))
        scope = scope_of(world.commune)
        services.target_update(scope=scope, target=target, data={"value": 95}, expected_version=1)
        with pytest.raises(ConcurrentEditError):
            services.target_update(
                scope=scope,
                target=Target.objects.get(pk=target.pk),
                data={"value": 80},
                expected_version=1,
            )
        assert Target.objects.get(pk=target.pk).value == 95


class TestTaskUpdate:
    def test_deadline_change_refreshes_the_due_date(self, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune))
        TaskDeadlineFactory(task=task)
        services.task_update(
            scope=scope_of(world.commune),
            task=task,
            data={},
            expected_version=task.version,
            deadlines=[{"kind": "quarter", "year": 2026, "quarter": 3}],
        )
        task.refresh_from_db()
        assert task.due_date == datetime.date(2026, 9, 30)
        assert not task.is_recurring
        assert [d.kind for d in task.deadlines.all()] == ["quarter"]

    def test_bad_deadline_changes_nothing_at_all(self, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), title="Gốc")
        TaskDeadlineFactory(task=task)
        with pytest.raises(ValidationError):
            services.task_update(
                scope=scope_of(world.commune),
                task=task,
                data={"title": "Đã sửa"},
                expected_version=task.version,
                deadlines=[{"kind": "month", "year": 2026, "month": 14}],
            )
        fresh = Task.objects.get(pk=task.pk)
        assert fresh.title == "Gốc"
        assert fresh.version == 1
        assert list(TaskDeadline.objects.filter(task=task).values_list("kind", flat=True)) == [
            "recurring"
        ]

    def test_every_change_is_attributable(self, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.commune))
        services.task_update(
            scope=scope_of(world.commune),
            task=task,
            data={"status": "in_progress", "progress": 10},
            expected_version=1,
        )
        latest = task.history.first()
        assert latest.status == "in_progress"
        assert latest.history_date is not None

    def test_task_of_another_commune_cannot_be_edited(self, world):
        task = TaskFactory(plan=PlanFactory(issuer=world.other_commune))
        with pytest.raises(PermissionDenied):
            services.task_update(
                scope=scope_of(world.commune), task=task, data={"title": "x"}, expected_version=1
            )


class TestReferences:
    def test_unknown_reference_becomes_a_placeholder_found_again_by_number(self):
        first = services.reference_resolve(
            number="160/KH-UBND", doc_type="KH", text="Kế hoạch số 160"
        )
        again = services.reference_resolve(number="160 /KH-UBND", doc_type="KH")
        assert first.pk == again.pk
        assert first.is_placeholder

    def test_existing_plan_is_linked_not_duplicated(self, world):
        plan = PlanFactory(issuer=world.province, number="160/KH-UBND")
        assert services.reference_resolve(number="160/KH-UBND", doc_type="KH") == plan

    def test_target_aligns_only_to_a_plan_it_implements(self, world):
        parent_plan = PlanFactory(issuer=world.province)
        parent_target = TargetFactory(plan=parent_plan)
        child_plan = PlanFactory(issuer=world.commune)
        scope = scope_of(world.commune)
        data = {"text": "90% hồ sơ", "comparator": ">=", "value": 90, "unit": "%"}
        with pytest.raises(ValidationError):
            services.target_create(
                scope=scope, plan=child_plan, data={**data, "parent_target": parent_target}
            )
        PlanReferenceFactory(plan=child_plan, referenced=parent_plan)
        target = services.target_create(
            scope=scope, plan=child_plan, data={**data, "parent_target": parent_target}
        )
        assert target.parent_target == parent_target
        assert PlanReference.objects.count() == 1


class TestTaskPersonInCharge:
    """ "06 rõ" (seed 001 §I): rõ người — an officer of a lead unit answers for the task."""

    def test_person_of_a_lead_unit_is_put_in_charge_with_the_deciding_authority(self, world):
        person = PersonFactory(unit=world.village, full_name="Lò Văn Minh")
        task = services.task_create(
            scope=scope_of(world.commune),
            plan=PlanFactory(issuer=world.commune),
            data={
                "title": "Số hóa hồ sơ thôn",
                "person_in_charge": person,
                "deciding_authority": "Chủ tịch UBND xã",
            },
            lead_units=[world.village],
        )
        task.refresh_from_db()
        assert task.person_in_charge == person
        assert task.deciding_authority == "Chủ tịch UBND xã"

    def test_person_of_an_office_under_a_lead_unit_counts_as_of_that_unit(self, world):
        person = PersonFactory(unit=world.office)
        task = services.task_create(
            scope=scope_of(world.province),
            plan=PlanFactory(issuer=world.province),
            data={"title": "Rà soát thủ tục", "person_in_charge": person},
            lead_units=[world.department],
        )
        assert task.person_in_charge == person

    def test_person_outside_the_lead_units_is_refused_and_nothing_is_saved(self, world):
        plan = PlanFactory(issuer=world.province)
        outsider = PersonFactory(unit=world.other_commune, full_name="Hoàng Thị Lan")
        with pytest.raises(ValidationError) as refused:
            services.task_create(
                scope=scope_of(world.province),
                plan=plan,
                data={"title": "Nhiệm vụ", "person_in_charge": outsider},
                lead_units=[world.commune],
            )
        message = refused.value.message_dict["person_in_charge"][0]
        assert "đơn vị chủ trì" in message and "Hoàng Thị Lan" in message
        assert not Task.objects.filter(plan=plan).exists()

    def test_a_task_without_lead_units_cannot_have_a_person_in_charge(self, world):
        person = PersonFactory(unit=world.commune)
        with pytest.raises(ValidationError):
            services.task_create(
                scope=scope_of(world.commune),
                plan=PlanFactory(issuer=world.commune),
                data={"title": "Nhiệm vụ", "person_in_charge": person},
            )

    def test_removing_the_persons_unit_from_the_leads_is_refused_and_changes_nothing(self, world):
        person = PersonFactory(unit=world.village)
        task = TaskFactory(plan=PlanFactory(issuer=world.commune), person_in_charge=person)
        task.lead_units.add(world.village)
        with pytest.raises(ValidationError):
            services.task_update(
                scope=scope_of(world.commune),
                task=task,
                data={"title": "Đã sửa"},
                expected_version=task.version,
                lead_units=[
                    OrgUnitFactory(parent=world.commune, unit_type=world.village.unit_type)
                ],
            )
        fresh = Task.objects.get(pk=task.pk)
        assert list(fresh.lead_units.all()) == [world.village]
        assert fresh.title != "Đã sửa" and fresh.version == 1

    def test_person_outside_the_editors_scope_is_refused(self, world):
        """Even when named as a lead unit, another commune's officer is not the commune's to
        put in charge."""
        outsider = PersonFactory(unit=world.other_commune)
        with pytest.raises(ValidationError):
            services.task_create(
                scope=scope_of(world.commune),
                plan=PlanFactory(issuer=world.commune),
                data={"title": "Nhiệm vụ", "person_in_charge": outsider},
                lead_units=[world.other_commune],
            )


def test_target_followed_by_an_indicator_cannot_also_be_measured_elsewhere(world):
    from django.core.exceptions import ValidationError

    from indicators.models import Indicator
    from org.scope import UserScope
    from plans import services
    from plans.models import Target
    from plans.tests.factories import TargetFactory

    target = TargetFactory(
        plan__issuer=world.commune,
        indicator=Indicator.objects.create(code="cov", name="Mô hình", kind="count"),
    )
    scope = UserScope(user_id=None, is_superuser=True)
    with pytest.raises(ValidationError) as refused:
        services.target_update(
            scope=scope,
            target=target,
            data={"measured_elsewhere": "Số liệu của Cục Thống kê."},
            expected_version=target.version,
        )
    assert "measured_elsewhere" in refused.value.message_dict
    assert Target.objects.get(pk=target.pk).measured_elsewhere == ""
    fresh = Target.objects.get(pk=target.pk)
    updated = services.target_update(
        scope=scope,
        target=fresh,
        data={"indicator": None, "measured_elsewhere": "Số liệu của Cục Thống kê."},
        expected_version=fresh.version,
    )
    assert updated.monitoring == "elsewhere"
