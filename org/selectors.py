"""Reads of the organisation tree, always through a scope."""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from core.text import fold, search_terms
from org.models import (
    BlockMembership,
    EmulationBlock,
    Enterprise,
    Household,
    OrgUnit,
    _in_force_on_q,
)
from org.scope import MANAGE_ROLES, UserScope


def unit_list(*, scope: UserScope, query: str = "") -> QuerySet[OrgUnit]:
    units = scope.units().select_related("unit_type", "block").order_by("path")
    for word in search_terms(query):
        units = units.filter(search_text__contains=word)
    return units


# Block membership on a day. Every reader of "which block was this unit in on that day" comes
# here: a unit moved mid-year is ranked in the block it was in on the cutoff date.


def memberships_on(day: datetime.date) -> QuerySet[BlockMembership]:
    """Memberships in force on the day (both ends included, a blank end open)."""
    return BlockMembership.objects.filter(_in_force_on_q(day))


def in_block_on_q(block_id: int, day: datetime.date, prefix: str = "") -> Q:
    """Q matching units (reached through `prefix`) that belong to the block on the day, for
    lists that filter by block (the reports board, the heat map)."""
    lookup = f"{prefix}__pk__in" if prefix else "pk__in"
    return Q(**{lookup: memberships_on(day).filter(block_id=block_id).values("unit_id")})


def block_of(unit: OrgUnit, day: datetime.date) -> EmulationBlock | None:
    """The block the unit belongs to on the day, or None. Intervals of a unit never overlap
    (org/services.py), so there is at most one."""
    membership = memberships_on(day).filter(unit=unit).select_related("block").first()
    return membership.block if membership else None


def block_members(block: EmulationBlock, day: datetime.date) -> QuerySet[OrgUnit]:
    """The units ranked in the block on the day: members on that day that exist on that day
    (a unit merged away before it is not ranked)."""
    return OrgUnit.objects.active_on(day).filter(in_block_on_q(block.pk, day)).order_by("path")


def unit_block_ids_on(unit_ids, day: datetime.date) -> dict[int, int]:
    """{unit id: block id} on the day for many units in one query (units without a block are
    left out)."""
    return dict(
        memberships_on(day).filter(unit_id__in=list(unit_ids)).values_list("unit_id", "block_id")
    )


def block_history(unit: OrgUnit) -> list[BlockMembership]:
    """The unit's memberships, latest first, with who made each change and, as `moved_from`,
    the block it left then (None for the first)."""
    history = list(
        unit.block_memberships.select_related("block", "changed_by").order_by(
            F("valid_to").desc(nulls_first=True), F("valid_from").desc(nulls_last=True)
        )
    )
    for index, membership in enumerate(history):
        earlier = history[index + 1] if index + 1 < len(history) else None
        membership.moved_from = earlier.block if earlier else None
    return history


def managed_block_owners(scope: UserScope) -> list[OrgUnit]:
    """The units (a province) whose emulation blocks the user edits: a coordinator's role on
    the province or above. Nobody edits another province's blocks."""
    owners = OrgUnit.objects.filter(pk__in=EmulationBlock.objects.values("province_id")).order_by(
        "path"
    )
    return [owner for owner in owners if scope.can_manage(owner)]


def block_units_q(owners: list[OrgUnit]) -> Q:
    """Q matching the units that may belong to the owners' blocks: their subtrees, not the
    owners themselves."""
    query = Q(pk__in=[])
    for owner in owners:
        query |= Q(path__startswith=owner.path, depth__gt=owner.depth)
    return query


@dataclass
class BlockRow:
    block: EmulationBlock
    members: list[OrgUnit]


@dataclass
class BlockBoard:
    owner: OrgUnit
    day: datetime.date
    rows: list[BlockRow]
    without_block: list[OrgUnit]


