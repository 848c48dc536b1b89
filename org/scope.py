"""A user's scope: the subtrees their roles cover. Every query of units' data goes through here.

A role granted on a unit holds for the unit and everything below it (seed 002: the commune sees its
villages; seed 004: the province sees all of its subtree). Nobody sees a sibling or another
province.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from org.models import OrgUnit, Role, RoleAssignment

MANAGE_ROLES = frozenset({Role.COORDINATOR})
# Roles that cover no subtree by themselves: a field lead sees its field's initiatives across the
# province (initiatives/access.py) and nothing else, not even its own unit's reports.
NO_SUBTREE_ROLES = frozenset({Role.FIELD_LEAD})


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int
    unit_path: str
    unit_name: str


@dataclass
class UserScope:
    user_id: int | None
    is_superuser: bool = False
    grants: tuple[Grant, ...] = field(default_factory=tuple)

    @property
    def primary(self) -> Grant | None:
        return self.grants[0] if self.grants else None

    @property
    def is_system(self) -> bool:
        """The application acting for itself (demo data, benchmarks, commands, tests' set-up):
        a superuser scope with no person behind it. A person who is a superuser (the catalogue
        admin) reads everything but holds no workflow power by it: reporting.permissions asks
        for grants (separation of duties, issue #13 Low 12)."""
        return self.is_superuser and self.user_id is None

    def granted(self) -> "UserScope":
        """The same person by their grants alone, without the superuser's reach."""
        return UserScope(user_id=self.user_id, grants=self.grants)

    @property
    def roles(self) -> set[str]:
        return {g.role for g in self.grants}

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or bool(self.roles.intersection(roles))

    def has_grant(self, *roles: str) -> bool:
        """One of the roles by a grant (the application itself passes): what a workflow asks,
        where `has_role` also lets the catalogue admin read."""
        return self.is_system or bool(self.roles.intersection(roles))

    def root_paths(self, roles: Iterable[str] | None = None) -> list[str]:
        wanted = set(roles) if roles is not None else set(Role.values) - NO_SUBTREE_ROLES
        paths = sorted({g.unit_path for g in self.grants if g.role in wanted})
        # Drop paths inside another root: one condition per independent subtree.
        return [p for p in paths if not any(p != o and p.startswith(o) for o in paths)]

    def unit_q(self, prefix: str = "", roles: Iterable[str] | None = None) -> Q:
        """Q matching rows whose unit (reached through `prefix`) is inside the scope."""
        if self.is_superuser:
            return Q()
        lookup = f"{prefix}__path__startswith" if prefix else "path__startswith"
        query = Q(pk__in=[])
        for path in self.root_paths(roles):
            query |= Q(**{lookup: path})
        return query

    def ancestor_q(self, prefix: str = "") -> Q:
        """Q matching the strict ancestors of the scope's roots (plans addressed down to us)."""
        if self.is_superuser:
            return Q()
        lookup = f"{prefix}__path__in" if prefix else "path__in"
        step = OrgUnit.steplen
        ancestors = {p[:i] for p in self.root_paths() for i in range(step, len(p), step)}
        return Q(**{lookup: sorted(ancestors)}) if ancestors else Q(pk__in=[])

    def units(self, roles: Iterable[str] | None = None) -> QuerySet[OrgUnit]:
        return OrgUnit.objects.filter(self.unit_q(roles=roles))

    def covers(self, unit: OrgUnit | None, roles: Iterable[str] | None = None) -> bool:
        if self.is_superuser:
            return True
        if unit is None:
            return False
        return any(unit.path.startswith(p) for p in self.root_paths(roles))

    def can_manage(self, unit: OrgUnit | None) -> bool:
        """Coordinators create and edit plans, targets and tasks of their subtree. By a grant
        only: the catalogue admin, a superuser person, reads everything but edits no unit's
        plans, schedules or lists unless a coordinator's role is granted to them (separation of
        duties, issue #13 Low 12); the application itself (`is_system`) passes."""
        if self.is_system:
            return True
        return self.granted().covers(unit, MANAGE_ROLES)


def scope_cache_key(user_id: int) -> str | None:
    """Where a user's grants are kept in the shared cache, under the tree's current stamp
    (a move of units changes every path, so it changes the stamp: org/signals.py)."""
    from django.core.cache import cache

    stamp = cache.get_or_set("scope:stamp", 1, None)
    return f"scope:{stamp}:{user_id}:{timezone.localdate().isoformat()}"


def user_scope(user) -> UserScope:
    """The user's scope, computed once per request (cached on the user object) and, with a
    shared cache (REDIS_URL), kept there until the user's roles or the tree change."""
    cached = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        scope = UserScope(user_id=None)
        user._thidua_scope = scope
        return scope
    key = None
    if settings.SCOPE_CACHE_SECONDS:
        from django.core.cache import cache

        key = scope_cache_key(user.pk)
        stored = cache.get(key)
        if stored is not None:
            user._thidua_scope = stored
            return stored
    scope = _scope_from_database(user)
    if key is not None:
        cache.set(key, scope, settings.SCOPE_CACHE_SECONDS)
    user._thidua_scope = scope
    return scope


def _scope_from_database(user) -> UserScope:
    today = timezone.localdate()
    # Plain tuples, not model instances: this runs on every request without a shared cache.
    assignments = (
        RoleAssignment.objects.valid_on(today)
        .filter(user=user)
        .order_by("pk")
        .values_list("role", "unit_id", "unit__path", "unit__name")
    )
    grants = tuple(
        Grant(role=role, unit_id=unit_id, unit_path=path, unit_name=name)
        for role, unit_id, path, name in assignments
    )
    return UserScope(user_id=user.pk, is_superuser=user.is_superuser, grants=grants)


def get_in_scope_or_404(queryset: QuerySet, scope_q: Q, *, distinct: bool = False, **lookup):
    """Fetch one object inside the scope; anything outside it is a 404, like a wrong id.

    `distinct=True` only when `scope_q` follows a many-valued relation: DISTINCT costs
    PostgreSQL more planning than the query itself on every page (bench/README.md)."""
    queryset = queryset.filter(scope_q)
    if distinct:
        queryset = queryset.distinct()
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
