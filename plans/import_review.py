"""The extractor's draft as the review page's initial data (`review_initial`), and the reviewed
forms back into a draft (`reviewed_draft`) that `plans.importing.plan_import_confirm` takes."""

import datetime

from plans.draft import award_parts, draft_milestones, draft_phases, reporting_clause, task_state
from plans.import_forms import kept_by_default, split_units
from plans.models import TaskStatus


def _span_text(span) -> str:
    return f"{span[0]},{span[1]}" if span and len(span) == 2 else ""


def _span_value(text: str):
    try:
        start, end = (int(x) for x in text.split(","))
        return [start, end]
    except ValueError:
        return None


def _iso_to_display(value: str | None) -> str:
    value = value or ""
    if len(value) == 10:
        return f"{value[8:]}/{value[5:7]}/{value[:4]}"
    if len(value) == 7:
        return f"{value[5:]}/{value[:4]}"
    return value


def deadlines_text(deadlines: list[dict]) -> str:
    """Deadlines as they were written, once each: "Quý II, Quý III/2026" stays one piece."""
    pieces: list[str] = []
    for deadline in deadlines:
        text = (deadline.get("text") or deadline.get("value") or "").replace(";", ",").strip()
        if text and text not in pieces:
            pieces.append(text)
    return "; ".join(pieces)


def _date_display(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def review_initial(draft: dict, *, text: str = "") -> dict:
    """Initial data of every form of the review page, from the extractor's draft."""
    document = draft.get("document") or {}
    signature = draft.get("signature") or {}
    frequency, due_day = reporting_clause(draft)
    awards = [award_parts(a, text=text) for a in draft.get("awards") or []]
    return {
        "document": {
            "type": (document.get("type") or "KH"),
            "number": document.get("number") or "",
            "place": document.get("place") or "",
            "date": _iso_to_display(document.get("date")),
            "title": document.get("title") or "",
            "authority": signature.get("authority") or "",
            "position": signature.get("position") or "",
            "signer": signature.get("name") or "",
            "recipients": "\n".join(draft.get("recipients") or []),
            "reporting_frequency": frequency,
            "reporting_due_day": due_day,
        },
        "references": [
            {
                "include": True,
                "relation": ref.get("relation") or "implements",
                "number": ref.get("number") or "",
                "date": _iso_to_display(ref.get("date")),
                "text": ref.get("text") or "",
            }
            for ref in draft.get("references") or []
            if ref.get("number")
        ],
        "targets": [
            {
                "include": kept_by_default(t),
                "doubts": list(t.get("doubts") or []),
                "section": t.get("section") or "",
                "text": t.get("text") or "",
                "subject": t.get("subject") or "",
                "comparator": t.get("comparator") or "",
                "value": t.get("value"),
                "value_max": t.get("value_max"),
                "unit": t.get("unit") or "",
                "due": _iso_to_display(t.get("due")),
                "span": _span_text(t.get("span")),
            }
            for t in draft.get("targets") or []
        ],
        "tasks": [
            {
                "include": kept_by_default(t),
                "doubts": list(t.get("doubts") or []),
                "section": t.get("section") or "",
                "title": t.get("title") or t.get("text") or "",
                "text": t.get("text") or "",
                "product": t.get("product") or "",
                "lead_units": "; ".join(t.get("lead_units") or []),
                "coordinating_units": "; ".join(t.get("coordinating_units") or []),
                "deadlines": deadlines_text(t.get("deadlines") or []),
                "status": task_state(t),
                "span": _span_text(t.get("span")),
            }
            for t in draft.get("tasks") or []
        ],
        "milestones": [
            {
                "include": True,
                "kind": m["kind"],
                "label": m["label"],
                "due": _date_display(m["due_date"]),
            }
            for m in draft_milestones(draft)
        ],
        "phases": [
            {
                "include": True,
                "name": p["name"],
                "start": _date_display(p["start_date"]),
                "end": _date_display(p["end_date"]),
                "description": p["description"],
                "text": p["label"],
            }
            for p in draft_phases(draft)
        ],
        "awards": [
            {
                "include": True,
                "form": a["form"],
                "recipients": a["recipients"],
                "condition": a["condition"],
                "span": _span_text(a["span"]),
            }
            for a in awards
            if a["form"]
        ],
    }


def reviewed_draft(
    *, document: dict, references, targets, tasks, milestones=None, phases=None, awards=None
) -> dict:
    """The draft as the person left it on the review page (rows unticked are dropped)."""

    def kept(formset):
        if formset is None:
            return []
        return [f.cleaned_data for f in formset.forms if f.cleaned_data.get("include")]

    return {
        "document": {
            "type": document["type"],
            "number": document["number"].strip() or None,
            "place": document["place"],
            "date": document["date"] or None,
            "title": document["title"],
        },
        "signature": {
            "authority": document["authority"],
            "position": document["position"],
            "name": document["signer"],
        },
        "recipients": [r.strip() for r in document["recipients"].splitlines() if r.strip()],
        "references": [
            {
                "relation": r["relation"],
                "number": r["number"],
                "date": r["date"] or None,
                "text": r["text"],
            }
            for r in kept(references)
        ],
        "targets": [
            {
                "section": t["section"],
                "text": t["text"],
                "subject": t["subject"],
                "comparator": t["comparator"] or None,
                "value": float(t["value"]) if t["value"] is not None else None,
                "value_max": float(t["value_max"]) if t["value_max"] is not None else None,
                "unit": t["unit"] or None,
                "due": t["due"] or None,
                "span": _span_value(t["span"]),
            }
            for t in kept(targets)
        ],
        "tasks": [
            {
                "section": t["section"],
                "title": t["title"],
                "text": t["text"] or t["title"],
                "product": t["product"],
                "lead_units": split_units(t["lead_units"]),
                "coordinating_units": split_units(t["coordinating_units"]),
                "deadlines": t["deadlines"],
                "status": t.get("status") or TaskStatus.NOT_STARTED,
                "span": _span_value(t["span"]),
            }
            for t in kept(tasks)
        ],
        "reporting": {
            "frequency": document.get("reporting_frequency") or None,
            "due_day": document.get("reporting_due_day"),
        },
        "milestones": [
            {"kind": m["kind"], "label": m["label"], "due": m["due"] or None}
            for m in kept(milestones)
        ],
        "phases": [
            {
                "name": p["name"],
                "start": p["start"],
                "end": p["end"],
                "text": p["text"],
                "description": p["description"],
            }
            for p in kept(phases)
        ],
        "awards": [
            {
                "form": a["form"],
                "recipients": a["recipients"],
                "condition": a["condition"],
                "span": _span_value(a["span"]),
            }
            for a in kept(awards)
        ],
    }
