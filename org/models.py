"""The organisation tree (đơn vị), emulation blocks, people and the roles they hold."""

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
    block = models.ForeignKey(
        "EmulationBlock",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("khối thi đua"),
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
