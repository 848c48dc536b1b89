"""Khen thưởng: the award catalogue (forms, kinds, prize multiples, base salary), the award
registry, matters that hold a proposal back, and the eligibility thresholds of a province.

Everything a law or a province may change is a row an office edits in the admin (LAW.md: keep
thresholds and multiples as data), not a constant in code.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import SearchableModel
from core.text import fold


def percent_field(label, *, default: str) -> models.DecimalField:
    """A percentage set by the province: 0 to 100, two decimals."""
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )


class SubjectType(models.TextChoices):
    """Who may receive an award (Luật TĐKT; seed 002 §V.1c; seed 004 §V.2g)."""

    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")
    HOUSEHOLD = "household", _("Hộ gia đình")
    ENTERPRISE = "enterprise", _("Doanh nghiệp, hợp tác xã")


class AwardKind(models.Model):
    """Loại hình khen thưởng (Law art. 8): hằng năm, theo đợt/chuyên đề, đột xuất, tổng kết."""

    code = models.SlugField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    # ND 152 art. 4: an đột xuất or chuyên đề award is no basis for a later công trạng proposal.
    counts_toward_merit = models.BooleanField(
        _("tính làm căn cứ đề nghị khen thưởng công trạng"),
        default=True,
        help_text=_("Bỏ chọn với khen thưởng đột xuất, theo đợt/chuyên đề (NĐ 152/2025, điều 4)."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("loại hình khen thưởng")
        verbose_name_plural = _("loại hình khen thưởng")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class AwardForm(models.Model):
    """Hình thức khen thưởng or danh hiệu thi đua: who decides it, who may receive it, the vote it
    needs and the prize it carries, in multiples of the base salary (ND 152 art. 50, 54)."""

    class Category(models.TextChoices):
        FLAG = "flag", _("Cờ thi đua")
        MERIT = "merit", _("Bằng khen")
        CERTIFICATE = "certificate", _("Giấy khen")
        TITLE = "title", _("Danh hiệu thi đua")

    class Level(models.TextChoices):
        CENTRAL = "central", _("Trung ương (đề nghị cấp trên)")
        PROVINCE = "province", _("Cấp tỉnh")
        COMMUNE = "commune", _("Cấp xã")
        UNIT = "unit", _("Cơ quan, đơn vị")

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    category = models.CharField(_("nhóm"), max_length=20, choices=Category.choices)
    level = models.CharField(_("cấp khen thưởng"), max_length=20, choices=Level.choices)
    decider = models.CharField(
        _("người quyết định"),
        max_length=200,
        help_text=_("Ví dụ: Chủ tịch UBND tỉnh; Thủ trưởng cơ quan, đơn vị; Trưởng ban."),
    )
    decider_unit_types = models.ManyToManyField(
        "org.UnitType",
        blank=True,
        related_name="+",
        verbose_name=_("loại đơn vị có thẩm quyền quyết định"),
        help_text=_("Để trống với hình thức do cấp trên quyết định."),
    )
    proposal_to_higher_level = models.BooleanField(
        _("đề nghị cấp trên khen thưởng"),
        default=False,
        help_text=_("Cấp tỉnh chỉ lập tờ trình đề nghị (ví dụ Bằng khen của Thủ tướng)."),
    )
    kinds = models.ManyToManyField(
        AwardKind, related_name="forms", verbose_name=_("loại hình khen thưởng áp dụng")
    )
    for_collective = models.BooleanField(_("tặng tập thể"), default=False)
    for_individual = models.BooleanField(_("tặng cá nhân"), default=False)
    for_household = models.BooleanField(_("tặng hộ gia đình"), default=False)
    for_enterprise = models.BooleanField(_("tặng doanh nghiệp, hợp tác xã"), default=False)
    # The council vote (LAW.md, ND 98/2023 art. 30): ≥ 90 % for Chiến sĩ thi đua cấp tỉnh,
    # ≥ 80 % for Chiến sĩ thi đua cơ sở and Cờ thi đua, more than half otherwise.
    vote_threshold_percent = percent_field(
        _("tỷ lệ phiếu đồng ý (% tổng số thành viên Hội đồng)"), default="50"
    )
    vote_threshold_inclusive = models.BooleanField(
        _("tính cả bằng ngưỡng"),
        default=False,
        help_text=_("Chọn: từ ngưỡng trở lên (≥); bỏ chọn: trên ngưỡng (>), như “quá bán”."),
    )
    collective_multiple = models.DecimalField(
        _("tiền thưởng tập thể (lần lương cơ sở)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    individual_multiple = models.DecimalField(
        _("tiền thưởng cá nhân (lần lương cơ sở)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    household_multiple = models.DecimalField(
        _("tiền thưởng hộ gia đình (lần lương cơ sở)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("NĐ 152/2025: hộ gia đình được 1,5 lần mức của cá nhân."),
    )
    # The title chain (LAW.md): Chiến sĩ thi đua cơ sở needs Lao động tiên tiến; cấp tỉnh needs
    # 3 consecutive Chiến sĩ thi đua cơ sở. Read from the registry by awards/eligibility.py.
    requires_form = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("điều kiện: đã đạt danh hiệu"),
    )
    requires_consecutive_years = models.PositiveSmallIntegerField(
        _("số năm liên tục đạt danh hiệu điều kiện (tính cả năm xét)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )

    class MembersRule(models.TextChoices):
        NONE = "", _("Không")
        ADVANCED = "advanced", _("Như Tập thể lao động tiên tiến")
        EXCELLENT = "excellent", _("Như Tập thể lao động xuất sắc")

    members_rule = models.CharField(
        _("điều kiện tỷ lệ cá nhân đạt Lao động tiên tiến"),
        max_length=20,
        choices=MembersRule.choices,
        blank=True,
        default="",
        help_text=_("Tỷ lệ tối thiểu đặt ở Chính sách xét điều kiện của tỉnh."),
    )
    members_need_emulation_fighter = models.BooleanField(
        _("có ít nhất một cá nhân đạt Chiến sĩ thi đua cơ sở"), default=False
    )
    members_no_warning_or_above = models.BooleanField(
        _("không có cá nhân bị kỷ luật từ cảnh cáo trở lên"), default=False
    )
    one_per_block_per_year = models.BooleanField(
        _("mỗi khối thi đua một đơn vị mỗi năm"),
        default=False,
        help_text=_("Cờ thi đua của UBND tỉnh: đơn vị dẫn đầu khối."),
    )
    source = models.TextField(
        _("căn cứ"), blank=True, help_text=_("Văn bản quy định; ghi rõ điều chưa xác nhận.")
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords(excluded_fields=["order"])

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức, danh hiệu khen thưởng")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.requires_form_id and self.requires_form_id == self.pk:
            raise ValidationError(
                {"requires_form": _("Danh hiệu không thể là điều kiện của chính nó.")}
            )

    def accepts(self, subject_type: str) -> bool:
        return {
            SubjectType.COLLECTIVE: self.for_collective,
            SubjectType.INDIVIDUAL: self.for_individual,
            SubjectType.HOUSEHOLD: self.for_household,
            SubjectType.ENTERPRISE: self.for_enterprise,
        }.get(subject_type, False)

    @property
    def subject_types(self) -> list[str]:
        return [label for value, label in SubjectType.choices if self.accepts(value)]


class BaseSalary(models.Model):
    """Lương cơ sở in force between two dates; prize money is a multiple of it."""

    amount = models.DecimalField(_("mức lương cơ sở (đồng/tháng)"), max_digits=12, decimal_places=0)
    valid_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.amount} ({self.valid_from:%d/%m/%Y})"

    def clean(self):
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": _("Mức lương cơ sở phải lớn hơn 0.")})
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết áp dụng phải sau ngày bắt đầu.")})
        if self.valid_from:
            overlapping = BaseSalary.objects.exclude(pk=self.pk).filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
            )
            if self.valid_to:
                overlapping = overlapping.filter(valid_from__lte=self.valid_to)
            if overlapping.exists():
                raise ValidationError(
                    {"valid_from": _("Khoảng thời gian trùng với một mức lương cơ sở khác.")}
                )


class EligibilityPolicy(models.Model):
    """Ngưỡng xét điều kiện of a province: the numbers the eligibility rules read."""

    province = models.OneToOneField(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        related_name="eligibility_policy",
        verbose_name=_("tỉnh"),
    )
    # Seed 001 Nhóm 1 NV2, seeds 002 and 004: late or wrong reports mean "not considered".
    max_late_reports = models.PositiveSmallIntegerField(
        _("số báo cáo nộp trễ hoặc chưa nộp tối đa trong năm"), default=0
    )
    max_returned_reports = models.PositiveSmallIntegerField(
        _("số báo cáo bị trả lại (sai) tối đa trong năm"), default=0
    )
    advanced_collective_min_percent = percent_field(
        _("Tập thể lao động tiên tiến: tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến (%)"),
        default="70",
    )
    excellent_collective_min_percent = percent_field(
        _("Tập thể lao động xuất sắc: tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến (%)"),
        default="70",
    )
    one_flag_per_block = models.BooleanField(
        _("mỗi khối thi đua chỉ một Cờ thi đua mỗi năm"), default=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chính sách xét điều kiện khen thưởng")
        verbose_name_plural = _("chính sách xét điều kiện khen thưởng")

    def __str__(self):
        return str(self.province)


class ClassificationLevel(models.TextChoices):
    """Mức xếp loại cuối năm (seed 001 Nhóm 1 NV2, seed 004 §V.1a), best first."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    DONE = "done", _("Hoàn thành nhiệm vụ")
    NOT_DONE = "not_done", _("Không hoàn thành nhiệm vụ")


