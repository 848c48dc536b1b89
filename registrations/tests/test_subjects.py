"""Enterprises and cooperatives register their participation plan, individuals the titles they
aim for with their commitments (issue #14 item 1); the coordinator sees them on the round page,
with who approved them and who was not approved by the deadline."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from awards.catalogue import catalogue_load_defaults
from org.models import Role
from org.scope import user_scope
from org.tests.factories import (
    EnterpriseFactory,
    HouseholdFactory,
    PersonFactory,
    user_with_role,
)
from registrations import subjects
from registrations.models import SubjectRegistration
from registrations.tests.test_rounds import AFTER, BEFORE

pytestmark = pytest.mark.django_db


@pytest.fixture
def titles(db):
    catalogue_load_defaults()


def test_the_communes_coordinator_records_an_enterprises_plan_and_approves_it(
    client,
    round_,
    world,
    titles,
):
    coop = EnterpriseFactory(unit=world.commune, name="Hợp tác xã chè Thống Nhất")
    coordinator = user_with_role(world.commune, Role.COORDINATOR, username="xa")
    client.force_login(coordinator)
    url = reverse("registrations:round_enterprise", args=[round_.round.pk])
    client.post(url, {"enterprise": coop.pk, "participation_plan": "", "commitments": "x"})
    assert not SubjectRegistration.objects.exists()
    client.post(
        url,
        {
            "enterprise": coop.pk,
            "participation_plan": "Số hóa sổ sách, bán hàng qua sàn thương mại điện tử",
            "commitments": "Doanh thu trực tuyến đạt 20%",
        },
    )
    registration = SubjectRegistration.objects.get()
    assert (registration.enterprise, registration.status) == (coop, "submitted")
    client.post(
        reverse("registrations:subject_decide", args=[registration.pk]), {"decision": "approve"}
    )
    registration.refresh_from_db()
    assert registration.status == "approved" and registration.decided_by == coordinator
    page = client.get(reverse("registrations:round", args=[round_.round.pk])).content.decode()
    assert "Hợp tác xã chè Thống Nhất" in page and "Doanh thu trực tuyến đạt 20%" in page


def test_a_person_registers_titles_from_the_catalogue_and_the_head_returns_it(
    client,
    round_,
    world,
    titles,
):
    reporter = round_.people[world.commune.code][Role.REPORTER]
    person = PersonFactory(unit=world.commune, full_name="Lò Văn Sơn", user=reporter)
    scope = user_scope(reporter)
    with pytest.raises(ValidationError) as exc:
        subjects.subject_register(
            scope=scope, user=reporter, round_=round_.round, person=person,
            commitments="Hoàn thành xuất sắc nhiệm vụ", titles=["bang-khen-khong-co"],
        )  # fmt: skip
    assert exc.value.message_dict["titles"] == ["Danh hiệu không có trong danh mục khen thưởng."]
    registration = subjects.subject_register(
        scope=scope, user=reporter, round_=round_.round, person=person,
        commitments="Có sáng kiến cấp cơ sở",
        titles=["lao-dong-tien-tien", "chien-si-thi-dua-co-so"],
    )  # fmt: skip
    assert registration.title_names == "Lao động tiên tiến, Chiến sĩ thi đua cơ sở"
    with pytest.raises(PermissionDenied):
        subjects.subject_decide(scope=scope, user=reporter, registration=registration, approve=True)
    head = round_.people[world.commune.code][Role.HEAD]
    with pytest.raises(ValidationError):
        subjects.subject_decide(
            scope=user_scope(head), user=head, registration=registration, approve=False
        )
    subjects.subject_decide(
        scope=user_scope(head), user=head, registration=registration, approve=False,
        reason="Bổ sung minh chứng sáng kiến",
    )  # fmt: skip
    registration.refresh_from_db()
    assert (registration.status, registration.return_reason) == (
        "returned",
        "Bổ sung minh chứng sáng kiến",
    )
    # Sent again, it waits for the head once more.
    again = subjects.subject_register(
        scope=scope, user=reporter, round_=round_.round, person=person,
        commitments="Có sáng kiến cấp cơ sở (kèm minh chứng)", titles=["lao-dong-tien-tien"],
    )  # fmt: skip
    assert (again.pk, again.status, again.return_reason) == (registration.pk, "submitted", "")


def test_not_approved_by_the_deadline_is_late_and_others_see_only_their_subtree(
    round_,
    world,
    titles,
):
    coop = EnterpriseFactory(unit=world.commune)
    other = EnterpriseFactory(unit=world.other_commune)
    for enterprise in (coop, other):
        unit_coordinator = user_with_role(enterprise.unit, Role.COORDINATOR)
        subjects.subject_register(
            scope=user_scope(unit_coordinator), user=unit_coordinator, round_=round_.round,
            enterprise=enterprise, participation_plan="Kế hoạch", commitments="Cam kết",
        )  # fmt: skip
    rows, _people, _households = subjects.round_subjects(
        scope=user_scope(round_.coordinator), round_=round_.round, today=AFTER
    )
    assert [r.late for r in rows] == [True, True]
    before, _people, _households = subjects.round_subjects(
        scope=user_scope(round_.coordinator), round_=round_.round, today=BEFORE
    )
    assert [r.late for r in before] == [False, False]
    reporter = round_.people[world.other_commune.code][Role.REPORTER]
    mine, _people, _households = subjects.round_subjects(
        scope=user_scope(reporter), round_=round_.round
    )
    assert [r.registration.enterprise for r in mine] == [other]
    with pytest.raises(PermissionDenied):
        subjects.subject_register(
            scope=user_scope(reporter), user=reporter, round_=round_.round, enterprise=coop,
            participation_plan="Ghi đè", commitments="Ghi đè",
        )  # fmt: skip


def test_a_subject_outside_the_plans_province_is_refused(round_, world, titles):
    outsider = EnterpriseFactory(unit=world.other_province)
    coordinator = user_with_role(world.other_province, Role.COORDINATOR)
    with pytest.raises(ValidationError):
        subjects.subject_register(
            scope=user_scope(coordinator), user=coordinator, round_=round_.round,
            enterprise=outsider, participation_plan="x", commitments="y",
        )  # fmt: skip
    assert not SubjectRegistration.objects.exists()


def test_the_round_page_queries_do_not_grow_with_the_registrations(
    client,
    round_,
    world,
    titles,
    django_assert_max_num_queries,
):
    coordinator = user_with_role(world.commune, Role.COORDINATOR, username="xa2")
    EnterpriseFactory(unit=world.commune)
    PersonFactory(unit=world.commune)
    client.force_login(round_.coordinator)
    url = reverse("registrations:round", args=[round_.round.pk])
    client.get(url)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for n in range(10):
        enterprise = EnterpriseFactory(unit=world.commune, name=f"Doanh nghiệp {n}")
        subjects.subject_register(
            scope=user_scope(coordinator), user=coordinator, round_=round_.round,
            enterprise=enterprise, participation_plan="Kế hoạch", commitments="Cam kết",
        )  # fmt: skip
        person = PersonFactory(unit=world.commune)
        subjects.subject_register(
            scope=user_scope(coordinator), user=coordinator, round_=round_.round,
            person=person, commitments="Cam kết", titles=["lao-dong-tien-tien"],
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count('data-testid="subject-row"') == 20


def test_the_communes_coordinator_records_a_households_commitments(client, round_, world, titles):
    household = HouseholdFactory(unit=world.commune, head_name="Hoàng Văn Thảo")
    client.force_login(user_with_role(world.commune, Role.COORDINATOR, username="xa3"))
    client.post(
        reverse("registrations:round_household", args=[round_.round.pk]),
        {"household": household.pk, "commitments": "Sản xuất, kinh doanh giỏi; lắp camera an ninh"},
    )
    registration = SubjectRegistration.objects.get(household=household)
    assert registration.subject_unit == world.commune
    page = client.get(reverse("registrations:round", args=[round_.round.pk])).content.decode()
    assert "Hoàng Văn Thảo" in page and "lắp camera an ninh" in page


def test_a_communes_own_round_expects_its_villages(world):
    from plans.tests.factories import PlanFactory, TargetFactory
    from registrations import selectors, services

    plan = PlanFactory(issuer=world.commune)
    TargetFactory(plan=plan, value=10)
    coordinator = user_with_role(world.commune, Role.COORDINATOR, username="xa4")
    opened = services.round_open(
        scope=user_scope(coordinator), user=coordinator, plan=plan, year=2026, deadline=AFTER
    )
    board = selectors.round_board(scope=user_scope(coordinator), round_=opened, today=BEFORE)
    assert [row.unit for row in board.rows] == [world.village]
    assert board.groups[0].block is None
