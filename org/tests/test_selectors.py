"""Group phrases of a plan ("các phòng chuyên môn") stand for units of the issuer's tree."""

import datetime

import pytest

from org.selectors import group_phrase_nouns, units_denoted_by_group, units_match_names
from org.tests.factories import OrgUnitFactory, UnitTypeFactory

pytestmark = pytest.mark.django_db


def names(units):
    return None if units is None else {u.name for u in units}


@pytest.fixture
def board(world):
    """Seed 001's issuer: Văn phòng, two phòng, a trung tâm with a phòng of its own, a board."""
    phong = UnitTypeFactory(code="phong", level=2)
    board = OrgUnitFactory(parent=world.province, name="Ban Quản lý Khu kinh tế", unit_type=phong)
    for name in (
        "Văn phòng",
        "Phòng Quản lý doanh nghiệp",
        "Phòng Kế hoạch tổng hợp",
        "Ban Tiếp công dân",
    ):
        OrgUnitFactory(parent=board, name=name, unit_type=phong)
    centre = OrgUnitFactory(parent=board, name="Trung tâm Quản lý cửa khẩu", unit_type=phong)
    OrgUnitFactory(parent=centre, name="Phòng Nghiệp vụ", unit_type=phong)
    board.refresh_from_db()
    return board


def test_cac_phong_chuyen_mon_are_the_issuers_own_phong_not_its_office_or_centre(board):
    assert names(units_denoted_by_group(phrase="các phòng chuyên môn", issuer=board)) == {
        "Phòng Quản lý doanh nghiệp",
        "Phòng Kế hoạch tổng hợp",
    }


def test_cac_phong_ban_trung_tam_adds_the_boards_and_centres(board):
    assert names(units_denoted_by_group(phrase="Các phòng, ban, trung tâm", issuer=board)) == {
        "Phòng Quản lý doanh nghiệp",
        "Phòng Kế hoạch tổng hợp",
        "Ban Tiếp công dân",
        "Trung tâm Quản lý cửa khẩu",
    }


def test_cac_xa_phuong_are_the_provinces_active_communes_and_wards(world):
    xa = world.commune.unit_type
    ward = OrgUnitFactory(parent=world.province, name="UBND phường Sa Pa", unit_type=xa)
    OrgUnitFactory(
        parent=world.province,
        name="UBND xã Cũ",
        unit_type=xa,
        valid_to=datetime.date(2025, 6, 30),
    )
    province = type(world.province).objects.get(pk=world.province.pk)
    assert names(units_denoted_by_group(phrase="các xã, phường", issuer=province)) == {
        world.commune.name,
        world.other_commune.name,
        ward.name,
    }


def test_nganh_stands_for_every_unit_of_the_kind_found(world):
    so = world.department.unit_type
    office = OrgUnitFactory(parent=world.province, name="Văn phòng UBND tỉnh", unit_type=so)
    province = type(world.province).objects.get(pk=world.province.pk)
    assert names(units_denoted_by_group(phrase="các sở, ban, ngành", issuer=province)) == {
        world.department.name,
        office.name,
    }


def test_a_name_or_a_vague_phrase_is_not_a_group(board):
    assert units_denoted_by_group(phrase="Văn phòng", issuer=board) is None
    assert units_denoted_by_group(phrase="Các đơn vị liên quan", issuer=board) is None


def test_a_board_is_not_a_village(board):
    """Compared with diacritics: "ban" (board) and "bản" (village) fold to the same word."""
    assert group_phrase_nouns("các thôn, bản") == ({"thôn", "bản"}, False)
    assert units_denoted_by_group(phrase="các thôn, bản", issuer=board) == []


def test_a_unit_named_with_a_part_of_it_in_brackets_is_that_unit(board):
    """Seed 001 gives a task to "Văn phòng (Bộ phận một cửa)": the office is responsible."""
    found = units_match_names(
        names=["Văn phòng (Bộ phận một cửa)", "Phòng Nghiệp vụ (Tổ 2)", "Văn phòng (x) khác"],
        within=board,
    )
    assert found["Văn phòng (Bộ phận một cửa)"].name == "Văn phòng"
    assert found["Phòng Nghiệp vụ (Tổ 2)"].name == "Phòng Nghiệp vụ"
    assert found["Văn phòng (x) khác"] is None
