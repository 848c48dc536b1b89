"""Issue #13 Low 12: the catalogue admin (a superuser, for the admin site's catalogues) reads
everything but approves, accepts, returns and reopens no report or registration; an indicator a
coordinator defines belongs to their province and no other province sees it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from indicators.models import Indicator
from indicators.selectors import visible_indicators
from monitoring.tests.test_views import SUPER
from org.models import Role, RoleAssignment
from org.scope import user_scope
from org.tests.factories import UserFactory, user_with_role
from plans import services as plans_services
from plans.forms import TargetForm
from plans.models import Plan
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory
from registrations.actions import RegistrationActions
from registrations.models import Registration
from reporting import services
from reporting.forms import ScheduleItemForm
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)
from reporting.workflow import ACTIONS, ReportActions

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue_admin():
    return UserFactory(username="quantri_danhmuc", is_staff=True, is_superuser=True)


def _report(world, status):
    plan = PlanFactory(issuer=world.province)
    schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
    indicator = ScheduleIndicatorFactory(schedule=schedule).indicator
    report = services.report_open(
        scope=SUPER, unit=world.commune, period=PeriodFactory(schedule=schedule)
    )
    report = services.report_save_draft(
        scope=SUPER,
        user=None,
        report=report,
        expected_version=report.version,
        values={indicator.pk: {"value": 3}},
    )
    report = services.report_submit(scope=SUPER, user=None, report=report)
    if status == "approved":
        report = services.report_approve(scope=SUPER, user=None, report=report)
    return report


class TestTheCatalogueAdminActsOnNoReport:
    @pytest.mark.parametrize(
        ("status", "name"),
        [("submitted", "reporting:approve"), ("approved", "reporting:accept")],
    )
    def test_a_post_by_the_catalogue_admin_changes_nothing(
        self, client, world, catalogue_admin, status, name
    ):
        report = _report(world, status)
        client.force_login(catalogue_admin)
        assert client.get(reverse("reporting:detail", args=[report.pk])).status_code == 200
        response = client.post(reverse(name, args=[report.pk]), {"version": report.version})
        assert response.status_code == 404
        report.refresh_from_db()
        assert report.status == status

    def test_the_report_page_offers_the_catalogue_admin_no_step(self, world, catalogue_admin):
        for status in ("submitted", "approved"):
            report = _report(world, status)
            actions = ReportActions(user_scope(catalogue_admin), report)
            assert all(actions.refusal(action) is not None for action in ACTIONS), status

    def test_the_coordinator_who_receives_still_accepts(self, client, world):
        report = _report(world, "approved")
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        client.post(reverse("reporting:accept", args=[report.pk]), {"version": report.version})
        report.refresh_from_db()
        assert report.status == "accepted"

    def test_nor_does_it_decide_a_registration(self, world, catalogue_admin):
        plan = PlanFactory(issuer=world.province)
        registration = Registration.objects.create(
            unit=world.commune, plan=plan, year=2026, status=Registration.Status.SUBMITTED
        )
        actions = RegistrationActions(user_scope(catalogue_admin), registration)
        assert not actions.is_reporter and not actions.is_head and not actions.is_receiver

    def test_the_catalogue_admin_keeps_the_admin_sites_catalogues(self, client, catalogue_admin):
        client.force_login(catalogue_admin)
        assert client.get(reverse("admin:indicators_indicator_add")).status_code == 200


class TestIndicatorsBelongToAProvince:
    def _create(self, client, user, code):
        client.force_login(user)
        response = client.post(
            reverse("indicators:create"),
            {
                "code": code,
                "name": f"Chỉ số riêng {code}",
                "kind": "count",
                "direction": "higher",
                "temporal": "latest",
                "frequency": "monthly",
            },
        )
        assert response.status_code == 302
        return Indicator.objects.get(code=code)

    def test_a_coordinators_indicator_is_seen_only_in_its_province(self, client, world):
        own = self._create(client, user_with_role(world.commune, Role.COORDINATOR), "rieng-xa")
        assert own.owner == world.province
        shared = IndicatorFactory(code="dung-chung")  # the catalogue's: no owner
        neighbour = user_scope(user_with_role(world.department, Role.COORDINATOR))
        foreigner = user_scope(user_with_role(world.other_province, Role.COORDINATOR))
        assert set(visible_indicators(neighbour)) == {own, shared}
        assert set(visible_indicators(foreigner)) == {shared}

    def test_another_provinces_indicator_is_neither_offered_nor_accepted(self, client, world):
        own = self._create(client, user_with_role(world.commune, Role.COORDINATOR), "rieng-xa")
        foreigner = user_scope(user_with_role(world.other_province, Role.COORDINATOR))
        item = ScheduleItemForm({"indicator": own.pk, "required": "on"}, scope=foreigner)
        assert own not in item.fields["indicator"].queryset
        assert not item.is_valid() and "indicator" in item.errors
        plan = PlanFactory(issuer=world.other_province)
        target = TargetForm(plan=plan, scope=foreigner)
        assert own not in target.fields["indicator"].queryset
        page = self._schedule_page(world.other_province, plan)
        assert "Chỉ số riêng rieng-xa" not in page

    def _schedule_page(self, unit, plan):
        client = Client()  # a new session: no message left from the indicator's creation
        client.force_login(user_with_role(unit, Role.COORDINATOR))
        url = reverse("reporting:schedule_create")
        return client.get(url, {"plan": plan.pk}).content.decode()

    def test_the_catalogue_admins_indicator_is_everyones(self, client, world, catalogue_admin):
        shared = self._create(client, catalogue_admin, "danh-muc")
        assert shared.owner is None
        foreigner = user_scope(user_with_role(world.other_province, Role.COORDINATOR))
        assert shared in visible_indicators(foreigner)


def test_the_catalogue_admin_reads_but_neither_scores_nor_freezes_an_evaluation(
    world, catalogue_admin
):
    import datetime

    from evaluation.access import EvaluationAccess
    from evaluation.models import EvaluationScheme, ScoreSheet

    scheme = EvaluationScheme.objects.create(
        issuer=world.province,
        plan=PlanFactory(issuer=world.province),
        year=2026,
        name="Bộ tiêu chí 2026",
        cutoff=datetime.date(2026, 6, 30),
    )
    sheet = ScoreSheet.objects.create(scheme=scheme, unit=world.commune)
    admin = EvaluationAccess(user_scope(catalogue_admin), scheme)
    assert admin.sees_all and admin.can_see_sheet(sheet)
    assert not admin.can_manage and not admin.can_review(sheet)
    assert not admin.can_self_score(sheet)
    office = EvaluationAccess(user_scope(user_with_role(world.province, Role.COORDINATOR)), scheme)
    assert office.can_manage and office.can_review(sheet)


class TestTheCatalogueAdminEditsNoPlan:
    """Plans, targets and tasks are the coordinators': the catalogue admin reads them, completes
    shared placeholders (plans/tests/test_placeholder_completion.py) and writes nothing else,
    neither on the pages nor in the admin site, unless a coordinator's role is granted."""

    def _contents(self, world):
        plan = PlanFactory(issuer=world.province)
        return plan, TargetFactory(plan=plan), TaskFactory(plan=plan)

    def test_the_pages_offer_no_form_and_refuse_the_posts(self, client, world, catalogue_admin):
        plan, target, task = self._contents(world)
        client.force_login(catalogue_admin)
        page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
        assert (
            page.count("/sua/") == 0 and reverse("plans:target_create", args=[plan.pk]) not in page
        )
        assert reverse("plans:create") not in client.get(reverse("plans:list")).content.decode()
        for name, args in [
            ("plans:create", []),
            ("plans:import_upload", []),
            ("plans:edit", [plan.pk]),
            ("plans:target_create", [plan.pk]),
            ("plans:target_edit", [target.pk]),
            ("plans:task_create", [plan.pk]),
            ("plans:task_edit", [task.pk]),
        ]:
            url = reverse(name, args=args)
            assert client.get(url).status_code == 404, name
            assert client.post(url, {"title": "Sửa bởi quản trị", "version": 1}).status_code == 404
        plan.refresh_from_db()
        assert plan.version == 1 and Plan.objects.count() == 1

    def test_the_services_refuse_it(self, world, catalogue_admin):
        plan, target, _task = self._contents(world)
        scope = user_scope(catalogue_admin)
        with pytest.raises(PermissionDenied):
            plans_services.plan_create(
                scope=scope,
                user=catalogue_admin,
                data={"issuer": world.province, "number": "9/KH-UBND", "title": "Kế hoạch"},
            )
        with pytest.raises(PermissionDenied):
            plans_services.target_update(
                scope=scope, target=target, data={"text": "Đổi"}, expected_version=1
            )
        assert not scope.can_manage(world.province) and not scope.can_manage(world.village)

    def test_the_admin_site_shows_plans_read_only(self, client, world, catalogue_admin):
        plan, target, task = self._contents(world)
        client.force_login(catalogue_admin)
        for model, obj in [("plan", plan), ("target", target), ("task", task)]:
            assert client.get(reverse(f"admin:plans_{model}_changelist")).status_code == 200
            change = reverse(f"admin:plans_{model}_change", args=[obj.pk])
            assert client.get(change).status_code == 200  # a view-only page
            assert "_save" not in client.get(change).content.decode()
            assert client.post(change, {"title": "Sửa", "text": "Sửa"}).status_code == 403
            assert client.get(reverse(f"admin:plans_{model}_add")).status_code == 403
            assert (
                client.post(reverse(f"admin:plans_{model}_delete", args=[obj.pk])).status_code
                == 403
            )
        plan.refresh_from_db()
        assert plan.version == 1

    def test_a_granted_coordinators_role_gives_the_hand_back(self, client, world, catalogue_admin):
        plan, _target, _task = self._contents(world)
        RoleAssignment.objects.create(
            user=catalogue_admin, unit=world.province, role=Role.COORDINATOR
        )
        client.force_login(catalogue_admin)
        assert client.get(reverse("plans:edit", args=[plan.pk])).status_code == 200
        assert client.get(reverse("plans:target_create", args=[plan.pk])).status_code == 200
        assert user_scope(catalogue_admin).can_manage(world.village)
        assert not user_scope(catalogue_admin).can_manage(world.other_province)


def test_the_catalogue_admin_is_offered_no_plan_to_schedule(client, world, catalogue_admin):
    plan = PlanFactory(issuer=world.province)
    client.force_login(catalogue_admin)
    page = client.get(reverse("reporting:schedules")).content.decode()
    assert reverse("reporting:schedule_create") not in page
    url = reverse("reporting:schedule_create")
    assert client.get(url, {"plan": plan.pk}).status_code == 404
