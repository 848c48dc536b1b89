"""The Biên bản họp Hội đồng as Word: `minutes_context` (council.selectors) adapted to the
context of the documents app's template (documents.contexts.MinutesContext). The minutes name
the members present and the tally of each nomination; never a ballot's receipt code, so nothing
in them links a member to a vote."""

from __future__ import annotations

from django.utils import timezone

from awards.certificates import place_of, unit_full_name
from core.formats import number_vi
from council.models import CouncilSession
from council.selectors import minutes_context
from documents.award_documents import render_minutes
from documents.contexts import MinutesContext
from documents.layout import place_date
from org.models import OrgUnit


def _threshold(form) -> str:
    if form.vote_threshold_percent is None:
        return ""
    sign = "≥" if form.vote_threshold_inclusive else ">"
    return f"{sign} {number_vi(form.vote_threshold_percent)} %"


def _member(member) -> str:
    return ", ".join(p for p in (member.person.full_name, member.position) if p)


def minutes_document_context(session: CouncilSession) -> MinutesContext:
    data = minutes_context(session)
    unit = session.unit
    by_path = {u.path: u for u in OrgUnit.objects.filter(path__in=unit.ancestor_paths())}
    place = place_of(unit, by_path)
    members = data["members"]
    chair = next((m for m in members if m.is_chair), None)
    total = data["total"]
    start, end = data["comment_period"]
    items = data["items"]
    tally = []
    for no, item in enumerate(items, start=1):
        agree, disagree = item["agree"] or 0, item["disagree"] or 0
        tally.append(
            {
                "no": str(no),
                "name": item["subject_name"],
                "form": item["form"],
                "threshold": _threshold(item["nomination"].form),
                "agree": agree,
                "disagree": disagree,
                "percent": f"{number_vi(agree * 100 / total, 1)} %" if total else "",
                "result": {True: "Đạt", False: "Không đạt"}.get(item["passed"], ""),
            }
        )
    present_share = number_vi(data["present"] * 100 / total, 1) if total else "0"
    return {
        "superior_body": unit_full_name(unit),
        "issuing_body": f"Hội đồng Thi đua - Khen thưởng {place}",
        "number": "    /BB-HĐTĐKT",
        "place_date": place_date(place, session.held_on),
        "title": session.title,
        "held_at": f"ngày {session.held_on:%d/%m/%Y}",
        "place": session.place,
        "chair": _member(chair) if chair else "",
        # The session records no secretary: a blank to write in by hand, as on a printed form,
        # rather than "Thư ký: ." with nothing after it.
        "secretary": "………………",
        "members_total": total,
        "members_present": data["present"],
        "present": [_member(m) for m in members if m.present],
        "absent": [_member(m) for m in members if not m.present],
        "written_votes": 0,
        "quorum": (
            f"Số thành viên có mặt đạt {present_share} % "
            + ("(đủ số lượng): cuộc họp hợp lệ." if data["has_quorum"] else "(chưa đủ số lượng).")
        ),
        "comment_period": {
            "start": f"{timezone.localtime(start):%d/%m/%Y}" if start else "",
            "end": f"{timezone.localtime(end):%d/%m/%Y}" if end else "",
            "comments": sum(len(item["comments"]) for item in items),
            "summary": "",
        },
        "tally": tally,
        "passed": sum(1 for item in items if item["passed"]),
        "conclusion": "",
        "closed_at": (
            f"{timezone.localtime(session.closed_at):%H giờ %M, ngày %d/%m/%Y}"
            if session.closed_at
            else ""
        ),
        "signature": {
            "authority": "",
            "position": "Chủ tọa",
            "name": chair.person.full_name if chair else "",
        },
        "secretary_signature": {"authority": "", "position": "Thư ký", "name": ""},
    }


def minutes_docx(session: CouncilSession) -> bytes:
    return render_minutes(minutes_document_context(session))
