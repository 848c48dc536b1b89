"""The catalogue page, the registry and the verdict pages: scoped (another subtree is a 404),
searchable without diacritics, filterable, in a bounded number of queries."""

import datetime

import pytest
from django.urls import reverse

from awards.models import EligibilityPolicy, PendingMatter
from awards.selectors import form_list, unit_facts
from awards.tests.factories import AwardRecordFactory, PendingMatterFactory, form, kind
from org.models import Role
from org.tests.factories import EmulationBlockFactory, OrgUnitFactory, PersonFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def block(world):
    block = EmulationBlockFactory(province=world.province, name="Khối các xã")
    for unit in (world.commune, world.other_commune):
        unit.block = block
        unit.save()
    return block


def _people(unit, n, prefix="Cán bộ"):
    return [PersonFactory(unit=unit, full_name=f"{prefix} {i}") for i in range(n)]


def test_catalogue_page_shows_forms_and_prize_money(client, catalogue, commune_coordinator):
    client.force_login(commune_coordinator)
    page = client.get(reverse("awards:catalogue")).content.decode()
    assert "Cờ thi đua của UBND tỉnh" in page
    assert "18.720.000 đ" in page  # 8 × 2.340.000
    assert "≥ 90 % tổng số thành viên Hội đồng" in page
    assert "3 năm liên tục đạt Chiến sĩ thi đua cơ sở" in page
    assert "Nghị định 73/2024/NĐ-CP" in page


def test_catalogue_page_queries_do_not_grow_with_forms(
    client, catalogue, commune_coordinator, django_assert_max_num_queries
):
    client.force_login(commune_coordinator)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("awards:catalogue")).status_code == 200


# --- registry ---


@pytest.fixture
def awards_in_two_provinces(world, catalogue):
    person = PersonFactory(unit=world.commune, full_name="Lò Thị Hoa")
    return {
        "commune": AwardRecordFactory(
            subject_unit=world.commune, form=form("tap-the-lao-dong-tien-tien"), year=2024
        ),
        "person": AwardRecordFactory(person=person, year=2025),
        "department": AwardRecordFactory(
            subject_unit=world.department, form=form("bang-khen-chu-tich-tinh"), year=2025
        ),
        "other": AwardRecordFactory(
            subject_unit=world.other_department, form=form("bang-khen-chu-tich-tinh"), year=2025
        ),
    }


def _registry(client, **params):
    response = client.get(reverse("awards:registry"), params)
    assert response.status_code == 200
    return {r.pk for r in response.context["page"].object_list}


def test_registry_is_scoped_to_the_users_subtree(
    client, awards_in_two_provinces, commune_coordinator, province_coordinator
):
    a = awards_in_two_provinces
    client.force_login(commune_coordinator)
    assert _registry(client) == {a["commune"].pk, a["person"].pk}
    client.force_login(province_coordinator)
    assert _registry(client) == {a["commune"].pk, a["person"].pk, a["department"].pk}


def test_registry_search_ignores_diacritics_and_filters(
    client, awards_in_two_provinces, province_coordinator
):
    a = awards_in_two_provinces
    client.force_login(province_coordinator)
    assert _registry(client, q="lo thi hoa") == {a["person"].pk}
    assert _registry(client, q="THONG nhat") == {a["commune"].pk}
    assert _registry(client, nam="2025") == {a["person"].pk, a["department"].pk}
    merit = form("bang-khen-chu-tich-tinh")
    assert _registry(client, hinh_thuc=str(merit.pk)) == {a["department"].pk}
    assert _registry(client, hinh_thuc="x²", nam="năm") == set(a[k].pk for k in a) - {a["other"].pk}


def test_registry_queries_do_not_grow_with_records(
    client, world, catalogue, province_coordinator, django_assert_max_num_queries
):
    for person in _people(world.commune, 30):
        AwardRecordFactory(person=person, year=2025)
    client.force_login(province_coordinator)
    # +2 since the block and unit filters list their choices.
    with django_assert_max_num_queries(11):
        assert len(_registry(client)) == 30


# --- verdict pages ---


def test_unit_page_of_another_subtree_is_404(client, world, catalogue, commune_coordinator):
    client.force_login(commune_coordinator)
    assert client.get(reverse("awards:unit", args=[world.other_commune.pk])).status_code == 404
    assert client.get(reverse("awards:unit", args=[world.other_province.pk])).status_code == 404
    assert client.get(reverse("awards:unit", args=[world.village.pk])).status_code == 200
    stranger = PersonFactory(unit=world.other_commune)
    assert client.get(reverse("awards:person", args=[stranger.pk])).status_code == 404


def test_unit_page_shows_each_forms_verdict_with_reasons(
    client, world, catalogue, block, commune_coordinator
):
    people = _people(world.commune, 10)
    for person in people[:6]:
        AwardRecordFactory(person=person, year=2025)
    # An đột xuất award does not count toward the 70 %.
    AwardRecordFactory(person=people[6], year=2025, kind=kind("dot-xuat"))
    AwardRecordFactory(
        subject_unit=world.other_commune, form=form("co-thi-dua-ubnd-tinh"), year=2025
    )
    client.force_login(commune_coordinator)
    response = client.get(reverse("awards:unit", args=[world.commune.pk]), {"nam": "2025"})
    verdicts = {v.form.code: v for v in response.context["verdicts"]}
    assert "lao-dong-tien-tien" not in verdicts  # a title of individuals
    assert verdicts["tap-the-lao-dong-tien-tien"].message == (
        "Không đủ điều kiện: 6/10 cá nhân đạt Lao động tiên tiến (60 %), cần từ 70 %"
    )
    assert verdicts["co-thi-dua-ubnd-tinh"].message == (
        "Không đủ điều kiện: khối thi đua đã có UBND xã Bắc Hà nhận Cờ thi đua của UBND tỉnh "
        "năm 2025"
    )
    assert verdicts["bang-khen-chu-tich-tinh"].status == "eligible"
    assert "6/10 cá nhân đạt Lao động tiên tiến" in response.content.decode()


