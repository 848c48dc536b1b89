"""Scoring schemes (bộ tiêu chí), score sheets (phiếu chấm điểm) and frozen rankings (kết quả
xếp hạng) of the emulation blocks (seed 004 §III.8; issue #14 items 4–6).

A score has up to four layers, each kept: the computed points (from the data, locked), the
unit's self score with its evidence, the block leader's adjustment and the standing office's
review, each with who set it and why (ScoreChange). A frozen ranking is a RankingVersion whose
rows are never changed: a later correction freezes a new version.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    ENTERPRISE = "enterprise", _("Doanh nghiệp, hợp tác xã")
    INDIVIDUAL = "individual", _("Cá nhân")
    HOUSEHOLD = "household", _("Hộ gia đình")


class TieRule(models.TextChoices):
    """How two equal totals are ordered (the office picks the order; LAW.md, ND 152 art. 4)."""

    WOMEN = "women", _("Tập thể do nữ đứng đầu hoặc có từ 70% nữ xếp trên")
    COMPUTED = "computed", _("Điểm các tiêu chí tính từ số liệu cao hơn xếp trên")
    FIRST_GROUP = "first_group", _("Điểm nhóm tiêu chí thứ nhất cao hơn xếp trên")
    FEWER_PENALTIES = "fewer_penalties", _("Ít điểm trừ hơn xếp trên")


DEFAULT_TIE_RULES = [TieRule.WOMEN, TieRule.COMPUTED, TieRule.FEWER_PENALTIES]


class EvaluationScheme(models.Model):
    """Bộ tiêu chí chấm điểm: the criteria a province (or any issuing unit) scores one kind
    of subject on, for one year of a plan or movement."""

    issuer = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị ban hành")
    )
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch"),
    )
    movement = models.ForeignKey(
        "movements.Movement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phong trào"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    subject_type = models.CharField(
        _("đối tượng"), max_length=20, choices=SubjectType.choices, default=SubjectType.COLLECTIVE
    )
    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    description = models.TextField(_("mô tả, căn cứ"), blank=True)
    cutoff = models.DateField(_("ngày chốt số liệu"))
    max_bonus = models.DecimalField(
        _("điểm thưởng tối đa"), max_digits=6, decimal_places=2, default=Decimal(5)
    )
    max_penalty = models.DecimalField(
        _("điểm trừ tối đa"), max_digits=6, decimal_places=2, default=Decimal(10)
    )
    tie_rules = models.JSONField(_("thứ tự quy tắc khi bằng điểm"), default=list, blank=True)
    # The scale the criteria's maxima add up to (100 in most provinces); blank: not fixed.
    total_points = models.DecimalField(
        _("tổng điểm của thang"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    # Optimistic concurrency of the scheme's editing page (core.services.claim_version).
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bộ tiêu chí chấm điểm")
        verbose_name_plural = _("bộ tiêu chí chấm điểm")
        ordering = ["-year", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if (self.plan_id is None) == (self.movement_id is None):
            raise ValidationError(_("Bộ tiêu chí gắn với một kế hoạch hoặc một phong trào."))

    @property
    def movement_of(self):
        """The movement the scheme scores: its own, or its plan's."""
        return self.movement if self.movement_id else self.plan.movement

    @property
    def max_points(self) -> Decimal:
        return sum((c.max_points for g in self.groups.all() for c in g.criteria.all()), Decimal(0))


class CriterionGroup(models.Model):
    """Nhóm tiêu chí, as the seed groups them (seed 004 §III.8a: five groups for a collective)."""

    scheme = models.ForeignKey(EvaluationScheme, on_delete=models.CASCADE, related_name="groups")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên nhóm"), max_length=500)

    class Meta:
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    """Tiêu chí: its maximum points and where its points come from."""

    class Source(models.TextChoices):
        HUMAN = "human", _("Chấm điểm có minh chứng")
        TARGETS_MET = "targets_met", _("Tỷ lệ chỉ tiêu đạt (tính từ số liệu)")
        TASKS_ON_TIME = "tasks_on_time", _("Nhiệm vụ hoàn thành đúng hạn có minh chứng")
        REPORTS_ON_TIME = "reports_on_time", _("Báo cáo đúng hạn, đầy đủ")
        EXTERNAL_INDEX = "external_index", _("Chỉ số đánh giá bên ngoài (nhập từ bảng)")
        INITIATIVES = (
            "initiatives",
            _("Sáng kiến, mô hình được công nhận theo cấp và được nhân rộng"),
        )

    group = models.ForeignKey(CriterionGroup, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    code = models.CharField(_("số hiệu"), max_length=20)
    name = models.CharField(_("tiêu chí"), max_length=500)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    source = models.CharField(
        _("nguồn điểm"), max_length=20, choices=Source.choices, default=Source.HUMAN
    )
    # An external index is published on its own scale (PII 0–100, DTI 0–1,000 points):
    # points = max_points × value / index_scale.
    index_scale = models.DecimalField(
        _("thang điểm của chỉ số"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    guidance = models.TextField(_("hướng dẫn chấm, minh chứng cần có"), blank=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.code}. {self.name}"

    @property
    def is_computed(self) -> bool:
        return self.source != self.Source.HUMAN

    def clean(self):
        if self.source == self.Source.EXTERNAL_INDEX and not self.index_scale:
            raise ValidationError({"index_scale": _("Chỉ số bên ngoài cần thang điểm.")})


class AdjustmentRule(models.Model):
    """A bonus or penalty the scheme foresees (khoản cộng, trừ điểm), with its reason and its
    points; the office applies it to a sheet as an Adjustment."""

    scheme = models.ForeignKey(
        EvaluationScheme, on_delete=models.CASCADE, related_name="adjustment_rules"
    )
    kind = models.CharField(
        _("loại"),
        max_length=10,
        choices=[("bonus", _("Điểm thưởng")), ("penalty", _("Điểm trừ"))],
    )
    points = models.DecimalField(_("số điểm"), max_digits=6, decimal_places=2)
    reason = models.CharField(_("lý do"), max_length=500)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("khoản cộng, trừ điểm")
        verbose_name_plural = _("khoản cộng, trừ điểm")
        ordering = ["kind", "order", "pk"]

    def __str__(self):
        return self.reason


class IndexValue(models.Model):
    """An external index's published value for a unit (PII, DTI …), imported from a table."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="index_values")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=4)
    source_name = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    imported_at = models.DateTimeField(_("nhập lúc"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["criterion", "unit"], name="one_index_value_per_unit")
        ]


class ScoreSheet(models.Model):
    """Phiếu chấm điểm of one unit on one scheme."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đơn vị đang tự chấm")
        SUBMITTED = "submitted", _("Đã gửi khối trưởng")
        CHECKED = "checked", _("Khối trưởng đã kiểm tra")
        REVIEWED = "reviewed", _("Cơ quan thường trực đã thẩm định")

    scheme = models.ForeignKey(EvaluationScheme, on_delete=models.CASCADE, related_name="sheets")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # ND 152 art. 4: on equal points a woman-led collective, or one with ≥ 70 % women, first.
    women_led = models.BooleanField(_("người đứng đầu là nữ hoặc có từ 70% nữ"), default=False)
    computed_at = models.DateTimeField(_("tính điểm lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu chấm điểm")
        verbose_name_plural = _("phiếu chấm điểm")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "unit"], name="one_sheet_per_unit")
        ]

    def __str__(self):
        return f"{self.scheme} — {self.unit}"


