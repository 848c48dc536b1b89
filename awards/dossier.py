"""The documents of a proposal's dossier (Luật TĐKT art. 84) gathered from the data:

- `achievement_report_context`: Mẫu 08 Báo cáo thành tích of a unit or a person for a year,
  prefilled with the unit's targets as monitoring judges them, its scores in the last frozen
  ranking, the initiatives it registered and the awards in the registry — for a person to finish;
- `proposal_context`: Mẫu 01 Tờ trình from a list of proposed subjects (the nominations app
  passes its nominations as `ProposedSubjectInput`).

Numbers are written the Vietnamese way here (core.formats.number_vi); templates only print.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from awards.certificates import place_of, unit_full_name
from awards.models import AwardForm, AwardRecord, SubjectType
from core.formats import number_vi
from documents.contexts import AchievementReportContext, ProposalContext, Signature, Totals
from documents.layout import document_number, place_date
from evaluation.models import Criterion, RankingEntry
from initiatives.models import Initiative
from monitoring.selectors import unit_page
from monitoring.status import Status
from org.models import OrgUnit, Person
from org.scope import UserScope


def _value(value, unit: str) -> str:
    if value is None:
        return ""
    text = number_vi(value)
    return f"{text} {unit}".strip() if unit else text


def _unit(target) -> str:
    """Only a percentage is written after a figure ("count", "rank" are kinds, not units)."""
    return "%" if target.unit == "%" else ""


def _planned(target) -> str:
    value = number_vi(target.value)
    if target.value_max is not None:
        value += f" – {number_vi(target.value_max)}"
    return f"{target.get_comparator_display()} {value} {_unit(target)}".strip()


def _targets(scope: UserScope, unit: OrgUnit, year: int, today: datetime.date):
    """The unit's targets at the end of the year (or today, in the year itself), judged by
    monitoring's one rule (monitoring.status), never by a rule of ours."""
    as_of = min(today, datetime.date(year, 12, 31))
    page = unit_page(scope=scope, unit=unit, as_of=as_of)
    rows, met = [], 0
    for _plan, lines in page.plans:
        for line in lines:
            verdict = line.verdict
            met += verdict.status == Status.MET
            rows.append(
                {
                    "no": str(len(rows) + 1),
                    "text": line.target.text,
                    "plan_value": _planned(line.target),
                    "current": _value(verdict.current, _unit(line.target)),
                    "status": str(verdict.label),
                }
            )
    return rows, met


def _scores(unit: OrgUnit, year: int):
    """The unit's line in the newest frozen ranking of the year (never the working scores)."""
    entry = (
        RankingEntry.objects.filter(unit=unit, version__scheme__year=year)
        .select_related("version__scheme", "block")
        .order_by("-version__frozen_at", "-version__number")
        .first()
    )
    if entry is None:
        return [], {"max": "", "points": ""}, ""
    criteria = list(
        Criterion.objects.filter(group__scheme=entry.version.scheme).order_by(
            "group__order", "order", "pk"
        )
    )
    rows = [
        {
            "no": str(index),
            "criterion": criterion.name,
            "max": number_vi(criterion.max_points),
            "points": number_vi(entry.breakdown.get(str(criterion.pk), "0")),
        }
        for index, criterion in enumerate(criteria, start=1)
    ]
    size = RankingEntry.objects.filter(version=entry.version, block=entry.block).count()
    ranking = (
        f"Xếp thứ {entry.rank}/{size} trong {entry.block.name} (kết quả chốt lần "
        f"{entry.version.number} ngày {entry.version.cutoff:%d/%m/%Y}), tổng điểm "
        f"{number_vi(entry.total)}."
    )
    total = {
        "max": number_vi(sum(c.max_points for c in criteria)),
        "points": number_vi(entry.total),
    }
    return rows, total, ranking


def _initiatives(unit: OrgUnit, year: int) -> list[str]:
    """The unit's initiatives of the year recognised by a decision (initiatives app), with
    their level: a registered one counts only once recognised, as in the scoring."""
    recognised = Initiative.objects.filter(
        unit=unit, year=year, status=Initiative.Status.RECOGNISED
    ).order_by("order", "pk")
    return [
        f"{item.title} ({item.get_field_display().lower()}, {item.get_level_display().lower()})"
        for item in recognised
    ]


def _awards(q: Q, year: int) -> list[dict]:
    records = (
        AwardRecord.objects.filter(q, year__lte=year)
        .select_related("form")
        .order_by("-year", "-decision_date", "pk")
    )
    return [
        {
            "year": str(r.year),
            "form": r.form.name,
            "decision": f"Quyết định số {r.decision_number} ngày {r.decision_date:%d/%m/%Y}"
            + (f" ({r.signer})" if r.signer else ""),
        }
        for r in records
    ]


