"""Issue #13 Low 12: the catalogue admin (a superuser, for the admin site's catalogues) reads
everything but approves, accepts, returns and reopens no report or registration; an indicator a
coordinator defines belongs to their province and no other province sees it."""

import pytest
from django.test import Client
from django.urls import reverse

from indicators.models import Indicator
from indicators.selectors import visible_indicators
from monitoring.tests.test_views import SUPER
from org.models import Role
from org.scope import user_scope
from org.tests.factories import UserFactory, user_with_role
from plans.forms import TargetForm
from plans.tests.factories import PlanFactory
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
