"""Benchmark: hostile uploads refused by the guard vs. a normal file parsed (issue #13, High 2).

`python bench/upload_bench.py --json [--repeat 5] [--unguarded]`

Each hostile file of core/tests/bombs.py is passed through the upload guard (core/uploads.py) the
way the plan import and the Excel report import call it, and the time to refuse it is set against
the time to parse a normal file of the same kind. With `--unguarded` each plan bomb is also read
without the guard, by the extractor in its sandbox (core/sandbox.py, 60 s and 1 GB), to show what
the guard saves and that the sandbox still ends what slips through. Needs no database.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from core.sandbox import SandboxError, run_bounded  # noqa: E402
from core.tests import bombs  # noqa: E402
from core.uploads import UploadRefused, upload_check  # noqa: E402
from extraction import extract_text  # noqa: E402
from extraction.readers import read_docx, read_pdf  # noqa: E402
from reporting import excel  # noqa: E402

FIXTURE_PDF = ROOT / "extraction" / "tests" / "fixtures" / "ke-hoach-so.pdf"


def timed(call, repeat: int) -> float:
    """The median of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def refused(data: bytes, name: str):
    def call():
        try:
            upload_check(SimpleUploadedFile(name, data), name=name)
        except UploadRefused:
            return
        raise AssertionError(f"{name} was not refused")

    return call


def report_workbook(folder: Path) -> Path:
    """A workbook shaped like a report's (a sheet of figures, the meta sheet), no database."""
    book = Workbook()
    book.active.title = "Báo cáo"
    for row in range(1, 60):
        book.active.append([f"Chỉ số {row}", row, "", "ghi chú"])
    meta = book.create_sheet(excel.META_SHEET)
    for row in range(1, 40):
        meta.append([f"khoa-{row}", "giá trị"])
    path = folder / "bao-cao.xlsx"
    book.save(path)
    return path


def excel_refused(path: Path):
    def call():
        try:
            excel.reader._open_workbook(str(path))
        except excel.ExcelRefused:
            return
        raise AssertionError("the far cell was not refused")

    return call


def unguarded(data: bytes, name: str, folder: Path) -> dict:
    path = folder / name
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        answer = run_bounded(["extraction.child", str(path)], timeout=60, memory_mb=1024)
        outcome = "error: " + answer["error"] if "error" in answer else "read"
    except SandboxError as exc:
        outcome = "stopped by the sandbox: " + exc.message
    return {"seconds": round(time.perf_counter() - started, 2), "outcome": outcome}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--unguarded", action="store_true")
    args = parser.parse_args()
    repeat = args.repeat

    docx = bombs.normal_docx()
    pdf = FIXTURE_PDF.read_bytes()
    hostile = {
        "docx_300mb_unpacked": (bombs.inflated_docx(300), "kh.docx"),
        "docx_gridspan_1e6": (bombs.wide_span_docx(), "kh.docx"),
        "zip_5000_parts": (bombs.many_members_zip(5000), "bao-cao.xlsx"),
        "pdf_5000_pages": (bombs.pdf_with_pages(5000), "kh.pdf"),
        "txt_3mb": (("Kế hoạch số 1. " * 200_000).encode(), "kh.txt"),
    }
    normal = {
        "docx_parse": timed(lambda: extract_text(read_docx(docx)), repeat),
        "pdf_parse_one_page": timed(lambda: extract_text(read_pdf(pdf)), repeat),
        "docx_guard": timed(
            lambda: upload_check(SimpleUploadedFile("k.docx", docx), name="k.docx"), repeat
        ),
        "pdf_guard": timed(
            lambda: upload_check(SimpleUploadedFile("k.pdf", pdf), name="k.pdf"), repeat
        ),
    }
    results = {}
    for key, (data, name) in hostile.items():
        seconds = timed(refused(data, name), repeat)
        parse = normal["pdf_parse_one_page"] if name.endswith(".pdf") else normal["docx_parse"]
        results[key] = {
            "bytes": len(data),
            "refused_in_ms": round(seconds * 1000, 2),
            "ratio_to_normal_parse": float(f"{seconds / parse:.3g}"),
        }
    with tempfile.TemporaryDirectory() as folder:
        path = report_workbook(Path(folder))
        open_normal = timed(lambda: excel.reader._open_workbook(str(path)), repeat)
        bombs.far_cell_xlsx(path, excel.META_SHEET)
        seconds = timed(excel_refused(path), repeat)
        results["xlsx_cell_at_row_99999999"] = {
            "bytes": path.stat().st_size,
            "refused_in_ms": round(seconds * 1000, 2),
            "ratio_to_normal_parse": float(f"{seconds / open_normal:.3g}"),
        }
        normal["xlsx_open"] = open_normal
        without = {}
        if args.unguarded:
            for key in ("docx_300mb_unpacked", "docx_gridspan_1e6", "txt_3mb"):
                without[key] = unguarded(*hostile[key], Path(folder))
            # Passes the guard (one honest page): only the sandbox stops it.
            without["pdf_flate_50mb"] = unguarded(bombs.flate_bomb_pdf(50), "kh.pdf", Path(folder))
    output = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "normal_ms": {key: round(value * 1000, 2) for key, value in normal.items()},
        "hostile": results,
        "unguarded": without,
    }
    if args.json:
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:28} {value['refused_in_ms']:>9} ms  ×{value['ratio_to_normal_parse']}")


if __name__ == "__main__":
    main()