def block_board(*, owner: OrgUnit, day: datetime.date) -> BlockBoard:
    """The owner's blocks with their members on the day, and its direct units that are in no
    block on that day; three queries whatever the number of blocks."""
    blocks = list(EmulationBlock.objects.filter(province=owner).order_by("order", "name"))
    members: dict[int, list[OrgUnit]] = {b.pk: [] for b in blocks}
    rows = (
        memberships_on(day)
        .filter(block__in=blocks, unit__in=OrgUnit.objects.active_on(day))
        .select_related("unit")
        .order_by("unit__path")
    )
    for membership in rows:
        members[membership.block_id].append(membership.unit)
    placed = {u.pk for us in members.values() for u in us}
    children = (
        OrgUnit.objects.active_on(day)
        .filter(path__startswith=owner.path, depth=owner.depth + 1)
        .order_by("path")
    )
    return BlockBoard(
        owner=owner,
        day=day,
        rows=[BlockRow(block=b, members=members[b.pk]) for b in blocks],
        without_block=[u for u in children if u.pk not in placed],
    )


# Households and enterprises: a coordinator manages those of the localities of its subtree.


def subject_places(scope: UserScope) -> QuerySet[OrgUnit]:
    """The localities (province, communes, villages) of the coordinator's subtree, in force
    today: where a household lives or an enterprise operates."""
    return (
        scope.units(MANAGE_ROLES)
        .active_on(timezone.localdate())
        .filter(unit_type__is_locality=True)
        .order_by("path")
    )


def household_list(
    *, scope: UserScope, query: str = "", unit_id: int | None = None
) -> QuerySet[Household]:
    households = Household.objects.filter(scope.unit_q("unit", MANAGE_ROLES)).select_related("unit")
    if unit_id:
        households = households.filter(unit_id=unit_id)
    for word in search_terms(query):
        households = households.filter(search_text__contains=word)
    return households.order_by("head_name", "pk")


def enterprise_list(
    *, scope: UserScope, query: str = "", unit_id: int | None = None
) -> QuerySet[Enterprise]:
    enterprises = Enterprise.objects.filter(scope.unit_q("unit", MANAGE_ROLES)).select_related(
        "unit"
    )
    if unit_id:
        enterprises = enterprises.filter(unit_id=unit_id)
    for word in search_terms(query):
        enterprises = enterprises.filter(search_text__contains=word)
    return enterprises.order_by("name", "pk")


def unit_subtree(unit: OrgUnit) -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(path__startswith=unit.path)


def units_match_names(*, names: list[str], within: OrgUnit) -> dict[str, OrgUnit | None]:
    """Match unit names as a plan writes them ("Văn phòng", "Phòng Quản lý doanh nghiệp") to
    units of `within`'s subtree. A name matches when its folded form equals a unit's folded name
    or short name, or is the unit's name without the parent's name appended. Names that match
    nothing, or more than one unit, stay unmatched: a person confirms them.
    """
    candidates = list(unit_subtree(within).only("id", "name", "short_name", "path"))
    index: dict[str, list[OrgUnit]] = {}
    for unit in candidates:
        keys = {fold(unit.name), fold(unit.short_name)}
        keys.update(fold(unit.name).split(" - ")[:1])
        for key in keys - {""}:
            index.setdefault(key, []).append(unit)
    result = {}
    for name in names:
        found = index.get(fold(name), []) or index.get(fold(_WITHOUT_ASIDE.sub("", name)), [])
        result[name] = found[0] if len(found) == 1 else None
    return result


# A part of the unit named in brackets after it ("Văn phòng (Bộ phận một cửa)", seed 001): the
# unit is the one responsible, when the whole name matches none.
_WITHOUT_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


# Nouns a plan uses for a kind of unit ("các phòng chuyên môn", "Các phòng, ban, trung tâm",
# "các xã, phường"), compared with diacritics kept: "ban" (a board) is not "bản" (a village).
_GROUP_NOUNS = (
    "tổ dân phố",
    "trung tâm",
    "thị trấn",
    "phòng",
    "ban",
    "sở",
    "xã",
    "phường",
    "thôn",
    "bản",
)
# Nouns that stand for every unit of the kinds named beside them ("các sở, ban, ngành").
_CATCH_ALL_NOUNS = ("ngành",)
# "các địa phương" are the communes and wards.
_NOUN_ALIASES = {"địa phương": ("xã", "phường", "thị trấn")}
_GOVERNMENT_PREFIXES = ("ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân ")


