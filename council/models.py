"""Họp Hội đồng Thi đua - Khen thưởng: a session of a level's council, its members, its agenda
(the published nominations) and the secret ballot.

Secrecy (issue #15): a Ballot row holds the agenda item, the choice and the member's receipt
code, never the member; VoterTurnout says only that a member voted. Neither has a timestamp, both
have random (UUID) keys, and neither has a history table, so no column orders or dates the rows
in a way that pairs a turnout with a ballot.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CouncilSession(models.Model):
    class Status(models.TextChoices):
        CONVENED = "convened", _("Đã triệu tập")
        VOTING = "voting", _("Đang bỏ phiếu")
        CLOSED = "closed", _("Đã kết thúc")

    class Mode(models.TextChoices):
        ELECTRONIC = "electronic", _("Bỏ phiếu kín trên hệ thống")
        PAPER = "paper", _("Phiếu giấy (chủ tọa nhập kết quả)")

    round = models.ForeignKey(
        "nominations.AwardRound",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đợt xét"),
    )
    # The level whose council meets (the round's level); scope reads it.
    unit = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("cấp")
    )
    title = models.CharField(_("tên phiên họp"), max_length=255)
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    # LAW.md: a session needs ≥ 80 % of members present (one province's rule): data.
    quorum_percent = models.DecimalField(
        _("tỷ lệ thành viên có mặt tối thiểu (%)"), max_digits=5, decimal_places=2, default=80
    )
    mode = models.CharField(
        _("hình thức bỏ phiếu"), max_length=20, choices=Mode.choices, default=Mode.ELECTRONIC
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.CONVENED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return self.title


class CouncilMember(models.Model):
    """A member of the council for the session (the denominator of every threshold: all
    members, absent ones included)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="+")
    position = models.CharField(_("chức danh trong Hội đồng"), max_length=120, blank=True)
    is_chair = models.BooleanField(_("chủ tọa"), default=False)
    present = models.BooleanField(_("có mặt"), default=False)

    class Meta:
        ordering = ["-is_chair", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="member_once_per_session")
        ]

    def __str__(self):
        return str(self.person)


class AgendaItem(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey(
        "nominations.Nomination", on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    # Written votes (phiếu giấy): the whole count in a paper session, absent members' written
    # votes in an electronic one. Entered by the chair.
    paper_agree = models.PositiveSmallIntegerField(null=True, blank=True)
    paper_disagree = models.PositiveSmallIntegerField(null=True, blank=True)
    # The tally, set when the session closes.
    agree = models.PositiveSmallIntegerField(null=True, blank=True)
    disagree = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination"], name="nomination_once_per_session"
            )
        ]


class Choice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")


class Ballot(models.Model):
    """One choice on one agenda item. No voter, no time; `receipt` is the same on every row of
    one member's ballot paper and appears in the published tally."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="ballots")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="ballots")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    receipt = models.CharField(_("mã phiếu"), max_length=16)

    class Meta:
        ordering = ["receipt", "item"]
        constraints = [
            models.UniqueConstraint(fields=["item", "receipt"], name="one_choice_per_receipt")
        ]


class VoterTurnout(models.Model):
    """That a member has voted in a session (not how). The unique constraint is the rule that
    each member votes once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="turnout")
    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="member_votes_once")
        ]
