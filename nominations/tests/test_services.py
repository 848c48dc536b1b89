import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from evaluation.models import RankingVersion
from movements.models import Movement
from nominations import rounds, selectors, services
from nominations.models import Attachment, Nomination, NominationLocked, PublicComment
from nominations.tests.factories import unit
from org.scope import user_scope
from plans.models import Plan

pytestmark = pytest.mark.django_db
S = Nomination.Status


def _nominate(rw, subject=None, form=None, user=None, **kwargs):
    user = user or rw.commune_user
    return services.nomination_create(
        access=rw.access(user),
        form=form or rw.merit,
        subject=subject or unit(rw.world.commune.pk),
        user=user,
        **kwargs,
    )


def _checked(rw, **kwargs):
    nomination = _nominate(rw, **kwargs)
    services.nomination_submit(
        access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
    )
    services.nomination_check(access=rw.access(rw.office), nomination=nomination, user=rw.office)
    nomination.refresh_from_db()
    return nomination


class TestSuggestions:
    def test_the_top_of_each_block_is_suggested_with_its_verdict(self, rw):
        suggestions = selectors.ranking_suggestions(
            award_round=rw.round, form=rw.flag, today=timezone.localdate()
        )
        assert [s.entry.unit_id for s in suggestions] == [rw.world.commune.pk]
        assert suggestions[0].status == "eligible" and not suggestions[0].nominated
        _nominate(rw, form=rw.flag, ranking_entry=suggestions[0].entry)
        again = selectors.ranking_suggestions(
            award_round=rw.round, form=rw.flag, today=timezone.localdate()
        )
        assert again[0].nominated


def test_a_round_from_a_ranking_belongs_to_the_movement_the_ranking_scores(rw):
    """Its awards are then the movement's: the registry and the open-data page list them."""
    movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
    scheme = rw.version.scheme
    Plan.objects.filter(pk=scheme.plan_id).update(movement=movement)
    scheme.refresh_from_db()
    award_round = rounds.round_create(
        scope=user_scope(rw.office),
        unit=rw.world.province,
        kind=rw.round.kind,
        award_kind=rw.round.award_kind,
        year=2026,
        name="Đợt khác",
        deadline=rw.round.deadline,
        user=rw.office,
        ranking=RankingVersion.objects.get(pk=rw.version.pk),
    )
    assert award_round.movement == movement


class TestCreate:
    def test_achievements_are_prefilled_from_the_frozen_ranking(self, rw):
        entry = selectors.ranking_suggestions(
            award_round=rw.round, form=rw.flag, today=timezone.localdate()
        )[0].entry
        nomination = _nominate(rw, form=rw.flag, ranking_entry=entry)
        assert "Xếp thứ 1 Khối 05, tổng 91,5 điểm" in nomination.achievements
        assert nomination.status == S.DRAFT and nomination.subject_type == "collective"
        assert nomination.history.get().history_user == rw.commune_user

    def test_a_commune_cannot_propose_another_commune(self, rw):
        with pytest.raises(PermissionDenied):
            _nominate(rw, subject=unit(rw.world.other_commune.pk))
        assert Nomination.objects.count() == 0

    def test_the_quota_is_enforced_and_the_office_may_override_it_with_a_reason(self, rw):
        _nominate(rw, form=rw.flag)
        other = unit(rw.world.other_commune.pk)
        with pytest.raises(services.QuotaExceeded):
            _nominate(rw, subject=other, form=rw.flag, user=rw.other_commune_user)
        with pytest.raises(services.QuotaExceeded):
            _nominate(rw, subject=other, form=rw.flag, user=rw.office)
        assert Nomination.objects.count() == 1
        over = _nominate(
            rw, subject=other, form=rw.flag, user=rw.office, override_reason="Hai khối hợp nhất"
        )
        assert over.quota_override_reason == "Hai khối hợp nhất"
        assert over.events.get().note == "Hai khối hợp nhất"
        quota = selectors.round_quotas(rw.round)[0]
        assert (quota.used, quota.limit, quota.exceeded) == (2, 1, True)

    def test_the_same_subject_is_not_proposed_twice_for_a_form(self, rw):
        _nominate(rw)
        with pytest.raises(ValidationError):
            _nominate(rw)
        assert Nomination.objects.count() == 1


