"""Households and enterprises: attached to a locality of the coordinator's subtree, searched
without diacritics, every version kept with who saved it; elsewhere is a 404."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from org.models import Enterprise, Household, Role
from org.scope import user_scope
from org.selectors import enterprise_list, household_list, subject_places
from org.services import enterprise_save, household_save
from org.tests.factories import EnterpriseFactory, HouseholdFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune_user(world):
    user = user_with_role(world.commune, username="xa_subjects")
    user.first_name = "Lương Văn Hùng"
    user.save()
    return user


class TestHouseholdSave:
    def test_a_household_of_a_village_of_the_commune_is_saved_with_who_saved_it(
        self, world, commune_user
    ):
        household = household_save(
            scope=user_scope(commune_user),
            user=commune_user,
            unit=world.village,
            kind=Household.Kind.FARMER,
            head_name="Hoàng Văn Páo",
            address="Thôn Bản Pẻn",
            members_count=5,
        )
        assert household.history.get().history_user == commune_user

    def test_an_office_is_not_a_place_to_live(self, world, province_coordinator):
        with pytest.raises(ValidationError) as error:
            household_save(
                scope=user_scope(province_coordinator),
                user=province_coordinator,
                unit=world.department,
                head_name="Hoàng Văn Páo",
            )
        assert "unit" in error.value.message_dict
        assert Household.objects.count() == 0

    def test_another_commune_is_refused(self, world, commune_user):
        with pytest.raises(PermissionDenied):
            household_save(
                scope=user_scope(commune_user),
                user=commune_user,
                unit=world.other_commune,
                head_name="Hoàng Văn Páo",
            )
        other = HouseholdFactory(unit=world.other_commune)
        with pytest.raises(PermissionDenied):
            household_save(
                scope=user_scope(commune_user),
                user=commune_user,
                household=other,
                unit=world.commune,
                head_name="x",
            )

    def test_a_blank_head_name_is_refused(self, world, commune_user):
        with pytest.raises(ValidationError) as error:
            household_save(
                scope=user_scope(commune_user), user=commune_user, unit=world.commune, head_name=""
            )
        assert "head_name" in error.value.message_dict


class TestEnterpriseSave:
    def save(self, user, **fields):
        return enterprise_save(scope=user_scope(user), user=user, **fields)

    def test_a_cooperative_of_the_commune_is_saved(self, world, commune_user):
        coop = self.save(
            commune_user,
            unit=world.commune,
            kind=Enterprise.Kind.COOPERATIVE,
            name="Hợp tác xã Nông nghiệp Thống Nhất",
            tax_code="4900812345",
        )
        assert coop.pk and coop.history.get().history_user == commune_user

    @pytest.mark.parametrize("code", ["49008", "490081234X", "4900812345-1", "4900812345 001"])
    def test_a_malformed_tax_code_is_refused(self, world, commune_user, code):
        with pytest.raises(ValidationError) as error:
            self.save(commune_user, unit=world.commune, name="Công ty A", tax_code=code)
        assert "tax_code" in error.value.message_dict

    def test_a_branch_tax_code_is_accepted(self, world, commune_user):
        self.save(commune_user, unit=world.commune, name="Chi nhánh B", tax_code="4900812345-001")

    def test_a_tax_code_already_listed_is_refused_but_blank_ones_repeat(
        self, world, commune_user, province_coordinator
    ):
        EnterpriseFactory(unit=world.province, tax_code="4900812345")
        with pytest.raises(ValidationError) as error:
            self.save(commune_user, unit=world.commune, name="Công ty A", tax_code="4900812345")
        assert "đã có" in error.value.message_dict["tax_code"][0]
        self.save(commune_user, unit=world.commune, name="Hộ kinh doanh A")
        self.save(commune_user, unit=world.commune, name="Hộ kinh doanh B")
        assert Enterprise.objects.count() == 3

    def test_the_province_coordinator_attaches_an_enterprise_to_the_province(
        self, world, province_coordinator
    ):
        self.save(province_coordinator, unit=world.province, name="Công ty Cổ phần Apatit")


class TestSelectors:
    def test_places_are_the_localities_of_the_subtree(self, world, commune_user):
        assert list(subject_places(user_scope(commune_user))) == [world.commune, world.village]

    def test_search_ignores_diacritics_and_stays_in_scope(self, world, commune_user):
        HouseholdFactory(unit=world.village, head_name="Hoàng Văn Páo", address="Bản Pẻn")
        HouseholdFactory(unit=world.commune, head_name="Lý Thị Mai")
        HouseholdFactory(unit=world.other_commune, head_name="Hoàng Văn Páo")
        scope = user_scope(commune_user)
        found = household_list(scope=scope, query="hoang van pao")
        assert [h.unit for h in found] == [world.village]
        assert household_list(scope=scope, query="ban pen").count() == 1
        assert household_list(scope=scope, unit_id=world.commune.pk).count() == 1
        EnterpriseFactory(unit=world.commune, name="Hợp tác xã Chè Đồng Bành")
        EnterpriseFactory(unit=world.other_commune, name="Hợp tác xã Chè Đồng Bành")
        assert enterprise_list(scope=scope, query="dong banh").count() == 1


class TestPages:
    def test_the_commune_lists_searches_adds_and_edits_its_households(
        self, client, world, commune_user, django_assert_max_num_queries
    ):
        for n in range(60):
            HouseholdFactory(unit=world.village, head_name=f"Hoàng Văn Páo {n}")
        client.force_login(commune_user)
        with django_assert_max_num_queries(10):
            page = client.get(reverse("org:households"), {"q": "pao"}).content.decode()
        assert "60 kết quả" in page and page.count("/don-vi/ho-gia-dinh/") >= 50
        response = client.post(
            reverse("org:household_add"),
            {
                "unit": world.commune.pk,
                "kind": "household",
                "head_name": "Nông Thị Hoa",
                "members_count": "4",
            },
        )
        assert response.status_code == 302
        household = Household.objects.get(head_name="Nông Thị Hoa")
        url = reverse("org:household_edit", args=[household.pk])
        client.post(
            url,
            {
                "unit": world.village.pk,
                "kind": "household",
                "head_name": "Nông Thị Hoa",
                "members_count": "5",
            },
        )
        household.refresh_from_db()
        assert household.unit == world.village and household.members_count == 5
        with django_assert_max_num_queries(12):
            page = client.get(url).content.decode()
        history = page.split('data-testid="history"')[1]
        # Who changed what, from what to what.
        assert "Lương Văn Hùng" in history
        assert "<del>4</del> → 5" in history
        assert f"<del>{world.commune.name}</del> → {world.village.name}" in history

    def test_a_version_saved_by_no_person_says_so_in_the_history(self, client, world, commune_user):
        household = HouseholdFactory(unit=world.village, head_name="Sùng A Dơ")  # as a command
        client.force_login(commune_user)
        page = client.get(reverse("org:household_edit", args=[household.pk])).content.decode()
        row = page.split('data-testid="history"')[1].split("<tbody>")[1].split("</tr>")[0]
        assert "Hệ thống (lệnh quản trị)" in row and "Tạo mới" in row

    def test_a_refused_enterprise_shows_the_message_next_to_the_field(
        self, client, world, commune_user
    ):
        client.force_login(commune_user)
        response = client.post(
            reverse("org:enterprise_add"),
            {"unit": world.commune.pk, "kind": "cooperative", "name": "HTX A", "tax_code": "12"},
        )
        assert (
            response.status_code == 200 and "Mã số thuế gồm 10 chữ số" in response.content.decode()
        )
        assert Enterprise.objects.count() == 0

    def test_a_household_of_another_commune_is_a_404(self, client, world, commune_user):
        other = HouseholdFactory(unit=world.other_commune)
        client.force_login(commune_user)
        assert client.get(reverse("org:household_edit", args=[other.pk])).status_code == 404
        url = reverse("org:enterprise_edit", args=[EnterpriseFactory(unit=world.province).pk])
        assert client.get(url).status_code == 404

    def test_a_place_of_another_commune_cannot_be_posted(self, client, world, commune_user):
        client.force_login(commune_user)
        response = client.post(
            reverse("org:household_add"),
            {"unit": world.other_commune.pk, "kind": "household", "head_name": "X"},
        )
        assert response.status_code == 200 and Household.objects.count() == 0

    def test_a_reporter_does_not_open_the_lists(self, client, world):
        client.force_login(user_with_role(world.commune, Role.REPORTER, username="bc_s"))
        assert client.get(reverse("org:households")).status_code == 404
        assert client.get(reverse("org:enterprise_add")).status_code == 404
