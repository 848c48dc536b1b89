"""What the extractor is unsure of, item by item, so the review screen can say it and never
pre-tick junk.

Each target and task gets `doubts` (reason codes, in the order found) and `confidence` (1.0 less
a weight per reason). A reason in `JUNK` alone makes an item doubtful enough (confidence below
`KEEP_THRESHOLD`) that the review leaves its "Giữ" unticked; the others only mark it.

Reasons:
- `fragment`: the text starts in the middle of a sentence (lower case, a connector, a figure) or
  is too short to say anything — a wrapped line cut off its start.
- `bare_figure`: a figure with (almost) nothing it measures ("95%.", "đạt 95 %").
- `debris`: layout left in the text — a symbol-font bullet (U+F0B7 …), table pipes, rules.
- `unit_cut`: a unit name that is a single generic word ("Các", "Sở", "và") — a list cut by a
  line break.
- `no_subject`: a percentage whose subject was not found.
- `over_100_percent`: a share above 100 % that is not an increase.
"""

import re

from extraction.model import Target, Task

JUNK = {"fragment", "bare_figure", "debris"}
KEEP_THRESHOLD = 0.5
_WEIGHTS = {"fragment": 0.6, "bare_figure": 0.6, "debris": 0.6}
_OTHER_WEIGHT = 0.2

_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_DEBRIS = re.compile(r"\||-{3,}|_{3,}|={3,}")
_CONNECTOR = re.compile(
    r"^(?:và|hoặc|hay|của|cho|với|để|tại|theo|trong|đến|từ|các|những|là|được|đạt|có)\b"
)
_LEADING_MARK = re.compile(r"^[\s\-–+•*·\u2022\uf0b7\uf0a7\uf076\uf0d8]*(?:[a-zđ]\)\s*)?")
_FIGURE_WORDS = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s*%?|≥|≤|>|<|tối thiểu|tối đa|ít nhất|trên|dưới|khoảng|không quá|"
    r"đạt|đến|phấn đấu|năm|trở lên|[-–.;:,()%])",
    re.I,
)
_GENERIC_UNIT = {"các", "sở", "và", "ban", "phòng", "ủy", "uỷ", "cơ", "quan", "đơn", "vị", "ngành"}


def _body(text: str) -> str:
    return _LEADING_MARK.sub("", text or "").strip()


def _is_fragment(text: str) -> bool:
    body = _body(text)
    if len(body.split()) < 3:
        return True
    first = body[0]
    if first.isalpha() and first.islower():
        return True
    return bool(_CONNECTOR.match(body)) or first in ",;.)%"


def _cut_from_previous_line(text: str, span) -> bool:
    """The item starts a line and the line before ends in the middle of a sentence."""
    if not text or not span:
        return False
    start = span[0]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t-–+•*·\uf0b7\uf0a7"):
        return False  # the item starts after ";" or ":" inside its line: a clause
    previous = text[:line_start].rstrip()
    return bool(previous) and (previous[-1].isalnum() or previous[-1] == ",")


def target_doubts(target: Target, text: str = "") -> list[str]:
    doubts = []
    own = target.text or ""
    if target.value is not None and len(_FIGURE_WORDS.sub(" ", _body(own)).split()) < 2:
        doubts.append("bare_figure")
    elif not target.lead_units and (
        len(_body(own).split()) < 3
        or (_is_fragment(own) and _cut_from_previous_line(text, target.span))
    ):
        # A row of a table of targets starts where its cell starts: not a fragment.
        doubts.append("fragment")
    if _PRIVATE_USE.search(own) or _DEBRIS.search(own):
        doubts.append("debris")
    if target.unit == "%" and target.value is not None and not (target.subject or "").strip():
        doubts.append("no_subject")
    if (
        target.unit == "%"
        and target.value is not None
        and target.value > 100
        and target.comparator not in ("increase", "decrease")
    ):
        doubts.append("over_100_percent")
    return doubts


def task_doubts(task: Task) -> list[str]:
    doubts = []
    title = task.title or task.text or ""
    if _is_fragment(title):
        doubts.append("fragment")
    if _PRIVATE_USE.search(title) or _DEBRIS.search(title):
        doubts.append("debris")
    units = [*task.lead_units, *task.coordinating_units]
    if any(u.strip().lower() in _GENERIC_UNIT for u in units):
        doubts.append("unit_cut")
    return doubts


def confidence(doubts: list[str]) -> float:
    score = 1.0 - sum(_WEIGHTS.get(d, _OTHER_WEIGHT) for d in doubts)
    return round(max(0.0, score), 2)


def assess(targets: list[Target], tasks: list[Task], text: str = "") -> None:
    """Set `doubts` and `confidence` on every target and task, in place."""
    for item, reasons in [(t, target_doubts(t, text)) for t in targets] + [
        (t, task_doubts(t)) for t in tasks
    ]:
        item.doubts = reasons
        item.confidence = confidence(reasons)
