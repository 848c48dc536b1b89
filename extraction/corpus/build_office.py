"""Word and PDF copies of corpus documents laid out as an office lays a plan out (Nghị định
30/2020/NĐ-CP): `python extraction/corpus/build_office.py`.

No real .docx/.pdf of these documents was reachable from here, so they are built from their
public text: a borderless two-column table for the header (issuer over its rule beside the Quốc
hiệu; the number beside the place and date, in italics), the document type and title centred in
bold, the body as paragraphs, a borderless two-column table for the closing ("Nơi nhận:" and the
recipients beside the signature block: authority, position, room for the signature, the name),
an attached programme on a new page, and the appendix as a ruled Word table whose group rows
are merged across the row. The .pdf is LibreOffice's conversion of the .docx
(`soffice --headless --convert-to pdf`). Each copy is scored against the gold of its text.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
QUOC_HIEU = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def _paragraph(cell_or_doc, text, *, bold=False, italic=False, center=False, size=13):
    paragraph = cell_or_doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _fill(cell, lines):
    """Lines into a table cell: (text, bold, italic) each its own centred paragraph."""
    cell.paragraphs[0].text = ""
    first = True
    for text, bold, italic in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(12 if not bold else 13)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build_docx(spec: dict, target: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    header = document.add_table(rows=2, cols=2)  # no style: borderless, as offices print it
    _fill(header.cell(0, 0), [(line, True, False) for line in spec["issuer"]] + [("-------", 0, 0)])
    _fill(
        header.cell(0, 1),
        [(QUOC_HIEU[0], True, False), (QUOC_HIEU[1], True, False), ("---------------", 0, 0)],
    )
    _fill(header.cell(1, 0), [(spec["number"], False, False)])
    _fill(header.cell(1, 1), [(spec["place_date"], False, True)])
    _paragraph(document, "")
    _paragraph(document, spec["type"], bold=True, center=True, size=14)
    for line in spec["title"]:
        _paragraph(document, line, bold=True, center=True, size=14)
    for text in spec["body"]:
        _paragraph(document, text, bold=bool(re.match(r"^(?:[IVX]+\.|QUYẾT|CHỦ TỊCH)", text)))
    closing = document.add_table(rows=1, cols=2)
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    left.paragraphs[0].add_run("Nơi nhận:").italic = True
    for recipient in spec["recipients"]:
        run = left.add_paragraph().add_run(recipient)
        run.font.size = Pt(11)
    authority, position, name = spec["signature"]
    _fill(right, [(authority, True, False), (position, True, False), ("", 0, 0), ("", 0, 0)])
    _fill_name = right.add_paragraph()
    _fill_name.add_run(name).bold = True
    _fill_name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.get("attachment"):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for k, text in enumerate(spec["attachment"]):
            heading = k < spec.get("attachment_heading", 0)
            _paragraph(document, text, bold=heading, center=heading)
    if spec.get("appendix"):
        appendix = spec["appendix"]
        landscape = document.add_section()
        landscape.orientation = WD_ORIENT.LANDSCAPE
        landscape.page_width, landscape.page_height = section.page_height, section.page_width
        for line in appendix["heading"]:
            _paragraph(document, line, bold=not line.startswith("("), center=True)
        columns = appendix["columns"]
        table = document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for j, name in enumerate(columns):
            table.cell(0, j).text = name
        for row in appendix["rows"]:
            cells = table.add_row().cells
            cells[0].text = row[0]
            if len(set(row[1:])) == 1 or not any(row[2:]):  # a group row: one merged cell
                merged = cells[1].merge(cells[-1])
                merged.text = row[1]
                continue
            for j, text in enumerate(row[: len(columns)]):
                cells[j].text = text
        for text in appendix.get("after", []):
            _paragraph(document, text, size=11)
    document.save(target)


def build_pdf(docx: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
            check=True,
            capture_output=True,
        )
        (Path(tmp) / (docx.stem + ".pdf")).replace(target)


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def nqcp12_spec() -> dict:
    """Nghị quyết 12/NQ-CP from the legal-text site's copy (nqcp12-2023.txt): the resolution,
    the closing printed there as '- Lưu: … | TM. CHÍNH PHỦ', the programme and its appendix."""
    text = (HERE / "nqcp12-2023.txt").read_text(encoding="utf-8")
    head, rest = text.split("\nNơi nhận:\n", 1)
    closing, attached = rest.split("\nPhạm Minh Chính\n", 1)
    programme, appendix = attached.split("\nPHỤ LỤC\n", 1)
    body = _blocks(head.split("NGHỊ QUYẾT\n", 1)[1])
    recipients = [line.split(" | ")[0] for line in closing.splitlines() if line.startswith("- ")]
    blocks = _blocks(appendix)
    table_at = next(k for k, b in enumerate(blocks) if b.startswith("TT | "))
    rows = [b.split(" | ") for b in blocks[table_at + 1 :] if " | " in b]
    return {
        "issuer": ["CHÍNH PHỦ"],
        "number": "Số: 12/NQ-CP",
        "place_date": "Hà Nội, ngày 07 tháng 02 năm 2023",
        "type": "NGHỊ QUYẾT",
        "title": [body[0]],
        "body": body[1:],
        "recipients": recipients,
        "signature": ("TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Phạm Minh Chính"),
        "attachment": _blocks(programme),
        "attachment_heading": 3,
        "appendix": {
            "heading": ["PHỤ LỤC", *blocks[:table_at]],
            "columns": blocks[table_at].split(" | "),
            "rows": rows,
            "after": [b for b in blocks[table_at + 1 :] if " | " not in b],
        },
    }


def tiengiang_spec() -> dict:
    """Quyết định 2952/QĐ-UBND of Tiền Giang (tiengiang-2952-2018.txt): the decision that
    issues the plan, its paragraphs as the web copy's hard-wrapped lines re-joined."""
    return {
        "issuer": ["ỦY BAN NHÂN DÂN", "TỈNH TIỀN GIANG"],
        "number": "Số: 2952/QĐ-UBND",
        "place_date": "Tiền Giang, ngày 10 tháng 10 năm 2018",
        "type": "QUYẾT ĐỊNH",
        "title": [
            "BAN HÀNH KẾ HOẠCH HỖ TRỢ HỆ SINH THÁI KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO TRÊN ĐỊA BÀN "
            "TỈNH TIỀN GIANG GIAI ĐOẠN 2018 - 2020, ĐỊNH HƯỚNG ĐẾN NĂM 2025"
        ],
        "body": [
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ Quyết định số 844/QĐ-TTg ngày 18 tháng 5 năm 2016 của Thủ tướng Chính phủ về "
            "việc phê duyệt Đề án “Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến "
            "năm 2025”;",
            "Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 50/TTr-SKH&CN ngày "
            "26 tháng 9 năm 2018,",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi "
            "mới sáng tạo trên địa bàn tỉnh Tiền Giang giai đoạn 2018-2020, định hướng đến năm "
            "2025.",
            "Điều 2. Quyết định có hiệu lực thi hành kể từ ngày ký.",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Khoa học và Công nghệ; Thủ trưởng "
            "các sở, ngành tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thị xã Gò Công, thị xã Cai "
            "Lậy, thành phố Mỹ Tho và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
            "Quyết định này./.",
        ],
        "recipients": [
            "- Như Điều 2;",
            "- Văn phòng Chính phủ;",
            "- Bộ Khoa học và Công nghệ;",
            "- TT. TU, TT. HĐND tỉnh;",
            "- Ủy ban MTTQVN tỉnh;",
            "- UBND tỉnh: CT, các PCT;",
            "- VPUB: CVP, các PVP;",
            "- Cổng TTĐT tỉnh, Công báo tỉnh;",
            "- Lưu: VT, KT (Lực, Tâm).",
        ],
        "signature": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Anh Tuấn"),
    }


def main() -> int:
    for name, spec in (("nqcp12-2023", nqcp12_spec()), ("tiengiang-2952-2018", tiengiang_spec())):
        docx = HERE / f"{name}.docx"
        build_docx(spec, docx)
        build_pdf(docx, HERE / f"{name}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
