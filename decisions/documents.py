"""The Quyết định khen thưởng as Word: `decision_context` (decisions.selectors) adapted to the
context the documents app's template expects (documents.contexts.DecisionContext). This is the
one place where the decision's figures become the text a reader finds in the document."""

from __future__ import annotations

from awards.certificates import place_of, unit_full_name
from awards.models import SubjectType
from core.formats import number_vi
from decisions.models import Decision
from decisions.selectors import decision_context
from documents.award_documents import render_decision
from documents.contexts import DecisionContext, Signature
from documents.layout import amount_in_words, place_date
from org.models import OrgUnit

LAW_BASIS = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"


def _decider(unit: OrgUnit) -> str:
    if unit.unit_type.code in ("tinh", "xa"):
        return f"Chủ tịch {unit_full_name(unit)}"
    return f"Thủ trưởng {unit.name}"


def _signature(decision: Decision) -> Signature:
    collective = decision.unit.unit_type.code in ("tinh", "xa")
    return {
        "authority": "TM. ỦY BAN NHÂN DÂN" if collective else "",
        "position": (decision.signer_title or ("CHỦ TỊCH" if collective else "")).upper(),
        "name": decision.signer,
    }


def _totals(lines: list[dict]) -> dict:
    """decision_context names each line's subject type by its label."""
    types = [str(line["subject_type"]) for line in lines]
    collectives = types.count(str(SubjectType.COLLECTIVE.label))
    individuals = types.count(str(SubjectType.INDIVIDUAL.label))
    return {
        "collectives": collectives,
        "individuals": individuals,
        "others": len(lines) - collectives - individuals,
        "subjects": len(lines),
    }


def decision_document_context(decision: Decision) -> DecisionContext:
    """The decision and its list as the template prints them: dates dd/mm/yyyy or in words,
    amounts written the Vietnamese way, the total in figures and in words."""
    data = decision_context(decision)
    unit = decision.unit
    by_path = {
        u.path: u
        for u in OrgUnit.objects.filter(path__in=unit.ancestor_paths()).select_related("unit_type")
    }
    parents = [by_path[p] for p in unit.ancestor_paths() if p in by_path]
    place = place_of(unit, by_path)
    day = data["date"]
    lines = data["lines"]
    forms = list(dict.fromkeys(line["form"] for line in lines))
    form = ", ".join(forms)
    corrects = data["corrects"]
    total = int(data["total"] or 0)
    return {
        "superior_body": unit_full_name(parents[-1]) if parents else "",
        "issuing_body": unit_full_name(unit),
        "number": data["number"],
        "place_date": place_date(place, day),
        "date_phrase": f"ngày {day:%d} tháng {day:%m} năm {day.year}",
        "title": data["title"],
        "decider": _decider(unit),
        "bases": [LAW_BASIS],
        "proposer": f"Thường trực Hội đồng Thi đua - Khen thưởng {place}",
        "form": form,
        "reason": f"đã có thành tích xuất sắc năm {data['year']}",
        "totals": _totals(lines),
        "base_salary": number_vi(data["base_salary"], 0),
        "total_amount": number_vi(total, 0),
        "total_words": amount_in_words(total),
        "fund": f"Quỹ thi đua, khen thưởng của {unit_full_name(unit)}",
        "replaces": (
            f"Quyết định số {corrects.number} ngày {corrects.date:%d/%m/%Y}" if corrects else ""
        ),
        "executors": f"Thủ trưởng các cơ quan, đơn vị thuộc {unit_full_name(unit)}",
        "list_title": f"Tập thể, cá nhân được tặng {form}",
        "awardees": [
            {
                "no": str(index),
                "name": line["subject_name"],
                "unit": line["unit_name"] if line["unit_name"] != line["subject_name"] else "",
                "form": line["form"],
                "multiple": number_vi(line["multiple"]),
                "amount": number_vi(line["amount"], 0),
            }
            for index, line in enumerate(lines, start=1)
        ],
        "signature": _signature(decision),
        "recipients": ["Như Điều 3"],
        "archive": "VT",
    }


def decision_docx(decision: Decision) -> bytes:
    return render_decision(decision_document_context(decision))


def decision_filename(decision: Decision) -> str:
    return f"quyet-dinh-{decision.pk}-{decision.date:%Y%m%d}.docx"
