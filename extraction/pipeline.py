"""The extraction pipeline: normalise, split into paragraphs, then each rule in turn."""

import re

from extraction import doubts, header, phases, target_tables, targets, tasks, web_copy
from extraction.errors import ExtractionError
from extraction.model import PlanDraft
from extraction.normalize import lines_marked_done, normalize
from extraction.situation import situation_flags

_SECTION = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|Nhóm\s+\d+)\s*\S", re.I)
_MILESTONE = re.compile(r"(sơ kết|tổng kết)", re.I)
_AWARDS = re.compile(
    r"(Cờ thi đua(?: của [^,;.]{3,60})?|Bằng khen(?: của [^,;.]{3,60})?|Giấy khen(?: của [^,;.]{3,60})?|"
    r"Chiến sĩ thi đua[^,;.]{0,20}|Lao động tiên tiến|Tập thể lao động (?:tiên tiến|xuất sắc))",
)


def _paragraphs(text: str) -> list[tuple[str, int]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((line, offset))
        offset += len(line) + 1
    return out


def _is_heading(line: str) -> bool:
    if not _SECTION.match(line) or len(line) > 160 or "%" in line:
        return False
    return not re.search(r"\d+\s*%|≥|≤", line)


def run(raw: str) -> PlanDraft:
    text = normalize(raw)
    if not re.search(r"\w{2,}", text):
        raise ExtractionError("Văn bản không có chữ để đọc.")
    paragraphs = _paragraphs(text)
    lines = [p for p, _ in paragraphs]
    draft = PlanDraft(text=text)
    draft.document, body_start = header.parse_document(lines)
    if draft.document.type is None and draft.document.number is None:
        published = web_copy.headline_document(lines)  # a department's web page of its plan
        if published:
            draft.document, body_start = published
    draft.references = [  # a web page's headline may cite the plan itself: not a reference
        ref
        for ref in header.parse_references(lines, body_start, draft.document.title)
        if (ref.number or "").lower() != (draft.document.number or "").lower()
    ]
    draft.signature, draft.recipients, closing = header.parse_closing(lines)

    # The body: from the first section heading after the title to the closing.
    first_heading = next(
        (i for i in range(body_start, closing) if re.match(r"^[IVX]+\.\s", lines[i])),
        body_start,
    )
    body = paragraphs[first_heading:closing]
    sections, in_targets, in_awards, heading_years, in_general = [], [], [], [], []
    current = ""
    stack: list[tuple[int, str]] = []
    for line, _ in body:
        if _is_heading(line):
            level = _level(line)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, line))
            current = line
        sections.append(current)
        in_targets.append(
            any(targets.is_target_heading(h) for _, h in stack)
            and not any(targets.ends_target_section(h) for _, h in stack)
        )
        in_awards.append(any(targets.is_awards_heading(h) for _, h in stack))
        in_general.append(any(targets.is_general_aims_heading(h) for _, h in stack))
        heading_years.append(
            next(filter(None, (targets.heading_due(h) for _, h in reversed(stack))), None)
        )
    default_due = _plan_due(draft.document.title or "", text)
    from_tables, table_lines = target_tables.table_targets(body, default_due, tasks.split_units)
    table_lines = set(table_lines) | tasks.task_table_lines(body, sections)
    prose = [("", p[1]) if i in table_lines else p for i, p in enumerate(body)]
    draft.targets = targets.find_targets(
        prose,
        sections,
        default_due=default_due,
        target_sections=in_targets,
        heading_dues=heading_years,
    )
    # Figures under an awards heading or in a part reporting the situation are not promises.
    reported = situation_flags(lines[body_start:closing])[first_heading - body_start :]
    dropped = [awards or situation for awards, situation in zip(in_awards, reported, strict=True)]
    draft.targets = targets.drop_award_figures(draft.targets, body, dropped)
    draft.targets = targets.drop_general_aims(draft.targets, body, in_general)
    draft.targets = sorted(draft.targets + from_tables, key=lambda t: t.span[0])
    draft.tasks = tasks.find_tasks(body, sections)
    draft.tasks += tasks.content_tasks(body, draft.tasks)
    draft.tasks.sort(key=lambda t: t.span[0])
    _mark_done(draft, lines_marked_done(raw))
    doubts.assess(draft.targets, draft.tasks, text)
    draft.milestones = _milestones(body)
    draft.phases = phases.find_phases(body)
    draft.awards = sorted({m.group(1).strip() for m in _AWARDS.finditer(text)})
    draft.reporting = _reporting(text)
    draft.warnings = _warnings(draft)
    return draft


