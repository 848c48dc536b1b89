"""The context each Word template expects, as typed dictionaries.

A template is edited by an office (wording, signature, logo) but its {{ }} tags name these keys, so
this module is the contract between the code that gathers the figures and the template. Every text
value is plain text: render_docx escapes it, and a newline in a narrative starts a new paragraph.
"""

from __future__ import annotations

from typing import TypedDict

from django.utils.translation import gettext as _

from documents.layout import document_number, place_date, upper_vi


class TargetRow(TypedDict):
    """One row of the targets table (Kết quả thực hiện các chỉ tiêu)."""

    no: str  # "1", "2" ... (STT)
    text: str  # the target's wording: "Tỷ lệ hồ sơ trực tuyến toàn trình"
    plan_value: str  # the value planned for the year: "80 %"
    current: str  # the value reached at the end of the period: "72,5 %"
    path_value: str  # the value the trajectory (lộ trình) expects at this date: "73,3 %"
    status: str  # the assessment: "Đạt tiến độ", "Chậm tiến độ"
    units_without_data: int  # units that sent no figure for it (0: no note is shown)


class TaskRow(TypedDict):
    """One row of the tasks table (Tình hình thực hiện nhiệm vụ)."""

    no: str
    title: str
    lead: str  # đơn vị chủ trì
    person: str  # người phụ trách, in italics under the lead unit (may be "")
    authority: str  # thẩm quyền quyết định sản phẩm, in italics under the title (may be "")
    deadline: str  # "30/11/2026"
    status: str  # "Đang thực hiện", "Hoàn thành", "Quá hạn"
    progress: str  # "60 %" or a short phrase
    note: str  # shown in italics under the progress (may be "")


class UnitNarrative(TypedDict):
    """A unit's own report for the period: its narrative parts, quoted under sections I, II, III."""

    name: str  # "Thôn Bản Pẻn"
    status: str  # state of its report: "Đã tiếp nhận", "Chưa gửi" (may be "")
    submitted: str  # day it was sent, "20/11/2026" (may be "")
    results: str  # kết quả (several paragraphs separated by newlines)
    difficulties: str  # khó khăn, vướng mắc (may be "")
    proposals: str  # đề xuất, kiến nghị (may be "")


class Signature(TypedDict):
    """The signature block (ND 30/2020 Phụ lục I: TM., KT., Q., TL., TUQ. then position, name)."""

    authority: str  # "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" (a newline starts a line; may be "")
    position: str  # "PHÓ CHỦ TỊCH"
    name: str  # "Hoàng Văn Nam"


class ReportContext(TypedDict, total=False):
    """Context of `bao_cao_ket_qua.docx`: Báo cáo kết quả thực hiện Phong trào thi đua.

    The periodic narrative report of a unit (or a province) on one movement, prefilled with the
    figures, the tasks' progress and the units' narratives, for a person to finish in Word.
    """

    superior_body: str  # "UBND TỈNH LẠNG SƠN" (may be ""; written in capitals by the template)
    issuing_body: str  # "UBND XÃ THỐNG NHẤT"
    number: str  # layout.document_number(None, "BC", "UBND") -> "    /BC-UBND" for a draft
    place_date: (
        str  # layout.place_date("Thống Nhất", day) -> "Thống Nhất, ngày 25 tháng 11 năm 2026"
    )
    title: str  # trích yếu: "Kết quả thực hiện Phong trào thi đua “...” tháng 11/2026"
    intro: str  # opening paragraph(s)
    period_label: str  # "tháng 11/2026", continues "1. Kết quả thực hiện các chỉ tiêu ..."
    targets: list[TargetRow]
    tasks: list[TaskRow]
    units: list[UnitNarrative]
    results: str  # general assessment, shown as "4. Đánh giá chung" when given
    difficulties: str  # section II's own text, before the units' difficulties
    proposals: str  # section III's own text, before the units' proposals
    signature: Signature
    recipients: list[str]  # "Như trên", "UBND tỉnh Lạng Sơn" -> "- Như trên;" ...
    archive: str  # after "- Lưu: VT, " (the drafting office's symbol, e.g. "VP"); may be ""


# --- Building a context ---------------------------------------------------------------------------

# A people's committee signs for the collective ("TM. ỦY BAN NHÂN DÂN", its chair below); an
# office or a department by its head (ND 30/2020 Phụ lục I, mục II.8).
COLLECTIVE_AUTHORITY = "TM. ỦY BAN NHÂN DÂN"


def signature_block(*, collective: bool, name: str) -> Signature:
    """The signature block of a report of a people's committee (`collective`) or of an office."""
    return {
        "authority": COLLECTIVE_AUTHORITY if collective else "",
        "position": "CHỦ TỊCH" if collective else "THỦ TRƯỞNG ĐƠN VỊ",
        "name": name,
    }


def report_context(
    *,
    superior_body: str,
    issuing_body: str,
    issuer_symbol: str,
    place: str,
    year: int,
    movement: str,
    period_label: str,
    plan_citation: str,
    plan_issuer: str,
    plan_subject: str,
    targets: list[TargetRow],
    tasks: list[TaskRow],
    units: list[UnitNarrative],
    own: UnitNarrative | None,
    signature: Signature,
    archive: str = "VT",
) -> ReportContext:
    """The context of `bao_cao_ket_qua.docx`, in the ND 30/2020 wording: the bodies in capitals,
    a blank number and day for the office to fill, the title and opening sentence, the report
    sent up to `superior_body` "(b/c)". `period_label` and `plan_subject` come as they read
    mid-sentence ("tháng 11/2026", "đẩy mạnh chuyển đổi số ...")."""
    return {
        "superior_body": upper_vi(superior_body) if superior_body else "",
        "issuing_body": upper_vi(issuing_body),
        "number": document_number(None, "BC", issuer_symbol),
        "place_date": place_date(place, None, year=year),
        "title": _("Kết quả thực hiện Phong trào thi đua “%(m)s” %(p)s")
        % {"m": movement, "p": period_label},
        "intro": _(
            "Thực hiện %(doc)s của %(issuer)s về %(title)s, %(unit)s báo cáo kết quả thực "
            "hiện %(period)s như sau:"
        )
        % {
            "doc": plan_citation,
            "issuer": plan_issuer,
            "title": plan_subject,
            "unit": issuing_body,
            "period": period_label,
        },
        "period_label": period_label,
        "targets": targets,
        "tasks": tasks,
        "units": units,
        "results": own["results"] if own else "",
        "difficulties": own["difficulties"] if own else "",
        "proposals": own["proposals"] if own else "",
        "signature": signature,
        "recipients": [f"{superior_body} (b/c)"] if superior_body else [],
        "archive": archive,
    }
