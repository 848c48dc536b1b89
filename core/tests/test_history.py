"""changes_by: the person a history version names when no request says it (core/history.py)."""

from types import SimpleNamespace

import pytest
from simple_history.models import HistoricalRecords

from core.history import changes_by
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _rename(unit, name):
    unit.name = name
    unit.save()
    return unit.history.latest()


def test_a_change_inside_names_the_person_and_one_after_names_no_one(world, commune_coordinator):
    with changes_by(commune_coordinator):
        assert _rename(world.commune, "Xã A").history_user == commune_coordinator
    assert _rename(world.commune, "Xã B").history_user is None
    assert not hasattr(HistoricalRecords.context, "request")


def test_the_outer_person_is_back_after_an_inner_one(world, commune_coordinator):
    other = user_with_role(world.province, Role.COORDINATOR, username="tinh_khac")
    with changes_by(commune_coordinator):
        with changes_by(other):
            assert _rename(world.commune, "Xã A").history_user == other
        assert _rename(world.commune, "Xã B").history_user == commune_coordinator


def test_no_one_hides_the_person_of_a_request_and_gives_the_request_back(
    world, commune_coordinator
):
    request = SimpleNamespace(user=commune_coordinator)  # as HistoryRequestMiddleware sets it
    HistoricalRecords.context.request = request
    try:
        with changes_by(None):
            assert _rename(world.commune, "Xã A").history_user is None
        assert HistoricalRecords.context.request is request
    finally:
        del HistoricalRecords.context.request


def test_a_failure_inside_still_clears_the_person(world, commune_coordinator):
    with pytest.raises(RuntimeError), changes_by(commune_coordinator):
        raise RuntimeError("boom")
    assert _rename(world.commune, "Xã A").history_user is None


def test_an_author_set_on_the_record_itself_is_kept(world, commune_coordinator):
    other = user_with_role(world.province, Role.COORDINATOR, username="tinh_khac")
    with changes_by(commune_coordinator):
        world.commune._history_user = other
        assert _rename(world.commune, "Xã A").history_user == other
