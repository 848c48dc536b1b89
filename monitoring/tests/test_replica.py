"""Dashboard reads go to the replica connection when one is configured, and only them."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from org.models import Role
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.tests.factories import PeriodFactory, ScheduleFactory, ScheduleIndicatorFactory


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_dashboard_reads_go_through_the_replica_alias(client, world, settings):
    settings.DASHBOARD_DATABASE = "replica"
    plan = PlanFactory(issuer=world.province, title="Kế hoạch đọc từ bản sao")
    schedule = ScheduleFactory(plan=plan)
    indicator = ScheduleIndicatorFactory(schedule=schedule).indicator
    TargetFactory(plan=plan, indicator=indicator)
    PeriodFactory(schedule=schedule)
    client.force_login(user_with_role(world.province, Role.LEADER))
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        response = client.get(reverse("monitoring:plan", args=[plan.pk]))
    assert response.status_code == 200
    assert "Kế hoạch đọc từ bản sao" in response.content.decode()
    assert any("monitoring_indicatorrollup" in q["sql"] for q in replica.captured_queries)
    assert not any("monitoring_indicatorrollup" in q["sql"] for q in primary.captured_queries)
    # A separate connection, not an alias of the same one.
    assert connections["replica"].connection is not connections["default"].connection


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_without_a_replica_everything_reads_the_primary(client, world, settings):
    settings.DASHBOARD_DATABASE = "default"
    plan = PlanFactory(issuer=world.province)
    client.force_login(user_with_role(world.province, Role.LEADER))
    with CaptureQueriesContext(connections["replica"]) as replica:
        assert client.get(reverse("monitoring:plan", args=[plan.pk])).status_code == 200
    assert replica.captured_queries == []
