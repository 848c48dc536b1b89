"""The initiative pages: list with filters, who has none, the page of one, the steps; every page's
queries bounded whatever the number of initiatives."""

import datetime

import pytest
from django.urls import reverse

from initiatives.models import Initiative, Replication
from initiatives.tests.factories import EvidenceFactory, InitiativeFactory
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _many(world, n=12):
    for i in range(n):
        initiative = InitiativeFactory(
            unit=world.commune if i % 2 else world.village,
            field="cds" if i % 3 else "cdx",
            title=f"Mô hình số {i}",
        )
        EvidenceFactory(initiative=initiative)


class TestList:
    def test_filters_and_search_without_diacritics(self, client, world, province_coordinator):
        InitiativeFactory(unit=world.commune, title="Chợ 4.0 Thống Nhất", field="cds")
        InitiativeFactory(unit=world.village, title="Thôn xanh sạch", field="cdx")
        client.force_login(province_coordinator)
        page = client.get(reverse("initiatives:list"), {"q": "cho thong nhat"}).content.decode()
        assert "Chợ 4.0 Thống Nhất" in page and "Thôn xanh sạch" not in page
        page = client.get(reverse("initiatives:list"), {"field": "cdx"}).content.decode()
        assert "Thôn xanh sạch" in page and "Chợ 4.0" not in page
        page = client.get(
            reverse("initiatives:list"), {"unit": world.village.pk, "year": "2026"}
        ).content.decode()
        assert "Thôn xanh sạch" in page and "Chợ 4.0" not in page
        page = client.get(reverse("initiatives:list"), {"status": "recognised"}).content.decode()
        assert "Chợ 4.0" not in page

    def test_the_list_queries_do_not_grow_with_the_initiatives(
        self, client, world, province_coordinator, django_assert_max_num_queries
    ):
        _many(world, 3)
        client.force_login(province_coordinator)
        client.get(reverse("initiatives:list"))
        _many(world, 30)
        with django_assert_max_num_queries(12):
            response = client.get(reverse("initiatives:list"))
        assert response.content.decode().count("Mô hình số") == 33


class TestWhoHasNone:
    def test_the_coordinator_sees_the_units_without_one(
        self, client, world, province_coordinator, django_assert_max_num_queries
    ):
        InitiativeFactory(unit=world.commune, year=2026)
        client.force_login(province_coordinator)
        with django_assert_max_num_queries(10):
            page = client.get(reverse("initiatives:units_without"), {"year": "2026"})
        text = page.content.decode()
        assert world.other_commune.name in text and world.commune.name not in text

    def test_a_reporter_does_not_get_the_page(self, client, world):
        client.force_login(user_with_role(world.commune, Role.REPORTER))
        assert client.get(reverse("initiatives:units_without")).status_code == 404


