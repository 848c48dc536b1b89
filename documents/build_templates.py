"""Build the Word templates in the ND 30/2020 layout: `python -m documents.build_templates`.

The templates in documents/templates_docx/ are generated here with python-docx so that the layout
(ND 30/2020 Phụ lục I: page, fonts, header block, signature block) is reproducible and reviewed as
code; the .docx files are committed so that an office can copy one, change the wording in Word and
keep the {{ }} tags (see documents/README.md). The build is deterministic: the same script gives
the same files, and a test checks that the committed files match it.

The building blocks of the layout (page, styles, header and signature blocks, tables, the
deterministic save) are documents/docx_kit.py; this module is the templates made of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument

from documents.docx_kit import (
    HEADING_1,
    HEADING_2,
    HEADING_3,
    PLACEHOLDER,
    TEMPLATES_DIR,
    add_data_table,
    add_header_block,
    add_narrative,
    add_paragraph,
    add_run,
    add_signature_block,
    add_tag,
    add_title_block,
    new_document,
    save_deterministic,
)

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
