"""A province's year-end round ready to use: the award catalogue, a block with its frozen
ranking, the office, a commune's coordinator and a council of five (shared by the tests of
nominations, council and decisions)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from awards.catalogue import catalogue_load_defaults
from awards.models import AwardForm, AwardKind
from evaluation.models import EvaluationScheme, RankingEntry, RankingVersion
from nominations.access import RoundAccess
from nominations.models import AwardRound
from nominations.rounds import round_create
from org.models import EmulationBlock, OrgUnit, Person, Role
from org.scope import user_scope
from org.tests.factories import put_in_block, user_with_role
from plans.tests.factories import PlanFactory


@dataclass
class RoundWorld:
    world: object
    office: object
    commune_user: object
    other_commune_user: object
    round: AwardRound
    version: RankingVersion
    block: EmulationBlock
    merit: AwardForm  # Bằng khen của Chủ tịch UBND tỉnh: > 50 %, collective 3×
    flag: AwardForm  # Cờ thi đua của UBND tỉnh: ≥ 80 %, 8×, one per block
    members: list[Person]

    def access(self, user) -> RoundAccess:
        return RoundAccess(user_scope(user), AwardRound.objects.get(pk=self.round.pk))


def open_deadline(days: int = 60) -> datetime.date:
    """A deadline still ahead on whatever day the tests run: a fixed date would close the round,
    and refuse every proposal, once the calendar passes it."""
    return timezone.localdate() + datetime.timedelta(days=days)


def round_world(world, *, council_size: int = 5, flag_quota: int = 1) -> RoundWorld:
    catalogue_load_defaults()
    office = user_with_role(world.province, Role.COORDINATOR, username="vanphong")
    commune_user = user_with_role(world.commune, Role.COORDINATOR, username="xa1")
    other_commune_user = user_with_role(world.other_commune, Role.COORDINATOR, username="xa2")
    block = EmulationBlock.objects.create(province=world.province, code="K05", name="Khối 05")
    for unit in (world.commune, world.other_commune):
        put_in_block(unit, block)
    scheme = EvaluationScheme.objects.create(
        issuer=world.province,
        plan=PlanFactory(issuer=world.province),
        year=2026,
        name="Bộ tiêu chí 2026",
        cutoff=datetime.date(2026, 11, 30),
    )
    version = RankingVersion.objects.create(
        scheme=scheme, number=1, cutoff=scheme.cutoff, frozen_at=timezone.now()
    )
    RankingEntry.objects.create(
        version=version, block=block, unit=world.commune, rank=1, total=Decimal("91.5")
    )
    RankingEntry.objects.create(
        version=version, block=block, unit=world.other_commune, rank=2, total=Decimal("88")
    )
    merit = AwardForm.objects.get(code="bang-khen-chu-tich-tinh")
    flag = AwardForm.objects.get(code="co-thi-dua-ubnd-tinh")
    award_round = round_create(
        scope=user_scope(office),
        unit=world.province,
        kind=AwardRound.Kind.YEAR_END,
        award_kind=AwardKind.objects.get(code="hang-nam"),
        year=2026,
        name="Khen thưởng cuối năm 2026",
        deadline=open_deadline(),
        user=office,
        ranking=version,
        quotas={flag: flag_quota},
    )
    members = []
    for i in range(council_size):
        user = user_with_role(world.province, Role.COUNCIL, username=f"hd{i}")
        members.append(
            Person.objects.create(unit=world.province, full_name=f"Thành viên {i}", user=user)
        )
    return RoundWorld(
        world=world,
        office=office,
        commune_user=commune_user,
        other_commune_user=other_commune_user,
        round=award_round,
        version=version,
        block=block,
        merit=merit,
        flag=flag,
        members=members,
    )


def unit(pk) -> OrgUnit:
    return OrgUnit.objects.get(pk=pk)
