"""The organisation tree (đơn vị), emulation blocks and who belongs to them on a day, people,
households and enterprises (the subjects an emulation movement honours), and roles."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from core.models import SearchableModel


class UnitType(models.Model):
    """Loại đơn vị: tỉnh, sở/ban/ngành, UBND xã/phường, phòng, thôn, doanh nghiệp (reference)."""

    code = models.SlugField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    # Depth it usually sits at; used to pick which children must issue an implementing plan.
    level = models.PositiveSmallIntegerField(_("cấp"), default=1)
    issues_plans = models.BooleanField(
        _("ban hành kế hoạch"),
        default=True,
        help_text=_("Đơn vị loại này phải ban hành kế hoạch triển khai kế hoạch cấp trên."),
    )
    # Seed 002 §V.1c, seed 004 §V.2g: households live in a commune or a village, enterprises
    # operate in a commune or the province; a department or an office is no place of residence.
    is_locality = models.BooleanField(
        _("địa bàn dân cư"),
        default=False,
        help_text=_(
            "Hộ gia đình, doanh nghiệp, hợp tác xã có thể gắn với đơn vị loại này "
            "(tỉnh, xã/phường, thôn/bản/tổ dân phố)."
        ),
    )

    class Meta:
        verbose_name = _("loại đơn vị")
        verbose_name_plural = _("loại đơn vị")
        ordering = ["level", "name"]

    def __str__(self):
        return self.name


def _in_force_on_q(day) -> Q:
    """Rows whose [valid_from, valid_to] covers the day, both ends included, a blank end open:
    the one place the validity window of a unit or a role is read in queries."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


class OrgUnitQuerySet(MP_NodeQuerySet):
    def active_on(self, day) -> "OrgUnitQuerySet":
        """Units in force on the day; the query form of `OrgUnit.is_active_on`."""
        return self.filter(_in_force_on_q(day))


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):
    def get_queryset(self):
        # treebeard's manager builds its own queryset class; keep its ordering, add ours.
        return OrgUnitQuerySet(self.model, using=self._db).order_by("path")


class OrgUnit(MP_Node, SearchableModel):
    """Đơn vị: a node of the tree province → department/board/commune → office/village.

    Units are never deleted: a unit merged in the 2025 reorganisation gets `valid_to` and
    `merged_into`, so its plans and reports keep their history.
    """

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    unit_type = models.ForeignKey(
        UnitType, on_delete=models.PROTECT, related_name="units", verbose_name=_("loại đơn vị")
    )
    # The block the unit belongs to today, kept equal to `block_of(unit, today)` by
    # `block_membership_move` (org/services.py), its only writer. A reader of the block on
    # another day (a ranking's cutoff) calls org.selectors.block_of / block_members.
    block = models.ForeignKey(
        "EmulationBlock",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("khối thi đua hiện tại"),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_units",
        verbose_name=_("sáp nhập vào"),
    )
    history = HistoricalRecords(excluded_fields=["path", "depth", "numchild"])

    objects = OrgUnitManager()

    search_fields = ("name", "short_name", "code")
    node_order_by = None

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu.")})
        if self.merged_into_id and not self.valid_to:
            raise ValidationError({"valid_to": _("Đơn vị đã sáp nhập phải có ngày hết hiệu lực.")})
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("Đơn vị không thể sáp nhập vào chính nó.")})

    def is_active_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def is_active(self) -> bool:
        return self.is_active_on(timezone.localdate())

    def ancestor_paths(self) -> list[str]:
        """Paths of every ancestor, root first, computed from the path without a query."""
        step = self.steplen
        return [self.path[:i] for i in range(step, len(self.path), step)]


class EmulationBlock(models.Model):
    """Khối thi đua: the group a unit is ranked in (Lào Cai has 21)."""

    province = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="emulation_blocks", verbose_name=_("tỉnh")
    )
    code = models.CharField(_("mã khối"), max_length=40)
    name = models.CharField(_("tên khối"), max_length=255)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("khối thi đua")
        verbose_name_plural = _("khối thi đua")
        ordering = ["province", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "code"], name="block_code_unique_in_province"
            )
        ]

    def __str__(self):
        return self.name


