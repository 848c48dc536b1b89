"""Đề nghị khen thưởng: a level's award round, the quotas of its forms, the nominations made in
it (with their dossier check, attachments and history) and the public comments on the published
list. The council's vote and the decision live in their own apps above this one."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models import SUBJECT_FIELDS, SubjectType, one_of_four_subjects_q


class NominationLocked(ValidationError):
    """A decided nomination is never changed again (issue #15: decided ones are immutable)."""


class AwardRound(models.Model):
    """Đợt xét khen thưởng of a level (the province or a commune): the 2026 year-end round, the
    2027 sơ kết, the 2030 tổng kết, or an đột xuất one."""

    class Kind(models.TextChoices):
        YEAR_END = "year_end", _("Khen thưởng cuối năm")
        MIDTERM = "midterm", _("Sơ kết")
        FINAL = "final", _("Tổng kết")
        AD_HOC = "ad_hoc", _("Đột xuất")

    unit = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("cấp xét")
    )
    kind = models.CharField(_("loại đợt"), max_length=20, choices=Kind.choices)
    award_kind = models.ForeignKey(
        "awards.AwardKind",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("loại hình khen thưởng"),
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    name = models.CharField(_("tên đợt"), max_length=255)
    deadline = models.DateField(_("hạn nộp hồ sơ"))
    movement = models.ForeignKey(
        "movements.Movement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phong trào thi đua"),
    )
    ranking = models.ForeignKey(
        "evaluation.RankingVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kết quả xếp hạng đã chốt"),
    )
    # Công khai: the list is public from `published_at` and takes comments until `comments_until`.
    public_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    published_at = models.DateTimeField(_("công khai từ"), null=True, blank=True)
    comments_until = models.DateTimeField(_("nhận ý kiến đến"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Khóa nhận đề nghị: the office stops new nominations before (or without) publishing.
    closed_at = models.DateTimeField(_("dừng nhận đề nghị từ"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped by every change of the round or its quotas (core.services.claim_version): of two
    # people saving the same round, the second is told instead of overwriting the first.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đợt xét khen thưởng")
        verbose_name_plural = _("đợt xét khen thưởng")
        ordering = ["-year", "-created_at", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("nominations:round", args=[self.pk])

    def is_published(self) -> bool:
        return self.published_at is not None

    def deadline_passed(self, today: datetime.date) -> bool:
        """Hạn nộp hồ sơ is the last day proposals are taken (it is itself still open)."""
        return today > self.deadline

    @property
    def past_deadline(self) -> bool:
        """Whether the deadline has passed today (the badge of the round pages)."""
        return self.deadline_passed(timezone.localdate())

    def nominations_open(self, today: datetime.date) -> bool:
        """The one rule of whether the round takes new proposals on `today`: the office has
        neither stopped them nor published the list, and the deadline has not passed. The
        services, the pages and the API all ask this, never the fields themselves."""
        return (
            self.published_at is None and self.closed_at is None and not self.deadline_passed(today)
        )

    def proposal_refusal(self, today: datetime.date) -> str | None:
        """Why a proposal made on `today` is refused, in the words shown to the proposer, or None
        while the round takes proposals."""
        if self.nominations_open(today):
            return None
        if self.published_at is not None:
            return _("Danh sách của đợt đã công khai, đợt không nhận thêm đề nghị.")
        if self.closed_at is None or self.deadline_passed(today):
            return _("Đợt đã hết hạn nộp hồ sơ ngày %(d)s, không nhận thêm đề nghị.") % {
                "d": f"{self.deadline:%d/%m/%Y}"
            }
        return _("Đợt đã dừng nhận đề nghị mới.")

    def sending_refusal(self, today: datetime.date, *, resend: bool) -> str | None:
        """Why a dossier sent to the standing office on `today` is refused, in the words shown
        next to the button, or None when it is taken. A first sending is taken until the
        deadline; a dossier the office returned may be sent again after it, until the list is
        published (issue #15 §3: the unit corrects and resends). Stopping new proposals does
        not stop the sending of those already made."""
        if self.published_at is not None:
            return _("Danh sách của đợt đã công khai, không nhận hồ sơ gửi thẩm định.")
        if not resend and self.deadline_passed(today):
            return _(
                "Đợt đã hết hạn nộp hồ sơ ngày %(d)s, không nhận hồ sơ gửi lần đầu. Hồ sơ bị "
                "trả lại vẫn được gửi lại đến khi công khai danh sách."
            ) % {"d": f"{self.deadline:%d/%m/%Y}"}
        return None


class RoundQuota(models.Model):
    """Chỉ tiêu số lượng: how many nominations of a form a round takes (data, per round)."""

    round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="quotas")
    form = models.ForeignKey("awards.AwardForm", on_delete=models.PROTECT, related_name="+")
    limit = models.PositiveSmallIntegerField(_("số lượng tối đa"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu khen thưởng của đợt")
        verbose_name_plural = _("chỉ tiêu khen thưởng của đợt")
        constraints = [
            models.UniqueConstraint(fields=["round", "form"], name="one_quota_per_round_form")
        ]

    def __str__(self):
        return f"{self.form}: {self.limit}"


FINAL_STATUSES = ("decided", "forwarded")


class NominationQuerySet(models.QuerySet):
    """Bulk writes skip `save`: they are refused too when they touch a decided nomination."""

    def using_quota(self) -> "NominationQuerySet":
        """Those that take a place of their form's quota in the round: every one proposed,
        wherever it stands — one forwarded to the higher level (its tờ trình issued) too, it was
        proposed here — except one the council voted down, whose place is free again. Every
        count against a quota (the service's check, the round page, the quota form, the API)
        is of these."""
        return self.exclude(status=Nomination.Status.VOTED, vote_passed=False)

    def update(self, **kwargs):
        if self.filter(status__in=FINAL_STATUSES).exists():
            raise NominationLocked(_("Đề nghị đã có quyết định, không được sửa."))
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status__in=FINAL_STATUSES).exists():
            raise NominationLocked(_("Đề nghị đã có quyết định, không được sửa."))
        return super().delete()


class Nomination(models.Model):
    """Đề nghị: one subject proposed for one form in a round, with its dossier."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi thẩm định")
        RETURNED = "returned", _("Trả lại để bổ sung")
        CHECKED = "checked", _("Đã thẩm định")
        PUBLISHED = "published", _("Đang công khai")
        VOTED = "voted", _("Hội đồng đã bỏ phiếu")
        DECIDED = "decided", _("Đã có quyết định")
        FORWARDED = "forwarded", _("Đã trình cấp trên")

    round = models.ForeignKey(
        AwardRound, on_delete=models.PROTECT, related_name="nominations", verbose_name=_("đợt")
    )
    form = models.ForeignKey(
        "awards.AwardForm", on_delete=models.PROTECT, related_name="+", verbose_name=_("hình thức")
    )
    subject_type = models.CharField(
        _("đối tượng"), max_length=20, choices=SubjectType.choices, editable=False
    )
    subject_unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tập thể"),
    )
    person = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cá nhân"),
    )
    household = models.ForeignKey(
        "org.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hộ gia đình"),
    )
    enterprise = models.ForeignKey(
        "org.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("doanh nghiệp, hợp tác xã"),
    )
    subject_name = models.CharField(_("tên đối tượng"), max_length=255)
    # The unit that proposes (its own officers, itself, the households of its villages); a
    # commune sees the nominations of its subtree.
    proposer = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị đề nghị")
    )
    ranking_entry = models.ForeignKey(
        "evaluation.RankingEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thứ hạng trong khối"),
    )
    achievements = models.TextField(_("thành tích"), blank=True)
    # What the eligibility rules said when the nomination was made or last sent (a snapshot the
    # council reads; the live verdict is recomputed on the page).
    eligibility_status = models.CharField(max_length=20, blank=True)
    eligibility_reasons = models.JSONField(default=list, blank=True)
    quota_override_reason = models.TextField(_("lý do vượt chỉ tiêu"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    vote_passed = models.BooleanField(_("được Hội đồng thông qua"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["round", "form__order", "subject_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=one_of_four_subjects_q(), name="nomination_one_of_four_subjects"
            ),
        ]

    def __str__(self):
        return f"{self.subject_name} — {self.form}"

    def save(self, *args, **kwargs):
        if self._stored_status() in FINAL_STATUSES:
            raise NominationLocked(_("Đề nghị đã có quyết định, không được sửa."))
        self.subject_type = self.derived_subject_type()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("nominations:detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        if self._stored_status() not in (None, self.Status.DRAFT):
            raise NominationLocked(_("Chỉ xóa được đề nghị đang soạn."))
        return super().delete(*args, **kwargs)

    def clean(self):
        if sum(getattr(self, f"{f}_id") is not None for f in SUBJECT_FIELDS) != 1:
            raise ValidationError(_("Chọn đúng một đối tượng."))
        if self.form_id and not self.form.accepts(self.derived_subject_type()):
            raise ValidationError(
                {"form": _("Hình thức này không tặng cho loại đối tượng đã chọn.")}
            )

    @property
    def subject(self):
        return self.subject_unit or self.person or self.household or self.enterprise

    def derived_subject_type(self) -> str:
        if self.household_id:
            return SubjectType.HOUSEHOLD
        if self.enterprise_id:
            return SubjectType.ENTERPRISE
        return SubjectType.COLLECTIVE if self.subject_unit_id else SubjectType.INDIVIDUAL

    def sending_refusal(self, today: datetime.date) -> str | None:
        """Why this dossier cannot be sent to the standing office on `today`
        (AwardRound.sending_refusal, a returned one being a resend), or None: also when it is
        not one to send (neither a draft nor returned)."""
        if self.status not in (self.Status.DRAFT, self.Status.RETURNED):
            return None
        return self.round.sending_refusal(today, resend=self.status == self.Status.RETURNED)

    def _stored_status(self) -> str | None:
        if self.pk is None:
            return None
        return Nomination.objects.filter(pk=self.pk).values_list("status", flat=True).first()


class NominationEvent(models.Model):
    """One step of a nomination's workflow: who, when, from which status to which, and why."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("thao tác"), max_length=30)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]


class CheckItem(models.TextChoices):
    """What the standing office checks in a dossier (Law art. 84)."""

    PROPOSAL = "proposal", _("Tờ trình đề nghị")
    REPORT = "report", _("Báo cáo thành tích")
    MINUTES = "minutes", _("Biên bản họp xét của đơn vị")
    PROOF = "proof", _("Minh chứng sáng kiến, đề tài")
    ELIGIBILITY = "eligibility", _("Điều kiện, tiêu chuẩn")
    OTHER = "other", _("Khác")


class ReturnReason(models.Model):
    """Thẩm định: a dossier returned with a reason per item; resolved when it is sent again."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="returns")
    item = models.CharField(_("nội dung"), max_length=20, choices=CheckItem.choices)
    reason = models.TextField(_("lý do"))
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    returned_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["returned_at", "pk"]


class Attachment(models.Model):
    """A document of the dossier (tờ trình, báo cáo thành tích, biên bản, minh chứng)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    item = models.CharField(_("loại tài liệu"), max_length=20, choices=CheckItem.choices)
    file = models.FileField(_("tệp"), upload_to="nominations/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "pk"]


class PublicComment(models.Model):
    """Ý kiến góp ý of anyone during the public comment period; name and contact optional."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=200, blank=True)
    text = models.TextField(_("ý kiến"))
    received_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["received_at", "pk"]
