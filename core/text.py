"""Text helpers shared by every app: diacritic-insensitive search keys."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.formats import number_vi

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


# A query is typed into a search box: beyond these it is not a search but an attack on the
# database (2,000 one-letter words made SQLite refuse the query: "Expression tree is too large").
SEARCH_MAX_CHARS = 200
SEARCH_MAX_WORDS = 10


def search_terms(query: str | None) -> list[str]:
    """Split a user's query into folded words; every word must match (AND). Only the first
    SEARCH_MAX_CHARS characters and SEARCH_MAX_WORDS distinct words count."""
    words = list(dict.fromkeys(fold((query or "")[:SEARCH_MAX_CHARS]).split()))
    return words[:SEARCH_MAX_WORDS]


def lower_first(text: str | None) -> str:
    """ "Quý IV/2026" -> "quý IV/2026": only the first letter, as a label is used mid-sentence
    ("báo cáo quý IV/2026"); lower() would give "quý iv/2026"."""
    if not text:
        return ""
    return text[:1].lower() + text[1:]


# Every box a person types free text into (a narrative, a note, a reason, a title) holds at most
# this many characters: more than any real text and below Excel's 32,767 per cell, so what the
# web page takes an Excel file can carry, and no autosave copies megabytes into the event log.
TEXT_MAX_CHARS = 30_000


def text_too_long_message(length: int) -> str:
    return _("Nội dung dài %(n)s ký tự, quá giới hạn %(max)s ký tự.") % {
        "n": number_vi(length, 0),
        "max": number_vi(TEXT_MAX_CHARS, 0),
    }


def free_text(value, *, key: str) -> str:
    """What a person typed into a free-text box, stripped; longer than TEXT_MAX_CHARS is a
    ValidationError on `key`, so the page shows it next to that box and nothing is saved."""
    text = (value or "").strip()
    if len(text) > TEXT_MAX_CHARS:
        raise ValidationError({key: text_too_long_message(len(text))})
    return text
