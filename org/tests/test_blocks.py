"""Block membership over time: one block per unit on any day, moves that close the old interval
and open the new one together, and the reads a ranking at a cutoff date relies on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from org.models import BlockMembership, OrgUnit
from org.scope import user_scope
from org.selectors import (
    block_board,
    block_history,
    block_members,
    block_of,
    in_block_on_q,
    managed_block_owners,
    unit_block_ids_on,
)
from org.services import block_membership_move
from org.tests.factories import EmulationBlockFactory, user_with_role

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 12, 4)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


@pytest.fixture
def blocks(world):
    k1 = EmulationBlockFactory(province=world.province, code="K01", name="Khối 01", order=1)
    k2 = EmulationBlockFactory(province=world.province, code="K02", name="Khối 02", order=2)
    BlockMembership.objects.create(unit=world.commune, block=k1)
    OrgUnit.objects.filter(pk=world.commune.pk).update(block=k1)
    world.commune.block = k1
    return k1, k2


@pytest.fixture
def coordinator(world):
    return user_with_role(world.province, username="tinh_blocks")


def move(coordinator, unit, block, day, reason="Theo Quyết định số 12/QĐ-UBND"):
    return block_membership_move(
        scope=user_scope(coordinator),
        user=coordinator,
        unit=unit,
        block=block,
        valid_from=day,
        reason=reason,
    )


class TestBlockMembershipMove:
    def test_a_move_closes_the_old_interval_the_day_before_and_opens_the_new_one(
        self, world, blocks, coordinator
    ):
        k1, k2 = blocks
        new = move(coordinator, world.commune, k2, D(2026, 7, 1))
        old = BlockMembership.objects.get(unit=world.commune, block=k1)
        assert (old.valid_from, old.valid_to) == (None, D(2026, 6, 30))
        assert (new.valid_from, new.valid_to) == (D(2026, 7, 1), None)
        assert new.changed_by == coordinator and new.reason.startswith("Theo Quyết định")
        assert new.changed_at is not None
        world.commune.refresh_from_db()
        assert world.commune.block == k2  # today's block follows

    def test_on_the_day_of_the_move_the_unit_is_in_the_new_block(self, world, blocks, coordinator):
        k1, k2 = blocks
        move(coordinator, world.commune, k2, D(2026, 7, 1))
        assert block_of(world.commune, D(2026, 6, 30)) == k1
        assert block_of(world.commune, D(2026, 7, 1)) == k2
        assert block_of(world.commune, D(2020, 1, 1)) == k1  # blank start: since always
        assert block_of(world.commune, D(2099, 1, 1)) == k2  # blank end: until now and on

    def test_a_unit_in_no_block_joins_from_the_day(self, world, blocks, coordinator):
        k1, _k2 = blocks
        move(coordinator, world.other_commune, k1, D(2026, 3, 1))
        assert block_of(world.other_commune, D(2026, 2, 28)) is None
        assert block_of(world.other_commune, D(2026, 3, 1)) == k1

    def test_a_day_after_today_is_refused_and_nothing_changes(self, world, blocks, coordinator):
        _k1, k2 = blocks
        with pytest.raises(ValidationError) as error:
            move(coordinator, world.commune, k2, TODAY + datetime.timedelta(days=1))
        assert "valid_from" in error.value.message_dict
        assert BlockMembership.objects.count() == 1
        assert BlockMembership.objects.get().valid_to is None

    def test_today_is_accepted(self, world, blocks, coordinator):
        _k1, k2 = blocks
        move(coordinator, world.commune, k2, TODAY)
        assert block_of(world.commune, TODAY) == k2

    def test_a_day_not_after_the_current_start_is_refused_so_the_past_is_not_rewritten(
        self, world, blocks, coordinator
    ):
        k1, k2 = blocks
        move(coordinator, world.commune, k2, D(2026, 7, 1))
        for day in (D(2026, 7, 1), D(2026, 5, 1)):
            with pytest.raises(ValidationError) as error:
                move(coordinator, world.commune, k1, day)
            assert "01/07/2026" in error.value.message_dict["valid_from"][0]
        assert BlockMembership.objects.filter(unit=world.commune).count() == 2
        move(coordinator, world.commune, k1, D(2026, 7, 2))  # one day later is fine
        assert block_of(world.commune, D(2026, 7, 1)) == k2
        assert block_of(world.commune, D(2026, 7, 2)) == k1

    def test_moving_into_the_current_block_is_refused(self, world, blocks, coordinator):
        k1, _k2 = blocks
        with pytest.raises(ValidationError) as error:
            move(coordinator, world.commune, k1, D(2026, 7, 1))
        assert "block" in error.value.message_dict

    def test_a_blank_reason_is_refused(self, world, blocks, coordinator):
        _k1, k2 = blocks
        with pytest.raises(ValidationError) as error:
            move(coordinator, world.commune, k2, D(2026, 7, 1), reason="   ")
        assert "reason" in error.value.message_dict
        assert BlockMembership.objects.count() == 1

    def test_a_block_of_another_province_is_refused(self, world, blocks):
        foreign = EmulationBlockFactory(province=world.other_province)
        boss = user_with_role(world.other_province, username="laichau_blocks")
        with pytest.raises(ValidationError) as error:
            move(boss, world.commune, foreign, D(2026, 7, 1))
        assert "block" in error.value.message_dict

    def test_a_coordinator_below_the_province_may_not_move_units(self, world, blocks):
        _k1, k2 = blocks
        commune_coordinator = user_with_role(world.commune, username="xa_blocks")
        with pytest.raises(PermissionDenied):
            move(commune_coordinator, world.commune, k2, D(2026, 7, 1))
        assert BlockMembership.objects.count() == 1

    def test_the_database_refuses_two_open_intervals_for_one_unit(self, world, blocks):
        _k1, k2 = blocks
        with pytest.raises(IntegrityError), transaction.atomic():
            BlockMembership.objects.create(unit=world.commune, block=k2, valid_from=D(2026, 1, 1))

    def test_the_database_refuses_an_interval_ending_before_it_starts(self, world, blocks):
        _k1, k2 = blocks
        with pytest.raises(IntegrityError), transaction.atomic():
            BlockMembership.objects.create(
                unit=world.other_commune, block=k2, valid_from=D(2026, 2, 1), valid_to=D(2026, 1, 1)
            )


class TestBlockMembers:
    def test_a_unit_moved_mid_year_is_a_member_where_it_was_on_the_cutoff(
        self, world, blocks, coordinator
    ):
        k1, k2 = blocks
        move(coordinator, world.commune, k2, D(2026, 7, 1))
        assert list(block_members(k1, D(2026, 6, 30))) == [world.commune]
        assert list(block_members(k2, D(2026, 6, 30))) == []
        assert list(block_members(k2, D(2026, 7, 1))) == [world.commune]
        assert list(block_members(k1, D(2026, 12, 31))) == []

    def test_a_unit_merged_away_is_not_a_member_after_its_end(self, world, blocks):
        k1, _k2 = blocks
        OrgUnit.objects.filter(pk=world.commune.pk).update(valid_to=D(2025, 6, 30))
        assert list(block_members(k1, D(2025, 6, 30))) == [world.commune]
        assert list(block_members(k1, D(2025, 7, 1))) == []

    def test_bulk_reads_agree_with_block_of(self, world, blocks, coordinator):
        k1, k2 = blocks
        move(coordinator, world.other_commune, k1, D(2026, 3, 1))
        move(coordinator, world.commune, k2, D(2026, 7, 1))
        ids = [world.commune.pk, world.other_commune.pk, world.department.pk]
        assert unit_block_ids_on(ids, D(2026, 6, 1)) == {
            world.commune.pk: k1.pk,
            world.other_commune.pk: k1.pk,
        }
        on_q = OrgUnit.objects.filter(in_block_on_q(k2.pk, D(2026, 8, 1)))
        assert list(on_q) == [world.commune]

    def test_history_is_latest_first_with_who_and_why(self, world, blocks, coordinator):
        k1, k2 = blocks
        move(coordinator, world.commune, k2, D(2026, 7, 1), reason="Sắp xếp lại khối")
        history = block_history(world.commune)
        assert [(m.block, m.valid_from) for m in history] == [(k2, D(2026, 7, 1)), (k1, None)]
        assert history[0].changed_by == coordinator and history[0].reason == "Sắp xếp lại khối"


class TestBlockBoard:
    def test_the_board_lists_every_block_with_its_members_and_the_units_in_none(
        self, world, blocks, coordinator
    ):
        k1, k2 = blocks
        move(coordinator, world.commune, k2, D(2026, 7, 1))
        board = block_board(owner=world.province, day=D(2026, 6, 1))
        assert [(r.block, r.members) for r in board.rows] == [(k1, [world.commune]), (k2, [])]
        assert board.without_block == [world.department, world.other_commune]
        later = block_board(owner=world.province, day=TODAY)
        assert [(r.block, r.members) for r in later.rows] == [(k1, []), (k2, [world.commune])]

    def test_only_the_provinces_coordinator_manages_its_blocks(self, world, blocks, coordinator):
        assert managed_block_owners(user_scope(coordinator)) == [world.province]
        commune = user_with_role(world.commune, username="xa_owner")
        assert managed_block_owners(user_scope(commune)) == []
        other = user_with_role(world.other_province, username="p2_owner")
        assert managed_block_owners(user_scope(other)) == []
