"""The report converted to PDF by LibreOffice, as a person prints it: A4, the header texts with
their diacritics, the page number on page 2 but not on page 1.

LibreOffice is required (CI installs it): without it these tests fail, they are not skipped.
"""

from __future__ import annotations

import io
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pdfplumber
import pytest
from django.test import override_settings

from documents import pdf
from documents.pdf import INSTALL_HINT, DocumentConversionError, docx_to_pdf, soffice_path
from documents.render import render_docx
from documents.tests.conftest import november_report

# ND 30/2020 Phụ lục I: A4 is 210 × 297 mm, 595 × 842 pt; the top margin is 20 mm.
A4_POINTS = (595, 842)
TOP_MARGIN_POINTS = 20 / 25.4 * 72


def require_soffice() -> None:
    if soffice_path() is None:
        pytest.fail(f"LibreOffice is required for the PDF tests ({INSTALL_HINT})")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory) -> bytes:
    empty_office_folder = tmp_path_factory.mktemp("document_templates")
    with override_settings(DOCUMENT_TEMPLATES_DIR=empty_office_folder):
        return render_docx("bao_cao_ket_qua.docx", november_report())


@pytest.fixture(scope="module")
def report_pdf(report_docx):
    require_soffice()
    with pdfplumber.open(io.BytesIO(docx_to_pdf(report_docx))) as document:
        yield document


def words_above_top_margin(page) -> list[str]:
    return [word["text"] for word in page.extract_words() if word["bottom"] < TOP_MARGIN_POINTS]


def line_under(page, text: str) -> dict:
    """The horizontal line drawn just under the words of `text` on `page`."""
    words = page.search(text)
    assert words, f"{text!r} not found"
    found = words[0]
    for line in page.horizontal_edges:
        gap = line["top"] - found["bottom"]
        if 0 <= gap < 10 and found["x0"] - 5 < line["x0"] and line["x1"] < found["x1"] + 5:
            return line
    raise AssertionError(f"no line under {text!r}")


def test_every_page_is_a4(report_pdf):
    assert len(report_pdf.pages) >= 2
    for page in report_pdf.pages:
        assert page.width == pytest.approx(A4_POINTS[0], abs=2)
        assert page.height == pytest.approx(A4_POINTS[1], abs=2)


def test_header_and_targets_keep_their_vietnamese_letters(report_pdf):
    first_page = report_pdf.pages[0]
    text = nfc(first_page.extract_text())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "UBND XÃ THỐNG NHẤT" in text
    assert "Thống Nhất, ngày 25 tháng 11 năm 2026" in text
    targets_table = first_page.find_tables()[0].extract()
    targets = [" ".join(nfc(row[1]).split()) for row in targets_table[1:]]
    assert targets == [target["text"] for target in november_report()["targets"]]


def test_short_lines_under_the_issuing_body_and_the_motto(report_pdf):
    page = report_pdf.pages[0]
    issuer = page.search("UBND XÃ THỐNG NHẤT")[0]
    issuer_line = line_under(page, "UBND XÃ THỐNG NHẤT")
    issuer_width = issuer["x1"] - issuer["x0"]
    # ND 30/2020 Phụ lục I: 1/3 to 1/2 of the name, centred under it.
    assert issuer_width / 3 - 2 <= issuer_line["x1"] - issuer_line["x0"] <= issuer_width / 2 + 2
    issuer_centre = (issuer["x0"] + issuer["x1"]) / 2
    assert (issuer_line["x0"] + issuer_line["x1"]) / 2 == pytest.approx(issuer_centre, abs=3)
    motto = page.search("Độc lập - Tự do - Hạnh phúc")[0]
    motto_line = line_under(page, "Độc lập - Tự do - Hạnh phúc")
    # ... and as long as the Tiêu ngữ.
    assert motto_line["x1"] - motto_line["x0"] == pytest.approx(motto["x1"] - motto["x0"], abs=6)


def test_page_number_on_page_2_but_not_on_page_1(report_pdf):
    assert words_above_top_margin(report_pdf.pages[0]) == []
    assert words_above_top_margin(report_pdf.pages[1]) == ["2"]


def test_the_signature_is_on_the_last_page(report_pdf):
    text = nfc(report_pdf.pages[-1].extract_text())
    assert "Nơi nhận:" in text
    assert "PHÓ CHỦ TỊCH" in text
    assert "Hoàng Văn Nam" in text


def test_two_conversions_at_once_do_not_clash(report_docx):
    require_soffice()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(docx_to_pdf, [report_docx, report_docx]))
    for result in results:
        assert result.startswith(b"%PDF")


def test_missing_libreoffice_is_explained_in_vietnamese(monkeypatch, report_docx):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    with pytest.raises(DocumentConversionError, match="chưa cài LibreOffice.*apt-get install"):
        docx_to_pdf(report_docx)
