"""The upload guard refuses hostile files from their directory alone, fast, and lets real ones
through; the sandbox stops a parser that runs too long or takes too much memory."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.sandbox import SandboxError, run_bounded
from core.tests import bombs
from core.uploads import PLAN_LIMITS, UploadRefused, pdf_page_count, upload_check


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(UploadRefused) as exc:
        upload_check(SimpleUploadedFile(name, data), name=name)
    return exc.value.message


def test_a_real_word_plan_passes():
    upload_check(SimpleUploadedFile("kh.docx", bombs.normal_docx()), name="kh.docx")


@pytest.mark.parametrize("name", ["kh.docx", "bao-cao.xlsx"])
def test_a_zip_asking_for_version_8_6_is_refused_not_a_server_error(name):
    """#13 Low 11: zipfile raises NotImplementedError("zip file version 8.6")."""
    from core.tests.fuzz import raise_zip_version

    message = refusal(raise_zip_version(bombs.normal_docx()), name)
    assert "nén theo cách hệ thống không đọc được" in message


def test_a_word_part_with_a_broken_deflate_stream_is_left_to_the_reader():
    """A part whose compressed bytes are damaged (zlib.error) is not the guard's to explain."""
    data = bytearray(bombs.normal_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    upload_check(SimpleUploadedFile("kh.docx", bytes(data)), name="kh.docx")


def test_a_docx_that_unpacks_to_50_mb_is_refused_in_milliseconds():
    bomb = bombs.inflated_docx(unpacked_mb=50)
    assert len(bomb) < 200 * 1024
    started = time.perf_counter()
    message = refusal(bomb, "kh.docx")
    assert time.perf_counter() - started < 0.5
    assert "bom nén" in message


def test_a_part_that_compresses_too_well_is_refused_even_under_the_size_bounds():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:t>" + b"a" * (5 * 1024 * 1024) + b"</w:t>")
    assert "bom nén" in refusal(buffer.getvalue(), "kh.docx")


def test_too_many_parts_are_refused():
    assert "quá nhiều thành phần" in refusal(bombs.many_members_zip(5000), "bao-cao.xlsx")


def test_a_table_cell_spanning_a_million_columns_is_refused():
    message = refusal(bombs.wide_span_docx(), "kh.docx")
    assert "1000000 cột" in message


def test_a_normal_column_span_passes():
    upload_check(SimpleUploadedFile("kh.docx", bombs.wide_span_docx(span=3)), name="kh.docx")


def test_a_pdf_longer_than_a_plan_is_refused_by_its_page_count():
    assert pdf_page_count(SimpleUploadedFile("a.pdf", bombs.pdf_with_pages(3))) == 3
    message = refusal(bombs.pdf_with_pages(PLAN_LIMITS.max_pdf_pages + 1), "kh.pdf")
    assert f"{PLAN_LIMITS.max_pdf_pages + 1} trang" in message


def test_a_text_file_longer_than_any_plan_is_refused():
    assert "quá dài" in refusal(b"Ke hoach. " * 300_000, "kh.txt")


def test_a_file_that_is_not_a_zip_is_left_to_the_reader():
    upload_check(SimpleUploadedFile("kh.docx", b"not a zip"), name="kh.docx")


def test_the_file_is_left_at_its_start():
    upload = SimpleUploadedFile("kh.docx", bombs.normal_docx(paragraphs=1))
    upload_check(upload, name="kh.docx")
    assert upload.read(2) == b"PK"


def test_the_sandbox_returns_the_last_line_and_passes_each_to_the_caller():
    seen = []
    answer = run_bounded(
        ["core.tests.sandbox_child", "count"], timeout=20, memory_mb=512, on_message=seen.append
    )
    assert answer == {"done": True} and seen[:2] == [{"n": 1}, {"n": 2}]


def test_a_child_past_its_time_is_killed_with_a_reason():
    started = time.perf_counter()
    with pytest.raises(SandboxError) as exc:
        run_bounded(["core.tests.sandbox_child", "sleep"], timeout=1.5, memory_mb=512)
    assert exc.value.timed_out and "giây" in exc.value.message
    assert time.perf_counter() - started < 5


def test_a_child_past_its_memory_is_stopped_with_a_reason():
    with pytest.raises(SandboxError) as exc:
        run_bounded(["core.tests.sandbox_child", "eat"], timeout=20, memory_mb=300)
    assert "bộ nhớ" in exc.value.message


def test_a_part_that_lies_about_its_size_is_never_unpacked_past_it():
    """The guard trusts the declared sizes because zipfile (under openpyxl and python-docx)
    stops each part at its declared size: a part declaring 1 kB but holding 50 MB of zeros
    yields at most 1 kB, then fails its checksum."""
    import struct

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, 22, 1024)  # the local header's uncompressed size
    struct.pack_into("<I", data, central + 24, 1024)  # the central directory's
    upload_check(SimpleUploadedFile("kh.docx", bytes(data)), name="kh.docx")  # looks small
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        with pytest.raises(zipfile.BadZipFile), archive.open("word/document.xml") as member:
            assert len(member.read()) <= 1024
