"""Reads of registrations, always through the user's scope (reporting.selectors.reports_visible_q:
heads, coordinators, leaders and the council read their subtree, a reporter their own unit)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from org.models import EmulationBlock, OrgUnit
from org.scope import MANAGE_ROLES, UserScope, get_in_scope_or_404
from plans.models import Plan
from registrations.models import Registration, RegistrationReminder, RegistrationRound
from reporting.selectors import reports_visible_q


def registration_in_scope(*, scope: UserScope, pk: int) -> Registration:
    queryset = Registration.objects.select_related("unit", "plan__issuer", "approved_by")
    return get_in_scope_or_404(queryset, reports_visible_q(scope), pk=pk)


def registration_list(*, scope: UserScope) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(reports_visible_q(scope))
        .select_related("unit", "plan__issuer")
        .order_by("-year", "unit__path")
    )


def plans_to_register(*, scope: UserScope) -> QuerySet[Plan]:
    """Plans a unit registers under: issued by its ancestors or itself, with targets."""
    return (
        Plan.objects.filter(scope.ancestor_q("issuer") | scope.unit_q("issuer"))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .filter(targets__isnull=False)
        .select_related("issuer")
        .distinct()
        .order_by("issuer__path", "-created_at")
    )


# --- Rounds ------------------------------------------------------------------------------------


def round_visible_q(scope: UserScope) -> Q:
    """Rounds of plans issued by the scope's units or their ancestors (addressed down to them):
    a unit of another province gets a 404."""
    if scope.is_superuser:
        return Q()
    return scope.unit_q("plan__issuer") | scope.ancestor_q("plan__issuer")


def round_in_scope(*, scope: UserScope, pk: int) -> RegistrationRound:
    queryset = RegistrationRound.objects.select_related("plan__issuer", "opened_by")
    return get_in_scope_or_404(queryset, round_visible_q(scope), pk=pk)


def round_list(*, scope: UserScope) -> QuerySet[RegistrationRound]:
    return (
        RegistrationRound.objects.filter(round_visible_q(scope))
        .select_related("plan__issuer")
        .order_by("-year", "plan__issuer__path", "pk")
    )


def plans_to_open_rounds(*, scope: UserScope) -> QuerySet[Plan]:
    """Plans whose issuer the user coordinates, with targets to register."""
    return (
        Plan.objects.filter(scope.unit_q("issuer", roles=MANAGE_ROLES))
        .exclude(status=Plan.Status.PLACEHOLDER)
        .filter(targets__isnull=False)
        .select_related("issuer")
        .distinct()
        .order_by("issuer__path", "-created_at")
    )


class Standing:
    """Where a unit stands in a round; `late` is told apart (RegistrationRound.is_late)."""

    MISSING = "missing"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    LABELS = {
        MISSING: gettext_lazy("Chưa đăng ký"),
        DRAFT: gettext_lazy("Đang soạn, chưa gửi"),
        SUBMITTED: gettext_lazy("Chờ thủ trưởng duyệt"),
        RETURNED: gettext_lazy("Bị trả lại"),
        APPROVED: gettext_lazy("Đã duyệt"),
    }
    ORDER = (MISSING, DRAFT, RETURNED, SUBMITTED, APPROVED)


@dataclass
class RoundRow:
    unit: OrgUnit
    registration: Registration | None
    standing: str
    late: bool
    reminded_at: datetime.datetime | None = None

    @property
    def label(self) -> str:
        return Standing.LABELS[self.standing]

    @property
    def to_remind(self) -> bool:
        """A unit without an approved registration; after the deadline only the late ones,
        which are the same units."""
        return self.standing != Standing.APPROVED


@dataclass
class BlockGroup:
    block: EmulationBlock | None
    rows: list[RoundRow] = field(default_factory=list)


@dataclass
class RoundBoard:
    round: RegistrationRound
    today: datetime.date
    groups: list[BlockGroup]
    counts: dict[str, int]
    late: int

    @property
    def rows(self) -> list[RoundRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def deadline_passed(self) -> bool:
        return self.today > self.round.deadline

    @property
    def summary(self) -> list[tuple[str, str, int]]:
        return [(key, Standing.LABELS[key], self.counts[key]) for key in Standing.ORDER]


def round_units(round_: RegistrationRound, today: datetime.date) -> QuerySet[OrgUnit]:
    """The units a round expects a registration from: the units in force under the plan's
    issuer that belong to one of the province's emulation blocks (seed 004: "21 Khối thi đua");
    under an issuer with no unit in a block (a commune, whose villages form no block), the units
    directly under it (xã Thống Nhất's round for its villages)."""
    issuer = round_.plan.issuer
    if issuer is None:
        return OrgUnit.objects.none()
    below = OrgUnit.objects.active_on(today).filter(path__startswith=issuer.path)
    in_blocks = below.filter(block__isnull=False)
    if in_blocks.exists():
        return in_blocks
    return below.filter(depth=issuer.depth + 1)


def round_board(
    *, scope: UserScope, round_: RegistrationRound, today: datetime.date | None = None
) -> RoundBoard:
    """Block by block, each expected unit the user may see (a unit sees only its own row, a
    coordinator their subtree) with its registration's standing, lateness and last reminder.
    Four queries, whatever the number of units."""
    today = today or timezone.localdate()
    units = list(
        round_units(round_, today)
        .filter(reports_visible_q(scope, prefix=""))
        .select_related("block")
        .order_by("block__order", "block__name", "path")
    )
    registrations = {
        r.unit_id: r
        for r in Registration.objects.filter(
            plan=round_.plan, year=round_.year, unit__in=[u.pk for u in units]
        )
    }
    reminded = dict(
        RegistrationReminder.objects.filter(round=round_, unit__in=[u.pk for u in units])
        .values_list("unit_id")
        .annotate(last=Max("sent_at"))
        .values_list("unit_id", "last")
    )
    groups: list[BlockGroup] = []
    counts = dict.fromkeys(Standing.ORDER, 0)
    late = 0
    for unit in units:
        registration = registrations.get(unit.pk)
        standing = Standing.MISSING if registration is None else registration.status
        row = RoundRow(
            unit=unit,
            registration=registration,
            standing=standing,
            late=round_.is_late(registration, today),
            reminded_at=reminded.get(unit.pk),
        )
        if not groups or groups[-1].block != unit.block:
            groups.append(BlockGroup(block=unit.block))
        groups[-1].rows.append(row)
        counts[standing] += 1
        late += row.late
    return RoundBoard(round=round_, today=today, groups=groups, counts=counts, late=late)
