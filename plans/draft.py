"""The plan-import draft as typed parts, read once where it enters (`PlanDraft.from_dict`).

A draft is JSON: what the extractor wrote (`extraction.model.PlanDraft.to_dict()`) or what a
person left on the review page (`import_review.reviewed_draft`). Either may lack a key, hold None
where text is expected, or carry a part only one of them writes (phases, a task's status). Here
each part becomes a small frozen dataclass with every field of the type the import needs, so
`importing.plan_import_confirm` reads attributes and never guesses again.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from plans.models import (
    Milestone,
    Plan,
    PlanReference,
    ReportingFrequency,
    TaskDeadline,
    TaskStatus,
)

_DOC_TYPES = {choice.value.upper(): choice.value for choice in Plan.DocType}


def _text(value) -> str:
    """A draft's text field: None and a missing key are "" (stripping is the reader's call)."""
    return str(value) if value else ""


def _span(value) -> tuple[int, int] | None:
    """Where a part is written in the source text, if the draft says so."""
    return (value[0], value[1]) if value and len(value) == 2 else None


# --- Reading the parts (also the review page's initial values) --------------------------------

_FREQUENCIES = {
    "monthly": TaskDeadline.Frequency.MONTHLY,
    "quarterly": TaskDeadline.Frequency.QUARTERLY,
    "half_yearly": TaskDeadline.Frequency.HALF_YEARLY,
    "yearly": TaskDeadline.Frequency.YEARLY,
    "continuous": TaskDeadline.Frequency.CONTINUOUS,
}


def parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def deadline_from_draft(item: dict) -> dict:
    """One extracted deadline ({"kind": "quarter", "value": "2026-Q2"}) as TaskDeadline fields."""
    kind, value = item.get("kind"), str(item.get("value") or "")
    row = {"label": (item.get("text") or "")[:255]}
    if kind in ("date", "before"):
        before = kind == "before" or item.get("before")
        row.update(kind=TaskDeadline.Kind.BEFORE if before else TaskDeadline.Kind.DATE)
        row["date"] = parse_date(value)
    elif kind == "month":
        year, month = value.split("-")[:2]
        row.update(kind=TaskDeadline.Kind.MONTH, year=int(year), month=int(month))
    elif kind == "quarter":
        year, quarter = value.split("-Q")
        row.update(kind=TaskDeadline.Kind.QUARTER, year=int(year), quarter=int(quarter))
    elif kind == "year":
        row.update(kind=TaskDeadline.Kind.YEAR, year=int(value[:4]))
    else:
        row.update(
            kind=TaskDeadline.Kind.RECURRING,
            frequency=_FREQUENCIES.get(value, TaskDeadline.Frequency.CONTINUOUS),
        )
    return row


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def reporting_clause(draft: dict) -> tuple[str, int | None]:
    """The plan's reporting clause as (frequency, due day): seed 001 "trước ngày 20 hằng tháng"
    -> ("monthly", 20); seed 004 "Hằng năm báo cáo" -> ("yearly", None); none -> ("", None)."""
    clause = draft.get("reporting") or {}
    frequency = clause.get("frequency") or ""
    if frequency not in ReportingFrequency.values:
        return "", None
    try:
        due_day = int(clause.get("due_day"))
    except (TypeError, ValueError):
        due_day = None
    return frequency, due_day if due_day and 1 <= due_day <= 31 else None


_DONE_WORDS = {"done", "completed", "hoan_thanh"}


def task_state(item: dict) -> str:
    """The state the plan itself gives a task (seed 001's footnote "Nhiệm vụ đã hoàn thành")."""
    state = str(item.get("status") or item.get("state") or "").lower()
    if state in _DONE_WORDS or item.get("done") is True:
        return TaskStatus.DONE
    return state if state in TaskStatus.values else TaskStatus.NOT_STARTED


def award_parts(item, *, text: str = "") -> dict:
    """An award form as the extractor gives it (a phrase, or a dict) as PlanAward fields and a
    span in the source: the form is the phrase's first line ("Giấy khen của Trưởng Ban Quản
    lý")."""
    if isinstance(item, dict):
        raw = str(item.get("form") or item.get("name") or item.get("text") or "")
        parts = {
            "recipients": str(item.get("recipients") or "")[:300],
            "condition": str(item.get("condition") or item.get("quota") or ""),
        }
        span = item.get("span")
    else:
        raw, parts, span = str(item or ""), {"recipients": "", "condition": ""}, None
    form = raw.strip().split("\n")[0].strip()
    if not span and form and text:
        start = text.find(form)
        span = [start, start + len(form)] if start >= 0 else None
    return {**parts, "form": form[:300], "span": span if span and len(span) == 2 else None}


def period_bound(value, *, end: bool) -> datetime.date | None:
    """ "2026-05" -> 01/05/2026 (start) or 31/05/2026 (end); "2026" -> 01/01 or 31/12."""
    value = str(value or "")
    if len(value) == 10:
        return parse_date(value)
    try:
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            day = calendar.monthrange(year, month)[1] if end else 1
            return datetime.date(year, month, day)
        if len(value) == 4:
            return datetime.date(int(value), 12, 31) if end else datetime.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def milestone_parts(item: dict) -> dict:
    """A sơ kết / tổng kết of the draft as Milestone fields: due at the end of what it says
    ("Quý IV, năm 2027" -> 31/12/2027)."""
    kind = item.get("kind")
    due = item.get("due")
    due_date = None
    if isinstance(due, dict) and due.get("kind"):
        try:
            due_date = deadline_end(deadline_from_draft(due))
        except (ValueError, TypeError):
            due_date = None
    elif due:
        due_date = period_bound(due, end=True)
    return {
        "kind": kind if kind in Milestone.Kind.values else Milestone.Kind.OTHER,
        "label": str(item.get("label") or item.get("text") or "").strip()[:200],
        "due_date": due_date,
    }


def draft_phases(draft: dict) -> list[dict]:
    """Phases of the draft ("Giai đoạn 1 (từ tháng 5/2026 đến tháng 12/2027)") as Phase fields:
    from a "phases" list, or milestones of kind "phase"."""
    items = list(draft.get("phases") or [])
    items += [m for m in draft.get("milestones") or [] if m.get("kind") in ("phase", "giai_doan")]
    phases = []
    for item in items:
        text = str(item.get("text") or "").strip()
        phases.append(
            {
                "name": str(item.get("name") or item.get("title") or text or "").strip()[:200],
                "start_date": period_bound(item.get("start") or item.get("from"), end=False),
                "end_date": period_bound(item.get("end") or item.get("to"), end=True),
                "label": text[:300],
                "description": str(item.get("description") or "").strip(),
            }
        )
    return phases


def draft_milestones(draft: dict) -> list[dict]:
    return [
        milestone_parts(m)
        for m in draft.get("milestones") or []
        if m.get("kind") not in ("phase", "giai_doan")
    ]


def deadline_end(row: dict) -> datetime.date | None:
    return TaskDeadline(**row).end_date


# --- The typed parts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftDocument:
    """The document's own identity and its signature block (ND 30/2020)."""

    doc_type: str
    number: str
    place: str
    date: str  # "2026-04-29", "2026-05" or "2026" as written; "" when not found
    title: str
    signature_authority: str
    signature_position: str
    signer_name: str
    recipients: list[str]

    @classmethod
    def from_dict(cls, data: dict) -> "DraftDocument":
        document = data.get("document") or {}
        signature = data.get("signature") or {}
        return cls(
            doc_type=_DOC_TYPES.get(_text(document.get("type") or "KH").upper(), Plan.DocType.PLAN),
            number=_text(document.get("number")).strip(),
            place=_text(document.get("place")),
            date=_text(document.get("date")),
            title=_text(document.get("title")).strip(),
            signature_authority=_text(signature.get("authority")),
            signature_position=_text(signature.get("position")),
            signer_name=_text(signature.get("name")),
            recipients=list(data.get("recipients") or []),
        )

    @property
    def issued_on(self) -> datetime.date | None:
        return parse_date(self.date)

    @property
    def issued_period(self) -> str:
        """A month or a year when the document gives no day."""
        return self.date if len(self.date) in (4, 7) else ""


@dataclass(frozen=True)
class DraftReference:
    """A document the plan cites; `order` is its place among the draft's citations."""

    order: int
    number: str
    relation: str
    date: datetime.date | None
    text: str

    @classmethod
    def from_dict(cls, item: dict, order: int) -> "DraftReference":
        return cls(
            order=order,
            number=_text(item.get("number")).strip(),
            relation=_text(item.get("relation")) or PlanReference.Relation.IMPLEMENTS,
            date=parse_date(item.get("date")),
            text=_text(item.get("text")),
        )


@dataclass(frozen=True)
class DraftTarget:
    """A target as Target fields (`fields`), and where it is written."""

    section: str
    text: str
    subject: str
    comparator: str
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    due: str
    span: tuple[int, int] | None

    @classmethod
    def from_dict(cls, item: dict) -> "DraftTarget":
        return cls(
            section=_text(item.get("section"))[:500],
            text=_text(item.get("text")),
            subject=_text(item.get("subject"))[:500],
            comparator=_text(item.get("comparator"))
            or ("=" if item.get("value") is not None else ""),
            value=_decimal(item.get("value")),
            value_max=_decimal(item.get("value_max")),
            unit=_text(item.get("unit")),
            due=_text(item.get("due")),
            span=_span(item.get("span")),
        )

    def fields(self, order: int) -> dict:
        return {
            "order": order,
            "section": self.section,
            "text": self.text,
            "subject": self.subject,
            "comparator": self.comparator,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "due_year": int(self.due[:4]) if self.due[:4].isdigit() else None,
            "due_date": parse_date(self.due),
        }


@dataclass(frozen=True)
class DraftTask:
    """A task as Task fields (`fields`), its deadlines as the extractor wrote them, the unit
    names it gives (matched to units by the import), and where it is written."""

    section: str
    title: str
    text: str
    product: str
    lead_units: list[str]
    coordinating_units: list[str]
    deadlines: list[dict]
    status: str
    span: tuple[int, int] | None

    @classmethod
    def from_dict(cls, item: dict) -> "DraftTask":
        return cls(
            section=_text(item.get("section"))[:500],
            title=_text(item.get("title") or item.get("text"))[:500],
            text=_text(item.get("text")),
            product=_text(item.get("product"))[:500],
            lead_units=list(item.get("lead_units") or []),
            coordinating_units=list(item.get("coordinating_units") or []),
            deadlines=list(item.get("deadlines") or []),
            status=task_state(item),
            span=_span(item.get("span")),
        )

    def fields(self, order: int) -> dict:
        return {
            "order": order,
            "section": self.section,
            "title": self.title,
            "text": self.text,
            "product": self.product,
            "lead_units_text": ", ".join(self.lead_units)[:500],
            "coordinating_units_text": ", ".join(self.coordinating_units)[:500],
            "status": self.status,
            "progress": 100 if self.status == TaskStatus.DONE else 0,
        }


@dataclass(frozen=True)
class DraftAward:
    """An award form the plan promises (PlanAward fields); `order` is its place in the draft."""

    order: int
    form: str
    recipients: str
    condition: str
    span: tuple[int, int] | list[int] | None

    @property
    def fields(self) -> dict:
        return {"form": self.form, "recipients": self.recipients, "condition": self.condition}


@dataclass(frozen=True)
class PlanDraft:
    """Every part of a draft the import stores, typed. Phases and milestones come as the field
    dicts of `movements` (draft_phases, draft_milestones), since their reading of a
    period ("Quý IV, năm 2027") is the rule of those two."""

    document: DraftDocument
    reporting_frequency: str
    reporting_due_day: int | None
    references: list[DraftReference] = field(default_factory=list)
    targets: list[DraftTarget] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    phases: list[dict] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)
    awards: list[DraftAward] = field(default_factory=list)
    # What the extractor doubted about the document as a whole, for the reviewer.
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict, *, text: str = "") -> "PlanDraft":
        """Read a draft (`text`: the source, where an award phrase is looked for)."""
        frequency, due_day = reporting_clause(data)
        awards = []
        for order, item in enumerate(data.get("awards") or []):
            award = award_parts(item, text=text)
            if award["form"]:
                awards.append(DraftAward(order=order, **award))
        references = [
            DraftReference.from_dict(item, order)
            for order, item in enumerate(data.get("references") or [])
        ]
        return cls(
            document=DraftDocument.from_dict(data),
            reporting_frequency=frequency,
            reporting_due_day=due_day,
            references=[ref for ref in references if ref.number],
            targets=[DraftTarget.from_dict(item) for item in data.get("targets") or []],
            tasks=[DraftTask.from_dict(item) for item in data.get("tasks") or []],
            phases=draft_phases(data),
            milestones=draft_milestones(data),
            awards=awards,
            warnings=[str(w) for w in data.get("warnings") or []],
        )
