"""Real files: a Word document with a task table built here, and its PDF printed by LibreOffice
(fixtures/ke-hoach-so.pdf, made from builders.build_plan_docx), read back."""

from pathlib import Path

import pytest

from extraction import extract_file
from extraction.tests.builders import TASK_ROWS, build_plan_docx

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def docx_path(tmp_path):
    return build_plan_docx(tmp_path / "ke-hoach.docx")


@pytest.mark.parametrize("source", ["docx", "pdf"])
def test_word_and_pdf_give_the_same_plan(source, docx_path):
    path = docx_path if source == "docx" else FIXTURES / "ke-hoach-so.pdf"
    draft = extract_file(path)
    document = draft.document
    assert (document.number, document.place, document.date) == (
        "125/KH-SKHCN",
        "Lào Cai",
        "2026-06-05",
    )
    assert (
        document.title == "Triển khai phong trào thi đua đổi mới sáng tạo và chuyển đổi số năm 2026"
    )
    assert [(r.number, r.date) for r in draft.references] == [("88/KH-UBND", "2026-05-20")]
    assert [(t.comparator, t.value, t.unit) for t in draft.targets if t.value is not None] == [
        ("<=", 5, "%"),
        ("increase", 20, "%"),
        (">=", 2, "count"),
    ]
    assert [t.title for t in draft.tasks] == [row[1] for row in TASK_ROWS]
    first = draft.tasks[0]
    assert first.lead_units == ["Phòng Công nghệ thông tin"]
    assert first.coordinating_units == ["Văn phòng Sở", "Thanh tra Sở"]
    assert [(d.kind, d.value) for d in first.deadlines] == [("quarter", "2026-Q3")]
    assert (draft.signature.authority, draft.signature.position, draft.signature.name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Văn Minh",
    )


def test_markdown_file_with_latex_and_headings(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text(
        "Số: 12/KH-UBND\n\nHà Nội, ngày 01 tháng 3 năm 2026\n\n## KẾ HOẠCH\n\n"
        "**Chuyển đổi số năm 2026**\n\n### I. CHỈ TIÊU\n\n- Phấn đấu $\\geq 85\\%$ hồ sơ trực tuyến.\n",
        encoding="utf-8",
    )
    draft = extract_file(path)
    assert draft.document.title == "Chuyển đổi số năm 2026"
    assert [(t.comparator, t.value) for t in draft.targets] == [(">=", 85)]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258", "utf-8-sig"])
def test_text_in_other_unicode_encodings_is_converted(tmp_path, encoding):
    path = tmp_path / "ke-hoach.txt"
    text = "KẾ HOẠCH\nChuyển đổi số\nI. CHỈ TIÊU\n- Tối thiểu 80% hồ sơ được số hóa.\n"
    path.write_bytes(_encode(text, encoding))
    draft = extract_file(path)
    assert [(t.comparator, t.value) for t in draft.targets] == [(">=", 80)]


def _encode(text: str, encoding: str) -> bytes:
    """cp1258 writes a tone mark as a combining character after a precomposed vowel."""
    import unicodedata

    if encoding != "cp1258":
        return text.encode(encoding)
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            vowel = base
            if marks and marks[0] in "\u0302\u0306\u031b":  # circumflex, breve, horn
                vowel = unicodedata.normalize("NFC", base + marks.pop(0))
            out += vowel.encode("cp1258") + "".join(marks).encode("cp1258")
    return out


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("stem", ["nqcp12-2023", "tiengiang-2952-2018"])
@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_an_office_laid_word_or_pdf_copy_reads_as_its_text(stem, suffix):
    """The .docx (layout tables for header and closing, a Word table for the appendix) and its
    LibreOffice PDF built by corpus/build_office.py give what the text gives."""
    text, copy = (extract_file(CORPUS / f"{stem}.{s}").to_dict() for s in ("txt", suffix))

    def essence(draft):
        return (
            {k: v for k, v in draft["document"].items()},
            draft["signature"],
            [(r["number"], r["date"]) for r in draft["references"]],
            [
                (t["comparator"], t["value"], t["value_max"], t["unit"], t["due"])
                for t in draft["targets"]
            ],
            [
                (t["title"][:50], t["lead_units"], t["coordinating_units"], t["deadlines"])
                for t in draft["tasks"]
            ],
        )

    assert essence(copy) == essence(text)
