"""Tokens that let a system or a person's script call /api/v1/ (issue #18).

A token is stored as the SHA-256 of its secret: the secret is shown once, when it is created, and
cannot be read back from the database. Every change an API call makes is recorded under the
token's user — the person for a personal token, a service account named after the token for a
system token — so it is attributable like a change made on a page.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TokenKind(models.TextChoices):
    PERSONAL = "personal", _("Cá nhân (thay mặt người tạo)")
    SYSTEM = "system", _("Hệ thống (gắn với một đơn vị)")


class TokenAccess(models.TextChoices):
    READ = "read", _("Chỉ đọc")
    WRITE = "write", _("Đọc và ghi số liệu")


class ApiTokenQuerySet(models.QuerySet):
    def live(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    kind = models.CharField(_("loại khóa"), max_length=10, choices=TokenKind.choices)
    access = models.CharField(_("quyền"), max_length=10, choices=TokenAccess.choices)
    name = models.CharField(_("tên gợi nhớ"), max_length=120)
    # Who the calls act as: the person (personal), or the token's own service account (system).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens"
    )
    # A system token reads the unit's subtree and, with WRITE, writes the figures of its units.
    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="api_tokens",
        verbose_name=_("đơn vị"),
    )
    prefix = models.CharField(_("tiền tố"), max_length=12, unique=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="personal", unit__isnull=True)
                | models.Q(kind="system", unit__isnull=False),
                name="api_token_system_has_unit",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None

    @property
    def may_write(self) -> bool:
        return self.access == TokenAccess.WRITE