def test_a_members_discipline_counts_in_the_year_it_was_settled(world, catalogue):
    people = _people(world.commune, 4)
    PendingMatterFactory(
        person=people[0],
        kind=PendingMatter.Kind.DISCIPLINE,
        opened_on=datetime.date(2025, 3, 1),
        settled_on=datetime.date(2025, 6, 1),
        outcome=PendingMatter.Outcome.WARNING,
    )
    PendingMatterFactory(
        person=people[1],
        kind=PendingMatter.Kind.DISCIPLINE,
        opened_on=datetime.date(2025, 3, 1),
        settled_on=datetime.date(2025, 6, 1),
        outcome=PendingMatter.Outcome.REPRIMAND,
    )
    forms = form_list()
    today = datetime.date(2026, 12, 2)
    assert unit_facts(unit=world.commune, year=2025, today=today, forms=forms).members.warned == [
        people[0].full_name
    ]
    assert unit_facts(unit=world.commune, year=2026, today=today, forms=forms).members.warned == []


def test_person_page_holds_a_head_to_the_units_reports_and_a_pending_matter(
    client, world, catalogue, commune_coordinator
):
    head = user_with_role(world.commune, Role.HEAD, username="tt_test")
    person = PersonFactory(unit=world.commune, full_name="Vàng A Sử", user=head)
    PendingMatterFactory(person=person)
    AwardRecordFactory(person=person, year=2026, form=form("lao-dong-tien-tien"))
    client.force_login(commune_coordinator)
    response = client.get(reverse("awards:person", args=[person.pk]), {"nam": "2026"})
    verdicts = {v.form.code: v for v in response.context["verdicts"]}
    assert verdicts["lao-dong-tien-tien"].status == "awarded"
    assert verdicts["chien-si-thi-dua-co-so"].message.startswith(
        "Chưa đề nghị, chờ giải quyết xong: đang thanh tra, kiểm tra từ 12/05/2026"
    )
    assert verdicts["chien-si-thi-dua-cap-tinh"].message == (
        "Không đủ điều kiện: chưa đủ 3 năm liên tục đạt Chiến sĩ thi đua cơ sở "
        "(thiếu năm 2024, 2025, 2026); đang thanh tra, kiểm tra từ 12/05/2026 "
        "(Thanh tra việc sử dụng kinh phí chuyển đổi số)"
    )
    assert "co-thi-dua-ubnd-tinh" not in verdicts


def test_the_provinces_policy_is_read(client, world, catalogue, block, commune_coordinator):
    EligibilityPolicy.objects.create(province=world.province, one_flag_per_block=False)
    AwardRecordFactory(
        subject_unit=world.other_commune, form=form("co-thi-dua-ubnd-tinh"), year=2025
    )
    client.force_login(commune_coordinator)
    response = client.get(reverse("awards:unit", args=[world.commune.pk]), {"nam": "2025"})
    verdicts = {v.form.code: v for v in response.context["verdicts"]}
    assert verdicts["co-thi-dua-ubnd-tinh"].status == "eligible"


@pytest.mark.parametrize("size", [2, 40])
def test_unit_page_queries_do_not_grow_with_members_awards_or_matters(
    client, world, catalogue, block, commune_coordinator, size, django_assert_max_num_queries
):
    for index, person in enumerate(_people(world.commune, size)):
        AwardRecordFactory(person=person, year=2025)
        PendingMatterFactory(person=person)
        AwardRecordFactory(
            subject_unit=world.commune, form=form("bang-khen-chu-tich-tinh"), year=2000 + index
        )
        unit = OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type, block=block)
        AwardRecordFactory(subject_unit=unit, form=form("co-thi-dua-ubnd-tinh"), year=2025)
    client.force_login(commune_coordinator)
    # +1: the awards of the units merged into it.
    with django_assert_max_num_queries(16):
        response = client.get(reverse("awards:unit", args=[world.commune.pk]), {"nam": "2025"})
    assert response.status_code == 200


def test_person_page_queries_are_bounded(
    client, world, catalogue, commune_coordinator, django_assert_max_num_queries
):
    person = PersonFactory(unit=world.commune)
    for year in range(2010, 2026):
        AwardRecordFactory(person=person, year=year)
    client.force_login(commune_coordinator)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("awards:person", args=[person.pk])).status_code == 200


def test_subject_search_finds_units_and_people_of_the_subtree_only(
    client, world, catalogue, commune_coordinator
):
    mine = PersonFactory(unit=world.village, full_name="Hoàng Văn Thống")
    PersonFactory(unit=world.other_commune, full_name="Lê Văn Thống")
    client.force_login(commune_coordinator)
    response = client.get(reverse("awards:search"), {"q": "thong"})
    assert [u.pk for u in response.context["units"]] == [world.commune.pk]
    assert [p.pk for p in response.context["people"]] == [mine.pk]
    assert client.get(reverse("awards:search")).context["units"] == []
