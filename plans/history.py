"""What changed in a plan, target or task: who, when, and each field's old and new value.

django-simple-history keeps a row per save (a long text only in the row that changes it, see
core/history.py); this reads the rows of one record, newest first, and compares each field with
the row before, in memory. (Its `diff_against` skips the
fields a person does not type, such as a task's computed due date, which a reader still wants.)
The names a foreign key points to are read in one query per related model, so a page of history
costs a bounded number of queries whatever its length (plans/tests/test_history.py).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.history import fill_unchanged

# Written by the application itself, or only a counter: not what a person changed.
# A target's or task's plan is fixed at creation: the page is reached through it.
SKIPPED = {"id", "version", "created_at", "updated_at", "created_by", "search_text", "plan"}
EMPTY = (None, "", [], {})
SHOWN_CHARS = 400  # a longer text is shown cut; its length says how long it was
HISTORY_LIMIT = 50


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str
    changes: list[FieldChange] = field(default_factory=list)


def _kind(history_type: str) -> str:
    kinds = {"+": _("Tạo mới"), "~": _("Sửa"), "-": pgettext("history", "Xóa")}
    return kinds.get(history_type, history_type)


def _who(row) -> str:
    user = row.history_user
    if user is None:
        # Pages, background jobs and the plan import name their person (core/history.py);
        # what names nobody was written by an administrator's command (the demo data, a data
        # migration) or by a job nobody started.
        return _("Hệ thống (lệnh quản trị)")
    return user.get_full_name() or user.get_username()


def _fields(model) -> dict[str, models.Field]:
    """The model's fields the history keeps (not its excluded ones, not its counters)."""
    kept = {f.name for f in model.history.model._meta.concrete_fields}
    return {
        f.name: f
        for f in model._meta.concrete_fields
        if f.name in kept and f.name not in SKIPPED and not isinstance(f, models.AutoField)
    }


def _shown(field_: models.Field, value, names: dict) -> str:
    if value in EMPTY:
        return "—"
    if field_.is_relation:
        return names.get((field_.related_model, value), _("(đã xóa, mã %(id)s)") % {"id": value})
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, Decimal | float):
        number = Decimal(str(value)).normalize()  # 95,5 not 95,5000, as the plan's page shows
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return formats.number_format(number)
    if isinstance(value, date | datetime | int):
        return formats.localize(value)
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if len(text) > SHOWN_CHARS:
        return _("%(start)s… (%(length)s ký tự)") % {
            "start": text[:SHOWN_CHARS],
            "length": formats.number_format(len(text), force_grouping=True),
        }
    return text


def _related_names(model, rows) -> dict:
    """{(related model, pk): its name} for every key the rows point to, one query a model."""
    wanted: dict = {}
    for field_ in _fields(model).values():
        if field_.is_relation:
            ids = {getattr(row, field_.attname) for row in rows} - {None}
            wanted.setdefault(field_.related_model, set()).update(ids)
    names = {}
    for related, ids in wanted.items():
        if ids:
            for obj in related._default_manager.filter(pk__in=ids):
                names[(related, obj.pk)] = str(obj)
    return names


def record_history(record, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """The record's last `limit` saves, newest first, each with the fields it changed. The
    record is one the caller has already fetched through the person's scope."""
    model = type(record)
    rows = list(record.history.select_related("history_user").order_by("-history_id")[: limit + 1])
    fill_unchanged(rows)
    fields = _fields(model)
    names = _related_names(model, rows)
    entries = []
    for index, row in enumerate(rows[:limit]):
        entry = HistoryEntry(when=row.history_date, who=_who(row), kind=_kind(row.history_type))
        before = rows[index + 1] if index + 1 < len(rows) else None
        if before is None:
            if row.history_type != "+":
                entry.kind = _("Sửa (bản trước không còn lưu)")
            entry.changes = [
                FieldChange(
                    capfirst(f.verbose_name), "—", _shown(f, getattr(row, f.attname), names)
                )
                for f in fields.values()
                if getattr(row, f.attname) not in EMPTY
            ]
        else:
            for f in fields.values():
                old, new = getattr(before, f.attname), getattr(row, f.attname)
                if old != new:
                    entry.changes.append(
                        FieldChange(
                            capfirst(f.verbose_name), _shown(f, old, names), _shown(f, new, names)
                        )
                    )
        entries.append(entry)
    return entries
