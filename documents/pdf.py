"""Convert a .docx into PDF with LibreOffice in headless mode.

Each conversion gets its own LibreOffice profile (-env:UserInstallation) in a temporary folder:
two conversions at the same time would otherwise fight over one profile's lock and one fails.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pypdfium2

logger = logging.getLogger(__name__)

# The package .ci/run installs: Writer without the desktop parts.
INSTALL_HINT = "apt-get install libreoffice-writer-nogui"


class DocumentConversionError(Exception):
    """LibreOffice is missing or could not convert the document; the message is for a person."""


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, timeout: int = 120) -> bytes:
    """Return the PDF of the .docx `data`, as LibreOffice lays it out."""
    executable = soffice_path()
    if executable is None:
        raise DocumentConversionError(
            "Máy chủ chưa cài LibreOffice nên chưa chuyển được văn bản sang PDF. "
            f"Quản trị viên cài bằng lệnh: {INSTALL_HINT}."
        )
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as folder:
        work = Path(folder)
        source = work / "van_ban.docx"
        source.write_bytes(data)
        out_dir = work / "out"
        command = [
            executable,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        # HOME in the temporary folder too: some LibreOffice builds write there despite the profile.
        environment = {**os.environ, "HOME": str(work)}
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,  # its own process group, so that a timeout kills all of it
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise DocumentConversionError(
                f"LibreOffice không chuyển xong văn bản sang PDF trong {timeout} giây."
            ) from error
        result = out_dir / "van_ban.pdf"
        if process.returncode != 0 or not result.is_file():
            logger.error(
                "soffice failed (exit %s): %s %s",
                process.returncode,
                stdout.decode(errors="replace")[-2000:],
                stderr.decode(errors="replace")[-2000:],
            )
            raise DocumentConversionError(
                "LibreOffice không chuyển được văn bản sang PDF "
                f"(mã lỗi {process.returncode}). Hãy kiểm tra tệp Word hoặc thử lại."
            )
        return result.read_bytes()


def docx_batch_to_pdf(documents: list[bytes], timeout: int = 600) -> list[bytes]:
    """The PDFs of many .docx in ONE LibreOffice run (its start-up, ~2 s, paid once instead of
    once per file): what a batch of certificates needs. Same order as `documents`."""
    executable = soffice_path()
    if executable is None:
        raise DocumentConversionError(
            "Máy chủ chưa cài LibreOffice nên chưa chuyển được văn bản sang PDF. "
            f"Quản trị viên cài bằng lệnh: {INSTALL_HINT}."
        )
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as folder:
        work = Path(folder)
        sources = []
        for index, data in enumerate(documents):
            source = work / f"van_ban_{index:05d}.docx"
            source.write_bytes(data)
            sources.append(source)
        out_dir = work / "out"
        command = [
            executable,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ]
        environment = {**os.environ, "HOME": str(work)}
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise DocumentConversionError(
                f"LibreOffice không chuyển xong {len(documents)} văn bản sang PDF trong "
                f"{timeout} giây."
            ) from error
        results = [out_dir / f"{source.stem}.pdf" for source in sources]
        missing = [path.name for path in results if not path.is_file()]
        if process.returncode != 0 or missing:
            logger.error(
                "soffice batch failed (exit %s, %s missing): %s %s",
                process.returncode,
                len(missing),
                stdout.decode(errors="replace")[-2000:],
                stderr.decode(errors="replace")[-2000:],
            )
            raise DocumentConversionError(
                f"LibreOffice không chuyển được {len(missing) or len(documents)} văn bản sang PDF "
                f"(mã lỗi {process.returncode}). Hãy kiểm tra mẫu Word hoặc thử lại."
            )
        return [path.read_bytes() for path in results]


def merge_pdfs(parts: list[bytes]) -> bytes:
    """One PDF holding the pages of `parts` in order (pypdfium2, already used to read PDFs)."""
    merged = pypdfium2.PdfDocument.new()
    for data in parts:
        source = pypdfium2.PdfDocument(data)
        merged.import_pages(source)
        source.close()
    buffer = io.BytesIO()
    merged.save(buffer)
    merged.close()
    return buffer.getvalue()
