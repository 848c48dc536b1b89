import datetime

import pytest
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def test_merged_unit_must_have_an_end_date(world):
    world.office.merged_into = world.department
    with pytest.raises(ValidationError) as exc:
        world.office.full_clean()
    assert "valid_to" in exc.value.message_dict


def test_merged_unit_keeps_its_history_and_is_inactive_after_the_merger(world):
    unit = world.office
    unit.valid_to = datetime.date(2025, 6, 30)
    unit.merged_into = world.department
    unit.full_clean()
    unit.save()
    assert unit.is_active_on(datetime.date(2025, 6, 1))
    assert not unit.is_active_on(datetime.date(2025, 7, 1))
    assert unit.history.count() >= 2


def test_validity_end_before_start_is_refused(world):
    world.office.valid_from = datetime.date(2026, 1, 1)
    world.office.valid_to = datetime.date(2025, 1, 1)
    with pytest.raises(ValidationError):
        world.office.full_clean()


def test_ancestor_paths_come_from_the_path(world):
    assert world.village.ancestor_paths() == [world.province.path, world.commune.path]


def test_unit_search_text_ignores_diacritics(world):
    assert "thong nhat" in world.commune.search_text
