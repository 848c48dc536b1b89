"""A commune's own round: a household gets the Giấy khen of the commune chair, with 1.5 times an
individual's prize, and enters the registry under the commune."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.utils import timezone

from awards.catalogue import catalogue_load_defaults
from awards.models import AwardForm, AwardKind, AwardRecord
from council import services as council_services
from council.access import SessionAccess
from decisions import services
from nominations import services as nomination_services
from nominations.access import RoundAccess
from nominations.models import AwardRound
from nominations.rounds import round_create
from nominations.tests.factories import open_deadline
from org.models import Person, Role
from org.scope import user_scope
from org.tests.factories import HouseholdFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_a_household_is_awarded_by_the_commune(world):
    catalogue_load_defaults()
    office = user_with_role(world.commune, Role.COORDINATOR)
    household = HouseholdFactory(unit=world.village, head_name="Hoàng Văn Páo")
    form = AwardForm.objects.get(code="giay-khen-chu-tich-xa")
    award_round = round_create(
        scope=user_scope(office),
        unit=world.commune,
        kind=AwardRound.Kind.YEAR_END,
        award_kind=AwardKind.objects.get(code="hang-nam"),
        year=2026,
        name="Giấy khen năm 2026 của xã",
        deadline=open_deadline(),
        user=office,
    )
    access = RoundAccess(user_scope(office), award_round)
    nomination = nomination_services.nomination_create(
        access=access, form=form, subject=household, user=office, achievements="Hộ sản xuất giỏi"
    )
    assert nomination.subject_type == "household" and nomination.proposer == world.village
    nomination_services.nomination_submit(access=access, nomination=nomination, user=office)
    nomination_services.nomination_check(access=access, nomination=nomination, user=office)
    earlier = timezone.now() - datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=earlier):
        nomination_services.round_publish(access=access, days=1, user=office)
    members = [
        Person.objects.create(
            unit=world.commune,
            full_name=f"Ủy viên {i}",
            user=user_with_role(world.commune, Role.COUNCIL),
        )
        for i in range(3)
    ]
    access = RoundAccess(user_scope(office), AwardRound.objects.get(pk=award_round.pk))
    session = council_services.session_create(
        access=access,
        title="Họp Hội đồng xã",
        held_on=timezone.localdate(),
        members=[(p, "", i == 0) for i, p in enumerate(members)],
        user=office,
    )
    council_services.session_open(
        access=SessionAccess(user_scope(office), session),
        present=list(session.members.values_list("pk", flat=True)),
        user=office,
    )
    item = session.items.get()
    for person in members[:2]:
        council_services.ballot_cast(
            access=SessionAccess(user_scope(person.user), session), choices={item.pk: "agree"}
        )
    council_services.session_close(access=SessionAccess(user_scope(office), session), user=office)
    nomination.refresh_from_db()
    assert nomination.vote_passed  # 2 of 3: more than half
    decision = services.decision_draft(
        access=access,
        nominations=[nomination],
        number="08/QĐ-UBND",
        date=datetime.date(2026, 12, 1),
        signer="Chủ tịch UBND xã",
        title="Tặng Giấy khen",
        user=office,
    )
    assert decision.lines.get().amount == Decimal("1053000")  # 0,45 × 2.340.000
    services.decision_issue(access=access, decision=decision, user=office)
    record = AwardRecord.objects.get()
    assert (record.household_id, record.subject_type, record.owner_unit_id) == (
        household.pk,
        "household",
        world.village.pk,
    )
