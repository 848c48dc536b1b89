"""Text helpers shared by every app: diacritic-insensitive search keys."""

import hashlib
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


# How a change of text is kept in an audit log (reporting.Event.changes). A short text is kept
# whole, before and after; a long one as the stretch that changed: an autosave every few seconds
# of a 30,000-character narrative must not copy it twice into every event (issue #13 Medium 5:
# four saves of a 20 MB text grew the database by 219 MB).
CHANGE_WHOLE_MAX_CHARS = 200
CHANGE_PIECE_MAX_CHARS = 1_000


def _piece(text: str) -> str | dict:
    if len(text) <= CHANGE_PIECE_MAX_CHARS:
        return text
    return {"length": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest()}


def text_change(old, new):
    """[old, new] for values that are not text or are short; for long text, what changed:
    {"at": where the two first differ, "removed": the old stretch, "added": the new one,
    "length": [old length, new length]}. The text around the stretch is the same in both, so
    the old text is the new one with `added` put back to `removed`; a stretch over
    CHANGE_PIECE_MAX_CHARS (a whole text replaced) is kept as its length and SHA-256."""
    if not isinstance(old, str) or not isinstance(new, str):
        return [old, new]
    if len(old) + len(new) <= CHANGE_WHOLE_MAX_CHARS:
        return [old, new]
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return {
        "at": start,
        "removed": _piece(old[start : len(old) - end]),
        "added": _piece(new[start : len(new) - end]),
        "length": [len(old), len(new)],
    }
