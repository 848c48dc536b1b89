"""The demo's awards: the catalogue, Lào Cai's past awards and an open inspection, read through
the same rules and pages a coordinator uses."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardForm, AwardRecord, BaseSalary, PendingMatter
from org.models import OrgUnit, Person
from portal.demo import load_demo
from portal.demo_awards import load_awards

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 2)


def _verdicts(client, name, pk, year):
    response = client.get(reverse(f"awards:{name}", args=[pk]), {"nam": year})
    assert response.status_code == 200
    return {v.form.code: v for v in response.context["verdicts"]}


def test_demo_awards_read_as_the_rules_say_and_load_once(client):
    now = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(17)))
    load_demo(now=now)
    records = AwardRecord.objects.count()
    assert records >= 15
    assert AwardForm.objects.filter(code="bang-khen-thu-tuong", proposal_to_higher_level=True)
    assert BaseSalary.objects.filter(valid_to__isnull=True).get().amount == 2_340_000
    assert not AwardRecord.objects.filter(decision_date__gt=DAY).exists()
    assert load_awards() == 0 and AwardRecord.objects.count() == records

    client.force_login(get_user_model().objects.get(username="tinh"))
    head = Person.objects.get(user__username="tt.lci-snv")
    assert _verdicts(client, "person", head.pk, 2025)["chien-si-thi-dua-cap-tinh"].status == (
        "eligible"
    )
    ward = OrgUnit.objects.get(code="LCI-PLC")
    flag = _verdicts(client, "unit", ward.pk, 2025)["co-thi-dua-ubnd-tinh"]
    assert "UBND phường Yên Bái" in flag.message
    inspected = Person.objects.get(user__username="tt.lci-xbh")
    assert PendingMatter.objects.filter(person=inspected, settled_on=None).exists()
    held = _verdicts(client, "person", inspected.pk, 2026)["lao-dong-tien-tien"]
    assert "đang thanh tra, kiểm tra từ 12/05/2026" in " ".join(held.reasons)
    # The merged unit's flag stays in the registry under its own name.
    registry = client.get(reverse("awards:registry"), {"q": "yen bai cu"})
    assert [r.subject_unit.code for r in registry.context["page"]] == ["YBI-SNV"]
