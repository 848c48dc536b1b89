"""The council session: convene with members and the published nominations as agenda, roll
call and quorum, secret ballot (or the chair's paper results), close with the tally."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from council.access import SessionAccess
from council.models import AgendaItem, Ballot, Choice, CouncilMember, CouncilSession, VoterTurnout
from council.tally import quorum_met, tally
from nominations.access import RoundAccess
from nominations.models import Nomination
from nominations.services import comments_open, nomination_record_vote
from org.models import Person


class AlreadyVoted(ValidationError):
    """A member votes once per session."""


@transaction.atomic
def session_create(
    *,
    access: RoundAccess,
    title: str,
    held_on: datetime.date,
    members: list[tuple[Person, str, bool]],
    user,
    place: str = "",
    mode: str = CouncilSession.Mode.ELECTRONIC,
) -> CouncilSession:
    """Convene: `members` are (person, position, is chair); the agenda is every published
    nomination of the round."""
    if not access.is_office:
        raise PermissionDenied
    if not members or sum(1 for _p, _pos, chair in members if chair) != 1:
        raise ValidationError(_("Hội đồng cần có thành viên và đúng một chủ tọa."))
    nominations = list(
        Nomination.objects.filter(round=access.round, status=Nomination.Status.PUBLISHED).order_by(
            "form__order", "subject_name", "pk"
        )
    )
    if not nominations:
        raise ValidationError(_("Chưa có đề nghị nào đã công khai để đưa ra Hội đồng."))
    session = CouncilSession(
        round=access.round,
        unit=access.round.unit,
        title=title,
        held_on=held_on,
        place=place,
        mode=mode,
        created_by=user,
    )
    session._history_user = user
    session.save()
    for person, position, chair in members:
        CouncilMember.objects.create(
            session=session, person=person, position=position, is_chair=chair
        )
    for order, nomination in enumerate(nominations, start=1):
        AgendaItem.objects.create(session=session, nomination=nomination, order=order)
    return session


def quorum(session: CouncilSession) -> tuple[int, int, bool]:
    """(present, members, whether the session has its quorum)."""
    members = session.members.count()
    present = session.members.filter(present=True).count()
    return (
        present,
        members,
        quorum_met(present=present, members=members, percent=session.quorum_percent),
    )


@transaction.atomic
def session_open(*, access: SessionAccess, present: list[int], user) -> None:
    """Roll call (ids of the members present) and the start of the vote, once the comment
    period is over and the quorum is there."""
    session = CouncilSession.objects.select_for_update().get(pk=access.session.pk)
    if not access.is_office or session.status != CouncilSession.Status.CONVENED:
        raise PermissionDenied
    if comments_open(session.round):
        raise ValidationError(_("Thời gian công khai, nhận ý kiến chưa kết thúc."))
    session.members.update(present=False)
    session.members.filter(pk__in=present).update(present=True)
    here, total, ok = quorum(session)
    if not ok:
        raise ValidationError(
            _("Không đủ số thành viên dự họp: %(here)s/%(total)s, cần từ %(p)s %%.")
            % {"here": here, "total": total, "p": session.quorum_percent.normalize()}
        )
    session.status = CouncilSession.Status.VOTING
    session._history_user = user
    session.save(update_fields=["status"])
    access.session = session


def ballot_cast(*, access: SessionAccess, choices: dict[int, str]) -> str:
    """The member's secret ballot: a choice on every agenda item. The turnout and the ballot
    rows are written in one transaction; a second ballot of the same member fails on the
    turnout's unique constraint. Returns the receipt code, shown to the member only."""
    session = CouncilSession.objects.get(pk=access.session.pk)  # its status as it is now
    if session.status != CouncilSession.Status.VOTING or session.mode != session.Mode.ELECTRONIC:
        raise ValidationError(_("Phiên họp không nhận phiếu lúc này."))
    member = access.member()
    if member is None:
        raise PermissionDenied
    items = list(session.items.values_list("pk", flat=True))
    if set(choices) != set(items) or not set(choices.values()) <= set(Choice.values):
        raise ValidationError(_("Chọn đồng ý hoặc không đồng ý cho mọi đề nghị."))
    receipt = secrets.token_hex(4).upper()
    try:
        with transaction.atomic():
            VoterTurnout.objects.create(session=session, member=member)
            # Rows in the order of the agenda, not of anything about the member.
            Ballot.objects.bulk_create(
                Ballot(session=session, item_id=item, choice=choices[item], receipt=receipt)
                for item in sorted(items)
            )
    except IntegrityError as exc:
        raise AlreadyVoted(_("Thành viên đã bỏ phiếu trong phiên họp này.")) from exc
    return receipt


@transaction.atomic
def paper_results_enter(
    *, access: SessionAccess, results: dict[int, tuple[int, int]], user
) -> None:
    """The chair enters the written votes per item (agree, disagree)."""
    if not access.can_enter_paper:
        raise PermissionDenied
    session = access.session
    members = session.members.count()
    electronic = session.turnout.count()
    items = {i.pk: i for i in session.items.all()}
    if set(results) - set(items):
        raise ValidationError(_("Đề nghị không thuộc phiên họp."))
    for pk, (agree, disagree) in results.items():
        if agree < 0 or disagree < 0 or agree + disagree + electronic > members:
            raise ValidationError(
                _("Số phiếu vượt số thành viên Hội đồng (%(n)s).") % {"n": members}
            )
        AgendaItem.objects.filter(pk=pk).update(paper_agree=agree, paper_disagree=disagree)


@transaction.atomic
def session_close(*, access: SessionAccess, user) -> list[AgendaItem]:
    """Count, decide each item at its form's threshold of ALL members, and record the result
    on each nomination."""
    session = CouncilSession.objects.select_for_update().get(pk=access.session.pk)
    if not access.is_office or session.status != CouncilSession.Status.VOTING:
        raise PermissionDenied
    items = list(session.items.select_related("nomination__form"))
    if session.mode == CouncilSession.Mode.PAPER and any(i.paper_agree is None for i in items):
        raise ValidationError(_("Chưa nhập kết quả phiếu giấy của mọi đề nghị."))
    counted = tally(
        members=session.members.count(),
        items={item.pk: item.nomination.form for item in items},
        ballots=Ballot.objects.filter(session=session).values_list("item_id", "choice"),
        written={item.pk: (item.paper_agree or 0, item.paper_disagree or 0) for item in items},
    )
    for item in items:
        result = counted[item.pk]
        item.agree, item.disagree, item.passed = result.agree, result.disagree, result.passed
        item.save(update_fields=["agree", "disagree", "passed"])
        nomination_record_vote(nomination=item.nomination, passed=item.passed, user=user)
    session.status = CouncilSession.Status.CLOSED
    session.closed_at = timezone.now()
    session._history_user = user
    session.save(update_fields=["status", "closed_at"])
    access.session = session
    return items
