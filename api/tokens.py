"""Creating, revoking and checking API tokens, and the scope a token's calls act in.

A personal token acts as its person with the person's scope, read-only if it was made so. A
system token (an LGSP connector, a department's database) is bound to one unit: it reads that
unit's subtree as a leader would and, with write access, writes the figures of that subtree's
units as each unit's reporter would — through the same services, so the same rules hold.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import ApiToken, TokenAccess, TokenKind
from org.models import OrgUnit, Role
from org.scope import Grant, UserScope, user_scope

SECRET_PREFIX = "tds_"
# A token's last use is written at most this often: a bulk client calling every second must not
# turn every read into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once, never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_secret() -> tuple[str, str]:
    prefix = secrets.token_hex(4)
    return prefix, f"{SECRET_PREFIX}{prefix}_{secrets.token_urlsafe(30)}"


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Hãy đặt tên cho khóa để nhận ra nó sau này.")})
    if len(name) > 120:
        raise ValidationError({"name": _("Tên khóa dài tối đa 120 ký tự.")})
    return name


def _issue(**fields) -> IssuedToken:
    prefix, secret = _new_secret()
    token = ApiToken.objects.create(prefix=prefix, key_hash=hash_secret(secret), **fields)
    return IssuedToken(token=token, secret=secret)


@transaction.atomic
def token_create_personal(*, user, name: str, access: str) -> IssuedToken:
    """A person's own token; it can never do more than the person can."""
    if access not in TokenAccess.values:
        raise ValidationError({"access": _("Quyền không hợp lệ.")})
    return _issue(
        kind=TokenKind.PERSONAL, access=access, name=_clean_name(name), user=user, created_by=user
    )


@transaction.atomic
def token_create_system(*, scope: UserScope, user, unit: OrgUnit, name: str, access: str):
    """A system's token bound to a unit of the coordinator's subtree, with a service account of
    its own so that what it writes is recorded under its name."""
    if not scope.can_manage(unit):
        raise PermissionDenied(_("Chỉ cơ quan thường trực của đơn vị mới tạo được khóa hệ thống."))
    if access not in TokenAccess.values:
        raise ValidationError({"access": _("Quyền không hợp lệ.")})
    name = _clean_name(name)
    service = get_user_model().objects.create(
        username=f"api-{secrets.token_hex(6)}",
        first_name=name[:150],
        last_name=_("(hệ thống, {unit})").format(unit=unit.code)[:150],
        is_active=True,
    )
    service.set_unusable_password()
    service.save(update_fields=["password"])
    return _issue(
        kind=TokenKind.SYSTEM,
        access=access,
        name=name,
        user=service,
        unit=unit,
        created_by=user,
    )


def may_revoke(scope: UserScope, user, token: ApiToken) -> bool:
    if token.kind == TokenKind.PERSONAL:
        return token.user_id == user.pk
    return scope.can_manage(token.unit)


@transaction.atomic
def token_revoke(*, scope: UserScope, user, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not may_revoke(scope, user, token):
        raise PermissionDenied(_("Bạn không thu hồi được khóa này."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = user
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_authenticate(secret: str) -> ApiToken | None:
    """The live token whose secret this is, or None; its last use is noted."""
    if not secret or not secret.startswith(SECRET_PREFIX) or len(secret) > 120:
        return None
    token = (
        ApiToken.objects.live()
        .select_related("user", "unit")
        .filter(key_hash=hash_secret(secret))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _grant(role: str, unit: OrgUnit) -> Grant:
    return Grant(role=role, unit_id=unit.pk, unit_path=unit.path, unit_name=unit.name)


def read_scope(token: ApiToken) -> UserScope:
    """What the token's calls may read."""
    if token.kind == TokenKind.PERSONAL:
        return user_scope(token.user)
    return UserScope(user_id=token.user_id, grants=(_grant(Role.LEADER, token.unit),))


def write_scope(token: ApiToken, unit: OrgUnit) -> UserScope:
    """The scope in which the token writes `unit`'s figures: the person's own for a personal
    token; for a system token, the unit's reporter — only inside its own subtree."""
    if not token.may_write:
        raise PermissionDenied(_("Khóa này chỉ được đọc."))
    if token.kind == TokenKind.PERSONAL:
        return user_scope(token.user)
    if not unit.path.startswith(token.unit.path):
        raise PermissionDenied(_("Đơn vị này nằm ngoài phạm vi của khóa."))
    return UserScope(
        user_id=token.user_id,
        grants=(_grant(Role.REPORTER, unit), _grant(Role.LEADER, token.unit)),
    )
