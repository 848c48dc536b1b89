"""The structured draft of a plan, as the review screen and the JSON output show it."""

from dataclasses import asdict, dataclass, field


@dataclass
class Document:
    type: str | None = None
    number: str | None = None
    issuer_code: str | None = None
    place: str | None = None
    date: str | None = None  # "2026-04-29", "2026-05" or "2026"
    title: str | None = None


@dataclass
class Reference:
    relation: str  # "implements" | "replaces"
    number: str
    date: str | None
    text: str
    kind: str | None = None  # "Kế hoạch", "Nghị quyết", ...


@dataclass
class Target:
    text: str
    subject: str
    section: str
    comparator: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    due: str | None
    span: list[int]
    lead_units: list[str] = field(default_factory=list)  # who follows it (a table's column)
    measure: str | None = None  # the unit as written when `unit` cannot say it: "lần", "Tbps"
    doubts: list[str] = field(default_factory=list)  # why it may be wrong (extraction/doubts.py)
    confidence: float = 1.0  # below doubts.KEEP_THRESHOLD the review does not pre-tick it


@dataclass
class Deadline:
    kind: str  # date | before | month | quarter | year | recurring
    value: str
    text: str = ""


@dataclass
class Task:
    title: str
    text: str
    section: str
    product: str
    deadlines: list[Deadline]
    lead_units: list[str]
    coordinating_units: list[str]
    span: list[int]
    state: str | None = None  # "done" when the plan itself says the task is finished
    doubts: list[str] = field(default_factory=list)  # why it may be wrong (extraction/doubts.py)
    confidence: float = 1.0  # below doubts.KEEP_THRESHOLD the review does not pre-tick it


@dataclass
class Signature:
    authority: str | None = None
    position: str | None = None
    name: str | None = None


@dataclass
class PlanDraft:
    text: str
    document: Document = field(default_factory=Document)
    references: list[Reference] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)
    phases: list[dict] = field(default_factory=list)  # name, start, end, text, description
    awards: list[str] = field(default_factory=list)
    reporting: dict = field(default_factory=dict)
    signature: Signature = field(default_factory=Signature)
    recipients: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("text")
        return data
