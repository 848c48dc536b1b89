"""Registrations through the API: the token's scope (registrations' own rules), filters,
pagination with a count, and the same number of queries for 3 or 30 rows."""

import datetime

import pytest
from django.utils import timezone

from api.tests.reading import cost, get, items, reader
from org.models import Role
from org.tests.factories import EnterpriseFactory, HouseholdFactory, OrgUnitFactory, PersonFactory
from plans.tests.factories import PlanFactory, TargetFactory
from registrations.models import Registration, RegistrationRound, SubjectRegistration
from reporting.tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    return PlanFactory(issuer=world.province)


@pytest.fixture
def leader(world):
    return reader(world.province, Role.LEADER, "lanhdao_tinh")


def register(unit, plan, *, year=2026, status=Registration.Status.DRAFT):
    registration = Registration.objects.create(unit=unit, plan=plan, year=year, status=status)
    target = TargetFactory(plan=plan, indicator=IndicatorFactory())
    registration.targets.create(target=target, value=95, note="Cao hơn tỉnh giao")
    return registration


def test_a_registration_reads_by_codes_with_its_targets(world, plan, leader, client):
    registration = register(world.commune, plan)
    (body,) = items(client, leader, "/api/v1/registrations")
    assert body["unit"] == world.commune.code and body["plan"] == plan.pk
    (line,) = body["targets"]
    target = registration.targets.get().target
    assert line["target"] == target.pk and line["indicator"] == target.indicator.code
    assert float(line["value"]) == 95
    detail = get(client, leader, f"/api/v1/registrations/{registration.pk}").json()
    assert detail == body


def test_another_provinces_registration_is_absent_and_a_404(world, plan, leader, client):
    foreign = register(world.other_department, PlanFactory(issuer=world.other_province))
    assert items(client, leader, "/api/v1/registrations") == []
    assert get(client, leader, f"/api/v1/registrations/{foreign.pk}").status_code == 404
    # A commune's reporter does not read its neighbour's registration either.
    neighbour = register(world.other_commune, plan)
    reporter = reader(world.commune, Role.REPORTER, "bc_xa")
    assert get(client, reporter, f"/api/v1/registrations/{neighbour.pk}").status_code == 404


def test_registrations_filter_by_unit_year_and_status(world, plan, leader, client):
    register(world.commune, plan, status=Registration.Status.APPROVED)
    register(world.other_commune, plan)
    register(world.commune, plan, year=2025)
    url = "/api/v1/registrations"
    assert [r["year"] for r in items(client, leader, f"{url}?unit={world.commune.code}")] == [
        2026,
        2025,
    ]
    assert len(items(client, leader, f"{url}?year=2026")) == 2
    (approved,) = items(client, leader, f"{url}?status=approved")
    assert approved["unit"] == world.commune.code
    assert items(client, leader, f"{url}?plan={plan.pk + 1000}") == []


def test_registrations_page_with_a_count_in_bounded_queries(world, plan, leader, client):
    def add(n, start=0):
        for i in range(start, start + n):
            unit = OrgUnitFactory(parent=world.commune, code=f"P1-X1-R{i}")
            register(unit, plan)

    add(3)
    small = cost(client, leader, "/api/v1/registrations")
    add(27, start=3)
    assert cost(client, leader, "/api/v1/registrations") == small <= 8
    page = get(client, leader, "/api/v1/registrations?limit=10&offset=25").json()
    assert page["count"] == 30 and len(page["items"]) == 5


# --- People, households and enterprises -----------------------------------------------------


@pytest.fixture
def round_(plan):
    return RegistrationRound.objects.create(
        plan=plan, year=2026, deadline=datetime.date(2026, 3, 31)
    )


def subject(round_, **who):
    return SubjectRegistration.objects.create(
        round=round_,
        commitments="Cam kết sản xuất, kinh doanh giỏi",
        participation_plan="Kế hoạch tham gia" if "enterprise" in who else "",
        titles=[{"code": "lao-dong-tien-tien", "name": "Lao động tiên tiến"}]
        if "person" in who
        else [],
        created_at=timezone.now(),
        **who,
    )


def test_subject_registrations_read_by_kind_with_their_units_code(world, round_, leader, client):
    enterprise = EnterpriseFactory(unit=world.commune, tax_code="0101234567")
    subject(round_, enterprise=enterprise)
    subject(round_, person=PersonFactory(unit=world.village))
    subject(round_, household=HouseholdFactory(unit=world.village))
    url = "/api/v1/subject-registrations"
    assert [r["subject_type"] for r in items(client, leader, url)] == [
        "enterprise",
        "individual",
        "household",
    ]
    (firm,) = items(client, leader, f"{url}?subject_type=enterprise")
    assert firm["unit"] == world.commune.code and firm["tax_code"] == "0101234567"
    (person,) = items(client, leader, f"{url}?subject_type=individual")
    assert person["titles"] == ["lao-dong-tien-tien"] and person["round"] == round_.pk
    assert len(items(client, leader, f"{url}?unit={world.village.code}")) == 2
    assert items(client, leader, f"{url}?subject_type=nobody") == []
    assert items(client, leader, f"{url}?status=approved") == []


def test_another_provinces_subject_registration_is_absent_and_a_404(world, round_, client):
    foreign_round = RegistrationRound.objects.create(
        plan=PlanFactory(issuer=world.other_province),
        year=2026,
        deadline=datetime.date(2026, 3, 31),
    )
    foreign = subject(foreign_round, household=HouseholdFactory(unit=world.other_department))
    own = subject(round_, household=HouseholdFactory(unit=world.commune))
    leader = reader(world.province, Role.LEADER, "lanhdao")
    assert [r["id"] for r in items(client, leader, "/api/v1/subject-registrations")] == [own.pk]
    url = f"/api/v1/subject-registrations/{foreign.pk}"
    assert get(client, leader, url).status_code == 404
    # The neighbouring commune's coordinator does not see xã Thống Nhất's households.
    neighbour = reader(world.other_commune, Role.COORDINATOR, "xa_ben")
    assert items(client, neighbour, "/api/v1/subject-registrations") == []
    assert get(client, neighbour, f"/api/v1/subject-registrations/{own.pk}").status_code == 404


def test_subject_registrations_page_with_a_count_in_bounded_queries(world, round_, leader, client):
    def add(n):
        for _ in range(n):
            subject(round_, enterprise=EnterpriseFactory(unit=world.commune))
            subject(round_, person=PersonFactory(unit=world.village))
            subject(round_, household=HouseholdFactory(unit=world.village))

    add(1)
    small = cost(client, leader, "/api/v1/subject-registrations")
    add(9)
    assert cost(client, leader, "/api/v1/subject-registrations") == small <= 6
    page = get(client, leader, "/api/v1/subject-registrations?limit=4&offset=28").json()
    assert page["count"] == 30 and len(page["items"]) == 2
