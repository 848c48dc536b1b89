"""The round pages of the standing office: open a round, edit it, set its quotas on the round
page, stop new nominations; another level's round is a 404; query counts do not grow with rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nominations import rounds, services
from nominations.models import AwardRound, Nomination, RoundQuota
from nominations.tests.factories import unit
from org.models import Role
from org.tests.factories import OrgUnitFactory, user_with_role

pytestmark = pytest.mark.django_db


def _new_round_data(rw, unit_pk, **changes) -> dict:
    return {
        "unit": unit_pk,
        "kind": AwardRound.Kind.AD_HOC,
        "award_kind": rw.round.award_kind_id,
        "year": "2027",
        "name": "Khen thưởng đột xuất phòng chống bão lũ",
        "deadline": "30/09/2027",
        **changes,
    }


def _edit_data(award_round, **changes) -> dict:
    return {
        "kind": award_round.kind,
        "award_kind": award_round.award_kind_id,
        "year": award_round.year,
        "name": award_round.name,
        "deadline": award_round.deadline.strftime("%d/%m/%Y"),
        "ranking": award_round.ranking_id or "",
        "version": award_round.version,
        **changes,
    }


def _fresh(rw) -> AwardRound:
    return AwardRound.objects.get(pk=rw.round.pk)


class TestOpenRound:
    def test_the_office_opens_a_round_from_the_list(self, client, rw):
        client.force_login(rw.office)
        assert reverse("nominations:round_new") in client.get(reverse("nominations:rounds")).text
        response = client.post(
            reverse("nominations:round_new"), _new_round_data(rw, rw.world.province.pk)
        )
        created = AwardRound.objects.get(name="Khen thưởng đột xuất phòng chống bão lũ")
        assert response.url == created.get_absolute_url()
        assert created.unit == rw.world.province and created.created_by == rw.office
        assert created.deadline.isoformat() == "2027-09-30"

    def test_a_commune_is_offered_only_its_own_level(self, client, rw):
        client.force_login(rw.commune_user)
        page = client.get(reverse("nominations:round_new")).text
        assert rw.world.commune.name in page and rw.world.province.name not in page
        response = client.post(
            reverse("nominations:round_new"), _new_round_data(rw, rw.world.province.pk)
        )
        assert response.status_code == 200 and "is-invalid" in response.text
        assert not AwardRound.objects.filter(unit=rw.world.province).exclude(pk=rw.round.pk)

    def test_messages_stand_next_to_their_fields(self, client, rw):
        client.force_login(rw.office)
        response = client.post(
            reverse("nominations:round_new"),
            _new_round_data(rw, rw.world.province.pk, deadline="30/09/2026"),
        )
        assert response.status_code == 200
        field = response.text.split('name="deadline"')[1].split("</div>")[0]
        assert "Hạn nộp hồ sơ không thể trước năm thành tích." in field

    def test_roles_without_an_office_get_a_404(self, client, rw):
        for role in (Role.COUNCIL, Role.HEAD, Role.REPORTER, Role.LEADER):
            client.force_login(user_with_role(rw.world.commune, role))
            assert client.get(reverse("nominations:round_new")).status_code == 404, role
        assert "round_new" not in client.get(reverse("nominations:rounds")).text


class TestEditRound:
    def test_the_office_edits_the_round(self, client, rw):
        client.force_login(rw.office)
        url = reverse("nominations:round_edit", args=[rw.round.pk])
        assert client.get(url).status_code == 200
        response = client.post(url, _edit_data(_fresh(rw), name="Khen thưởng tổng kết năm 2026"))
        assert response.url == rw.round.get_absolute_url()
        assert _fresh(rw).name == "Khen thưởng tổng kết năm 2026"
        page = client.get(response.url).text
        assert "Lịch sử thay đổi của đợt" in page and "Sửa tên đợt" in page

    def test_a_stale_form_is_told_not_saved(self, client, rw):
        client.force_login(rw.office)
        url = reverse("nominations:round_edit", args=[rw.round.pk])
        opened = _edit_data(_fresh(rw))
        client.post(url, {**opened, "name": "Lần sửa thứ nhất"})
        response = client.post(url, {**opened, "name": "Lần sửa thứ hai"})
        assert response.status_code == 200 and "vừa được người khác cập nhật" in response.text
        assert _fresh(rw).name == "Lần sửa thứ nhất"

    def test_a_checked_dossier_ends_editing(self, client, rw):
        nomination = services.nomination_create(
            access=rw.access(rw.commune_user),
            form=rw.merit,
            subject=unit(rw.world.commune.pk),
            user=rw.commune_user,
        )
        services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
        )
        services.nomination_check(
            access=rw.access(rw.office), nomination=nomination, user=rw.office
        )
        client.force_login(rw.office)
        url = reverse("nominations:round_edit", args=[rw.round.pk])
        response = client.post(url, _edit_data(_fresh(rw), name="Sửa muộn"))
        assert response.url == rw.round.get_absolute_url()
        assert _fresh(rw).name == "Khen thưởng cuối năm 2026"
        page = client.get(response.url).text
        assert "không sửa được thông tin đợt" in page and url not in page

    def test_a_commune_or_another_province_gets_a_404(self, client, rw):
        other_office = user_with_role(rw.world.other_province, Role.COORDINATOR)
        for user in (rw.commune_user, rw.members[0].user, other_office):
            client.force_login(user)
            for name in ("round_edit", "round_quotas", "round_close"):
                url = reverse(f"nominations:{name}", args=[rw.round.pk])
                assert client.post(url, _edit_data(_fresh(rw), name="X")).status_code == 404
        assert _fresh(rw).name == "Khen thưởng cuối năm 2026" and _fresh(rw).closed_at is None


class TestQuotasOnTheRoundPage:
    def test_the_office_sets_quotas_on_the_round_page(self, client, rw):
        client.force_login(rw.office)
        page = client.get(rw.round.get_absolute_url()).text
        assert 'data-testid="quota-form"' in page
        response = client.post(
            reverse("nominations:round_quotas", args=[rw.round.pk]),
            {
                "version": _fresh(rw).version,
                rounds.quota_field(rw.flag): "2",
                rounds.quota_field(rw.merit): "6",
            },
        )
        assert response.url == rw.round.get_absolute_url()
        assert dict(RoundQuota.objects.values_list("form_id", "limit")) == {
            rw.flag.pk: 2,
            rw.merit.pk: 6,
        }

    def test_a_refused_quota_says_why_next_to_its_form(self, client, rw):
        for user, subject in ((rw.commune_user, rw.world.commune),):
            services.nomination_create(
                access=rw.access(user), form=rw.merit, subject=unit(subject.pk), user=user
            )
        client.force_login(rw.office)
        response = client.post(
            reverse("nominations:round_quotas", args=[rw.round.pk]),
            {"version": _fresh(rw).version, rounds.quota_field(rw.merit): "0"},
        )
        assert response.status_code == 400
        row = response.text.split(f'name="{rounds.quota_field(rw.merit)}"')[1].split("</tr>")[0]
        assert "chỉ tiêu không thể nhỏ hơn" in row

    def test_the_commune_sees_the_quotas_but_no_form(self, client, rw):
        client.force_login(rw.commune_user)
        page = client.get(rw.round.get_absolute_url()).text
        assert "quota-form" not in page and "round-history" not in page
        assert f"{rw.flag.name}: 0/1" in page


class TestCloseRound:
    def test_the_office_stops_new_nominations(self, client, rw):
        client.force_login(rw.office)
        client.post(
            reverse("nominations:round_close", args=[rw.round.pk]),
            {"action": "close", "version": _fresh(rw).version},
        )
        assert _fresh(rw).closed_at is not None
        client.force_login(rw.commune_user)
        page = client.get(rw.round.get_absolute_url()).text
        assert 'data-testid="round-closed"' in page
        response = client.post(
            reverse("nominations:nominate", args=[rw.round.pk]),
            {"form": rw.merit.pk, "unit": rw.world.commune.pk},
        )
        assert response.status_code == 302 and not Nomination.objects.exists()
        client.force_login(rw.office)
        client.post(
            reverse("nominations:round_close", args=[rw.round.pk]),
            {"action": "reopen", "version": _fresh(rw).version},
        )
        assert _fresh(rw).nominations_open(timezone.localdate())


def _round_page_queries(client, rw) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(rw.round.get_absolute_url()).status_code == 200
    return len(queries)


def test_the_office_round_page_costs_the_same_with_few_or_many_rows(client, rw):
    """One nomination, one quota and little history, then many of each: same query count."""
    AwardRound.objects.filter(pk=rw.round.pk).update(ranking=None)  # no suggestions either way
    client.force_login(rw.office)

    def nominate(subject):
        return Nomination.objects.create(
            round=rw.round,
            form=rw.merit,
            subject_unit=subject,
            subject_name=subject.name,
            proposer=rw.world.commune,
            achievements="Thành tích",
        )

    nominate(rw.world.commune)
    few = _round_page_queries(client, rw)
    for i in range(12):
        nominate(OrgUnitFactory(parent=rw.world.commune, code=f"P1-X1-D{i}", name=f"Đội {i}"))
    for limit in (14, 15, 16):
        rounds.round_quotas_set(
            access=rw.access(rw.office),
            limits={f: limit for f in rounds.round_forms(rw.round)},
            expected_version=None,
            user=rw.office,
        )
        rounds.round_update(
            access=rw.access(rw.office),
            data={"name": f"Đợt {limit}"},
            expected_version=None,
            user=rw.office,
        )
    many = _round_page_queries(client, rw)
    assert many == few, (few, many)
    assert few <= 20
