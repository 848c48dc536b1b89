"""The report template rendered with a commune's November figures, read back with python-docx."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from documents.render import DocumentTemplateError, render_docx

TEMPLATE = "bao_cao_ket_qua.docx"
FONT = "Times New Roman"


def render(context):
    return Document(io.BytesIO(render_docx(TEMPLATE, context)))


def _from_styles(paragraph, getter):
    style = paragraph.style
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def font_value(paragraph, run, name):
    """A run's font attribute as Word resolves it: the run, then the paragraph's style chain."""
    value = getattr(run.font, name)
    if value is None:
        value = _from_styles(paragraph, lambda style: getattr(style.font, name))
    return value


def format_value(paragraph, name):
    value = getattr(paragraph.paragraph_format, name)
    if value is None:
        value = _from_styles(paragraph, lambda style: getattr(style.paragraph_format, name))
    return value


def paragraph_starting(document, prefix):
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(prefix):
            return paragraph
    raise AssertionError(f"no paragraph starts with {prefix!r}")


def run_with(paragraph, text):
    for run in paragraph.runs:
        if text in run.text:
            return run
    raise AssertionError(f"no run holds {text!r} in {paragraph.text!r}")


def cell_paragraph(cell, prefix):
    for paragraph in cell.paragraphs:
        if paragraph.text.startswith(prefix):
            return paragraph
    raise AssertionError(f"no paragraph starts with {prefix!r} in {cell.text!r}")


@pytest.fixture
def report(report_context):
    return render(report_context)


class TestPage:
    def test_page_is_a4_portrait_with_nd30_margins(self, report):
        section = report.sections[0]
        assert round(section.page_width.mm, 1) == 210.0
        assert round(section.page_height.mm, 1) == 297.0
        assert round(section.top_margin.mm, 1) == 20.0
        assert round(section.bottom_margin.mm, 1) == 20.0
        assert round(section.left_margin.mm, 1) == 30.0
        assert round(section.right_margin.mm, 1) == 20.0

    def test_page_number_is_in_the_header_of_every_page_but_the_first(self, report):
        section = report.sections[0]
        assert section.different_first_page_header_footer
        default_header = section.header
        assert not default_header.is_linked_to_previous
        number = default_header.paragraphs[0]
        assert " PAGE " in "".join(number._p.xpath(".//w:instrText/text()"))
        assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert font_value(number, number.runs[-1], "size") == Pt(14)
        first_page_header = section.first_page_header
        assert not first_page_header.is_linked_to_previous
        assert first_page_header._element.xpath(".//w:instrText | .//w:fldSimple") == []
        assert first_page_header.paragraphs[0].text == ""


class TestFonts:
    def test_every_font_declared_anywhere_is_times_new_roman_in_all_four_slots(
        self, report_context
    ):
        data = render_docx(TEMPLATE, report_context)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = "".join(
                package.read(name).decode()
                for name in package.namelist()
                if name.startswith("word/") and name.endswith(".xml") and "theme" not in name
            )
        declarations = re.findall(r"<w:rFonts [^>]*/>", xml)
        assert declarations, "styles must declare the font"
        for declaration in declarations:
            assert "Theme" not in declaration and "theme" not in declaration, declaration
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                assert f'w:{slot}="{FONT}"' in declaration, declaration

    def test_body_paragraph_is_14pt_justified_indented_spaced_6pt_line_115(self, report):
        intro = paragraph_starting(report, "Thực hiện Kế hoạch số 40/KH-UBND")
        run = intro.runs[0]
        assert font_value(intro, run, "name") == FONT
        assert font_value(intro, run, "size") == Pt(14)
        assert format_value(intro, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert format_value(intro, "first_line_indent") == Cm(1.27)
        assert format_value(intro, "space_before") == Pt(6)
        assert format_value(intro, "space_after") == Pt(6)
        assert format_value(intro, "line_spacing") == pytest.approx(1.15)

    def test_headings_are_bold_times_new_roman_14pt(self, report):
        for prefix in ("I. KẾT QUẢ THỰC HIỆN", "1. Kết quả thực hiện các chỉ tiêu tháng 11/2026"):
            heading = paragraph_starting(report, prefix)
            run = heading.runs[0]
            assert font_value(heading, run, "bold") is True
            assert font_value(heading, run, "name") == FONT
            assert font_value(heading, run, "size") == Pt(14)


class TestHeaderBlock:
    def test_issuing_body_left_in_capitals_superior_not_bold_issuer_bold_13pt(self, report):
        left = report.tables[0].rows[0].cells[0]
        superior = cell_paragraph(left, "UBND TỈNH LẠNG SƠN")
        issuer = cell_paragraph(left, "UBND XÃ THỐNG NHẤT")
        assert not font_value(superior, superior.runs[0], "bold")
        assert font_value(superior, superior.runs[0], "size") == Pt(13)
        assert font_value(issuer, issuer.runs[0], "bold") is True
        assert font_value(issuer, issuer.runs[0], "size") == Pt(13)

    def test_short_line_under_the_issuing_body_and_under_the_motto(self, report):
        left, right = report.tables[0].rows[0].cells
        for cell, text in ((left, "UBND XÃ THỐNG NHẤT"), (right, "Độc lập - Tự do - Hạnh phúc")):
            paragraphs = cell.paragraphs
            index = [paragraph.text for paragraph in paragraphs].index(text)
            rule = paragraphs[index + 1]
            assert rule.text == ""
            assert rule.style.element.xpath("./w:pPr/w:pBdr/w:top[@w:val='single']")
            assert rule.paragraph_format.left_indent == rule.paragraph_format.right_indent > 0

    def test_national_title_and_motto_right_in_bold(self, report):
        right = report.tables[0].rows[0].cells[1]
        title = cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        motto = cell_paragraph(right, "Độc lập - Tự do - Hạnh phúc")
        assert font_value(title, title.runs[0], "bold") is True
        assert font_value(title, title.runs[0], "size") == Pt(12)
        assert font_value(motto, motto.runs[0], "bold") is True
        assert font_value(motto, motto.runs[0], "size") == Pt(13)

    def test_number_and_italic_place_date_share_the_second_row(self, report):
        number_cell, date_cell = report.tables[0].rows[1].cells
        assert number_cell.text == "Số:     /BC-UBND"
        date_line = cell_paragraph(date_cell, "Thống Nhất, ngày 25 tháng 11 năm 2026")
        assert font_value(date_line, date_line.runs[0], "italic") is True
        assert font_value(date_line, date_line.runs[0], "size") == Pt(14)

    def test_header_table_has_no_borders(self, report):
        borders = report.tables[0]._tbl.tblPr.xpath("./w:tblBorders/*/@w:val")
        assert set(borders) == {"nil"}

    def test_empty_superior_body_leaves_no_blank_line(self, report_context):
        report_context["superior_body"] = ""
        left = render(report_context).tables[0].rows[0].cells[0]
        assert left.paragraphs[0].text == "UBND XÃ THỐNG NHẤT"

    def test_document_type_and_summary_bold_centred(self, report):
        doc_type = paragraph_starting(report, "BÁO CÁO")
        summary = paragraph_starting(report, "Kết quả thực hiện Phong trào thi đua “Cả nước")
        for paragraph in (doc_type, summary):
            assert font_value(paragraph, paragraph.runs[0], "bold") is True
            assert font_value(paragraph, paragraph.runs[0], "size") == Pt(14)
            assert format_value(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
        assert summary.text.endswith("chuyển đổi số” tháng 11/2026")


class TestTables:
    def test_targets_table_has_a_heading_row_and_one_row_per_target(self, report):
        rows = [[cell.text for cell in row.cells] for row in report.tables[1].rows]
        assert rows[0] == ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Theo lộ trình", "Đánh giá"]
        assert len(rows) == 4
        assert rows[1][:5] == [
            "1",
            "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến toàn trình",
            "80 %",
            "72,5 %",
            "73,3 %",
        ]
        assert rows[1][5] == "Chậm tiến độ\n1 đơn vị chưa có số liệu"
        assert rows[2][5] == "Đạt tiến độ"  # no note when every unit sent its figure

    def test_tasks_table_lists_each_task_with_its_note(self, report):
        rows = [[cell.text for cell in row.cells] for row in report.tables[2].rows]
        assert rows[0] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Tiến độ"]
        assert len(rows) == 3
        assert rows[1] == [
            "1",
            "Tổ chức tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
            "Văn phòng HĐND và UBND xã",
            "30/11/2026",
            "Hoàn thành",
            "100 %",
        ]
        assert rows[2][5] == "60 %\nThiếu máy quét tài liệu"

    def test_table_text_is_12pt_and_heading_row_repeats_on_each_page(self, report):
        table = report.tables[1]
        heading_row, first_row = table.rows[0], table.rows[1]
        assert heading_row._tr.xpath("./w:trPr/w:tblHeader")
        cell_text = first_row.cells[1].paragraphs[0]
        assert font_value(cell_text, cell_text.runs[0], "size") == Pt(12)
        assert font_value(cell_text, cell_text.runs[0], "name") == FONT
        assert table._tbl.tblPr.xpath("./w:tblStyle/@w:val") == ["TableGrid"]

    def test_empty_lists_render_one_explaining_row(self, report_context):
        report_context["targets"] = []
        report_context["tasks"] = []
        document = render(report_context)
        targets, tasks = document.tables[1], document.tables[2]
        assert len(targets.rows) == 2
        assert targets.rows[1].cells[0].text == "Chưa có số liệu."
        assert len(tasks.rows) == 2
        assert tasks.rows[1].cells[0].text == "Chưa có nhiệm vụ trong kỳ."

    def test_no_template_tag_is_left_in_the_result(self, report):
        xml = report.element.xml
        assert "{%" not in xml and "{{" not in xml


class TestNarratives:
    def test_each_unit_has_its_bold_name_then_one_paragraph_per_line(self, report):
        texts = [paragraph.text for paragraph in report.paragraphs]
        start = texts.index("3.1. Thôn Bản Pẻn (Đã tiếp nhận, gửi ngày 20/11/2026)")
        assert texts[start + 1].startswith("Tổ chức 02 buổi hướng dẫn người dân")
        assert texts[start + 2].startswith("Tổ công nghệ số cộng đồng đến từng hộ")
        assert texts[start + 3].startswith("Vận động 45 hộ kinh doanh")
        assert texts[start + 4] == "3.2. Thôn Khòn Pát (Đã tiếp nhận, gửi ngày 21/11/2026)"
        name = report.paragraphs[start]
        assert font_value(name, name.runs[0], "bold") is True
        second_line = report.paragraphs[start + 2]
        assert format_value(second_line, "first_line_indent") == Cm(1.27)

    def test_sections_ii_and_iii_quote_the_units_that_wrote_something(self, report):
        texts = [paragraph.text for paragraph in report.paragraphs]
        difficulties = texts.index("II. KHÓ KHĂN, VƯỚNG MẮC")
        proposals = texts.index("III. ĐỀ XUẤT, KIẾN NGHỊ")
        section_ii = texts[difficulties + 1 : proposals]
        assert section_ii[0].startswith("Một bộ phận người cao tuổi")
        assert section_ii[1].startswith("- Thôn Bản Pẻn: Sóng di động")
        assert not any("Khòn Pát" in text for text in section_ii)
        assert texts[proposals + 2] == (
            "- Thôn Bản Pẻn: Đề nghị doanh nghiệp viễn thông lắp đặt thêm trạm phát sóng."
        )
        assert "4. Đánh giá chung" in texts

    def test_empty_sections_leave_a_dotted_line_for_the_person_who_finishes(self, report_context):
        report_context["difficulties"] = ""
        for unit in report_context["units"]:
            unit["difficulties"] = ""
        report_context["results"] = ""
        texts = [paragraph.text for paragraph in render(report_context).paragraphs]
        after = texts[texts.index("II. KHÓ KHĂN, VƯỚNG MẮC") + 1]
        assert set(after) == {"…"}
        assert "4. Đánh giá chung" not in texts

    def test_no_units_says_so(self, report_context):
        report_context["units"] = []
        texts = [paragraph.text for paragraph in render(report_context).paragraphs]
        assert "Chưa có đơn vị nào gửi báo cáo trong kỳ." in texts

    def test_user_text_is_escaped(self, report_context):
        report_context["units"][0]["results"] = "Tỷ lệ <b>&</b> đạt 100 % <w:p/>"
        report_context["title"] = "Báo cáo <i>&amp;"
        data = render_docx(TEMPLATE, report_context)
        document = Document(io.BytesIO(data))
        texts = [paragraph.text for paragraph in document.paragraphs]
        assert "Tỷ lệ <b>&</b> đạt 100 % <w:p/>" in texts
        assert "Báo cáo <i>&amp;" in texts
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert "&lt;b&gt;&amp;&lt;/b&gt;" in package.read("word/document.xml").decode()

    def test_control_characters_pasted_from_word_do_not_break_the_file(self, report_context):
        report_context["intro"] = "Dòng một\x0bdòng hai\x01\r\ndòng ba\x07"
        texts = [paragraph.text for paragraph in render(report_context).paragraphs]
        index = texts.index("Dòng một")
        assert texts[index + 1 : index + 3] == ["dòng hai", "dòng ba"]


class TestSignature:
    def test_recipients_left_12pt_bold_italic_label_then_11pt_entries(self, report):
        left = report.tables[-1].rows[0].cells[0]
        assert [paragraph.text for paragraph in left.paragraphs] == [
            "Nơi nhận:",
            "- UBND tỉnh Lạng Sơn (b/c);",
            "- Sở Nội vụ tỉnh;",
            "- Các thôn;",
            "- Lưu: VT, VP.",
        ]
        label, entry = left.paragraphs[0], left.paragraphs[1]
        assert font_value(label, label.runs[0], "bold") is True
        assert font_value(label, label.runs[0], "italic") is True
        assert font_value(label, label.runs[0], "size") == Pt(12)
        assert font_value(entry, entry.runs[0], "size") == Pt(11)

    def test_authority_position_and_name_right_in_bold(self, report):
        right = report.tables[-1].rows[0].cells[1]
        lines = [paragraph.text for paragraph in right.paragraphs]
        assert lines[0] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
        assert lines[1] == "PHÓ CHỦ TỊCH"
        assert lines[2:-1] == [""] * 4  # room for the signature and the seal
        assert lines[-1] == "Hoàng Văn Nam"
        for paragraph in (right.paragraphs[0], right.paragraphs[1], right.paragraphs[-1]):
            assert font_value(paragraph, paragraph.runs[0], "bold") is True

    def test_without_recipients_only_the_archive_line_remains(self, report_context):
        report_context["recipients"] = []
        report_context["archive"] = ""
        left = render(report_context).tables[-1].rows[0].cells[0]
        assert [paragraph.text for paragraph in left.paragraphs] == ["Nơi nhận:", "- Lưu: VT."]


class TestTemplateLookup:
    def _office_template(self, folder, text):
        document = Document()
        document.add_paragraph(text)
        document.save(folder / TEMPLATE)

    def test_office_copy_in_document_templates_dir_wins(self, office_templates_dir, report_context):
        self._office_template(office_templates_dir, "MẪU CỦA VĂN PHÒNG {{ issuing_body|upper_vi }}")
        texts = [paragraph.text for paragraph in render(report_context).paragraphs]
        assert texts == ["MẪU CỦA VĂN PHÒNG UBND XÃ THỐNG NHẤT"]

    def test_built_in_template_when_the_office_has_none(self, report):
        assert report.tables[0].rows[0].cells[1].paragraphs[0].text == (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        )

    def test_broken_tag_in_an_office_template_is_reported_in_vietnamese(
        self, office_templates_dir, report_context
    ):
        self._office_template(office_templates_dir, "Kính gửi {{ issuing_body ")
        with pytest.raises(DocumentTemplateError, match="viết sai"):
            render_docx(TEMPLATE, report_context)

    def test_a_file_that_is_not_docx_is_reported(self, office_templates_dir, report_context):
        (office_templates_dir / TEMPLATE).write_bytes(b"not a Word file")
        with pytest.raises(DocumentTemplateError, match="không phải văn bản Word"):
            render_docx(TEMPLATE, report_context)

    def test_unknown_template_is_reported(self, report_context):
        with pytest.raises(DocumentTemplateError, match="Không tìm thấy mẫu"):
            render_docx("to_trinh_khong_co.docx", report_context)

    @pytest.mark.parametrize("name", ["../settings.docx", "/etc/passwd", "a/b.docx", ".docx"])
    def test_template_name_cannot_leave_the_template_folders(self, name):
        with pytest.raises(ValueError):
            render_docx(name, {})

    def test_template_cannot_reach_python_internals(self, office_templates_dir):
        self._office_template(office_templates_dir, "[{{ title.__class__.__mro__ }}]")
        document = Document(io.BytesIO(render_docx(TEMPLATE, {"title": "x"})))
        assert [paragraph.text for paragraph in document.paragraphs] == ["[]"]
