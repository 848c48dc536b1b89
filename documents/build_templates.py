"""Build the Word templates in the ND 30/2020 layout: `python -m documents.build_templates`.

The templates in documents/templates_docx/ are generated here with python-docx so that the layout
(ND 30/2020 Phụ lục I: page, fonts, header block, signature block) is reproducible and reviewed as
code; the .docx files are committed so that an office can copy one, change the wording in Word and
keep the {{ }} tags (see documents/README.md). The build is deterministic: the same script gives
the same files, and a test checks that the committed files match it.

Text widths below were measured once on Liberation Serif, the metric twin of Times New Roman that
LibreOffice uses when Times New Roman is not installed, so both render the same lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates_docx"

FONT = "Times New Roman"

# ND 30/2020 Phụ lục I: A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right
# 15–20 mm. The smallest top, bottom and left margins and the largest right one leave the widest
# text block that is still within the rule.
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 20
# The page number sits 10 mm from the top edge, inside the 20 mm top margin.
HEADER_DISTANCE_MM = 10
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

# Header block columns: the issuing body on the left, the Quốc hiệu on the right. The Quốc hiệu in
# bold 12 pt is 88 mm wide, so the right column takes 98 mm; "UBND XÃ THỐNG NHẤT" in bold 13 pt is
# 53 mm and fits the left 62 mm (longer names wrap, as ND 30 allows).
HEADER_LEFT_MM = 62
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
# ND 30/2020 Phụ lục I: the line under the issuing body is 1/3 to 1/2 of the name's length, the
# line under the Tiêu ngữ as long as it (56 mm in bold 13 pt), the one under a trích yếu 1/3 to 1/2
# of its line.
ISSUER_RULE_MM = 24
MOTTO_RULE_MM = 56
SUMMARY_RULE_MM = 50
SIGNATURE_LEFT_MM = 75
SIGNATURE_RIGHT_MM = TEXT_WIDTH_MM - SIGNATURE_LEFT_MM

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Empty lines left for the handwritten signature and the seal.
SIGNATURE_BLANK_LINES = 4
# Where a person still has to write (an empty section of a draft).
PLACEHOLDER = "…" * 28

# Fixed so that the build is reproducible (the date goes into docProps/core.xml and the zip).
BUILD_DATE = dt.datetime(2026, 1, 1)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

W_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def mm_to_twips(mm: float) -> int:
    """Word stores lengths in twentieths of a point; 210 mm is 11906 twips."""
    return round(mm * 1440 / 25.4)


def _size(points: float) -> str:
    half_points = round(points * 2)
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _paragraph_style(
    style_id: str, name: str, ppr: str = "", rpr: str = "", *, based_on: str = "Normal"
) -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/><w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


# Paragraph styles, by the name Word shows an office in its Styles pane.
BODY = "Normal"
BLOCK = "ND30 Thể thức"
DOC_TYPE = "ND30 Tên loại văn bản"
SUMMARY = "ND30 Trích yếu"
RULE = "ND30 Đường kẻ"
HEADING_1 = "ND30 Đề mục I"
HEADING_2 = "ND30 Đề mục 1"
HEADING_3 = "ND30 Đề mục 1.1"
TABLE_TEXT = "ND30 Chữ trong bảng"
TABLE_HEADING = "ND30 Tiêu đề cột"
RECIPIENTS = "ND30 Nơi nhận"

# No first-line indent, no space around: the lines of the header and signature blocks.
_BLOCK_PPR = (
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:firstLine="0"/><w:jc w:val="center"/>'
)
_TABLE_PPR = (
    '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:firstLine="0"/><w:jc w:val="left"/>'
)

# Every style the templates use, written out so that each ND 30 value is visible here. Times New
# Roman is set for the ASCII, high-ANSI, East Asian and complex-script slots so that Word and
# LibreOffice never fall back to a theme font for Vietnamese letters.
STYLES_XML = (
    f"<w:styles {nsdecls('w')}>"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'{W_FONTS}{_size(14)}<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    # ND 30/2020 Phụ lục I: body 13–14 pt, justified, first-line indent 1–1.27 cm, spacing between
    # paragraphs at least 6 pt, line spacing single to 1.5.
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/><w:pPr><w:widowControl/>"
    '<w:spacing w:before="120" w:after="120" w:line="276" w:lineRule="auto"/>'
    '<w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>'
    f'<w:rPr>{W_FONTS}<w:color w:val="000000"/>{_size(14)}</w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "<w:unhideWhenUsed/></w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr>'
    '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    "</w:tblBorders></w:tblPr></w:style>"
    # ND 30/2020 Phụ lục I: page number 13–14 pt, top centre.
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
    f'<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>{_BLOCK_PPR}'
    f"</w:pPr><w:rPr>{_size(14)}</w:rPr></w:style>"
    + _paragraph_style("ND30Block", BLOCK, _BLOCK_PPR, _size(13))
    + _paragraph_style(
        "ND30DocType",
        DOC_TYPE,
        '<w:keepNext/><w:spacing w:before="360" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLine="0"/><w:jc w:val="center"/>',
        f"<w:b/><w:bCs/>{_size(14)}",
    )
    + _paragraph_style(
        "ND30Summary",
        SUMMARY,
        "<w:keepNext/>" + _BLOCK_PPR,
        f"<w:b/><w:bCs/>{_size(14)}",
    )
    # A short solid line drawn as the top border of an almost empty paragraph: it renders the
    # same in Word and LibreOffice, and an office can widen it with the paragraph's indents.
    + _paragraph_style(
        "ND30Rule",
        RULE,
        '<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
        '</w:pBdr><w:spacing w:before="60" w:after="0" w:line="20" w:lineRule="exact"/>'
        '<w:ind w:firstLine="0"/><w:jc w:val="center"/>',
        _size(1),
    )
    + _paragraph_style("ND30Heading1", HEADING_1, "<w:keepNext/>", f"<w:b/><w:bCs/>{_size(14)}")
    + _paragraph_style("ND30Heading2", HEADING_2, "<w:keepNext/>", f"<w:b/><w:bCs/>{_size(14)}")
    + _paragraph_style("ND30Heading3", HEADING_3, "<w:keepNext/>", "<w:b/><w:bCs/>")
    # ND 30/2020 Phụ lục I leaves tables to the drafter; 12 pt keeps six columns readable.
    + _paragraph_style("ND30TableText", TABLE_TEXT, _TABLE_PPR, _size(12))
    + _paragraph_style(
        "ND30TableHeading",
        TABLE_HEADING,
        '<w:keepNext/><w:jc w:val="center"/>',
        "<w:b/><w:bCs/>",
        based_on="ND30TableText",
    )
    # ND 30/2020 Phụ lục I: "Nơi nhận:" 12 pt bold italic, its entries 11 pt.
    + _paragraph_style(
        "ND30Recipients",
        RECIPIENTS,
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLine="0"/><w:jc w:val="left"/>',
        _size(11),
    )
    + "</w:styles>"
)


# --- the package around the text --------------------------------------------------------------


def _replace_children(element, source_xml: str) -> None:
    source = parse_xml(source_xml)
    for child in list(element):
        element.remove(child)
    for child in list(source):
        element.append(child)


def _trim_package(document: DocxDocument) -> None:
    """Drop what python-docx's default file carries and a template does not need.

    Its thumbnail shows an unrelated page, stylesWithEffects and customXml are leftovers of the
    Word version it was made with, its list definitions are unused: without them a template
    weighs about 10 kB.
    """
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package_rels[rel_id]
    unused = {
        RT.CUSTOM_XML,
        RT.NUMBERING,  # list definitions with Symbol bullets; Word recreates them when needed
        RT.WEB_SETTINGS,
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    }
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in unused:
            del document.part.rels[rel_id]
        elif rel.reltype == RT.THEME:
            # Theme fonts too, in case an office applies "Body" or "Headings" fonts in Word.
            part = rel.target_part
            part._blob = part.blob.replace(b'"Calibri"', f'"{FONT}"'.encode()).replace(
                b'"Cambria"', f'"{FONT}"'.encode()
            )
        elif rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = (
                "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                f'<w:fonts {nsdecls("w")}><w:font w:name="{FONT}">'
                '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
                '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
            ).encode()

    settings = document.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids", "w14:docId"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    for element in settings.iter(qn("w:compatSetting")):
        if element.get(qn("w:name")) == "compatibilityMode":
            element.set(qn("w:val"), "15")
    for element in settings.findall(qn("w:themeFontLang")):
        element.set(qn("w:val"), "vi-VN")


def _set_properties(document: DocxDocument, title: str) -> None:
    properties = document.core_properties
    properties.title = title
    properties.author = "Thi đua số"
    properties.last_modified_by = "Thi đua số"
    properties.comments = "Mẫu văn bản theo Nghị định 30/2020/NĐ-CP, Phụ lục I."
    properties.language = "vi-VN"
    properties.revision = 1
    properties.created = BUILD_DATE
    properties.modified = BUILD_DATE


def _set_page(document: DocxDocument) -> None:
    """A4 portrait and ND 30 margins; the page number in the header of every page but the first."""
    section = document.sections[0]
    section.page_width = Twips(mm_to_twips(PAGE_WIDTH_MM))
    section.page_height = Twips(mm_to_twips(PAGE_HEIGHT_MM))
    section.top_margin = Twips(mm_to_twips(MARGIN_TOP_MM))
    section.bottom_margin = Twips(mm_to_twips(MARGIN_BOTTOM_MM))
    section.left_margin = Twips(mm_to_twips(MARGIN_LEFT_MM))
    section.right_margin = Twips(mm_to_twips(MARGIN_RIGHT_MM))
    section.header_distance = Twips(mm_to_twips(HEADER_DISTANCE_MM))
    section.footer_distance = Twips(mm_to_twips(HEADER_DISTANCE_MM))
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for attribute in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        sect_pr.attrib.pop(qn(attribute), None)

    # ND 30/2020 Phụ lục I: page number top centre, not on page 1 (different first page).
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].style = document.styles["Header"]
    number = section.header.paragraphs[0]
    number.style = document.styles["Header"]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for field_xml in (
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>2</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        number._p.append(parse_xml(f"<w:r {nsdecls('w')}>{field_xml}</w:r>"))


def new_document(title: str) -> DocxDocument:
    """An empty document with the ND 30 page, styles and page numbers, ready for its content."""
    document = Document()
    _replace_children(document.styles.element, STYLES_XML)
    _trim_package(document)
    _set_properties(document, title)
    _set_page(document)
    return document


def save_deterministic(document: DocxDocument, path: Path) -> None:
    """Save with fixed zip dates so that building twice gives the same bytes (reviewable diffs)."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))


