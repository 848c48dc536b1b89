"""Each document of an award's paper trail rendered from a hand-built context, opened back with
python-docx and, as PDF, with pdftotext; one PNG of each page 1 goes into the test run's
artifacts (THIDUA_TEST_ARTIFACTS, or pytest's temporary folder) for a person to look at."""

from __future__ import annotations

import io
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.test import override_settings
from docx import Document

from documents import award_documents as docs
from documents import samples as award_contexts
from documents.pdf import docx_batch_to_pdf, merge_pdfs, soffice_path

RENDERERS = {
    "to_trinh": (docs.render_proposal, award_contexts.proposal),
    "bao_cao_thanh_tich": (docs.render_achievement_report, award_contexts.achievement_report),
    "bien_ban": (docs.render_minutes, award_contexts.minutes),
    "quyet_dinh": (docs.render_decision, award_contexts.decision),
    "giay_khen": (docs.render_certificate, award_contexts.certificate),
}

# What each document must say, as a reader finds it (names, numbers, dates, totals).
EXPECTED = {
    "to_trinh": [
        "TỜ TRÌNH",
        "Số: 12/TTr-SNV",
        "Lào Cai, ngày 08 tháng 01 năm 2027",
        "Kính gửi: Chủ tịch UBND tỉnh Lào Cai.",
        "cho 2 tập thể và 1 cá nhân (tổng số 3)",
        "UBND phường Yên Bái",
        "Dẫn đầu Khối thi đua số 05, điểm 96,5",
        "Bà Lò Thị Mai",
        "Trần Văn Hùng",
    ],
    "bao_cao_thanh_tich": [
        "BÁO CÁO THÀNH TÍCH",
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
        "Tên tập thể: UBND phường Yên Bái",
        "Yên Bái, ngày 05 tháng 01 năm 2027",
        "86,4 %",
        "1.200 hộ",
        "Đạt 1/2 chỉ tiêu.",
        "96,5",
        "Xếp thứ 1/6 trong Khối thi đua số 05",
        "Một cửa số thôn bản",
        "Quyết định số 45/QĐ-UBND ngày 20/01/2026",
        "Vũ Thị Hà",
    ],
    "bien_ban": [
        "BIÊN BẢN",
        "Số: 03/BB-HĐTĐKT",
        "Thành viên Hội đồng: 7 người; có mặt 6 người, vắng 1 người",
        "từ ngày 05/01/2027 đến ngày 12/01/2027; nhận được 2 ý kiến",
        "85,7 %",
        "Không đạt",
        "1 đạt",
        "Đặng Thu Trang",
    ],
    "quyet_dinh": [
        "QUYẾT ĐỊNH",
        "Số: 125/QĐ-UBND",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        "cho 2 tập thể và 1 cá nhân",
        "lương cơ sở 2.340.000 đồng/tháng",
        "17.550.000 đồng (Mười bảy triệu năm trăm năm mươi nghìn đồng)",
        "DANH SÁCH",
        "(Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 01 năm 2027",
        "3.510.000",
        "Tổng cộng",
        "Nguyễn Thành Sinh",
    ],
    "giay_khen": [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        "TẶNG",
        "BẰNG KHEN",
        "Lò Thị Mai",
        "Quyết định số 125/QĐ-UBND",
        "ngày 20/01/2027",
        "Lào Cai, ngày 20 tháng 01 năm 2027",
    ],
}


def docx_text(data: bytes) -> str:
    """Every paragraph of the body and of its tables (nested ones too), one per line."""
    document = Document(io.BytesIO(data))
    lines = []

    def walk(container):
        for paragraph in container.paragraphs:
            lines.append(paragraph.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        walk(cell)

    walk(document)
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFC", result.stdout.decode()).split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, bytes]:
    empty = tmp_path_factory.mktemp("document_templates")
    with override_settings(DOCUMENT_TEMPLATES_DIR=empty):
        return {name: render(build()) for name, (render, build) in RENDERERS.items()}


@pytest.fixture(scope="module")
def pdfs(rendered) -> dict[str, bytes]:
    if soffice_path() is None:
        pytest.fail("LibreOffice is required for the PDF tests")
    names = list(rendered)
    return dict(zip(names, docx_batch_to_pdf([rendered[n] for n in names]), strict=True))


@pytest.fixture(scope="module")
def artifacts_dir(tmp_path_factory) -> Path:
    configured = os.environ.get("THIDUA_TEST_ARTIFACTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("artifacts")
    folder = folder / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_word_document_says_the_names_numbers_dates_and_totals(rendered, name):
    text = docx_text(rendered[name])
    for expected in EXPECTED[name]:
        assert expected in text, f"{name}: {expected!r} missing"
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_pdf_says_the_same_and_is_drawn_as_png(pdfs, artifacts_dir, name):
    text = pdf_text(pdfs[name])
    for expected in EXPECTED[name]:
        assert " ".join(expected.split()) in text, f"{name}: {expected!r} missing from PDF"
    prefix = artifacts_dir / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-", str(prefix)],
        input=pdfs[name],
        check=True,
    )
    pngs = list(artifacts_dir.glob(f"{name}*.png"))
    assert pngs and pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_certificate_is_one_landscape_page(pdfs):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdfs["giay_khen"])) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert page.width > page.height


def test_decision_list_starts_on_its_own_page(pdfs):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdfs["quyet_dinh"])) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) >= 2
    assert "DANH SÁCH" not in unicodedata.normalize("NFC", pages[0])
    assert any("DANH SÁCH" in unicodedata.normalize("NFC", p) for p in pages[1:])


def test_merged_pdf_holds_every_page_in_order(pdfs):
    merged = merge_pdfs([pdfs["giay_khen"], pdfs["to_trinh"]])
    text = pdf_text(merged)
    assert text.index("BẰNG KHEN") < text.index("TỜ TRÌNH")


def test_an_empty_list_prints_its_empty_row(tmp_path):
    context = award_contexts.decision()
    context["awardees"] = []
    with override_settings(DOCUMENT_TEMPLATES_DIR=tmp_path):
        text = docx_text(docs.render_decision(context))
    assert "Chưa có tập thể, cá nhân nào." in text
