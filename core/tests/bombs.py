"""Crafted hostile uploads, built with zipfile and by hand: used by the tests and the benchmark
(bench/upload_bench.py). Each is small on disk and costly to parse without the guard."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document


def normal_docx(paragraphs: int = 200) -> bytes:
    """A real plan-sized Word file: a header table, text and a task table."""
    document = Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND XÃ THỐNG NHẤT"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(1, 0).text = "Số: 15/KH-UBND"
    header.cell(1, 1).text = "Thống Nhất, ngày 10 tháng 8 năm 2026"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Chuyển đổi số trên địa bàn xã năm 2026")
    for i in range(paragraphs):
        document.add_paragraph(f"- Nhiệm vụ {i + 1}: tập huấn kỹ năng số cho người dân thôn {i}.")
    table = document.add_table(rows=1, cols=4)
    for cell, title in zip(
        table.rows[0].cells, ("TT", "Nội dung nhiệm vụ", "Chủ trì", "Thời gian"), strict=True
    ):
        cell.text = title
    for i in range(30):
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text, row[3].text = (
            str(i + 1),
            f"Nhiệm vụ số {i + 1}",
            "Văn phòng",
            "Quý IV/2026",
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def inflated_docx(unpacked_mb: int = 300) -> bytes:
    """A real .docx whose body is padded with `unpacked_mb` MB of spaces inside a paragraph:
    about 1 MB packed per 1,000 MB unpacked (a "zip bomb" of the kind the issue measured)."""
    source = zipfile.ZipFile(io.BytesIO(normal_docx(paragraphs=1)))
    buffer = io.BytesIO()
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "word/document.xml":
                target.writestr(info, data)
                continue
            head, tail = data.split(b"</w:body>")
            with target.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head)
                member.write(b'<w:p><w:r><w:t xml:space="preserve">')
                for _ in range(unpacked_mb):
                    member.write(chunk)
                member.write(b"</w:t></w:r></w:p></w:body>" + tail)
    return buffer.getvalue()


def wide_span_docx(span: int = 1_000_000) -> bytes:
    """A 40 kB .docx whose table cell claims to span a million columns."""
    source = zipfile.ZipFile(io.BytesIO(normal_docx(paragraphs=5)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = re.sub(
                    rb"<w:tc>(<w:tcPr>)?",
                    lambda m: (
                        b'<w:tc><w:tcPr><w:gridSpan w:val="%d"/>' % span
                        + (b"" if m.group(1) else b"</w:tcPr>")
                    ),
                    data,
                    count=1,
                )
            target.writestr(info, data)
    return buffer.getvalue()


def many_members_zip(members: int = 5000) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for i in range(members):
            target.writestr(f"word/media/p{i}.xml", b"<a/>")
    return buffer.getvalue()


def pdf_with_pages(pages: int) -> bytes:
    """A valid PDF of `pages` empty pages (its xref table correct, so poppler counts them)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
        + b"] /Count %d >>" % pages,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def far_cell_xlsx(workbook_path: Path, sheet_title: str, row: int = 99_999_999) -> None:
    """Move one cell of `sheet_title` to row `row`, past Excel's last row, by editing the sheet's
    XML as an attacker would (the Excel import's 36 s, 1.2 GB file)."""
    from openpyxl import load_workbook

    last = 1_048_576  # the farthest openpyxl itself writes
    book = load_workbook(workbook_path)
    book[sheet_title].cell(row=last, column=1, value="x")
    book.save(workbook_path)
    with zipfile.ZipFile(workbook_path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(workbook_path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename.startswith("xl/worksheets/") and b'r="%d"' % last in data:
                data = data.replace(b"%d" % last, b"%d" % row)
            target.writestr(info, data)


def flate_bomb_pdf(unpacked_mb: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates to `unpacked_mb` MB of drawing operators:
    its page count is honest, so only the reader's own time and memory limits can stop it."""
    import zlib

    squeezer = zlib.compressobj(9)
    operators = b"0 0 m 1 1 l S\n" * (1024 * 1024 // 14)
    stream = b"".join(squeezer.compress(operators) for _ in range(unpacked_mb)) + squeezer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
