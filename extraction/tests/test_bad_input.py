"""Bad files get a clear Vietnamese message, nothing else escapes, and the command exits 2."""

import subprocess
import sys
from pathlib import Path

import pytest

from extraction import ExtractionError, extract_file
from extraction.readers import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
BLANK_PDF = b"""%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj
trailer<</Root 1 0 R>>
%%EOF
"""
# "Kế hoạch chuyển đổi số" typed with a TCVN3 (ABC) font, read as cp1252.
TCVN3 = "KÕ ho¹ch chuyÓn ®æi sè cña UBND x· n¨m 2026. " * 20


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("rong.txt", b"", "Tệp rỗng"),
        ("anh.txt", PNG, "không phải văn bản"),
        ("anh.pdf", BLANK_PDF, "Tệp PDF không có lớp văn bản; hãy dùng bản Word hoặc PDF có chữ"),
        ("hong.pdf", b"%PDF-1.4 garbage", "PDF"),
        ("matkhau.docx", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, "mật khẩu"),
        ("hong.docx", b"PK\x03\x04 not really a zip", "Word"),
        ("cu.txt", TCVN3.encode("cp1252"), "TCVN3"),
        ("anh.png", PNG, "Định dạng tệp chưa hỗ trợ"),
    ],
)
def test_bad_file_gets_a_vietnamese_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as exc:
        extract_file(path)
    assert message in exc.value.message


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "lon.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ExtractionError) as exc:
        extract_file(path)
    assert "quá lớn" in exc.value.message


def test_command_prints_json_or_a_message_without_traceback(tmp_path):
    good = tmp_path / "kh.txt"
    good.write_text("KẾ HOẠCH\nChuyển đổi số\nI. CHỈ TIÊU\n- Đạt 100% hồ sơ.\n", encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, "-m", "extraction", str(good)], capture_output=True, text=True, cwd=ROOT
    )
    assert ok.returncode == 0 and '"targets"' in ok.stdout
    bad = tmp_path / "rong.txt"
    bad.write_bytes(b"")
    refused = subprocess.run(
        [sys.executable, "-m", "extraction", str(bad)], capture_output=True, text=True, cwd=ROOT
    )
    assert refused.returncode == 2
    assert "Tệp rỗng" in refused.stderr and "Traceback" not in refused.stderr
    assert refused.stdout == ""
