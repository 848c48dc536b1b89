"""Quyết định khen thưởng (or, for a form the level only proposes, the tờ trình to the higher
level): number, date, signer and the list of awardees with their prize money. Once issued it is
never edited: the model refuses every save and delete, the query set refuses bulk updates and
deletes, the admin is read-only and the services say so; a correction is a new decision that
references the old one."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models import SubjectType


class DecisionLocked(ValidationError):
    """An issued decision cannot be changed."""


def _locked() -> DecisionLocked:
    return DecisionLocked(_("Quyết định đã ban hành, không được sửa hoặc xóa."))


class DecisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(status=Decision.Status.ISSUED).exists():
            raise _locked()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=Decision.Status.ISSUED).exists():
            raise _locked()
        return super().delete()


class Decision(models.Model):
    class Kind(models.TextChoices):
        DECISION = "decision", _("Quyết định khen thưởng")
        PROPOSAL = "proposal", _("Tờ trình đề nghị cấp trên khen thưởng")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan ban hành"),
    )
    round = models.ForeignKey(
        "nominations.AwardRound",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đợt xét"),
    )
    kind = models.CharField(
        _("loại văn bản"), max_length=20, choices=Kind.choices, default=Kind.DECISION
    )
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    date = models.DateField(_("ngày ban hành"))
    signer = models.CharField(_("người ký"), max_length=200)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("đính chính quyết định"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    base_salary = models.DecimalField(
        _("lương cơ sở áp dụng"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    total = models.DecimalField(_("tổng tiền thưởng"), max_digits=16, decimal_places=0, default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-date", "pk"]

    def __str__(self):
        return f"{self.number} ({self.date:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        if self.stored_status() == self.Status.ISSUED:
            raise _locked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.stored_status() == self.Status.ISSUED:
            raise _locked()
        return super().delete(*args, **kwargs)

    def stored_status(self) -> str | None:
        if self.pk is None:
            return None
        return Decision.objects.filter(pk=self.pk).values_list("status", flat=True).first()

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED


class DecisionLineQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(decision__status=Decision.Status.ISSUED).exists():
            raise _locked()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(decision__status=Decision.Status.ISSUED).exists():
            raise _locked()
        return super().delete()


class DecisionLine(models.Model):
    """One awardee of the decision with the prize computed from the catalogue."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="lines")
    nomination = models.ForeignKey(
        "nominations.Nomination", on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    subject_name = models.CharField(_("tên"), max_length=255)
    subject_type = models.CharField(max_length=20, choices=SubjectType.choices)
    form = models.ForeignKey("awards.AwardForm", on_delete=models.PROTECT, related_name="+")
    multiple = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    award_record = models.OneToOneField(
        "awards.AwardRecord",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision_line",
    )

    objects = DecisionLineQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "nomination"], name="nomination_once_per_decision"
            )
        ]

    def save(self, *args, **kwargs):
        if self._decision_issued():
            raise _locked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._decision_issued():
            raise _locked()
        return super().delete(*args, **kwargs)

    def _decision_issued(self) -> bool:
        return Decision.objects.filter(pk=self.decision_id, status=Decision.Status.ISSUED).exists()
