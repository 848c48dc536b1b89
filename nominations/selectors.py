"""Reads of rounds and nominations, always through the user's scope (404 outside it): the
office of a level sees its rounds whole; a unit sees the rounds of its level and its own
nominations; the public sees only what was published."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import AwardForm, AwardRecord
from evaluation.models import RankingEntry
from nominations.access import RoundAccess
from nominations.models import AwardRound, CheckItem, Nomination, RoundQuota
from nominations.services import eligibility_of
from org.models import Role
from org.scope import UserScope, get_in_scope_or_404

OFFICE_ROLES = (Role.COORDINATOR, Role.COUNCIL, Role.LEADER)


def rounds_q(scope: UserScope, prefix: str = "") -> Q:
    """Rounds of a level in the user's subtree or above it (a commune proposes to its
    province's round)."""
    unit = f"{prefix}unit"
    return scope.unit_q(unit) | scope.ancestor_q(unit)


def round_list(*, scope: UserScope) -> QuerySet[AwardRound]:
    return (
        AwardRound.objects.filter(rounds_q(scope))
        .select_related("unit", "award_kind")
        .annotate(nomination_count=Count("nominations"))
        .order_by("-year", "-created_at", "pk")
    )


def round_in_scope(*, scope: UserScope, pk: int) -> tuple[AwardRound, RoundAccess]:
    queryset = AwardRound.objects.select_related("unit", "award_kind", "ranking__scheme")
    award_round = get_in_scope_or_404(queryset, rounds_q(scope), pk=pk)
    return award_round, RoundAccess(scope, award_round)


def nominations_q(scope: UserScope) -> Q:
    """The proposer's subtree, or the whole round for the office, the council and leaders of
    its level."""
    return scope.unit_q("proposer") | scope.unit_q("round__unit", roles=OFFICE_ROLES)


def round_nominations(*, scope: UserScope, award_round: AwardRound) -> list[Nomination]:
    return list(
        Nomination.objects.filter(round=award_round)
        .filter(nominations_q(scope))
        .select_related("form", "proposer")
        .annotate(comment_count=Count("comments"))
        .order_by("form__order", "subject_name", "pk")
    )


def nomination_in_scope(*, scope: UserScope, pk: int) -> tuple[Nomination, RoundAccess]:
    queryset = Nomination.objects.select_related(
        "round__unit",
        "round__award_kind",
        "form",
        "proposer",
        "subject_unit",
        "person__unit",
        "household",
        "enterprise",
        "ranking_entry__block",
    )
    nomination = get_in_scope_or_404(queryset, nominations_q(scope), pk=pk)
    return nomination, RoundAccess(scope, nomination.round)


@dataclass
class QuotaLine:
    form: AwardForm
    used: int
    limit: int

    @property
    def exceeded(self) -> bool:
        return self.used > self.limit

    @property
    def full(self) -> bool:
        return self.used >= self.limit


def form_use(award_round: AwardRound) -> dict[int, int]:
    """How many nominations of the round use each form's quota (one query)."""
    return dict(
        Nomination.objects.filter(round=award_round)
        .using_quota()
        .values("form_id")
        .annotate(n=Count("pk"))
        .values_list("form_id", "n")
    )


def rounds_quotas(round_ids: list[int]) -> dict[int, list[QuotaLine]]:
    """round id -> each quota of the round with how many nominations use it (two queries for
    any number of rounds: the round page asks for one, the API for a page of them)."""
    used = {
        (round_id, form_id): n
        for round_id, form_id, n in Nomination.objects.filter(round_id__in=round_ids)
        .using_quota()
        .values("round_id", "form_id")
        .annotate(n=Count("pk"))
        .values_list("round_id", "form_id", "n")
    }
    lines = {pk: [] for pk in round_ids}
    quotas = (
        RoundQuota.objects.filter(round_id__in=round_ids)
        .select_related("form")
        .order_by("form__order", "form__name", "pk")
    )
    for q in quotas:
        lines[q.round_id].append(QuotaLine(q.form, used.get((q.round_id, q.form_id), 0), q.limit))
    return lines


def round_quotas(award_round: AwardRound) -> list[QuotaLine]:
    """Each quota of the round with how many nominations use it (two queries)."""
    return rounds_quotas([award_round.pk])[award_round.pk]


@dataclass
class Suggestion:
    entry: RankingEntry
    status: str
    reasons: list[str]
    nominated: bool


def ranking_suggestions(
    *, award_round: AwardRound, form: AwardForm, today: datetime.date, top: int = 1
) -> list[Suggestion]:
    """The top of each block in the round's frozen ranking, each with its eligibility verdict
    for `form` and whether it is already proposed."""
    if award_round.ranking_id is None:
        return []
    entries = list(
        RankingEntry.objects.filter(version_id=award_round.ranking_id, rank__lte=top)
        .select_related("unit__unit_type", "block", "version")
        .order_by("block__order", "block__name", "rank")
    )
    nominated = set(
        Nomination.objects.filter(round=award_round, form=form).values_list(
            "subject_unit_id", flat=True
        )
    )
    out = []
    for entry in entries:
        status, reasons = eligibility_of(
            award_round=award_round, form=form, subject=entry.unit, today=today
        )
        out.append(Suggestion(entry, status, reasons, entry.unit_id in nominated))
    return out


