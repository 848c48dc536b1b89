"""Đăng ký thi đua: each unit's yearly commitment to a plan's targets and to initiatives.

Moved out of `reporting` (issue #11 §2): evaluation reads registrations, and the registration
workflow has its own rules (`registrations.actions`). The tables kept their names.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import WorkflowEvent
from initiatives.models import Initiative


class Registration(models.Model):
    """Đăng ký thi đua: a unit's yearly commitment to a plan's targets and to initiatives.

    The registered values are what the unit is evaluated against later (seed 004 §III.1a).
    Workflow: draft → submitted (reporter) → approved by the head, or returned with a reason.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Chờ thủ trưởng duyệt")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Bị trả lại")

    unit = models.ForeignKey("org.OrgUnit", on_delete=models.PROTECT, related_name="registrations")
    plan = models.ForeignKey("plans.Plan", on_delete=models.PROTECT, related_name="registrations")
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    note = models.TextField(_("ghi chú"), blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        ordering = ["-year", "unit__path"]
        # Moved from `reporting` (issue #11): the table keeps its name and its rows.
        db_table = "reporting_registration"
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "plan", "year"], name="one_registration_per_unit_plan_year"
            )
        ]

    def __str__(self):
        return f"{self.unit} — {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def initiatives(self):
        """The initiatives the unit registered with this registration (issue #14 §3: they
        live in `initiatives` and keep the registration's plan and year)."""
        return Initiative.objects.filter(
            unit_id=self.unit_id, plan_id=self.plan_id, year=self.year
        ).order_by("order", "pk")


class RegistrationEvent(WorkflowEvent):
    """Every step and saved change of a unit's registration: who, when, from where, what changed,
    why. Until issue #11 §3 these rows were in reporting's table of report events."""

    class Kind(models.TextChoices):
        SAVE = "save", _("Lưu nháp")
        SUBMIT = "submit", _("Gửi")
        APPROVE = "approve", _("Thủ trưởng duyệt")
        RETURN = "return", _("Trả lại")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("thao tác"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("lịch sử đăng ký thi đua")
        verbose_name_plural = _("lịch sử đăng ký thi đua")
        ordering = ["at", "pk"]


class RegisteredTarget(models.Model):
    """One target the unit commits to, with its own level where the plan allows it."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="targets")
    target = models.ForeignKey("plans.Target", on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(
        _("mức đăng ký"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        db_table = "reporting_registeredtarget"
        ordering = ["target__order", "target_id"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "target"], name="register_target_once")
        ]


class RegistrationRound(models.Model):
    """Đợt đăng ký thi đua: the coordinator of a plan's issuer opens the yearly registration
    under the plan with a deadline (seed 004 §V.1: units register their targets every year).

    Units register as before (one `Registration` per unit, plan and year); the round gives the
    deadline against which the coordinator sees, block by block, who is late.
    """

    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        related_name="registration_rounds",
        verbose_name=_("kế hoạch"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    deadline = models.DateField(_("hạn đăng ký"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(_("mở lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đợt đăng ký thi đua")
        verbose_name_plural = _("đợt đăng ký thi đua")
        ordering = ["-year", "plan_id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year"], name="one_round_per_plan_year")
        ]

    def __str__(self):
        return f"{self.plan.display_number} — {self.year}"

    def is_late(self, registration: "Registration | None", today) -> bool:
        """Not approved by the deadline, once the deadline has passed (issue #14: "a
        registration not approved by the deadline is visible as such")."""
        if today <= self.deadline:
            return False
        if registration is None or registration.approved_at is None:
            return True
        return timezone.localdate(registration.approved_at) > self.deadline


class RegistrationReminder(models.Model):
    """A reminder e-mailed to a unit of a round that had no approved registration; like the
    report reminders (reporting.Reminder), each kind goes once per unit and round."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Trước hạn")
        AFTER = "after", _("Quá hạn")

    round = models.ForeignKey(RegistrationRound, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recipients = models.JSONField(default=list)

    class Meta:
        verbose_name = _("nhắc đăng ký thi đua")
        verbose_name_plural = _("nhắc đăng ký thi đua")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit", "kind"], name="remind_registration_once_per_kind"
            )
        ]


class SubjectRegistration(models.Model):
    """Đăng ký thi đua of a subject that is not a unit, in a round (issue #14 item 1):

    - a household (hộ gia đình, nông dân, người lao động; seed 002 §V.1c) with its commitments;
    - an enterprise or cooperative (doanh nghiệp, hợp tác xã) with its own participation plan
      (seed 004 §V.2g: "xây dựng kế hoạch tham gia phong trào");
    - an individual (cá nhân) with the titles they aim for — Lao động tiên tiến, Chiến sĩ thi
      đua cơ sở … from the award catalogue, kept here by code and name (registrations sits
      below awards: registrations.titles asks awards for the list) — and their commitments.

    Recorded by the subject's unit (the commune or province where the enterprise operates; the
    person's unit or the person), then approved or returned with a reason.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Bị trả lại")

    round = models.ForeignKey(
        RegistrationRound, on_delete=models.CASCADE, related_name="subject_registrations"
    )
    enterprise = models.ForeignKey(
        "org.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("doanh nghiệp, hợp tác xã"),
    )
    person = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("cá nhân"),
    )
    # Seed 002 §V.1c: households (hộ gia đình, nông dân) of a commune or village register too.
    household = models.ForeignKey(
        "org.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("hộ gia đình"),
    )
    # [{"code": "lao-dong-tien-tien", "name": "Lao động tiên tiến"}, …]
    titles = models.JSONField(_("danh hiệu đăng ký"), default=list, blank=True)
    participation_plan = models.TextField(_("kế hoạch tham gia phong trào"), blank=True)
    commitments = models.TextField(_("nội dung cam kết"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("gửi lúc"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("đăng ký thi đua của doanh nghiệp, cá nhân")
        verbose_name_plural = _("đăng ký thi đua của doanh nghiệp, cá nhân")
        ordering = ["round", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(enterprise__isnull=False)
                    & models.Q(person__isnull=True)
                    & models.Q(household__isnull=True)
                )
                | (
                    models.Q(enterprise__isnull=True)
                    & models.Q(person__isnull=False)
                    & models.Q(household__isnull=True)
                )
                | (
                    models.Q(enterprise__isnull=True)
                    & models.Q(person__isnull=True)
                    & models.Q(household__isnull=False)
                ),
                name="subject_registration_one_subject",
            ),
            models.UniqueConstraint(
                fields=["round", "household"], name="register_household_once_per_round"
            ),
            models.UniqueConstraint(
                fields=["round", "enterprise"], name="register_enterprise_once_per_round"
            ),
            models.UniqueConstraint(
                fields=["round", "person"], name="register_person_once_per_round"
            ),
        ]

    def __str__(self):
        return str(self.enterprise or self.person or self.household)

    @property
    def subject(self):
        return self.enterprise or self.person or self.household

    @property
    def subject_unit(self):
        return self.subject.unit

    @property
    def title_names(self) -> str:
        return ", ".join(t.get("name", "") for t in self.titles)
