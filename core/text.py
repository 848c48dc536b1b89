"""Text helpers shared by every app: diacritic-insensitive search keys."""

import unicodedata

# "đ" is a letter of its own, not "d" with a combining mark, so NFD alone leaves it.
_EXTRA_FOLDS = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case `text` without Vietnamese diacritics: "Chuyển đổi số" -> "chuyen doi so".

    Search compares folded strings, so it gives the same answer on SQLite and PostgreSQL
    (no `unaccent` extension, no collation tricks).
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def search_terms(query: str | None) -> list[str]:
    """Split a user's query into folded words; every word must match (AND)."""
    return fold(query).split()


def lower_first(text: str | None) -> str:
    """ "Quý IV/2026" -> "quý IV/2026": only the first letter, as a label is used mid-sentence
    ("báo cáo quý IV/2026"); lower() would give "quý iv/2026"."""
    if not text:
        return ""
    return text[:1].lower() + text[1:]
