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


DAY = datetime.date(2026, 3, 15)


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "active"),
    [
        (None, None, True),
        (DAY, None, True),
        (None, DAY, True),
        (DAY, DAY, True),
        (DAY + datetime.timedelta(days=1), None, False),
        (None, DAY - datetime.timedelta(days=1), False),
    ],
)
def test_active_on_query_agrees_with_is_active_on_at_the_boundaries(
    world, valid_from, valid_to, active
):
    from org.models import OrgUnit

    OrgUnit.objects.filter(pk=world.office.pk).update(valid_from=valid_from, valid_to=valid_to)
    unit = OrgUnit.objects.get(pk=world.office.pk)
    assert unit.is_active_on(DAY) is active
    assert OrgUnit.objects.active_on(DAY).filter(pk=unit.pk).exists() is active


def test_active_on_keeps_the_tree_queryset_and_its_methods(world):
    from org.models import OrgUnit

    OrgUnit.objects.filter(pk=world.village.pk).update(valid_to=DAY - datetime.timedelta(days=1))
    active = OrgUnit.objects.active_on(DAY)
    assert list(active.filter(path__startswith=world.commune.path)) == [world.commune]
    assert OrgUnit.objects.get_children(world.province).active_on(DAY).count() == 3
    assert OrgUnit.objects.get_root_nodes().active_on(DAY).count() == 2


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "valid"),
    [
        (None, None, True),
        (DAY, None, True),
        (None, DAY, True),
        (DAY + datetime.timedelta(days=1), None, False),
        (None, DAY - datetime.timedelta(days=1), False),
    ],
)
def test_role_assignment_valid_on_includes_both_ends_and_open_blanks(
    world, valid_from, valid_to, valid
):
    from org.models import RoleAssignment
    from org.tests.factories import RoleAssignmentFactory

    grant = RoleAssignmentFactory(unit=world.commune, valid_from=valid_from, valid_to=valid_to)
    assert RoleAssignment.objects.valid_on(DAY).filter(pk=grant.pk).exists() is valid
