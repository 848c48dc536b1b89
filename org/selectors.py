"""Reads of the organisation tree, always through a scope."""

import re
import unicodedata

from django.db.models import QuerySet
from django.utils import timezone

from core.text import fold, search_terms
from org.models import OrgUnit
from org.scope import UserScope


def unit_list(*, scope: UserScope, query: str = "") -> QuerySet[OrgUnit]:
    units = scope.units().select_related("unit_type", "block").order_by("path")
    for word in search_terms(query):
        units = units.filter(search_text__contains=word)
    return units


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
        found = index.get(fold(name), [])
        result[name] = found[0] if len(found) == 1 else None
    return result


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
