"""The demo's initiatives: every stage, one replication, a field lead, true on the earliest day."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from initiatives.access import visible_q
from initiatives.models import Event, Initiative, Replication
from initiatives.selectors import units_without_initiative
from org.scope import user_scope
from portal.demo import EARLIEST_DAY, load_demo

pytestmark = pytest.mark.django_db


def test_demo_initiatives_hold_every_stage_on_the_earliest_day_and_load_once():
    now = timezone.make_aware(datetime.datetime.combine(EARLIEST_DAY, datetime.time(8, 0)))
    load_demo(now=now)
    counts = (Initiative.objects.count(), Event.objects.count(), Replication.objects.count())
    load_demo(now=now)
    assert (
        Initiative.objects.count(),
        Event.objects.count(),
        Replication.objects.count(),
    ) == counts
    lao_cai = Initiative.objects.filter(unit__code__startswith="LCI-", year=2026)
    assert set(lao_cai.values_list("status", flat=True)) == set(Initiative.Status.values)
    assert set(lao_cai.filter(status="recognised").values_list("level", flat=True)) == {
        "tinh",
        "co_so",
    }
    assert lao_cai.filter(person__isnull=False).exists()
    replication = Replication.objects.get()
    assert replication.unit.code == "LCI-XMK" and replication.started_on < EARLIEST_DAY
    assert Event.objects.latest("at").at <= now
    assert not lao_cai.filter(decision_date__gt=EARLIEST_DAY).exists()
    # Sở KH&CN's field lead sees digital, science and innovation initiatives, no green one.
    lead = get_user_model().objects.get(username="khcn")
    seen = Initiative.objects.filter(visible_q(user_scope(lead)))
    fields = set(seen.exclude(status="recognised").values_list("field", flat=True))
    assert fields == {"khcn", "dmst", "cds"}
    assert seen.filter(unit__code="LCI-PLC", field="cds").exists()
    tinh = user_scope(get_user_model().objects.get(username="tinh"))
    without = {u.code for u in units_without_initiative(scope=tinh, year=2026)}
    assert "LCI-XSMC" in without and "LCI-XBH" not in without
