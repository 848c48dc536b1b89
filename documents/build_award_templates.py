"""The templates of an award's paper trail (Luật TĐKT art. 84; ND 152/2025 appendix): Tờ trình
(Mẫu 01), Báo cáo thành tích (Mẫu 08), Biên bản họp Hội đồng, Quyết định with its list, and the
certificate (Giấy khen / Bằng khen). Built with the ND 30/2020 blocks of build_templates.py;
`python -m documents.build_templates` writes them with the others.

The contexts are documents.contexts.ProposalContext, AchievementReportContext, MinutesContext,
DecisionContext and CertificateContext; documents/README.md lists their keys.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt, Twips

from documents.docx_kit import (
    BLOCK,
    HEADING_1,
    HEADING_2,
    MOTTO,
    NATIONAL_TITLE,
    PLACEHOLDER,
    SIGNATURE_BLANK_LINES,
    SIGNATURE_LEFT_MM,
    SIGNATURE_RIGHT_MM,
    TABLE_HEADING,
    TEXT_WIDTH_MM,
    _row_flags,
    add_data_table,
    add_header_block,
    add_narrative,
    add_paragraph,
    add_run,
    add_signature_block,
    add_table,
    add_tag,
    add_title_block,
    mm_to_twips,
    new_document,
)


def _add_list(document: DocxDocument, loop: str, line: str) -> None:
    """One body paragraph per item ("- Căn cứ ...;")."""
    add_tag(document, f"{{%p for {loop} %}}")
    add_paragraph(document, line, italic=True)
    add_tag(document, "{%p endfor %}")


def _add_two_signatures(document: DocxDocument, left: str, right: str) -> None:
    """Two signature columns (biên bản: thư ký and chủ tọa; Mẫu 08: the proposing level's
    confirmation and the unit's head), each {authority?, position, name} in the context."""
    table = add_table(document, [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2], rows=1, grid=False)
    _row_flags(table.rows[0])
    for cell, key in zip(table.rows[0].cells, (left, right), strict=True):
        add_tag(cell, f"{{%p if {key}.authority %}}")
        authority = add_paragraph(cell, f"{{{{ {key}.authority|upper_vi }}}}", BLOCK, bold=True)
        authority.paragraph_format.space_before = Pt(12)
        add_tag(cell, "{%p endif %}")
        position = add_paragraph(cell, f"{{{{ {key}.position|upper_vi }}}}", BLOCK, bold=True)
        position.paragraph_format.space_before = Pt(12)
        for _ in range(SIGNATURE_BLANK_LINES):
            add_paragraph(cell, "", BLOCK)
        add_paragraph(cell, f"{{{{ {key}.name }}}}", BLOCK, bold=True)
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _total_row(table, label_columns: int, cells: list[str]) -> None:
    """A bold last row "Tổng cộng" under a {%tr %} list: the label spans `label_columns`."""
    row = table.add_row()
    _row_flags(row)
    label = row.cells[0].merge(row.cells[label_columns - 1])
    paragraph = add_paragraph(label, "Tổng cộng", TABLE_HEADING)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for cell, content in zip(row.cells[label_columns:], cells, strict=True):
        add_paragraph(cell, content, TABLE_HEADING)


def build_to_trinh() -> DocxDocument:
    """Mẫu 01 (ND 152/2025): Tờ trình đề nghị khen thưởng, with the list of proposed subjects."""
    document = new_document("Tờ trình đề nghị khen thưởng (Mẫu 01)")
    add_header_block(document)
    add_title_block(document, "TỜ TRÌNH", "{{ title }}")
    kinh_gui = add_paragraph(document, "Kính gửi: {{ addressee }}.", BLOCK)
    kinh_gui.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kinh_gui.paragraph_format.space_before = Pt(12)
    kinh_gui.paragraph_format.space_after = Pt(6)
    _add_list(document, "basis in bases", "{{ basis }};")
    add_narrative(document, "intro")
    add_paragraph(
        document,
        "{{ issuing_body }} đề nghị {{ addressee }} xem xét, {{ action }} cho "
        "{{ totals.collectives }} tập thể và {{ totals.individuals }} cá nhân"
        "{% if totals.others %}, {{ totals.others }} hộ gia đình, doanh nghiệp{% endif %} "
        "(tổng số {{ totals.subjects }}), gồm:",
    )
    add_data_table(
        document,
        [12, 58, 40, 50],
        ["STT", "Tên tập thể, cá nhân", "Hình thức khen thưởng", "Thành tích tóm tắt"],
        loop="item in proposals",
        cells=[
            "{{ item.no }}",
            "{{ item.name }}\n{%p if item.unit %}\n_{{ item.unit }}\n{%p endif %}",
            "{{ item.form }}",
            "{{ item.achievement }}",
        ],
        empty_text="Chưa có đối tượng đề nghị.",
        centred={0},
    )
    add_paragraph(
        document,
        "{% if attachments %}Hồ sơ kèm theo: {{ attachments|join('; ') }}.{% endif %}",
        italic=True,
    )
    add_paragraph(
        document,
        "Kính trình {{ addressee }} xem xét, quyết định./.",
    )
    add_signature_block(document)
    return document


def build_bao_cao_thanh_tich() -> DocxDocument:
    """Mẫu 08 (ND 152/2025, inferred: LAW.md): Báo cáo thành tích of a collective or a person for
    an award of a thematic movement, prefilled from the data and finished in Word."""
    document = new_document("Báo cáo thành tích đề nghị khen thưởng (Mẫu 08)")
    add_header_block(document)
    add_title_block(
        document,
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng {{ form }}\n{{ movement_label }}",
    )
    add_paragraph(document, "Tên {{ subject_kind }}: {{ subject_name }}", HEADING_2)
    add_paragraph(document, "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", HEADING_1)
    add_narrative(document, "summary", placeholder=True)
    add_paragraph(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", HEADING_1)
    add_paragraph(document, "1. Kết quả thực hiện các chỉ tiêu năm {{ year }}", HEADING_2)
    add_data_table(
        document,
        [12, 70, 26, 26, 26],
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"],
        loop="target in targets",
        cells=[
            "{{ target.no }}",
            "{{ target.text }}",
            "{{ target.plan_value }}",
            "{{ target.current }}",
            "{{ target.status }}",
        ],
        empty_text="Chưa có số liệu.",
        centred={0, 2, 3, 4},
    )
    add_paragraph(
        document,
        "{% if targets %}Đạt {{ targets_met }}/{{ targets|length }} chỉ tiêu.{% endif %}",
    )
    add_paragraph(document, "2. Kết quả chấm điểm, xếp hạng thi đua", HEADING_2)
    table = add_data_table(
        document,
        [12, 96, 26, 26],
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"],
        loop="score in scores",
        cells=["{{ score.no }}", "{{ score.criterion }}", "{{ score.max }}", "{{ score.points }}"],
        empty_text="Chưa có kết quả chấm điểm đã công bố.",
        centred={0, 2, 3},
    )
    _total_row(table, 2, ["{{ score_total.max }}", "{{ score_total.points }}"])
    add_paragraph(document, "{% if ranking %}{{ ranking }}{% endif %}")
    add_paragraph(document, "3. Sáng kiến, mô hình", HEADING_2)
    add_tag(document, "{%p for item in initiatives %}")
    add_paragraph(document, "- {{ item }}")
    add_tag(document, "{%p else %}")
    add_paragraph(document, PLACEHOLDER)
    add_tag(document, "{%p endfor %}")
    add_narrative(document, "achievements")
    add_paragraph(document, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", HEADING_1)
    add_data_table(
        document,
        [26, 70, 64],
        ["Năm", "Hình thức khen thưởng", "Số, ngày quyết định; cơ quan ban hành"],
        loop="award in awards",
        cells=["{{ award.year }}", "{{ award.form }}", "{{ award.decision }}"],
        empty_text="Chưa có.",
        centred={0},
    )
    _add_two_signatures(document, "confirmation", "signature")
    return document


def build_bien_ban() -> DocxDocument:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng: who attended, the comment period, the tally
    of the secret ballot per nomination and the result."""
    document = new_document("Biên bản họp Hội đồng Thi đua - Khen thưởng")
    add_header_block(document)
    add_title_block(document, "BIÊN BẢN", "{{ title }}")
    add_paragraph(document, "Thời gian: {{ held_at }}.")
    add_paragraph(document, "Địa điểm: {{ place }}.")
    add_paragraph(document, "Chủ trì: {{ chair }}. Thư ký: {{ secretary }}.")
    add_paragraph(
        document,
        "Thành viên Hội đồng: {{ members_total }} người; có mặt {{ members_present }} người"
        "{% if absent %}, vắng {{ absent|length }} người (có phiếu bằng văn bản: "
        "{{ written_votes }}){% endif %}.",
    )
    add_tag(document, "{%p for member in present %}")
    add_paragraph(document, "- {{ member }}", italic=True)
    add_tag(document, "{%p endfor %}")
    add_tag(document, "{%p if absent %}")
    add_paragraph(document, "Vắng mặt:", italic=True)
    add_tag(document, "{%p for member in absent %}")
    add_paragraph(document, "- {{ member }}", italic=True)
    add_tag(document, "{%p endfor %}")
    add_tag(document, "{%p endif %}")
    add_paragraph(document, "{{ quorum }}")
    add_paragraph(document, "I. CÔNG KHAI DANH SÁCH ĐỀ NGHỊ", HEADING_1)
    add_paragraph(
        document,
        "Danh sách đề nghị được công khai từ ngày {{ comment_period.start }} đến ngày "
        "{{ comment_period.end }}; nhận được {{ comment_period.comments }} ý kiến.",
    )
    add_narrative(document, "comment_period.summary")
    add_paragraph(document, "II. KẾT QUẢ BỎ PHIẾU KÍN", HEADING_1)
    table = add_data_table(
        document,
        [12, 44, 34, 16, 18, 16, 20],
        ["STT", "Tập thể, cá nhân", "Hình thức", "Đồng ý", "Không đồng ý", "Tỷ lệ", "Kết quả"],
        loop="row in tally",
        cells=[
            "{{ row.no }}",
            "{{ row.name }}",
            "{{ row.form }}\n{%p if row.threshold %}\n_Ngưỡng: {{ row.threshold }}\n{%p endif %}",
            "{{ row.agree }}",
            "{{ row.disagree }}",
            "{{ row.percent }}",
            "{{ row.result }}",
        ],
        empty_text="Không có đề nghị nào được xem xét.",
        centred={0, 3, 4, 5, 6},
    )
    _total_row(table, 6, ["{{ passed }} đạt"])
    add_narrative(document, "conclusion")
    add_paragraph(
        document,
        "Cuộc họp kết thúc lúc {{ closed_at }}. Biên bản được các thành viên dự họp thống "
        "nhất thông qua./.",
    )
    _add_two_signatures(document, "secretary_signature", "signature")
    return document


def build_quyet_dinh() -> DocxDocument:
    """Quyết định khen thưởng, and on its own page the list of awardees with the prize money
    computed from the multiples and the base salary in force, totalled."""
    document = new_document("Quyết định khen thưởng")
    add_header_block(document)
    add_title_block(document, "QUYẾT ĐỊNH", "{{ title }}")
    add_paragraph(document, "{{ decider|upper_vi }}", "ND30 Tên loại văn bản")
    _add_list(document, "basis in bases", "{{ basis }};")
    add_paragraph(document, "Xét đề nghị của {{ proposer }}.", italic=True)
    quyet_dinh = add_paragraph(document, "QUYẾT ĐỊNH:", "ND30 Tên loại văn bản")
    quyet_dinh.paragraph_format.space_after = Pt(6)
    article_1 = add_paragraph(document, "Điều 1. ", bold=True)
    add_run(
        article_1,
        "Tặng {{ form }} cho {{ totals.collectives }} tập thể và {{ totals.individuals }} cá "
        "nhân{% if totals.others %}, {{ totals.others }} hộ gia đình, doanh nghiệp{% endif %} "
        "(có danh sách kèm theo), {{ reason }}.",
    )
    article_2 = add_paragraph(document, "Điều 2. ", bold=True)
    add_run(
        article_2,
        "Tiền thưởng theo mức lương cơ sở {{ base_salary }} đồng/tháng, tổng cộng "
        "{{ total_amount }} đồng ({{ total_words }}), chi từ {{ fund }}.",
    )
    add_tag(document, "{%p if replaces %}")
    replaced = add_paragraph(document, "Quyết định này thay thế {{ replaces }}.")
    replaced.paragraph_format.first_line_indent = Twips(mm_to_twips(12.7))
    add_tag(document, "{%p endif %}")
    article_3 = add_paragraph(document, "Điều 3. ", bold=True)
    add_run(
        article_3,
        "Quyết định có hiệu lực kể từ ngày ký. {{ executors }} và các tập thể, cá nhân có tên "
        "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )
    add_signature_block(document)

    # The list, on a page of its own (ND 30: a list attached to a decision names it).
    list_title = add_paragraph(document, "", "ND30 Tên loại văn bản")
    add_run(list_title, "").add_break(WD_BREAK.PAGE)
    add_run(list_title, "DANH SÁCH")
    add_paragraph(document, "{{ list_title }}", "ND30 Trích yếu")
    note = add_paragraph(
        document,
        "(Kèm theo Quyết định số {{ number }} {{ date_phrase }} của {{ decider }})",
        BLOCK,
        italic=True,
    )
    note.paragraph_format.space_after = Pt(12)
    table = add_data_table(
        document,
        [12, 60, 34, 22, 32],
        ["STT", "Tập thể, cá nhân", "Hình thức", "Hệ số", "Tiền thưởng (đồng)"],
        loop="row in awardees",
        cells=[
            "{{ row.no }}",
            "{{ row.name }}\n{%p if row.unit %}\n_{{ row.unit }}\n{%p endif %}",
            "{{ row.form }}",
            "{{ row.multiple }}",
            "{{ row.amount }}",
        ],
        empty_text="Chưa có tập thể, cá nhân nào.",
        centred={0, 3},
    )
    _total_row(table, 4, ["{{ total_amount }}"])
    for row in table.rows:
        row.cells[-1].paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


# The certificate: A4 landscape, a double frame, centred text.
CERT_MARGIN_MM = 15


def build_giay_khen() -> DocxDocument:
    """Giấy khen / Bằng khen: one page per awardee. The decorative frame is a page border, so an
    office that prints on pre-printed paper (phôi in sẵn) removes it in Word (Page Borders)."""
    document = new_document("Giấy khen, Bằng khen")
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Twips(mm_to_twips(CERT_MARGIN_MM + 5)))
    section.different_first_page_header_footer = False
    section.header.paragraphs[0]._p.getparent().remove(section.header.paragraphs[0]._p)
    section.header.add_paragraph("", style="Header")
    section._sectPr.append(
        parse_xml(
            f'<w:pgBorders {nsdecls("w")} w:offsetFrom="page">'
            + "".join(
                f'<w:{side} w:val="thinThickSmallGap" w:sz="24" w:space="24" w:color="8B0000"/>'
                for side in ("top", "left", "bottom", "right")
            )
            + "</w:pgBorders>"
        )
    )
    for text in (NATIONAL_TITLE, MOTTO):
        add_paragraph(document, text, BLOCK, bold=True, size=14)
    spacer = add_paragraph(document, "{{ decider|upper_vi }}", BLOCK, bold=True, size=16)
    spacer.paragraph_format.space_before = Pt(24)
    gives = add_paragraph(document, "TẶNG", BLOCK, bold=True, size=16)
    gives.paragraph_format.space_before = Pt(12)
    title = add_paragraph(document, "{{ title|upper_vi }}", BLOCK, bold=True, size=40)
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(6)
    add_paragraph(document, "Cho {{ subject_label }}", BLOCK, italic=True, size=14)
    name = add_paragraph(document, "{{ subject_name }}", BLOCK, bold=True, size=24)
    name.paragraph_format.space_before = Pt(6)
    add_tag(document, "{%p if subject_unit %}")
    add_paragraph(document, "{{ subject_unit }}", BLOCK, size=15)
    add_tag(document, "{%p endif %}")
    reason = add_paragraph(document, "{{ reason }}", BLOCK, italic=True, size=15)
    reason.paragraph_format.space_before = Pt(12)
    reason.paragraph_format.left_indent = Twips(mm_to_twips(20))
    reason.paragraph_format.right_indent = Twips(mm_to_twips(20))

    table = add_table(document, [SIGNATURE_LEFT_MM + 10, SIGNATURE_RIGHT_MM + 57], 1, grid=False)
    left, right = table.rows[0].cells
    for line in (
        "Quyết định số {{ decision_number }}",
        "ngày {{ decision_date }}",
        "{% if register_number %}Số sổ: {{ register_number }}{% endif %}",
    ):
        add_paragraph(left, line, BLOCK, size=13)
    left.paragraphs[0].paragraph_format.space_before = Pt(60)
    dated = add_paragraph(right, "{{ place_date }}", BLOCK, italic=True, size=14)
    dated.paragraph_format.space_before = Pt(18)
    add_tag(right, "{%p if signature.authority %}")
    add_paragraph(right, "{{ signature.authority|upper_vi }}", BLOCK, bold=True, size=14)
    add_tag(right, "{%p endif %}")
    add_paragraph(right, "{{ signature.position|upper_vi }}", BLOCK, bold=True, size=14)
    for _ in range(SIGNATURE_BLANK_LINES - 1):
        add_paragraph(right, "", BLOCK)
    add_paragraph(right, "{{ signature.name }}", BLOCK, bold=True, size=14)
    return document


TEMPLATES = {
    "to_trinh_khen_thuong.docx": build_to_trinh,
    "bao_cao_thanh_tich.docx": build_bao_cao_thanh_tich,
    "bien_ban_hoi_dong.docx": build_bien_ban,
    "quyet_dinh_khen_thuong.docx": build_quyet_dinh,
    "giay_khen.docx": build_giay_khen,
}
