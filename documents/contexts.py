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


# --- an award's paper trail (Luật TĐKT art. 84; ND 152/2025 appendix) ---------------------------
# Numbers arrive formatted as officials write them (core.formats.number_vi: "1.234.000",
# "2,5"), dates as dd/mm/yyyy: the templates print, they do not compute.


class Totals(TypedDict):
    """How many subjects a list holds, by kind (the sentence before the list)."""

    collectives: int
    individuals: int
    others: int  # households, enterprises, cooperatives (0: not mentioned)
    subjects: int  # all of them


class ProposedSubject(TypedDict):
    """One line of a tờ trình's list (a nomination, as helper code passes it)."""

    no: str
    name: str  # "UBND xã Thống Nhất", "Ông Hoàng Văn Nam"
    unit: str  # for a person, their unit and position (may be "")
    form: str  # "Bằng khen của Chủ tịch UBND tỉnh"
    achievement: str  # short achievement ("Dẫn đầu Khối thi đua số 05 năm 2026")


class ProposalContext(TypedDict, total=False):
    """Context of `to_trinh_khen_thuong.docx`: Tờ trình đề nghị khen thưởng (Mẫu 01,
    ND 152/2025), with the list of proposed subjects."""

    superior_body: str
    issuing_body: str  # "Sở Nội vụ tỉnh Lào Cai"
    number: str  # "12/TTr-SNV"
    place_date: str
    title: str  # trích yếu: "Về việc đề nghị tặng Bằng khen ... năm 2026"
    addressee: str  # Kính gửi: "Chủ tịch UBND tỉnh Lào Cai"
    bases: list[str]  # "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
    intro: str  # the paragraph(s) on the movement's results (may be "")
    action: str  # "xét tặng Bằng khen của Chủ tịch UBND tỉnh"
    totals: Totals
    proposals: list[ProposedSubject]
    attachments: list[str]  # "Biên bản họp Hội đồng", "Báo cáo thành tích" (may be empty)
    signature: Signature
    recipients: list[str]
    archive: str


class TargetResult(TypedDict):
    """A target of the subject's plan and how it ended the year (monitoring's status)."""

    no: str
    text: str
    plan_value: str
    current: str
    status: str  # "Đạt", "Chưa đạt", "Chưa có số liệu"


class ScoreLine(TypedDict):
    no: str
    criterion: str
    max: str  # "20"
    points: str  # "18,5"


class AwardLine(TypedDict):
    year: str
    form: str
    decision: str  # "Quyết định số 1234/QĐ-UBND ngày 20/01/2026 của Chủ tịch UBND tỉnh"


class AchievementReportContext(TypedDict, total=False):
    """Context of `bao_cao_thanh_tich.docx`: Báo cáo thành tích (Mẫu 08, ND 152/2025; the
    number is inferred, LAW.md), prefilled from the data for a person to finish."""

    superior_body: str
    issuing_body: str  # the subject's unit (a collective reports itself)
    number: str
    place_date: str
    form: str  # "Bằng khen của Chủ tịch UBND tỉnh"
    movement_label: str  # "Phong trào thi đua “...” năm 2026"
    subject_kind: str  # "tập thể", "cá nhân"
    subject_name: str
    summary: str  # I. sơ lược (may be "": a dotted line is left)
    year: int
    targets: list[TargetResult]
    targets_met: int
    scores: list[ScoreLine]
    score_total: dict  # {"max": "100", "points": "87,5"}
    ranking: str  # "Xếp thứ 1/6 Khối thi đua số 05 (kết quả chốt lần 2 ngày 15/12/2026)."
    initiatives: list[str]
    achievements: str  # further achievements, free text (may be "")
    awards: list[AwardLine]
    signature: Signature  # the unit's head
    confirmation: Signature  # xác nhận của cấp trình khen thưởng


class TallyRow(TypedDict):
    no: str
    name: str
    form: str
    threshold: str  # "≥ 80 %" (may be "")
    agree: int
    disagree: int
    percent: str  # "85,7 %"
    result: str  # "Đạt", "Không đạt"


class CommentPeriod(TypedDict):
    start: str  # dd/mm/yyyy
    end: str
    comments: int
    summary: str  # what the comments said and what the office did (may be "")


class MinutesContext(TypedDict, total=False):
    """Context of `bien_ban_hoi_dong.docx`: Biên bản họp Hội đồng Thi đua - Khen thưởng."""

    superior_body: str
    issuing_body: str  # "Hội đồng Thi đua - Khen thưởng tỉnh Lào Cai"
    number: str  # "03/BB-HĐTĐKT"
    place_date: str
    title: str  # "Họp xét khen thưởng tổng kết năm 2026"
    held_at: str  # "08 giờ 00, ngày 15/01/2027"
    place: str
    chair: str  # "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng"
    secretary: str
    members_total: int
    members_present: int
    present: list[str]
    absent: list[str]
    written_votes: int  # absent members who voted in writing
    quorum: str  # "Số thành viên có mặt đạt 85,7 % (từ 80 % trở lên): cuộc họp hợp lệ."
    comment_period: CommentPeriod
    tally: list[TallyRow]
    passed: int
    conclusion: str
    closed_at: str  # "11 giờ 30 cùng ngày"
    signature: Signature  # chủ tọa
    secretary_signature: Signature


class AwardeeRow(TypedDict):
    no: str
    name: str
    unit: str  # a person's unit (may be "")
    form: str
    multiple: str  # "1,5"
    amount: str  # "3.510.000"


class DecisionContext(TypedDict, total=False):
    """Context of `quyet_dinh_khen_thuong.docx`: Quyết định khen thưởng and its list."""

    superior_body: str
    issuing_body: str  # "Ủy ban nhân dân tỉnh Lào Cai"
    number: str  # "125/QĐ-UBND"
    place_date: str
    date_phrase: str  # "ngày 20 tháng 01 năm 2027" (the list's note)
    title: str  # "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"
    decider: str  # "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"
    bases: list[str]
    proposer: str  # "Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 16/01/2027"
    form: str
    reason: str  # "đã có thành tích xuất sắc trong Phong trào thi đua ... năm 2026"
    totals: Totals
    base_salary: str  # "2.340.000"
    total_amount: str  # "12.636.000"
    total_words: str  # "Mười hai triệu sáu trăm ba mươi sáu nghìn đồng"
    fund: str  # "Quỹ thi đua, khen thưởng của tỉnh"
    replaces: str  # a correction names the decision it replaces (may be "")
    executors: str  # "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ"
    list_title: str  # "Tập thể, cá nhân được tặng Bằng khen ..."
    awardees: list[AwardeeRow]
    signature: Signature
    recipients: list[str]
    archive: str


class CertificateContext(TypedDict, total=False):
    """Context of `giay_khen.docx`: one Giấy khen or Bằng khen (a page, A4 landscape)."""

    decider: str  # "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"
    title: str  # "Bằng khen", "Giấy khen"
    subject_label: str  # "tập thể", "ông/bà", "cá nhân"
    subject_name: str
    subject_unit: str  # a person's position and unit (may be "")
    reason: str  # "Đã có thành tích xuất sắc trong ... năm 2026"
    decision_number: str
    decision_date: str  # dd/mm/yyyy
    register_number: str  # số vào sổ (may be "")
    place_date: str
    signature: Signature
