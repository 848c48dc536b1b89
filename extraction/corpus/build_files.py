"""Build the corpus's .docx and .pdf entries from rows of a public text (no real Word/PDF copy of
these appendices was reachable): `python extraction/corpus/build_files.py`.

Each `NAME.src.md` holds table rows exactly as the public transcription prints them ("| 63. | … |");
the heading of Phụ lục II and its column names are those of that transcription. The rows become a
ruled Word table (python-docx); the .pdf is LibreOffice's conversion of that Word file
(`soffice --headless --convert-to pdf`), so its table is ruled as a printed plan's is; the .txt
prints the table as web copies of plans do: one cell per line (long cells hard-wrapped at 70
columns), a lone "|" between cells. The target-table .docx is made from the rows of the
markdown entry nqcp03-phuluc1-2025.md with that appendix's heading and columns.
"""

import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
HEADING = [
    "PHỤ LỤC II",
    "DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT "
    "SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, "
    "ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
    "(Kèm theo Chương trình hành động tại Nghị quyết số  /NQ-CP ngày 01 tháng 01 năm 2025 của "
    "Chính phủ)",
]
COLUMNS = [
    "TT",
    "Tên nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Kết quả",
    "Thời gian hoàn thành",
]
TARGET_HEADING = [
    "PHỤ LỤC I",
    "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ",
    "(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025 của "
    "Chính phủ)",
]
TARGET_COLUMNS = ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"]


def rows(source: Path) -> list[list[str]]:
    out = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [re.sub(r"\*\*", "", c).strip() for c in line.strip().strip("|").split("|")]
        out.append(cells)
    return out


def build_docx(source: Path, target: Path, heading=HEADING, columns=COLUMNS) -> None:
    document = Document()
    for text in heading:
        document.add_paragraph(text)
    table_rows = [r for r in rows(source) if not re.fullmatch(r"-+", r[0].replace(" ", ""))]
    table_rows = [r for r in table_rows if r[0] not in ("TT", "STT")]
    table = document.add_table(rows=1 + len(table_rows), cols=len(columns))
    table.style = "Table Grid"
    for j, name in enumerate(columns):
        table.cell(0, j).text = name
    for i, cells in enumerate(table_rows, start=1):
        for j, text in enumerate(cells[: len(columns)]):
            table.cell(i, j).text = text
    document.save(target)


def build_cell_text(source: Path, target: Path) -> None:
    out = [*HEADING, ""]
    cells = list(COLUMNS)
    for row in rows(source):
        cells.extend((row + [""] * len(COLUMNS))[: len(COLUMNS)])
    for k, cell in enumerate(cells):
        if k:
            out.append("|")
        out.extend(textwrap.wrap(cell, 70) if cell else [])
    out.append("|")
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


def build_pdf(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / (target.stem + ".docx")
        build_docx(source, docx)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
            check=True,
            capture_output=True,
        )
        (Path(tmp) / (target.stem + ".pdf")).replace(target)


def main() -> int:
    build_docx(HERE / "nqcp03-phuluc2-nhom4-2025.src.md", HERE / "nqcp03-phuluc2-nhom4-2025.docx")
    build_pdf(HERE / "nqcp03-phuluc2-nhom3b-2025.src.md", HERE / "nqcp03-phuluc2-nhom3b-2025.pdf")
    build_cell_text(
        HERE / "nqcp03-phuluc2-nhom7-2025.src.md", HERE / "nqcp03-phuluc2-nhom7-2025.txt"
    )
    build_docx(
        HERE / "nqcp03-phuluc1-2025.md",
        HERE / "nqcp03-phuluc1-2025.docx",
        heading=TARGET_HEADING,
        columns=TARGET_COLUMNS,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
