"""The round's deadline (hạn nộp hồ sơ) is one rule, AwardRound.nominations_open(today): past it
no proposal is taken — by the service, the round page, the API — the daily job closes the round
in the system's name, and it is taken up again only with a deadline still ahead."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from api.tests.reading import items, reader
from nominations import rounds, services
from nominations.models import AwardRound, Nomination, NominationEvent
from nominations.selectors import round_history
from nominations.services import RoundClosed
from nominations.tasks import close_expired_rounds
from nominations.tests.factories import open_deadline, unit
from org.models import Role
from org.scope import user_scope

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def _expire(award_round, deadline=YESTERDAY) -> None:
    """The round's deadline is `deadline` (set in the database: the services refuse a past
    one)."""
    AwardRound.objects.filter(pk=award_round.pk).update(deadline=deadline)


def _nominate(rw):
    return services.nomination_create(
        access=rw.access(rw.commune_user),
        form=rw.merit,
        subject=unit(rw.world.commune.pk),
        user=rw.commune_user,
    )


def _fresh(rw) -> AwardRound:
    return AwardRound.objects.get(pk=rw.round.pk)


class TestTheRule:
    def test_the_deadline_day_is_open_and_the_day_after_is_not(self, rw):
        award_round = _fresh(rw)
        assert award_round.nominations_open(award_round.deadline)
        assert not award_round.nominations_open(award_round.deadline + datetime.timedelta(days=1))

    def test_a_proposal_after_the_deadline_is_refused_and_changes_nothing(self, rw):
        _expire(rw.round)
        with pytest.raises(RoundClosed) as exc:
            _nominate(rw)
        assert exc.value.messages == [
            f"Đợt đã hết hạn nộp hồ sơ ngày {YESTERDAY:%d/%m/%Y}, không nhận thêm đề nghị."
        ]
        assert not Nomination.objects.exists() and not NominationEvent.objects.exists()
        assert _fresh(rw).closed_at is None  # refused by the rule, before any job ran

    def test_a_proposal_on_the_deadline_day_is_taken(self, rw):
        _expire(rw.round, TODAY)
        assert _nominate(rw).status == Nomination.Status.DRAFT

    def test_the_page_refuses_in_vietnamese_and_creates_nothing(self, client, rw):
        _expire(rw.round)
        client.force_login(rw.commune_user)
        response = client.post(
            reverse("nominations:nominate", args=[rw.round.pk]),
            {"form": rw.merit.pk, "unit": rw.world.commune.pk},
            follow=True,
        )
        assert "không nhận thêm đề nghị" in response.text
        assert not Nomination.objects.exists()


class TestRoundPage:
    def test_past_the_deadline_the_page_shows_the_badge_and_no_proposal(self, client, rw):
        client.force_login(rw.commune_user)
        page = client.get(rw.round.get_absolute_url()).text
        assert 'data-testid="deadline-passed"' not in page and 'name="unit"' in page
        _expire(rw.round)
        page = client.get(rw.round.get_absolute_url()).text
        assert 'data-testid="deadline-passed"' in page and "đã hết hạn" in page
        assert 'name="unit"' not in page

    def test_past_the_deadline_the_list_of_rounds_shows_the_badge_too(self, client, rw):
        client.force_login(rw.office)
        listing = reverse("nominations:rounds")
        assert 'data-testid="deadline-passed"' not in client.get(listing).text
        _expire(rw.round)
        assert 'data-testid="deadline-passed"' in client.get(listing).text


class TestDailyJob:
    def test_the_job_closes_only_the_open_rounds_past_their_deadline(self, rw):
        expired = _fresh(rw)
        _expire(expired)
        office_scope = user_scope(rw.office)

        def another(name, **fields):
            award_round = rounds.round_create(
                scope=office_scope,
                unit=expired.unit,
                kind=expired.kind,
                award_kind=expired.award_kind,
                year=2026,
                name=name,
                deadline=open_deadline(),
                user=rw.office,
            )
            AwardRound.objects.filter(pk=award_round.pk).update(**fields)
            return award_round

        today = another("Hạn hôm nay", deadline=TODAY)
        ahead = another("Còn hạn")
        by_office = another("Đã dừng", deadline=YESTERDAY, closed_at=timezone.now())
        assert close_expired_rounds() == 1
        assert close_expired_rounds() == 0  # a rerun finds none left
        closed = {r.pk for r in AwardRound.objects.exclude(closed_at=None)}
        assert closed == {expired.pk, by_office.pk}
        assert _fresh(rw).closed_by is None
        assert {today.pk, ahead.pk}.isdisjoint(closed)
        line = round_history(_fresh(rw))[0]
        assert (line.who, line.text) == ("", "Dừng nhận đề nghị: đã hết hạn nộp hồ sơ")

    def test_the_page_says_the_system_closed_it(self, client, rw):
        _expire(rw.round)
        close_expired_rounds()
        client.force_login(rw.office)
        page = client.get(rw.round.get_absolute_url()).text
        assert "hệ thống: Dừng nhận đề nghị: đã hết hạn nộp hồ sơ" in page

    def test_beat_runs_the_job_at_five_past_midnight(self):
        from thidua.celery import app

        entry = settings.CELERY_BEAT_SCHEDULE["close-expired-rounds"]
        assert entry["task"] == close_expired_rounds.name and entry["task"] in app.tasks
        assert (entry["schedule"].hour, entry["schedule"].minute) == ({0}, {5})


class TestReopen:
    def _closed_past_deadline(self, rw):
        _expire(rw.round)
        close_expired_rounds()

    def test_reopening_without_a_new_deadline_is_refused_next_to_the_field(self, client, rw):
        self._closed_past_deadline(rw)
        client.force_login(rw.office)
        earlier = YESTERDAY - datetime.timedelta(days=1)
        for deadline, message in (
            ("", "Hạn nộp hồ sơ đã qua: nhập hạn mới để nhận đề nghị trở lại."),
            (f"{earlier:%d/%m/%Y}", "Hạn nộp hồ sơ đã qua, chọn một ngày từ hôm nay trở đi."),
        ):
            response = client.post(
                reverse("nominations:round_close", args=[rw.round.pk]),
                {"action": "reopen", "version": _fresh(rw).version, "deadline": deadline},
            )
            assert response.status_code == 400
            after_field = response.text.split('name="deadline"')[1][:800]
            assert 'data-testid="reopen-deadline-error"' in after_field and message in after_field
        assert _fresh(rw).closed_at is not None and _fresh(rw).deadline == YESTERDAY

    def test_reopening_with_a_deadline_ahead_takes_proposals_again(self, client, rw):
        self._closed_past_deadline(rw)
        client.force_login(rw.office)
        ahead = open_deadline(30)
        client.post(
            reverse("nominations:round_close", args=[rw.round.pk]),
            {"action": "reopen", "version": _fresh(rw).version, "deadline": f"{ahead:%d/%m/%Y}"},
        )
        assert _fresh(rw).deadline == ahead and _fresh(rw).nominations_open(TODAY)
        assert _nominate(rw).status == Nomination.Status.DRAFT

    def test_a_round_is_not_opened_past_its_deadline(self, rw):
        with pytest.raises(ValidationError) as exc:
            rounds.round_create(
                scope=user_scope(rw.office),
                unit=rw.world.province,
                kind=AwardRound.Kind.AD_HOC,
                award_kind=rw.round.award_kind,
                year=YESTERDAY.year,
                name="Đột xuất",
                deadline=YESTERDAY,
                user=rw.office,
            )
        assert "chọn một ngày từ hôm nay trở đi" in exc.value.message_dict["deadline"][0]
        assert AwardRound.objects.count() == 1


def test_the_api_tells_whether_a_round_takes_proposals(client, world, rw):
    token = reader(world.province, Role.COORDINATOR, "tinh_api")
    (body,) = items(client, token, "/api/v1/award-rounds")
    assert body["nominations_open"] is True
    _expire(rw.round)
    (body,) = items(client, token, "/api/v1/award-rounds")
    assert body["nominations_open"] is False and body["deadline"] == YESTERDAY.isoformat()


def _sent(rw, nomination):
    services.nomination_submit(
        access=rw.access(rw.commune_user), nomination=nomination, user=rw.commune_user
    )


def _returned(rw):
    nomination = _nominate(rw)
    _sent(rw, nomination)
    services.nomination_return(
        access=rw.access(rw.office),
        nomination=nomination,
        reasons={"minutes": "Thiếu biên bản họp xét"},
        user=rw.office,
    )
    return Nomination.objects.get(pk=nomination.pk)


def _checked(rw):
    nomination = _nominate(rw)
    _sent(rw, nomination)
    services.nomination_check(access=rw.access(rw.office), nomination=nomination, user=rw.office)
    return nomination


class TestSending:
    """AwardRound.sending_refusal: a dossier is first sent by the deadline; one the office
    returned may be sent again after it, until the list is published."""

    def test_a_first_sending_after_the_deadline_is_refused_and_changes_nothing(self, rw):
        draft = _nominate(rw)
        _expire(rw.round)
        versions = draft.history.count()
        with pytest.raises(services.SendingRefused) as exc:
            _sent(rw, draft)
        assert exc.value.messages == [
            f"Đợt đã hết hạn nộp hồ sơ ngày {YESTERDAY:%d/%m/%Y}, không nhận hồ sơ gửi lần đầu. "
            "Hồ sơ bị trả lại vẫn được gửi lại đến khi công khai danh sách."
        ]
        draft.refresh_from_db()
        assert draft.status == Nomination.Status.DRAFT and draft.history.count() == versions
        assert list(draft.events.values_list("action", flat=True)) == ["create"]

    def test_a_first_sending_on_the_deadline_day_is_taken(self, rw):
        draft = _nominate(rw)
        _expire(rw.round, TODAY)
        _sent(rw, draft)
        assert Nomination.objects.get(pk=draft.pk).status == Nomination.Status.SUBMITTED

    def test_a_returned_dossier_may_be_resent_after_the_deadline(self, rw):
        returned = _returned(rw)
        _expire(rw.round)
        close_expired_rounds()  # stopping new proposals does not stop a resending
        _sent(rw, returned)
        returned.refresh_from_db()
        assert returned.status == Nomination.Status.SUBMITTED
        assert returned.events.last().action == "resubmit"

    def test_a_returned_dossier_is_not_resent_once_the_list_is_published(self, rw):
        returned = _returned(rw)
        AwardRound.objects.filter(pk=rw.round.pk).update(published_at=timezone.now())
        with pytest.raises(services.SendingRefused) as exc:
            _sent(rw, returned)
        assert exc.value.messages == [
            "Danh sách của đợt đã công khai, không nhận hồ sơ gửi thẩm định."
        ]
        assert Nomination.objects.get(pk=returned.pk).status == Nomination.Status.RETURNED

    def test_the_page_says_why_next_to_the_button_and_sending_changes_nothing(self, client, rw):
        draft = _nominate(rw)
        client.force_login(rw.commune_user)
        page = client.get(draft.get_absolute_url()).text
        assert 'data-testid="send-refusal"' not in page
        _expire(rw.round)
        page = client.get(draft.get_absolute_url()).text
        button = page.split('value="submit"')[1].split("</form>")[0]
        assert "disabled" in button.split(">")[0]
        assert 'data-testid="send-refusal"' in button and "không nhận hồ sơ gửi lần đầu" in button
        response = client.post(
            reverse("nominations:action", args=[draft.pk]), {"action": "submit"}, follow=True
        )
        assert Nomination.objects.get(pk=draft.pk).status == Nomination.Status.DRAFT
        assert response.text.count("không nhận hồ sơ gửi lần đầu") == 1  # once, by the button

    def test_the_api_tells_why_a_dossier_cannot_be_sent(self, client, world, rw):
        draft = _nominate(rw)
        returned = _returned_other(rw)
        token = reader(world.province, Role.COORDINATOR, "tinh_api")
        rows = {n["id"]: n for n in items(client, token, "/api/v1/nominations")}
        assert rows[draft.pk]["send_refusal"] is None
        _expire(rw.round)
        rows = {n["id"]: n for n in items(client, token, "/api/v1/nominations")}
        assert "không nhận hồ sơ gửi lần đầu" in rows[draft.pk]["send_refusal"]
        assert rows[returned.pk]["send_refusal"] is None


def _returned_other(rw):
    """A dossier of the other commune, sent and returned."""
    nomination = services.nomination_create(
        access=rw.access(rw.other_commune_user),
        form=rw.merit,
        subject=unit(rw.world.other_commune.pk),
        user=rw.other_commune_user,
    )
    services.nomination_submit(
        access=rw.access(rw.other_commune_user), nomination=nomination, user=rw.other_commune_user
    )
    services.nomination_return(
        access=rw.access(rw.office),
        nomination=nomination,
        reasons={"report": "Thiếu số liệu"},
        user=rw.office,
    )
    return nomination


class TestDeadlineMove:
    """rounds.deadline_move_refusal: once a dossier is checked, the deadline only moves later."""

    def _reopen(self, rw, deadline):
        return rounds.round_close(
            access=rw.access(rw.office),
            closed=False,
            expected_version=None,
            user=rw.office,
            deadline=deadline,
        )

    def _stop(self, rw):
        rounds.round_close(
            access=rw.access(rw.office), closed=True, expected_version=None, user=rw.office
        )

    def test_once_a_dossier_is_checked_a_shorter_deadline_is_refused(self, rw):
        _checked(rw)
        self._stop(rw)
        before = _fresh(rw)
        with pytest.raises(ValidationError) as exc:
            self._reopen(rw, before.deadline - datetime.timedelta(days=10))
        assert exc.value.message_dict["deadline"] == [
            "Đã có hồ sơ được thẩm định: hạn nộp hồ sơ chỉ được gia hạn, không được sớm hơn "
            f"hạn hiện tại {before.deadline:%d/%m/%Y}."
        ]
        after = _fresh(rw)
        assert (after.deadline, after.closed_at, after.version) == (
            before.deadline,
            before.closed_at,
            before.version,
        )

    def test_once_a_dossier_is_checked_the_deadline_may_be_extended(self, rw):
        _checked(rw)
        self._stop(rw)
        later = _fresh(rw).deadline + datetime.timedelta(days=10)
        self._reopen(rw, later)
        assert _fresh(rw).deadline == later and _fresh(rw).closed_at is None

    def test_before_any_check_the_deadline_may_be_shortened(self, rw):
        _nominate(rw)
        self._stop(rw)
        sooner = _fresh(rw).deadline - datetime.timedelta(days=10)
        self._reopen(rw, sooner)
        assert _fresh(rw).deadline == sooner

    def test_the_history_line_records_the_move_and_who_made_it(self, rw):
        _checked(rw)
        self._stop(rw)
        old = _fresh(rw).deadline
        new = old + datetime.timedelta(days=10)
        self._reopen(rw, new)
        line = round_history(_fresh(rw))[0]
        assert line.who == (rw.office.get_full_name() or rw.office.username)
        assert line.text == f"Nhận đề nghị trở lại, hạn nộp hồ sơ {old:%d/%m/%Y} → {new:%d/%m/%Y}"

    def test_the_page_refuses_a_shorter_deadline_next_to_the_field(self, client, rw):
        _checked(rw)
        self._stop(rw)
        old = _fresh(rw).deadline
        client.force_login(rw.office)
        response = client.post(
            reverse("nominations:round_close", args=[rw.round.pk]),
            {
                "action": "reopen",
                "version": _fresh(rw).version,
                "deadline": f"{old - datetime.timedelta(days=10):%d/%m/%Y}",
            },
        )
        assert response.status_code == 400
        after_field = response.text.split('name="deadline"')[1][:800]
        assert "chỉ được gia hạn" in after_field
        assert _fresh(rw).deadline == old and _fresh(rw).closed_at is not None
