"""The coordinator's block pages: the 21 blocks with their members on a day, a unit's history,
a move with a reason; only the province's coordinator, a unit elsewhere is a 404."""

import datetime

import pytest
from django.urls import reverse

from org.models import BlockMembership, OrgUnit
from org.selectors import block_of
from org.tests.factories import EmulationBlockFactory, OrgUnitFactory, put_in_block, user_with_role

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def blocks(world):
    made = [
        EmulationBlockFactory(
            province=world.province, code=f"K{n:02d}", name=f"Khối thi đua số {n:02d}", order=n
        )
        for n in range(1, 22)
    ]
    put_in_block(world.commune, made[0])
    return made


@pytest.fixture
def coordinator(world):
    return user_with_role(world.province, username="tinh_views")


def test_the_board_lists_the_21_blocks_and_their_members(client, world, blocks, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("org:blocks")).content.decode()
    assert page.count('data-testid="block-K') == 21
    assert world.commune.name in page
    assert world.other_commune.name in page  # in no block: listed apart
    assert 'data-testid="without-block"' in page


def test_the_board_on_a_past_day_shows_the_block_of_that_day(client, world, blocks, coordinator):
    client.force_login(coordinator)
    url = reverse("org:unit_block", args=[world.commune.pk])
    response = client.post(
        url, {"block": blocks[1].pk, "valid_from": "01/07/2026", "reason": "QĐ 15/QĐ-UBND"}
    )
    assert response.status_code == 302
    before = client.get(reverse("org:blocks"), {"ngay": "30/06/2026"}).content.decode()
    k01 = before.split('data-testid="block-K01"')[1].split('data-testid="block-K02"')[0]
    assert world.commune.name in k01


def test_a_move_is_recorded_with_who_when_from_to_and_why(client, world, blocks, coordinator):
    coordinator.first_name = "Nguyễn Thị Thu Hà"
    coordinator.save()
    client.force_login(coordinator)
    url = reverse("org:unit_block", args=[world.commune.pk])
    client.post(
        url, {"block": blocks[4].pk, "valid_from": "01/07/2026", "reason": "Theo QĐ 15/QĐ-UBND"}
    )
    assert block_of(world.commune, D(2026, 6, 30)) == blocks[0]
    assert block_of(world.commune, D(2026, 7, 1)) == blocks[4]
    page = client.get(url).content.decode()
    history = page.split('data-testid="history"')[1]
    assert "Khối thi đua số 05" in history and "Khối thi đua số 01" in history
    assert "01/07/2026" in history and "30/06/2026" in history
    assert "Nguyễn Thị Thu Hà" in history and "Theo QĐ 15/QĐ-UBND" in history


def test_a_refused_move_shows_the_reason_next_to_the_field_and_changes_nothing(
    client, world, blocks, coordinator
):
    client.force_login(coordinator)
    url = reverse("org:unit_block", args=[world.commune.pk])
    response = client.post(url, {"block": blocks[1].pk, "valid_from": "01/01/2099", "reason": "x"})
    assert response.status_code == 200
    assert "không được sau hôm nay" in response.content.decode()
    assert BlockMembership.objects.filter(unit=world.commune).count() == 1


def test_a_unit_of_another_province_is_a_404(client, world, blocks, coordinator):
    client.force_login(coordinator)
    EmulationBlockFactory(province=world.other_province)
    url = reverse("org:unit_block", args=[world.other_department.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "x"}).status_code == 404
    # The province itself is not a member of its own blocks.
    assert client.get(reverse("org:unit_block", args=[world.province.pk])).status_code == 404


def test_a_block_of_another_province_cannot_be_posted(client, world, blocks, coordinator):
    foreign = EmulationBlockFactory(province=world.other_province)
    client.force_login(coordinator)
    url = reverse("org:unit_block", args=[world.commune.pk])
    response = client.post(url, {"block": foreign.pk, "valid_from": "01/07/2026", "reason": "x"})
    assert response.status_code == 200  # not a choice of the form
    assert BlockMembership.objects.filter(unit=world.commune).count() == 1


@pytest.mark.parametrize("who", ["commune", "reporter", "other_province"])
def test_only_the_provinces_coordinator_opens_the_block_pages(client, world, blocks, who):
    from org.models import Role

    user = {
        "commune": lambda: user_with_role(world.commune, username="xa_b"),
        "reporter": lambda: user_with_role(world.province, Role.REPORTER, username="bc_b"),
        "other_province": lambda: user_with_role(world.other_province, username="lc_b"),
    }[who]()
    client.force_login(user)
    assert client.get(reverse("org:blocks")).status_code == 404
    assert client.get(reverse("org:unit_block", args=[world.commune.pk])).status_code == 404


def test_the_board_costs_the_same_few_queries_for_21_blocks_of_100_units(
    client, world, blocks, coordinator, django_assert_max_num_queries
):
    xa = world.commune.unit_type
    for n in range(100):
        OrgUnitFactory(parent=world.province, unit_type=xa, block=blocks[n % 21])
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("org:blocks")).content.decode()
    assert page.count('href="/don-vi/khoi-thi-dua/don-vi/') >= 101
    unit = OrgUnit.objects.filter(block=blocks[3]).first()
    with django_assert_max_num_queries(10):
        client.get(reverse("org:unit_block", args=[unit.pk]))