# --- building blocks ----------------------------------------------------------------------------


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    size: float | None = None,
):
    run = paragraph.add_run(text)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if size is not None:
        run.font.size = Pt(size)
    return run


def add_paragraph(container, text: str = "", style: str = BODY, **run_format) -> Paragraph:
    """Add a paragraph to the body or a cell; a fresh cell's empty first paragraph is reused."""
    paragraphs = container.paragraphs if isinstance(container, _Cell) else []
    if len(paragraphs) == 1 and not paragraphs[0].runs and paragraphs[0]._p.pPr is None:
        paragraph = paragraphs[0]
        paragraph.style = container.part.document.styles[style]
    else:
        paragraph = container.add_paragraph(style=style)
    if text:
        add_run(paragraph, text, **run_format)
    return paragraph


def add_tag(container, tag: str) -> Paragraph:
    """A paragraph that holds only a docxtpl {%p ... %} tag; docxtpl removes it when rendering."""
    return add_paragraph(container, tag, style=BLOCK if isinstance(container, _Cell) else BODY)


def add_rule(container, width_mm: float, column_mm: float) -> Paragraph:
    """A centred horizontal line `width_mm` long in a column `column_mm` wide."""
    paragraph = add_paragraph(container, style=RULE)
    side = Twips(mm_to_twips((column_mm - width_mm) / 2))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    return paragraph