def public_round(*, token) -> tuple[AwardRound, list[Nomination]]:
    """The published list of a round (no login): nothing before it is published, and only the
    nominations that went through publication."""
    award_round = AwardRound.objects.select_related("unit").filter(public_token=token).first()
    if award_round is None or award_round.published_at is None:
        raise Http404
    shown = (
        Nomination.Status.PUBLISHED,
        Nomination.Status.VOTED,
        Nomination.Status.DECIDED,
        Nomination.Status.FORWARDED,
    )
    nominations = list(
        Nomination.objects.filter(round=award_round, status__in=shown)
        .select_related("form", "proposer")
        .order_by("form__order", "subject_name", "pk")
    )
    return award_round, nominations


def nomination_context(nomination: Nomination, access: RoundAccess) -> dict:
    """The nomination page: the live eligibility verdict, the return reasons, attachments,
    the public comments (for the office of the level and the council) and the history."""
    status, reasons = eligibility_of(
        award_round=nomination.round,
        form=nomination.form,
        subject=nomination.subject,
        today=timezone.localdate(),
    )
    sees_comments = access.is_office or access.scope.covers(
        nomination.round.unit, [Role.COUNCIL, Role.LEADER]
    )
    return {
        "verdict_status": status,
        "verdict_reasons": reasons,
        "returns": list(nomination.returns.select_related("returned_by")),
        "attachments": list(nomination.attachments.all()),
        "comments": list(nomination.comments.all()) if sees_comments else None,
        "events": list(nomination.events.select_related("user")),
        "check_items": CheckItem.choices,
        "can_edit": access.can_edit(nomination),
        "send_refusal": access.send_refusal(nomination) if access.can_submit(nomination) else None,
        "can_check": access.can_check(nomination),
    }


def nomination_report_context(nomination: Nomination) -> dict:
    """What the Báo cáo thành tích (Mẫu 08) and the tờ trình's list print for one nomination:
    the subject and its unit, the proposing unit, the form and round, the achievements, the
    place in the frozen ranking and the awards already in the registry (newest first)."""
    subject_q = {
        "subject_unit_id": nomination.subject_unit_id,
        "person_id": nomination.person_id,
        "household_id": nomination.household_id,
        "enterprise_id": nomination.enterprise_id,
    }
    records = list(
        AwardRecord.objects.filter(**subject_q)
        .select_related("form", "kind")
        .order_by("-year", "-decision_date")
    )
    return {
        "nomination": nomination,
        "subject_name": nomination.subject_name,
        "subject_type": nomination.get_subject_type_display(),
        "subject": nomination.subject,
        "proposer": nomination.proposer,
        "form": nomination.form,
        "round": nomination.round,
        "year": nomination.round.year,
        "achievements": nomination.achievements,
        "ranking_entry": nomination.ranking_entry,
        "eligibility_reasons": nomination.eligibility_reasons,
        "awards_received": records,
    }


@dataclass
class HistoryLine:
    at: datetime.datetime
    user: object
    text: str

    @property
    def who(self) -> str:
        """The author's name ("" when the application itself made the change)."""
        if self.user is None:
            return ""
        return self.user.get_full_name() or self.user.get_username()


HISTORY_FIELDS = ("kind", "award_kind_id", "year", "name", "deadline", "movement_id", "ranking_id")


def _round_line(row, before) -> str | None:
    if before is None:
        return _("Mở đợt")
    if row.published_at and not before.published_at:
        return _("Công khai danh sách")
    if row.closed_at and not before.closed_at:
        if row.history_change_reason == "deadline":  # rounds.rounds_close_expired
            return _("Dừng nhận đề nghị: đã hết hạn nộp hồ sơ")
        return _("Dừng nhận đề nghị")
    moved = {"old": f"{before.deadline:%d/%m/%Y}", "new": f"{row.deadline:%d/%m/%Y}"}
    if before.closed_at and not row.closed_at:
        if row.deadline != before.deadline:
            return _("Nhận đề nghị trở lại, hạn nộp hồ sơ %(old)s → %(new)s") % moved
        return _("Nhận đề nghị trở lại")
    changed = [f for f in HISTORY_FIELDS if getattr(row, f) != getattr(before, f)]
    if not changed:
        return None  # only the version moved: the quota lines say what changed
    names = [str(AwardRound._meta.get_field(f.removesuffix("_id")).verbose_name) for f in changed]
    text = _("Sửa %(fields)s") % {"fields": ", ".join(names)}
    if "deadline" in changed:
        text += " ({old} → {new})".format(**moved)
    return text


def round_history(award_round: AwardRound) -> list[HistoryLine]:
    """Who changed the round or its quotas, when and what, newest first (three queries)."""
    lines = []
    before = None
    for row in award_round.history.select_related("history_user").order_by(
        "history_date", "history_id"
    ):
        text = _round_line(row, before)
        if text:
            lines.append(HistoryLine(row.history_date, row.history_user, text))
        before = row
    rows = list(RoundQuota.history.filter(round_id=award_round.pk).select_related("history_user"))
    names = dict(
        AwardForm.objects.filter(pk__in={r.form_id for r in rows}).values_list("pk", "name")
    )
    for row in rows:
        form = names.get(row.form_id, "")
        if row.history_type == "-":
            text = _("Bỏ chỉ tiêu %(form)s") % {"form": form}
        else:
            text = _("Chỉ tiêu %(form)s: %(n)s") % {"form": form, "n": row.limit}
        lines.append(HistoryLine(row.history_date, row.history_user, text))
    return sorted(lines, key=lambda line: line.at, reverse=True)