class TestCheck:
    def test_a_returned_dossier_keeps_a_reason_per_item_until_it_is_resent(self, rw):
        nomination = _nominate(rw)
        services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
        )
        with pytest.raises(PermissionDenied):
            services.nomination_check(
                access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
            )
        services.nomination_return(
            access=rw.access(rw.office),
            nomination=nomination,
            reasons={"report": "Thiếu số liệu năm 2026", "minutes": "Biên bản chưa ký"},
            user=rw.office,
        )
        nomination.refresh_from_db()
        assert nomination.status == S.RETURNED
        assert sorted(nomination.returns.values_list("item", "reason")) == [
            ("minutes", "Biên bản chưa ký"),
            ("report", "Thiếu số liệu năm 2026"),
        ]
        services.nomination_update(
            access=rw.access(rw.commune_user),
            nomination=nomination,
            achievements="Bổ sung số liệu năm 2026",
            user=rw.commune_user,
        )
        services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
        )
        nomination.refresh_from_db()
        assert nomination.status == S.SUBMITTED
        assert not nomination.returns.filter(resolved_at=None).exists()
        assert list(nomination.events.values_list("action", "user__username")) == [
            ("create", "xa1"),
            ("submit", "xa1"),
            ("return", "vanphong"),
            ("edit", "xa1"),
            ("resubmit", "xa1"),
        ]
        users = {h.history_user.username for h in nomination.history.all()}
        assert users == {"xa1", "vanphong"}

    def test_a_return_without_any_reason_is_refused(self, rw):
        nomination = _nominate(rw)
        services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
        )
        with pytest.raises(ValidationError):
            services.nomination_return(
                access=rw.access(rw.office),
                nomination=nomination,
                reasons={"report": " "},
                user=rw.office,
            )
        nomination.refresh_from_db()
        assert nomination.status == S.SUBMITTED


class TestAttachments:
    def test_a_pdf_is_kept_and_a_renamed_program_is_refused(self, rw):
        nomination = _nominate(rw)
        access = rw.access(rw.commune_user)
        services.attachment_add(
            access=access,
            nomination=nomination,
            item="report",
            upload=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 thanh tich"),
            user=rw.commune_user,
        )
        with pytest.raises(ValidationError):
            services.attachment_add(
                access=access,
                nomination=nomination,
                item="report",
                upload=SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 program"),
                user=rw.commune_user,
            )
        assert Attachment.objects.count() == 1


class TestPublication:
    def test_only_checked_nominations_are_published_and_comments_close_on_time(self, rw):
        checked = _checked(rw)
        draft = _nominate(rw, subject=unit(rw.world.commune.pk), form=rw.flag)
        assert services.round_publish(access=rw.access(rw.office), days=7, user=rw.office) == 1
        checked.refresh_from_db()
        draft.refresh_from_db()
        assert (checked.status, draft.status) == (S.PUBLISHED, S.DRAFT)
        services.comment_add(nomination=checked, name="", contact="", text="Xứng đáng")
        with pytest.raises(ValidationError):
            services.comment_add(nomination=draft, name="", contact="", text="Ý kiến")
        later = timezone.now() + datetime.timedelta(days=8)
        with pytest.raises(ValidationError), _now(later):
            services.comment_add(nomination=checked, name="", contact="", text="Muộn")
        assert PublicComment.objects.count() == 1
        _token, shown = selectors.public_round(token=rw.round.public_token)
        assert [n.pk for n in shown] == [checked.pk]

    def test_an_unpublished_round_has_no_public_page(self, rw):
        from django.http import Http404

        with pytest.raises(Http404):
            selectors.public_round(token=rw.round.public_token)


class TestImmutable:
    def test_the_admin_cannot_change_or_delete_a_nomination(self, rw, client):
        from django.contrib.auth import get_user_model
        from django.urls import reverse

        nomination = _checked(rw)
        client.force_login(get_user_model().objects.create_superuser("root", "r@x.vn", "x"))
        change = reverse("admin:nominations_nomination_change", args=[nomination.pk])
        assert client.post(change, {"achievements": "Sửa"}).status_code == 403
        delete = reverse("admin:nominations_nomination_delete", args=[nomination.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        assert Nomination.objects.get(pk=nomination.pk).achievements == nomination.achievements

    def test_a_decided_nomination_refuses_every_write(self, rw):
        nomination = _checked(rw)
        Nomination.objects.filter(pk=nomination.pk).update(status=S.DECIDED)
        nomination.refresh_from_db()
        nomination.achievements = "Sửa sau quyết định"
        with pytest.raises(NominationLocked):
            nomination.save()
        with pytest.raises(NominationLocked):
            nomination.delete()
        with pytest.raises(PermissionDenied):
            services.nomination_update(
                access=rw.access(rw.office), nomination=nomination, achievements="x", user=rw.office
            )
        with pytest.raises(NominationLocked):
            Nomination.objects.filter(pk=nomination.pk).update(achievements="Sửa")
        with pytest.raises(NominationLocked):
            Nomination.objects.filter(pk=nomination.pk).delete()
        with pytest.raises(ValidationError):
            services.nomination_record_vote(nomination=nomination, passed=False, user=rw.office)
        assert Nomination.objects.get(pk=nomination.pk).achievements != "Sửa sau quyết định"


def _now(moment):
    from unittest import mock

    return mock.patch("django.utils.timezone.now", return_value=moment)


class TestDocumentContexts:
    def test_the_report_context_lists_the_awards_already_received(self, rw):
        from awards.tests.factories import AwardRecordFactory

        commune = unit(rw.world.commune.pk)
        AwardRecordFactory(subject_unit=commune, form=rw.merit, year=2024)
        nomination = _nominate(rw, form=rw.flag)
        context = selectors.nomination_report_context(nomination)
        assert [r.year for r in context["awards_received"]] == [2024]
        assert context["subject_type"] == "Tập thể" and context["year"] == 2026
        assert context["ranking_entry"].rank == 1
