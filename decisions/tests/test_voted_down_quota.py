"""A nomination the council voted down frees its place in its form's quota: every count against
a quota is of NominationQuerySet.using_quota() — the service's check, the round page, the quota
form and the API. One that passed keeps its place."""

import pytest

from api.tests.reading import items, reader
from decisions.tests.factories import voted
from nominations import selectors
from nominations.models import Nomination
from nominations.services import quota_use
from org.models import Role

pytestmark = pytest.mark.django_db


def test_a_nomination_voted_down_frees_its_quota_place(rw):
    (flag,) = voted(rw, forms=[rw.flag], agree=2)  # 2 of 5: short of 80 %
    assert flag.status == Nomination.Status.VOTED and flag.vote_passed is False
    assert quota_use(rw.round, rw.flag) == (0, 1)
    assert selectors.form_use(rw.round).get(rw.flag.pk, 0) == 0
    (line,) = selectors.round_quotas(rw.round)
    assert (line.form, line.used, line.full) == (rw.flag, 0, False)
    assert list(Nomination.objects.using_quota()) == []


def test_a_nomination_voted_through_keeps_its_quota_place(rw):
    voted(rw, forms=[rw.flag], agree=5)
    assert quota_use(rw.round, rw.flag) == (1, 1)
    (line,) = selectors.round_quotas(rw.round)
    assert (line.used, line.full) == (1, True)


def test_the_round_page_and_the_api_read_the_freed_place(client, world, rw):
    voted(rw, forms=[rw.flag, rw.merit], agree=2)
    client.force_login(rw.office)
    assert f"{rw.flag.name}: 0/1" in client.get(rw.round.get_absolute_url()).text
    token = reader(world.province, Role.COORDINATOR, "tinh_api")
    (body,) = items(client, token, "/api/v1/award-rounds")
    assert body["quotas"] == [
        {"form": rw.flag.code, "form_name": rw.flag.name, "limit": 1, "used": 0}
    ]