class BlockMembership(models.Model):
    """Thành viên khối thi đua: the unit belongs to the block from `valid_from` to `valid_to`, both
    days included; a blank start is "since always", a blank end "until now". A unit's intervals
    never overlap: a move closes the open one the day before the new one opens, in one
    transaction (org/services.py `block_membership_move`). Rows are never edited by hand: they
    are the history a ranking at a past cutoff reads."""

    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="block_memberships",
        verbose_name=_("đơn vị"),
    )
    block = models.ForeignKey(
        EmulationBlock,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("khối thi đua"),
    )
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thay đổi"),
    )
    changed_at = models.DateTimeField(_("thời điểm thay đổi"), auto_now_add=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("thành viên khối thi đua")
        verbose_name_plural = _("thành viên khối thi đua")
        ordering = ["unit", "valid_from"]
        constraints = [
            # At most one open interval per unit: the current block is never ambiguous.
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(valid_to__isnull=True),
                name="block_membership_one_open_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="block_membership_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["block", "valid_from"], name="block_membership_block_idx")]

    def __str__(self):
        return f"{self.unit} — {self.block}"

    def covers(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class Person(SearchableModel):
    """Cá nhân: an officer or worker of a unit; may be linked to a login."""

    class Gender(models.TextChoices):
        FEMALE = "F", _("Nữ")
        MALE = "M", _("Nam")

    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="people", verbose_name=_("đơn vị")
    )
    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("tài khoản"),
    )
    history = HistoricalRecords()

    search_fields = ("full_name", "position")

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Cơ quan thường trực")
    REPORTER = "reporter", _("Cán bộ đầu mối")
    HEAD = "head", _("Thủ trưởng đơn vị")
    COUNCIL = "council", _("Thành viên Hội đồng TĐKT")
    LEADER = "leader", _("Lãnh đạo")
    # Khối trưởng: granted on the unit that leads an emulation block; it checks and adjusts
    # the self-scores of that block's units (evaluation/access.py), nothing more.
    BLOCK_LEADER = "block_leader", _("Khối trưởng")
    # Cơ quan chủ trì lĩnh vực: granted on the department that leads a field (Sở KH&CN, Sở
    # NN&MT); it sees that field's initiatives province-wide (initiatives/access.py), nothing more.
    FIELD_LEAD = "field_lead", _("Cơ quan chủ trì lĩnh vực")


class RoleAssignmentQuerySet(models.QuerySet):
    def valid_on(self, day) -> "RoleAssignmentQuerySet":
        """Assignments in force on the day (both ends included, a blank end open)."""
        return self.filter(_in_force_on_q(day))


class RoleAssignment(models.Model):
    """A role granted on a unit; it holds for the unit's whole subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("tài khoản"),
    )
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="role_assignments", verbose_name=_("đơn vị")
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    history = HistoricalRecords()

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="role_unique_per_unit")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


def validate_tax_code(value: str) -> None:
    """Mã số thuế: 10 digits, or 10 digits, a hyphen and 3 digits for a branch."""
    if value and not re.fullmatch(r"[0-9]{10}(-[0-9]{3})?", value):
        raise ValidationError(
            _("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số (chi nhánh)."),
            code="tax_code",
        )


def validate_locality(unit: "OrgUnit | None") -> None:
    """Households and enterprises attach to a locality (a unit type marked `is_locality`)."""
    if unit is not None and not unit.unit_type.is_locality:
        raise ValidationError(
            {"unit": _("Chỉ gắn với tỉnh, xã/phường hoặc thôn/bản/tổ dân phố.")}, code="locality"
        )


class Household(SearchableModel):
    """Hộ gia đình, nông dân, người lao động (seed 002 §V.1c): a subject of the commune's emulation,
    attached to the commune or one of its villages."""

    class Kind(models.TextChoices):
        HOUSEHOLD = "household", _("Hộ gia đình")
        FARMER = "farmer", _("Nông dân")
        WORKER = "worker", _("Người lao động")

    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="households",
        verbose_name=_("xã hoặc thôn"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.HOUSEHOLD)
    head_name = models.CharField(_("họ và tên chủ hộ"), max_length=120)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    members_count = models.PositiveSmallIntegerField(_("số nhân khẩu"), null=True, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    history = HistoricalRecords()

    search_fields = ("head_name", "address")

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        ordering = ["head_name", "pk"]

    def __str__(self):
        return self.head_name

    def clean(self):
        validate_locality(self.unit if self.unit_id else None)


class Enterprise(SearchableModel):
    """Doanh nghiệp, hợp tác xã, cơ sở sản xuất kinh doanh (seed 004 §V.2g): makes its own plan to
    take part, attached to the commune or the province where it operates."""

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        BUSINESS = "business", _("Cơ sở sản xuất, kinh doanh")

    unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="enterprises",
        verbose_name=_("địa bàn hoạt động"),
    )
    kind = models.CharField(
        _("loại hình"), max_length=20, choices=Kind.choices, default=Kind.ENTERPRISE
    )
    name = models.CharField(_("tên"), max_length=255)
    tax_code = models.CharField(
        _("mã số thuế"), max_length=14, blank=True, validators=[validate_tax_code]
    )
    representative = models.CharField(_("người đại diện"), max_length=120, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    history = HistoricalRecords()

    search_fields = ("name", "representative", "address", "tax_code")

    class Meta:
        verbose_name = _("doanh nghiệp, hợp tác xã")
        verbose_name_plural = _("doanh nghiệp, hợp tác xã")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["tax_code"],
                condition=~Q(tax_code=""),
                name="enterprise_tax_code_unique",
                violation_error_message=_("Mã số thuế này đã có trong danh sách."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        validate_locality(self.unit if self.unit_id else None)
        # The constraint below is the guarantee; this says it next to the field.
        if (
            self.tax_code
            and Enterprise.objects.filter(tax_code=self.tax_code).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"tax_code": _("Mã số thuế này đã có trong danh sách.")}, code="unique"
            )
