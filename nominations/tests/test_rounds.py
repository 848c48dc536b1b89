"""The rules of a round itself (nominations/rounds.py): who opens it, what may still be edited,
quotas per form, stopping new nominations; every change refused when stale and attributed."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from awards.models import AwardForm, AwardKind
from core.services import ConcurrentEditError
from evaluation.models import EvaluationScheme, RankingVersion
from nominations import rounds, services
from nominations.models import AwardRound, Nomination, RoundQuota
from nominations.selectors import round_history
from nominations.services import RoundClosed
from nominations.tests.factories import open_deadline, unit
from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _terms(**changes) -> dict:
    return {
        "kind": AwardRound.Kind.AD_HOC,
        "award_kind": AwardKind.objects.get(code="hang-nam"),
        "year": 2027,
        "name": "Khen thưởng đột xuất 2027",
        "deadline": max(open_deadline(), datetime.date(2027, 1, 1)),
        **changes,
    }


def _nominate(rw, form=None):
    return services.nomination_create(
        access=rw.access(rw.commune_user),
        form=form or rw.merit,
        subject=unit(rw.world.commune.pk),
        user=rw.commune_user,
    )


def _version(rw) -> int:
    return AwardRound.objects.get(pk=rw.round.pk).version


class TestCreate:
    def test_the_office_opens_a_round_of_its_level_with_its_author(self, rw):
        award_round = rounds.round_create(
            scope=user_scope(rw.office), unit=rw.world.province, user=rw.office, **_terms()
        )
        assert award_round.created_by == rw.office and award_round.nominations_open(TODAY)
        assert award_round.history.get().history_user == rw.office

    def test_a_commune_cannot_open_a_round_of_its_province(self, rw):
        with pytest.raises(PermissionDenied):
            rounds.round_create(
                scope=user_scope(rw.commune_user),
                unit=rw.world.province,
                user=rw.commune_user,
                **_terms(),
            )
        council = user_with_role(rw.world.commune, Role.COUNCIL)
        with pytest.raises(PermissionDenied):
            rounds.round_create(
                scope=user_scope(council), unit=rw.world.commune, user=council, **_terms()
            )
        assert AwardRound.objects.count() == 1

    def test_a_commune_opens_its_own_round(self, rw):
        award_round = rounds.round_create(
            scope=user_scope(rw.commune_user),
            unit=rw.world.commune,
            user=rw.commune_user,
            **_terms(name="Giấy khen của xã 2027"),
        )
        assert award_round.unit == rw.world.commune

    def test_terms_are_checked_field_by_field(self, rw):
        commune_scheme = EvaluationScheme.objects.create(
            issuer=rw.world.commune,
            plan=PlanFactory(issuer=rw.world.commune),
            year=2026,
            name="Bộ tiêu chí của xã",
            cutoff=datetime.date(2026, 11, 30),
        )
        foreign = RankingVersion.objects.create(
            scheme=commune_scheme, number=1, cutoff=commune_scheme.cutoff, frozen_at=timezone.now()
        )
        with pytest.raises(ValidationError) as exc:
            rounds.round_create(
                scope=user_scope(rw.office),
                unit=rw.world.province,
                user=rw.office,
                ranking=foreign,
                **_terms(name="  ", deadline=datetime.date(2026, 12, 1)),
            )
        assert set(exc.value.message_dict) == {"name", "deadline", "ranking"}


class TestUpdate:
    def test_the_office_edits_while_no_dossier_is_checked(self, rw):
        _nominate(rw)
        before = _version(rw)
        rounds.round_update(
            access=rw.access(rw.office),
            data={"name": "Khen thưởng năm 2026 (sửa)", "deadline": open_deadline(90)},
            expected_version=before,
            user=rw.office,
        )
        award_round = AwardRound.objects.get(pk=rw.round.pk)
        assert award_round.name == "Khen thưởng năm 2026 (sửa)"
        assert award_round.version == before + 1
        last = award_round.history.latest("history_date")
        assert last.history_user == rw.office
        lines = [line.text for line in round_history(award_round)]
        moved = f"{rw.round.deadline:%d/%m/%Y} → {open_deadline(90):%d/%m/%Y}"
        assert lines[0] == f"Sửa tên đợt, hạn nộp hồ sơ ({moved})" and "Mở đợt" in lines

    def test_a_stale_form_is_refused_and_the_first_save_kept(self, rw):
        seen = _version(rw)
        access = rw.access(rw.office)
        rounds.round_update(access=access, data={"name": "A"}, expected_version=seen, user=None)
        with pytest.raises(ConcurrentEditError):
            rounds.round_update(
                access=rw.access(rw.office), data={"name": "B"}, expected_version=seen, user=None
            )
        assert AwardRound.objects.get(pk=rw.round.pk).name == "A"

    def test_once_a_dossier_is_checked_the_round_is_no_longer_edited(self, rw):
        nomination = _nominate(rw)
        services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
        )
        services.nomination_check(
            access=rw.access(rw.office), nomination=nomination, user=rw.office
        )
        assert rounds.edit_refusal(rw.round)
        with pytest.raises(ValidationError, match="thẩm định"):
            rounds.round_update(
                access=rw.access(rw.office),
                data={"name": "Sửa muộn"},
                expected_version=_version(rw),
                user=rw.office,
            )
        assert AwardRound.objects.get(pk=rw.round.pk).name == "Khen thưởng cuối năm 2026"

    def test_the_kind_cannot_change_under_a_nomination_of_another_kind(self, rw):
        _nominate(rw, rw.flag)
        ad_hoc = AwardKind.objects.exclude(forms=rw.flag).first()
        with pytest.raises(ValidationError) as exc:
            rounds.round_update(
                access=rw.access(rw.office),
                data={"award_kind": ad_hoc},
                expected_version=_version(rw),
                user=rw.office,
            )
        assert "award_kind" in exc.value.message_dict

    def test_only_the_office_of_the_level_edits(self, rw):
        for user in (rw.commune_user, rw.members[0].user):
            with pytest.raises(PermissionDenied):
                rounds.round_update(
                    access=rw.access(user), data={"name": "X"}, expected_version=None, user=user
                )


class TestQuotas:
    def test_set_change_and_remove_each_attributed(self, rw):
        access = rw.access(rw.office)
        rounds.round_quotas_set(
            access=access,
            limits={rw.flag: 2, rw.merit: 5},
            expected_version=_version(rw),
            user=rw.office,
        )
        assert dict(RoundQuota.objects.values_list("form__code", "limit")) == {
            rw.flag.code: 2,
            rw.merit.code: 5,
        }
        rounds.round_quotas_set(
            access=rw.access(rw.office),
            limits={rw.flag: None, rw.merit: 4},
            expected_version=_version(rw),
            user=rw.office,
        )
        assert list(RoundQuota.objects.values_list("form__code", "limit")) == [(rw.merit.code, 4)]
        history = RoundQuota.history.filter(round_id=rw.round.pk)
        assert {h.history_user for h in history.exclude(history_user=None)} == {rw.office}
        texts = [line.text for line in round_history(rw.round)]
        assert f"Bỏ chỉ tiêu {rw.flag.name}" in texts and f"Chỉ tiêu {rw.merit.name}: 4" in texts

    def test_a_quota_below_the_nominations_made_is_refused_next_to_its_form(self, rw):
        _nominate(rw, rw.flag)
        _nominate(rw, rw.merit)
        with pytest.raises(ValidationError) as exc:
            rounds.round_quotas_set(
                access=rw.access(rw.office),
                limits={rw.merit: 0},
                expected_version=_version(rw),
                user=rw.office,
            )
        assert list(exc.value.message_dict) == [rounds.quota_field(rw.merit)]
        assert not RoundQuota.objects.filter(form=rw.merit).exists()

    def test_a_form_of_another_kind_takes_no_quota(self, rw):
        other = AwardForm.objects.create(
            code="ky-niem-chuong", name="Kỷ niệm chương", category="merit", level="province"
        )
        other.kinds.add(AwardKind.objects.exclude(pk=rw.round.award_kind_id).first())
        with pytest.raises(ValidationError) as exc:
            rounds.round_quotas_set(
                access=rw.access(rw.office),
                limits={other: 3},
                expected_version=_version(rw),
                user=rw.office,
            )
        assert list(exc.value.message_dict) == [rounds.quota_field(other)]

    def test_a_stale_quota_form_is_refused(self, rw):
        seen = _version(rw)
        rounds.round_quotas_set(
            access=rw.access(rw.office), limits={rw.flag: 3}, expected_version=seen, user=None
        )
        with pytest.raises(ConcurrentEditError):
            rounds.round_quotas_set(
                access=rw.access(rw.office), limits={rw.flag: 9}, expected_version=seen, user=None
            )
        assert RoundQuota.objects.get(form=rw.flag).limit == 3


class TestClose:
    def test_a_closed_round_takes_no_new_nomination_and_reopens(self, rw):
        draft = _nominate(rw, rw.merit)
        rounds.round_close(
            access=rw.access(rw.office), closed=True, expected_version=None, user=rw.office
        )
        award_round = AwardRound.objects.get(pk=rw.round.pk)
        assert award_round.closed_by == rw.office and not award_round.nominations_open(TODAY)
        with pytest.raises(RoundClosed, match="Đợt đã dừng nhận đề nghị mới."):
            _nominate(rw, rw.flag)
        # What was proposed before goes on.
        services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=draft, user=rw.commune_user
        )
        with pytest.raises(ValidationError):
            rounds.round_close(
                access=rw.access(rw.office), closed=True, expected_version=None, user=rw.office
            )
        rounds.round_close(
            access=rw.access(rw.office), closed=False, expected_version=None, user=rw.office
        )
        assert _nominate(rw, rw.flag).status == Nomination.Status.DRAFT
        texts = [line.text for line in round_history(rw.round)]
        assert texts[:2] == ["Nhận đề nghị trở lại", "Dừng nhận đề nghị"]

    def test_only_the_office_closes(self, rw):
        with pytest.raises(PermissionDenied):
            rounds.round_close(
                access=rw.access(rw.commune_user),
                closed=True,
                expected_version=None,
                user=rw.commune_user,
            )
        assert AwardRound.objects.get(pk=rw.round.pk).closed_at is None