def _parent(unit: OrgUnit) -> OrgUnit | None:
    paths = unit.ancestor_paths()
    return OrgUnit.objects.filter(path=paths[-1]).first() if paths else None


def achievement_report_context(
    *,
    scope: UserScope,
    subject: OrgUnit | Person,
    year: int,
    form: AwardForm | None,
    today: datetime.date,
    movement_label: str = "",
) -> AchievementReportContext:
    """Mẫu 08 prefilled for `subject` (a unit: its own data; a person: their awards, the
    unit's figures are the unit's report)."""
    is_unit = isinstance(subject, OrgUnit)
    unit = subject if is_unit else subject.unit
    superior = _parent(unit)
    by_path = {u.path: u for u in OrgUnit.objects.filter(path__in=unit.ancestor_paths())}
    context: AchievementReportContext = {
        "superior_body": superior.name if superior else "",
        "issuing_body": unit.name,
        "number": document_number(None, "BC", ""),
        "place_date": place_date(place_of(unit, by_path), None, year=today.year),
        "form": form.name if form else "……",
        "movement_label": movement_label or f"Năm {year}",
        "subject_kind": "tập thể" if is_unit else "cá nhân",
        "subject_name": subject.name if is_unit else subject.full_name,
        "summary": "",
        "year": year,
        "targets": [],
        "targets_met": 0,
        "scores": [],
        "score_total": {"max": "", "points": ""},
        "ranking": "",
        "initiatives": [],
        "achievements": "",
        "signature": _head_signature(unit),
        "confirmation": {
            "authority": "",
            "position": f"Xác nhận của {unit_full_name(superior)}" if superior else "Xác nhận",
            "name": "",
        },
    }
    if is_unit:
        context["targets"], context["targets_met"] = _targets(scope, unit, year, today)
        context["scores"], context["score_total"], context["ranking"] = _scores(unit, year)
        context["initiatives"] = _initiatives(unit, year)
        context["awards"] = _awards(Q(subject_unit=unit) | Q(subject_unit__merged_into=unit), year)
    else:
        context["summary"] = ", ".join(p for p in (subject.position, unit.name) if p)
        context["awards"] = _awards(Q(person=subject), year)
    return context


def _head_signature(unit: OrgUnit) -> Signature:
    collective = unit.unit_type.code in ("tinh", "xa")
    return {
        "authority": "TM. ỦY BAN NHÂN DÂN" if collective else "",
        "position": "Chủ tịch" if collective else "Thủ trưởng đơn vị",
        "name": "",
    }


# --- Mẫu 01 -------------------------------------------------------------------------------------


@dataclass
class ProposedSubjectInput:
    """One proposed subject as the nominations app passes it."""

    name: str
    subject_type: str  # awards.models.SubjectType
    form: str
    achievement: str = ""
    unit: str = ""  # a person's position and unit


def proposal_totals(subjects: list[ProposedSubjectInput]) -> Totals:
    collectives = sum(s.subject_type == SubjectType.COLLECTIVE for s in subjects)
    individuals = sum(s.subject_type == SubjectType.INDIVIDUAL for s in subjects)
    return {
        "collectives": collectives,
        "individuals": individuals,
        "others": len(subjects) - collectives - individuals,
        "subjects": len(subjects),
    }


def proposal_context(
    *,
    issuer: OrgUnit,
    addressee: str,
    action: str,
    title: str,
    subjects: list[ProposedSubjectInput],
    day: datetime.date | None,
    number: int | None = None,
    issuer_symbol: str = "",
    bases: list[str] | None = None,
    intro: str = "",
    attachments: list[str] | None = None,
    signature: Signature | None = None,
    recipients: list[str] | None = None,
    archive: str = "",
) -> ProposalContext:
    """Mẫu 01 Tờ trình of `issuer` proposing `subjects` (a draft leaves number and day blank)."""
    by_path = {u.path: u for u in OrgUnit.objects.filter(path__in=issuer.ancestor_paths())}
    superior = by_path.get(issuer.ancestor_paths()[-1]) if issuer.ancestor_paths() else None
    return {
        "superior_body": superior.name if superior else "",
        "issuing_body": issuer.name,
        "number": document_number(number, "TTr", issuer_symbol or issuer.short_name),
        "place_date": place_date(
            place_of(issuer, by_path), day, year=None if day else timezone.localdate().year
        ),
        "title": title,
        "addressee": addressee,
        "bases": bases or [],
        "intro": intro,
        "action": action,
        "totals": proposal_totals(subjects),
        "proposals": [
            {
                "no": str(index),
                "name": s.name,
                "unit": s.unit,
                "form": s.form,
                "achievement": s.achievement,
            }
            for index, s in enumerate(subjects, start=1)
        ],
        "attachments": attachments or [],
        "signature": signature or {"authority": "", "position": "", "name": ""},
        "recipients": recipients or ["Như trên"],
        "archive": archive,
    }
