"""Shared fixtures: two provinces with a few units and people holding roles in them.

Django is imported inside the fixtures so that `extraction` (no Django) can be tested alone:
`python -m pytest extraction -p no:django`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from org.models import OrgUnit


@dataclass
class World:
    province: OrgUnit
    department: OrgUnit
    office: OrgUnit
    commune: OrgUnit
    village: OrgUnit
    other_commune: OrgUnit
    other_province: OrgUnit
    other_department: OrgUnit


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every table's ids start in the tens of thousands, each table at its own height, on
    SQLite as on PostgreSQL: an id rendered as "12.345" (Vietnamese thousands) or taken for
    another table's fails every test that touches it, not only the ones run late in a suite."""
    from django.apps import apps
    from django.db import connection, models

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        tables = sorted(
            {
                (m._meta.db_table, m._meta.pk.column)
                for m in apps.get_models(include_auto_created=True)
                if isinstance(m._meta.pk, models.AutoField)
            }
        )
        for index, (table, column) in enumerate(tables):
            start = 10_000 + 1_000 * index
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)",
                    [connection.ops.quote_name(table), column, start],
                )
            else:
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, start - 1]
                )


@pytest.fixture
def world(db) -> World:
    from org.models import OrgUnit
    from org.tests.factories import OrgUnitFactory, UnitTypeFactory

    tinh = UnitTypeFactory(code="tinh", level=0)
    so = UnitTypeFactory(code="so")
    xa = UnitTypeFactory(code="xa")
    phong = UnitTypeFactory(code="phong", level=2, issues_plans=False)
    thon = UnitTypeFactory(code="thon", level=3, issues_plans=False)
    province = OrgUnitFactory(
        code="P1", name="UBND tỉnh Lào Cai", unit_type=tinh, short_name="UBND"
    )
    department = OrgUnitFactory(parent=province, code="P1-SNV", name="Sở Nội vụ", unit_type=so)
    office = OrgUnitFactory(parent=department, code="P1-SNV-VP", name="Văn phòng", unit_type=phong)
    commune = OrgUnitFactory(parent=province, code="P1-X1", name="UBND xã Thống Nhất", unit_type=xa)
    village = OrgUnitFactory(parent=commune, code="P1-X1-T1", name="Thôn Bản Pẻn", unit_type=thon)
    other_commune = OrgUnitFactory(
        parent=province, code="P1-X2", name="UBND xã Bắc Hà", unit_type=xa
    )
    other_province = OrgUnitFactory(code="P2", name="UBND tỉnh Lai Châu", unit_type=tinh)
    other_department = OrgUnitFactory(
        parent=other_province, code="P2-VP", name="Văn phòng UBND tỉnh Lai Châu", unit_type=so
    )
    return World(
        province=OrgUnit.objects.get(pk=province.pk),
        department=OrgUnit.objects.get(pk=department.pk),
        office=OrgUnit.objects.get(pk=office.pk),
        commune=OrgUnit.objects.get(pk=commune.pk),
        village=OrgUnit.objects.get(pk=village.pk),
        other_commune=OrgUnit.objects.get(pk=other_commune.pk),
        other_province=OrgUnit.objects.get(pk=other_province.pk),
        other_department=OrgUnit.objects.get(pk=other_department.pk),
    )


@pytest.fixture
def commune_coordinator(world):
    from org.models import Role
    from org.tests.factories import user_with_role

    return user_with_role(world.commune, Role.COORDINATOR, username="xa_test")


@pytest.fixture
def province_coordinator(world):
    from org.models import Role
    from org.tests.factories import user_with_role

    return user_with_role(world.province, Role.COORDINATOR, username="tinh_test")