def _table_properties(table: Table, widths_mm: list[float], *, grid: bool) -> None:
    """Fixed column widths (Word and LibreOffice agree on them), borders only for data tables."""
    total = sum(mm_to_twips(width) for width in widths_mm)
    style = '<w:tblStyle w:val="TableGrid"/>' if grid else ""
    borders = (
        ""
        if grid
        else "<w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="nil"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    margins = (
        ""
        if grid
        else '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar>"
    )
    tbl_pr = parse_xml(
        f'<w:tblPr {nsdecls("w")}>{style}<w:tblW w:w="{total}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/>{borders}<w:tblLayout w:type="fixed"/>{margins}'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    )
    table._tbl.replace(table._tbl.tblPr, tbl_pr)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Twips(mm_to_twips(width))
        for cell in column.cells:
            cell.width = Twips(mm_to_twips(width))


def add_table(document: DocxDocument, widths_mm: list[float], rows: int, *, grid: bool) -> Table:
    table = document.add_table(rows=rows, cols=len(widths_mm))
    _table_properties(table, widths_mm, grid=grid)
    return table


def _row_flags(row, *, header: bool = False) -> None:
    """Rows never split across pages; a header row is repeated on each page of a long table."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    if header:
        tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _merged(row) -> _Cell:
    cell = row.cells[0].merge(row.cells[-1])
    return cell


def add_header_block(document: DocxDocument) -> Table:
    """ND 30/2020 Phụ lục I header: issuing body left, Quốc hiệu and Tiêu ngữ right, number and
    place-date on the row below (so that "Số:" and the date share a line, as the rule shows)."""
    table = add_table(document, [HEADER_LEFT_MM, HEADER_RIGHT_MM], rows=2, grid=False)
    left, right = table.rows[0].cells
    add_tag(left, "{%p if superior_body %}")
    add_paragraph(left, "{{ superior_body|upper_vi }}", BLOCK, size=13)
    add_tag(left, "{%p endif %}")
    add_paragraph(left, "{{ issuing_body|upper_vi }}", BLOCK, bold=True, size=13)
    add_rule(left, ISSUER_RULE_MM, HEADER_LEFT_MM)
    add_paragraph(right, NATIONAL_TITLE, BLOCK, bold=True, size=12)
    add_paragraph(right, MOTTO, BLOCK, bold=True, size=13)
    add_rule(right, MOTTO_RULE_MM, HEADER_RIGHT_MM)

    left, right = table.rows[1].cells
    number = add_paragraph(left, "Số: {{ number }}", BLOCK, size=13)
    number.paragraph_format.space_before = Pt(6)
    date_line = add_paragraph(right, "{{ place_date }}", BLOCK, italic=True, size=14)
    date_line.paragraph_format.space_before = Pt(6)
    for cell in table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def add_title_block(document: DocxDocument, doc_type: str, summary_tag: str) -> None:
    """Document type (bold capitals) and trích yếu (bold), centred, a short line below."""
    add_paragraph(document, doc_type, DOC_TYPE)
    add_paragraph(document, summary_tag, SUMMARY)
    add_rule(document, SUMMARY_RULE_MM, TEXT_WIDTH_MM)


def add_signature_block(document: DocxDocument) -> Table:
    """ND 30/2020 Phụ lục I signature: "Nơi nhận:" left; authority, position, name right."""
    table = add_table(document, [SIGNATURE_LEFT_MM, SIGNATURE_RIGHT_MM], rows=1, grid=False)
    _row_flags(table.rows[0])
    left, right = table.rows[0].cells

    label = add_paragraph(left, "Nơi nhận:", RECIPIENTS, bold=True, italic=True, size=12)
    label.paragraph_format.space_before = Pt(12)
    add_tag(left, "{%p for recipient in recipients %}")
    add_paragraph(left, "- {{ recipient }};", RECIPIENTS)
    add_tag(left, "{%p endfor %}")
    add_paragraph(left, "- Lưu: VT{% if archive %}, {{ archive }}{% endif %}.", RECIPIENTS)

    add_tag(right, "{%p if signature.authority %}")
    authority = add_paragraph(
        right, "{{ signature.authority|upper_vi }}", BLOCK, bold=True, size=14
    )
    authority.paragraph_format.space_before = Pt(12)
    add_tag(right, "{%p endif %}")
    add_paragraph(right, "{{ signature.position|upper_vi }}", BLOCK, bold=True, size=14)
    for _ in range(SIGNATURE_BLANK_LINES):
        add_paragraph(right, "", BLOCK)
    add_paragraph(right, "{{ signature.name }}", BLOCK, bold=True, size=14)
    for paragraph in right.paragraphs:
        paragraph.paragraph_format.keep_with_next = True
    return table


def add_data_table(
    document: DocxDocument,
    widths_mm: list[float],
    headings: list[str],
    loop: str,
    cells: list[str],
    empty_text: str,
    centred: set[int],
) -> Table:
    """A bordered table with a heading row and one row per item (docxtpl {%tr for %} ... {%tr
    else %} ... {%tr endfor %}): when the list is empty the `empty_text` row is shown instead."""
    table = add_table(document, widths_mm, rows=6, grid=True)
    heading_row, loop_row, item_row, else_row, empty_row, end_row = table.rows
    _row_flags(heading_row, header=True)
    for cell, heading in zip(heading_row.cells, headings, strict=True):
        add_paragraph(cell, heading, TABLE_HEADING)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    add_paragraph(_merged(loop_row), f"{{%tr for {loop} %}}", TABLE_TEXT)
    _row_flags(item_row)
    for index, (cell, content) in enumerate(zip(item_row.cells, cells, strict=True)):
        _fill_cell(cell, content, centred=index in centred)
    add_paragraph(_merged(else_row), "{%tr else %}", TABLE_TEXT)
    empty = add_paragraph(_merged(empty_row), empty_text, TABLE_TEXT, italic=True)
    empty.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_paragraph(_merged(end_row), "{%tr endfor %}", TABLE_TEXT)
    return table


def _fill_cell(cell: _Cell, content: str, *, centred: bool) -> None:
    """A cell's content: lines separated by "\\n"; a line "{%p ...%}" is a tag paragraph, a line
    starting with "_" is italic (a note under the value)."""
    for line in content.split("\n"):
        italic = line.startswith("_")
        text = line.removeprefix("_")
        paragraph = add_paragraph(cell, text, TABLE_TEXT, italic=True if italic else None)
        if centred and not text.startswith("{%p"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_narrative(document: DocxDocument, field: str, *, placeholder: bool = False) -> None:
    """A text field rendered as body paragraphs (one per line of the text), nothing when empty —
    or, with `placeholder`, a dotted line for the person who finishes the draft."""
    add_tag(document, f"{{%p if {field} %}}")
    add_paragraph(document, f"{{{{ {field}|paragraphs }}}}")
    if placeholder:
        add_tag(document, "{%p else %}")
        add_paragraph(document, PLACEHOLDER)
    add_tag(document, "{%p endif %}")


# --- the templates ------------------------------------------------------------------------------


def build_bao_cao_ket_qua() -> DocxDocument:
    """Báo cáo kết quả thực hiện Phong trào thi đua (periodic narrative report of a unit).

    Context (documents.contexts.ReportContext):
        superior_body: str        "UBND TỈNH LẠNG SƠN" (may be "")
        issuing_body: str         "UBND XÃ THỐNG NHẤT"
        number: str               "    /BC-UBND" (layout.document_number; blank for a draft)
        place_date: str           "Thống Nhất, ngày 25 tháng 11 năm 2026" (layout.place_date)
        title: str                "Kết quả thực hiện Phong trào thi đua “...” tháng 11/2026"
        intro: str                opening paragraph(s)
        period_label: str         "tháng 11/2026"
        targets: list of {no, text, plan_value, current, path_value, status, units_without_data}
        tasks: list of {no, title, lead, person, authority, deadline, status, progress, note}
        units: list of {name, status, submitted, results, difficulties, proposals}
        results, difficulties, proposals: str   sections' own text, may be empty
        signature: {authority, position, name}
        recipients: list[str]     "Như trên" -> "- Như trên;"
        archive: str              "VP" -> "- Lưu: VT, VP." (may be "")
    """
    document = new_document("Báo cáo kết quả thực hiện Phong trào thi đua")
    add_header_block(document)
    add_title_block(document, "BÁO CÁO", "{{ title }}")
    add_narrative(document, "intro")

    add_paragraph(document, "I. KẾT QUẢ THỰC HIỆN", HEADING_1)
    add_paragraph(document, "1. Kết quả thực hiện các chỉ tiêu {{ period_label }}", HEADING_2)
    add_data_table(
        document,
        [12, 56, 22, 22, 22, 26],
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Theo lộ trình", "Đánh giá"],
        loop="target in targets",
        cells=[
            "{{ target.no }}",
            "{{ target.text }}",
            "{{ target.plan_value }}",
            "{{ target.current }}",
            "{{ target.path_value }}",
            "{{ target.status }}\n{%p if target.units_without_data %}\n"
            "_{{ target.units_without_data }} đơn vị chưa có số liệu\n{%p endif %}",
        ],
        empty_text="Chưa có số liệu.",
        centred={0, 2, 3, 4, 5},
    )
    add_paragraph(document, "2. Tình hình thực hiện nhiệm vụ", HEADING_2)
    add_data_table(
        document,
        [12, 46, 30, 26, 22, 24],
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Tiến độ"],
        loop="task in tasks",
        cells=[
            "{{ task.no }}",
            "{{ task.title }}\n{%p if task.authority %}\n_Thẩm quyền quyết định: "
            "{{ task.authority }}\n{%p endif %}",
            "{{ task.lead }}\n{%p if task.person %}\n_Phụ trách: {{ task.person }}\n{%p endif %}",
            "{{ task.deadline }}",
            "{{ task.status }}",
            "{{ task.progress }}\n{%p if task.note %}\n_{{ task.note }}\n{%p endif %}",
        ],
        empty_text="Chưa có nhiệm vụ trong kỳ.",
        centred={0, 3, 4, 5},
    )

    add_paragraph(document, "3. Kết quả của các đơn vị", HEADING_2)
    add_tag(document, "{%p for unit in units %}")
    unit_name = add_paragraph(document, "3.{{ loop.index }}. {{ unit.name }}", HEADING_3)
    add_run(
        unit_name,
        "{% if unit.status %} ({{ unit.status }}{% if unit.submitted %}, gửi ngày "
        "{{ unit.submitted }}{% endif %}){% endif %}",
        bold=False,
        italic=True,
    )
    add_tag(document, "{%p if unit.results %}")
    add_paragraph(document, "{{ unit.results|paragraphs }}")
    add_tag(document, "{%p else %}")
    add_paragraph(document, "Đơn vị chưa báo cáo kết quả.", italic=True)
    add_tag(document, "{%p endif %}")
    add_tag(document, "{%p else %}")
    add_paragraph(document, "Chưa có đơn vị nào gửi báo cáo trong kỳ.", italic=True)
    add_tag(document, "{%p endfor %}")
    add_tag(document, "{%p if results %}")
    add_paragraph(document, "4. Đánh giá chung", HEADING_2)
    add_paragraph(document, "{{ results|paragraphs }}")
    add_tag(document, "{%p endif %}")

    for heading, field in (
        ("II. KHÓ KHĂN, VƯỚNG MẮC", "difficulties"),
        ("III. ĐỀ XUẤT, KIẾN NGHỊ", "proposals"),
    ):
        add_paragraph(document, heading, HEADING_1)
        add_narrative(document, field)
        add_tag(document, f"{{%p for unit in units if unit.{field} %}}")
        line = add_paragraph(document, "- {{ unit.name }}: ", italic=True)
        add_run(line, f"{{{{ unit.{field}|paragraphs }}}}")
        add_tag(document, "{%p else %}")
        add_tag(document, f"{{%p if not {field} %}}")
        add_paragraph(document, PLACEHOLDER)
        add_tag(document, "{%p endif %}")
        add_tag(document, "{%p endfor %}")

    add_paragraph(
        document,
        "Trên đây là báo cáo kết quả thực hiện Phong trào thi đua"
        "{% if period_label %} {{ period_label }}{% endif %}./.",
    )
    add_signature_block(document)
    return document


# Template file name -> function that builds it.
TEMPLATES: dict[str, Callable[[], DocxDocument]] = {
    "bao_cao_ket_qua.docx": build_bao_cao_ket_qua,
}


def _award_templates() -> dict[str, Callable[[], DocxDocument]]:
    # The award templates reuse this module's blocks, so they are imported once it is loaded.
    from documents.build_award_templates import TEMPLATES as AWARD_TEMPLATES

    return AWARD_TEMPLATES


def all_templates() -> dict[str, Callable[[], DocxDocument]]:
    return {**TEMPLATES, **_award_templates()}


def build_all(out_dir: Path = TEMPLATES_DIR) -> list[Path]:
    """Write every template into `out_dir` and return their paths."""
    paths = []
    for name, build in all_templates().items():
        path = out_dir / name
        save_deterministic(build(), path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Tạo các mẫu văn bản Word theo Nghị định 30/2020.")
    parser.add_argument("--out", type=Path, default=TEMPLATES_DIR, help="thư mục ghi mẫu")
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        print(path)


if __name__ == "__main__":
    main()