def _lower(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").lower().split())


def _head_noun(name: str) -> str | None:
    """ "Phòng Quản lý doanh nghiệp" -> "phòng", "UBND xã Bắc Hà" -> "xã"; "Văn phòng" -> None."""
    name = _lower(name)
    for prefix in _GOVERNMENT_PREFIXES:
        name = name.removeprefix(prefix)
    return next(
        (noun for noun in _GROUP_NOUNS if name == noun or name.startswith(noun + " ")), None
    )


def group_phrase_nouns(phrase: str) -> tuple[set[str], bool] | None:
    """The unit nouns of a group phrase and whether it names every unit of their kinds:
    "các phòng chuyên môn" -> ({"phòng"}, False); "các sở, ban, ngành" -> ({"sở", "ban"}, True).
    None when the phrase does not name units by kind ("Văn phòng", "các đơn vị liên quan")."""
    text = _lower(phrase).strip(" .;:")
    for lead in ("tất cả các ", "toàn bộ các ", "các "):
        if text.startswith(lead):
            text = text[len(lead) :]
            break
    else:
        return None
    nouns: set[str] = set()
    catch_all = False
    for piece in re.split(r",|;| và ", text):
        piece = piece.strip()
        if not piece:
            continue
        if piece in _CATCH_ALL_NOUNS:
            catch_all = True
        elif piece in _NOUN_ALIASES:
            nouns.update(_NOUN_ALIASES[piece])
        else:
            noun = next((n for n in _GROUP_NOUNS if piece == n or piece.startswith(n + " ")), None)
            if noun is None:
                return None  # "các đơn vị liên quan": too vague to stand for units
            nouns.add(noun)
    return (nouns, catch_all) if nouns else None


def units_denoted_by_group(*, phrase: str, issuer: OrgUnit) -> list[OrgUnit] | None:
    """The units a group phrase of `issuer`'s plan stands for, among the issuer's active
    subordinate units (seed 001 "các phòng chuyên môn", seed 003 "Các phòng, ban, trung tâm",
    seed 004 "các xã, phường").

    A unit is denoted when its name starts with one of the phrase's nouns ("Phòng Kế hoạch tổng
    hợp" is a phòng; "Văn phòng" and "Trung tâm Quản lý cửa khẩu" are not, seed 001 names them
    beside the group). A catch-all noun ("ngành" in "các sở, ban, ngành") adds every unit of the
    unit types so found. None when the phrase is not a group phrase.
    """
    parsed = group_phrase_nouns(phrase)
    if parsed is None:
        return None
    nouns, catch_all = parsed
    today = timezone.localdate()
    children = list(
        OrgUnit.objects.active_on(today)
        .filter(path__startswith=issuer.path, depth=issuer.depth + 1)
        .order_by("path")
    )
    denoted = [unit for unit in children if _head_noun(unit.name) in nouns]
    if catch_all:
        types = {unit.unit_type_id for unit in denoted}
        denoted = [unit for unit in children if unit in denoted or unit.unit_type_id in types]
    return denoted


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryRow:
    at: datetime.datetime
    user: object
    created: bool
    changes: list[Change]


def _text(value) -> str:
    return "" if value is None else str(value)


def subject_history(subject, *, limit: int = 20) -> list[HistoryRow]:
    """The latest versions of a household or an enterprise, each with who saved it and what
    changed from what to what; two queries (the versions, the places they name)."""
    records = list(subject.history.select_related("history_user")[: limit + 1])
    diffs = []
    unit_ids = set()
    for index, record in enumerate(records[:limit]):
        earlier = records[index + 1] if index + 1 < len(records) else None
        delta = record.diff_against(earlier) if earlier is not None else None
        changes = delta.changes if delta else []
        unit_ids.update(c.old for c in changes if c.field == "unit")
        unit_ids.update(c.new for c in changes if c.field == "unit")
        diffs.append((record, changes))
    names = dict(OrgUnit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    model = type(subject)
    rows = []
    for record, changes in diffs:
        shown = []
        for change in changes:
            field = model._meta.get_field(change.field)
            if change.field == "unit":
                old, new = names.get(change.old, ""), names.get(change.new, "")
            elif field.choices:
                labels = dict(field.flatchoices)
                old, new = labels.get(change.old, change.old), labels.get(change.new, change.new)
            else:
                old, new = change.old, change.new
            shown.append(
                Change(
                    str(field.verbose_name),
                    "" if old is None else str(old),
                    "" if new is None else str(new),
                )
            )
        rows.append(
            HistoryRow(
                at=record.history_date,
                user=record.history_user,
                created=record.history_type == "+",
                changes=shown,
            )
        )
    return rows