def _mark_done(draft: PlanDraft, done_lines: list[str]) -> None:
    """A task one of whose lines carries a footnote "Nhiệm vụ đã hoàn thành" is done."""
    for task in draft.tasks:
        own = draft.text[task.span[0] : task.span[1]]
        if any(line in own for line in done_lines):
            task.state = "done"


def _level(line: str) -> int:
    if re.match(r"^[IVXLC]+\.", line):
        return 1
    match = re.match(r"^(\d+(?:\.\d+)*)", line)
    if match:
        return 1 + match.group(1).count(".") + 1
    if re.match(r"^Nhóm", line, re.I):
        return 2
    return 5  # a) b) c)


def _plan_due(title: str, text: str) -> str | None:
    """The year a plan's targets are due when a target does not say: "năm 2026" in the title,
    else the end of "giai đoạn 2026 - 2030"."""
    match = re.search(r"giai đoạn\s*(20\d\d)\s*[-–]\s*(20\d\d)", title + " " + text[:3000], re.I)
    # "… Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 …": the date of a cited document in the
    # title is not the plan's year.
    single = next(
        (
            m
            for m in re.finditer(r"năm\s+(20\d\d)(?!\s*[-–])", title, re.I)
            if not re.search(r"tháng\s*\d{1,2}\s*$", title[: m.start()], re.I)
        ),
        None,
    )
    if not match:
        match = re.search(r"từ năm\s*(20\d\d)\s*đến(?: hết)? năm\s*(20\d\d)", text, re.I)
    if single and not match:
        return single.group(1)
    if match:
        return match.group(2)
    return single.group(1) if single else None


def _milestones(body) -> list[dict]:
    from extraction.dates import parse_deadlines

    out = []
    for line, offset in body:
        match = _MILESTONE.search(line)
        if not match or len(line) > 300:
            continue
        if not re.search(r"(quý|tháng|năm)\s+[IV\d]", line, re.I):
            continue
        kind = "so_ket" if match.group(1).lower() == "sơ kết" else "tong_ket"
        tail = line[match.start() :]
        deadlines = parse_deadlines(tail)
        due = deadlines[0] if deadlines else None
        out.append(
            {
                "kind": kind,
                "text": line.strip(),
                "due": {"kind": due.kind, "value": due.value} if due else None,
                "span": [offset, offset + len(line)],
            }
        )
    return out


def _reporting(text: str) -> dict:
    monthly = re.search(r"ngày\s+(\d{1,2})\s+h[ằà]ng\s+tháng", text, re.I)
    if monthly:
        return {"frequency": "monthly", "due_day": int(monthly.group(1))}
    if re.search(r"h[ằà]ng\s+quý\s+báo cáo|báo cáo\s+h[ằà]ng\s+quý", text, re.I):
        return {"frequency": "quarterly"}
    if re.search(
        r"h[ằà]ng\s+năm\s+báo cáo|báo cáo\s+h[ằà]ng\s+năm|báo cáo định kỳ h[ằà]ng năm", text, re.I
    ):
        return {"frequency": "yearly"}
    return {}


def _warnings(draft: PlanDraft) -> list[str]:
    warnings = []
    if not draft.document.title:
        warnings.append("Không tìm thấy trích yếu của văn bản.")
    if draft.document.date is None:
        warnings.append("Không tìm thấy địa danh, ngày tháng ban hành.")
    if not draft.targets and not draft.tasks:
        warnings.append("Không tìm thấy chỉ tiêu hay nhiệm vụ nào.")
    for task in draft.tasks:
        if not task.lead_units:
            warnings.append(f"Nhiệm vụ chưa có đơn vị chủ trì: {task.title[:80]}")
    return warnings