class TestPages:
    def test_a_unit_registers_and_sends_then_the_province_recognises(
        self, client, world, province_coordinator
    ):
        reporter = user_with_role(world.commune, Role.REPORTER)
        client.force_login(reporter)
        response = client.post(
            reverse("initiatives:create"),
            {
                "unit": world.commune.pk,
                "year": 2026,
                "title": "Chợ 4.0",
                "field": "cds",
                "description": "Thanh toán QR",
                "effect": "Không dùng tiền mặt",
            },
        )
        initiative = Initiative.objects.get()
        assert response.status_code == 302
        url = reverse("initiatives:detail", args=[initiative.pk])
        client.post(
            reverse("initiatives:evidence_add", args=[initiative.pk]), {"link": "https://a.vn/x"}
        )
        client.post(reverse("initiatives:submit", args=[initiative.pk]))
        initiative.refresh_from_db()
        assert initiative.status == "submitted"
        client.force_login(province_coordinator)
        assert "Tiếp nhận xem xét" in client.get(url).content.decode()
        client.post(reverse("initiatives:review", args=[initiative.pk]))
        response = client.post(
            reverse("initiatives:recognise", args=[initiative.pk]),
            {
                "level": "tinh",
                "influence": "Toàn tỉnh",
                "decision_number": "125/QĐ-UBND",
                "decision_date": "15/10/2026",
            },
        )
        assert response.status_code == 302
        initiative.refresh_from_db()
        assert (initiative.status, initiative.decision_date) == (
            "recognised",
            datetime.date(2026, 10, 15),
        )
        page = client.get(url).content.decode()
        assert "125/QĐ-UBND" in page and "15/10/2026" in page

    def test_the_detail_queries_do_not_grow_with_history_and_replications(
        self, client, world, province_coordinator, django_assert_max_num_queries
    ):
        initiative = InitiativeFactory(
            unit=world.commune, status="recognised", level="co_so", decision_number="1/QĐ"
        )
        client.force_login(province_coordinator)
        url = reverse("initiatives:detail", args=[initiative.pk])
        client.get(url)
        for unit in (world.department, world.other_commune, world.village):
            Replication.objects.create(
                initiative=initiative, unit=unit, started_on=datetime.date(2026, 5, 1), results="x"
            )
            EvidenceFactory(initiative=initiative)
            initiative.events.create(kind="save", user=province_coordinator)
        with django_assert_max_num_queries(14):
            page = client.get(url)
        assert page.content.decode().count("— từ") == 3

    def test_a_neighbour_records_its_replication(self, client, world):
        initiative = InitiativeFactory(
            unit=world.commune, status="recognised", level="co_so", decision_number="1/QĐ"
        )
        client.force_login(user_with_role(world.other_commune, Role.REPORTER))
        url = reverse("initiatives:detail", args=[initiative.pk])
        assert "Ghi nhận nhân rộng" in client.get(url).content.decode()
        client.post(
            reverse("initiatives:replicate", args=[initiative.pk]),
            {"unit": world.other_commune.pk, "started_on": "01/11/2026", "results": "50 hộ"},
        )
        assert Replication.objects.get().unit == world.other_commune

    def test_a_replication_for_a_unit_not_ones_own_is_404(self, client, world):
        initiative = InitiativeFactory(
            unit=world.commune, status="recognised", level="co_so", decision_number="1/QĐ"
        )
        client.force_login(user_with_role(world.other_commune, Role.REPORTER))
        response = client.post(
            reverse("initiatives:replicate", args=[initiative.pk]),
            {"unit": world.department.pk, "started_on": "01/11/2026", "results": "50 hộ"},
        )
        assert response.status_code == 404
        assert not Replication.objects.exists()


class TestFieldLead:
    def test_the_field_lead_lists_its_fields_initiatives_and_no_other_page_shows_more(
        self, client, world
    ):
        from initiatives.models import FieldLead
        from org.tests.factories import OrgUnitFactory
        from plans.tests.factories import PlanFactory

        science = OrgUnitFactory(parent=world.province, code="P1-SKHCN", name="Sở KH&CN")
        FieldLead.objects.create(unit=science, field="cds")
        InitiativeFactory(unit=world.commune, field="cds", title="Xã số Thống Nhất")
        InitiativeFactory(unit=world.commune, field="cdx", title="Xã xanh Thống Nhất")
        PlanFactory(issuer=science, title="Kế hoạch riêng của Sở KH&CN")
        client.force_login(user_with_role(science, Role.FIELD_LEAD))
        page = client.get(reverse("initiatives:list")).content.decode()
        assert "Xã số Thống Nhất" in page and "Xã xanh Thống Nhất" not in page
        assert client.get(reverse("home")).status_code == 200
        plans = client.get(reverse("plans:list")).content.decode()
        assert "Kế hoạch riêng của Sở KH&CN" not in plans


def test_the_coordinators_home_lists_the_initiatives_to_review(client, world, commune_coordinator):
    InitiativeFactory(unit=world.village, status="submitted", title="Thôn số Bản Pẻn")
    InitiativeFactory(unit=world.village, status="draft", title="Thôn xanh nháp")
    InitiativeFactory(unit=world.other_commune, status="submitted", title="Xã bên cạnh")
    client.force_login(commune_coordinator)
    page = client.get(reverse("home")).content.decode()
    assert "Thôn số Bản Pẻn" in page
    assert "Thôn xanh nháp" not in page and "Xã bên cạnh" not in page