class Score(models.Model):
    """The points of one criterion on a sheet, layer by layer; `points` is the one that counts
    (the latest layer set: office, else block leader, else self, else computed)."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    computed = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    # What the computed points were read from: counts and the reports, targets and tasks
    # behind them ({"met": 3, "of": 4, "items": [{"kind": "target", "pk": 1, "label": …}]}).
    basis = models.JSONField(default=dict, blank=True)
    self_points = models.DecimalField(
        _("điểm tự chấm"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    evidence = models.TextField(_("minh chứng"), blank=True)
    evidence_link = models.URLField(_("đường dẫn minh chứng"), max_length=500, blank=True)
    block_points = models.DecimalField(
        _("điểm khối trưởng"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    block_reason = models.TextField(_("lý do điều chỉnh của khối trưởng"), blank=True)
    office_points = models.DecimalField(
        _("điểm thẩm định"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    office_reason = models.TextField(_("lý do điều chỉnh khi thẩm định"), blank=True)
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion")
        ]

    @property
    def basis_items(self) -> list[dict]:
        """The reports, targets, tasks or initiatives the computed points were read from. Read
        here, not as `basis.items` in a template: on a basis without that key (an external
        index's) the template would call dict.items() and list the basis's own pairs."""
        return self.basis.get("items", [])

    def settle(self) -> None:
        """Set `points` from the layers (the rule the sheet, the ranking and exports share)."""
        for layer in (self.office_points, self.block_points, self.self_points, self.computed):
            if layer is not None:
                self.points = layer
                return
        self.points = None


class Adjustment(models.Model):
    """A bonus or penalty line (điểm thưởng, điểm trừ) on a sheet, with its reason."""

    class Kind(models.TextChoices):
        BONUS = "bonus", _("Điểm thưởng")
        PENALTY = "penalty", _("Điểm trừ")

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="adjustments")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    points = models.DecimalField(_("số điểm"), max_digits=6, decimal_places=2)
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]


class ScoreChange(models.Model):
    """Every change of a score or a bonus/penalty line: who, when, which layer, from, to, why."""

    class Stage(models.TextChoices):
        COMPUTED = "computed", _("Tính từ số liệu")
        SELF = "self", _("Đơn vị tự chấm")
        BLOCK = "block", _("Khối trưởng điều chỉnh")
        OFFICE = "office", _("Cơ quan thường trực thẩm định")
        ADJUSTMENT = "adjustment", _("Điểm thưởng, điểm trừ")

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="changes")
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    stage = models.CharField(_("bước"), max_length=20, choices=Stage.choices)
    from_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    to_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "pk"]


class RankingVersion(models.Model):
    """Kết quả xếp hạng đã chốt: the scheme's ranking of every block at a cutoff. Never edited;
    a correction freezes version n + 1 and the page shows what changed from n."""

    scheme = models.ForeignKey(EvaluationScheme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("lần chốt"))
    cutoff = models.DateField(_("ngày chốt"))
    note = models.TextField(_("ghi chú, lý do chốt lại"), blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    frozen_at = models.DateTimeField(_("chốt lúc"))

    class Meta:
        ordering = ["scheme", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.scheme} — lần {self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("_allow_update", False):
            raise ValidationError(_("Kết quả xếp hạng đã chốt không được sửa."))
        super().save(*args, **kwargs)


class RankingEntry(models.Model):
    """One unit's place in its block in a frozen version, with the points of each criterion."""

    version = models.ForeignKey(RankingVersion, on_delete=models.CASCADE, related_name="entries")
    block = models.ForeignKey("org.EmulationBlock", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("thứ hạng"))
    total = models.DecimalField(_("tổng điểm"), max_digits=8, decimal_places=2)
    bonus = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(0))
    penalty = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(0))
    # {criterion id (str): points (str)}: JSON keeps the decimals exact as text.
    breakdown = models.JSONField(default=dict)
    tie_note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["block", "rank", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["version", "unit"], name="one_entry_per_unit")
        ]