class ClassificationPolicy(models.Model):
    """Ngưỡng xếp loại of a province: the share of the scheme's maximum points each level needs
    and the highest level a unit with late, missing or wrong reports may get. The defaults are
    the product's choice (no text fixes them): 90 / 70 / 50 %, and reporting faults cap a unit
    at Hoàn thành tốt nhiệm vụ (seed 001 Nhóm 1 NV2 ties reporting to the yearly rating)."""

    province = models.OneToOneField(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        related_name="classification_policy",
        verbose_name=_("tỉnh"),
    )
    excellent_min_percent = percent_field(
        _("Hoàn thành xuất sắc: từ (% điểm tối đa)"), default="90"
    )
    good_min_percent = percent_field(_("Hoàn thành tốt: từ (% điểm tối đa)"), default="70")
    done_min_percent = percent_field(_("Hoàn thành: từ (% điểm tối đa)"), default="50")
    reports_fault_cap = models.CharField(
        _("mức cao nhất khi báo cáo trễ, thiếu hoặc sai quá mức cho phép"),
        max_length=20,
        choices=ClassificationLevel.choices,
        default=ClassificationLevel.GOOD,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ngưỡng xếp loại")
        verbose_name_plural = _("ngưỡng xếp loại")

    def __str__(self):
        return str(self.province)


SUBJECT_FIELDS = ("subject_unit", "person", "household", "enterprise")


def one_of_four_subjects_q() -> Q:
    """Exactly one subject among a collective, a person, a household and an enterprise."""
    either = Q(pk__in=[])
    for field in SUBJECT_FIELDS:
        each = Q(**{f"{field}__isnull": False})
        for other in SUBJECT_FIELDS:
            if other != field:
                each &= Q(**{f"{other}__isnull": True})
        either |= each
    return either


class AwardRecord(SearchableModel):
    """Sổ khen thưởng: one award a unit or a person received (decided here or recorded from a
    paper decision), the source the title chains read from."""

    subject_type = models.CharField(
        _("đối tượng"), max_length=20, choices=SubjectType.choices, editable=False
    )
    subject_unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_records",
        verbose_name=_("tập thể"),
    )
    person = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_records",
        verbose_name=_("cá nhân"),
    )
    household = models.ForeignKey(
        "org.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_records",
        verbose_name=_("hộ gia đình"),
    )
    enterprise = models.ForeignKey(
        "org.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_records",
        verbose_name=_("doanh nghiệp, hợp tác xã"),
    )
    # The unit in whose subtree the record is kept and read (scope): the collective itself, the
    # person's unit when it was recorded.
    owner_unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("đơn vị quản lý"),
    )
    subject_name = models.CharField(_("tên đối tượng khi khen thưởng"), max_length=255, blank=True)
    form = models.ForeignKey(
        AwardForm, on_delete=models.PROTECT, related_name="records", verbose_name=_("hình thức")
    )
    kind = models.ForeignKey(
        AwardKind, on_delete=models.PROTECT, related_name="records", verbose_name=_("loại hình")
    )
    year = models.PositiveSmallIntegerField(
        _("năm thành tích"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    movement = models.ForeignKey(
        "movements.Movement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phong trào thi đua"),
    )
    achievement = models.TextField(_("thành tích"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("khen thưởng đã nhận")
        verbose_name_plural = _("sổ khen thưởng")
        ordering = ["-year", "-decision_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=one_of_four_subjects_q(), name="award_record_one_of_four_subjects"
            ),
        ]
        indexes = [models.Index(fields=["form", "year"])]

    def __str__(self):
        return f"{self.form} {self.year} — {self.subject_name}"

    @property
    def subject(self):
        return self.subject_unit or self.person or self.household or self.enterprise

    def _subject_count(self) -> int:
        return sum(getattr(self, f"{f}_id") is not None for f in SUBJECT_FIELDS)

    def clean(self):
        if self._subject_count() != 1:
            raise ValidationError(_("Chọn đúng một đối tượng: một tập thể hoặc một cá nhân."))
        if self.form_id and not self.form.accepts(self._derived_subject_type()):
            raise ValidationError(
                {"form": _("Hình thức này không tặng cho loại đối tượng đã chọn.")}
            )
        if self.decision_date and self.year and self.decision_date.year < self.year:
            raise ValidationError(
                {"decision_date": _("Ngày quyết định không thể trước năm thành tích.")}
            )

    def _derived_subject_type(self) -> str:
        if self.household_id:
            return SubjectType.HOUSEHOLD
        if self.enterprise_id:
            return SubjectType.ENTERPRISE
        return SubjectType.COLLECTIVE if self.subject_unit_id else SubjectType.INDIVIDUAL

    def save(self, *args, **kwargs):
        self.subject_type = self._derived_subject_type()
        if self.subject_unit_id:
            self.owner_unit_id = self.subject_unit_id
            self.subject_name = self.subject_name or self.subject_unit.name
        elif self.person_id:
            if not self.owner_unit_id:
                self.owner_unit_id = self.person.unit_id
            self.subject_name = self.subject_name or self.person.full_name
        elif self.household_id:
            # A household or an enterprise is kept by the locality it is attached to.
            self.owner_unit_id = self.owner_unit_id or self.household.unit_id
            self.subject_name = self.subject_name or self.household.head_name
        elif self.enterprise_id:
            self.owner_unit_id = self.owner_unit_id or self.enterprise.unit_id
            self.subject_name = self.subject_name or self.enterprise.name
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        return fold(" ".join([self.subject_name, self.decision_number, self.signer]))


class PendingMatter(models.Model):
    """Kỷ luật, thanh tra, kiểm tra, khiếu nại, tố cáo concerning a subject: while open, the subject
    is not proposed (ND 152 art. 4); a settled discipline keeps its level (a collective with a
    member disciplined at cảnh cáo or above is not Tập thể lao động tiên tiến)."""

    class Kind(models.TextChoices):
        DISCIPLINE = "discipline", _("Xem xét kỷ luật")
        INSPECTION = "inspection", _("Thanh tra, kiểm tra")
        COMPLAINT = "complaint", _("Khiếu nại, tố cáo")

    class Outcome(models.IntegerChoices):
        # Ordered by severity: the rules compare with WARNING.
        NONE = 0, _("Không kỷ luật")
        REPRIMAND = 10, _("Khiển trách")
        WARNING = 20, _("Cảnh cáo")
        DEMOTION = 30, _("Hạ bậc lương, giáng chức, cách chức")
        DISMISSAL = 40, _("Buộc thôi việc")

    subject_unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pending_matters",
        verbose_name=_("tập thể"),
    )
    person = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pending_matters",
        verbose_name=_("cá nhân"),
    )
    # ND 152 art. 4 holds for every subject: a household or an enterprise under inspection or
    # complaint waits too.
    household = models.ForeignKey(
        "org.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pending_matters",
        verbose_name=_("hộ gia đình"),
    )
    enterprise = models.ForeignKey(
        "org.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pending_matters",
        verbose_name=_("doanh nghiệp, hợp tác xã"),
    )
    owner_unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("đơn vị quản lý"),
    )
    kind = models.CharField(_("loại việc"), max_length=20, choices=Kind.choices)
    description = models.CharField(_("nội dung"), max_length=500)
    opened_on = models.DateField(_("ngày bắt đầu"))
    settled_on = models.DateField(_("ngày giải quyết xong"), null=True, blank=True)
    outcome = models.PositiveSmallIntegerField(
        _("kết quả kỷ luật"), choices=Outcome.choices, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vụ việc chưa giải quyết")
        verbose_name_plural = _("kỷ luật, thanh tra, khiếu nại")
        ordering = ["-opened_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=one_of_four_subjects_q(), name="pending_matter_one_of_four_subjects"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}"

    def save(self, *args, **kwargs):
        if not self.owner_unit_id:
            subject = self.person or self.household or self.enterprise
            self.owner_unit_id = self.subject_unit_id or subject.unit_id
        super().save(*args, **kwargs)

    def clean(self):
        given = [f for f in SUBJECT_FIELDS if getattr(self, f"{f}_id") is not None]
        if len(given) != 1:
            raise ValidationError(_("Chọn đúng một đối tượng."))
        if self.settled_on and self.opened_on and self.settled_on < self.opened_on:
            raise ValidationError({"settled_on": _("Ngày giải quyết xong phải sau ngày bắt đầu.")})

    def is_open_on(self, day) -> bool:
        return self.opened_on <= day and (self.settled_on is None or self.settled_on > day)
