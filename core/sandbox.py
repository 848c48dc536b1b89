"""Run a parser in a child process under a wall-clock time, a CPU time and a memory limit.

A file that slips past core/uploads.py (a Flate bomb inside a PDF page, a pathological text) can
still make a parser run for minutes or take gigabytes. Inside a child process the kernel enforces
the limits (`resource.setrlimit`: RLIMIT_AS for memory, RLIMIT_CPU for CPU time) and the parent
kills the child at the wall-clock deadline, so the worker that waits is never hung: it gets a
`SandboxError` with a Vietnamese reason and goes on with its next job.

The child speaks JSON, one object a line, on its standard output; every line is handed to
`on_message` as it comes (a page read, for the progress bar) and the last one is returned.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from django.utils.translation import gettext as _

ROOT = Path(__file__).resolve().parent.parent
MAX_OUTPUT = 64 * 1024 * 1024  # the child's answer (a draft and its text) is far smaller


class SandboxError(Exception):
    """The child ran out of time or memory, or died; `message` is for the person."""

    def __init__(self, message: str, *, timed_out: bool = False):
        super().__init__(message)
        self.message, self.timed_out = str(message), timed_out


# The child sets its own limits first thing, then runs the module: no `preexec_fn`, which is
# unsafe in a process with threads (the worker's heartbeat thread runs while a job reads).
_BOOTSTRAP = (
    "import resource, runpy, sys\n"
    "memory, cpu = int(sys.argv[1]) * 1024 * 1024, int(sys.argv[2])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (memory, memory))\n"
    "resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))\n"
    "sys.argv = sys.argv[3:]\n"
    "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
)


def run_bounded(
    args: list[str],
    *,
    timeout: float,
    memory_mb: int,
    on_message: Callable[[dict], None] | None = None,
) -> dict:
    """Run `python -m <args>` from the project's folder; return its last JSON line."""
    module, *rest = args
    limits = [str(memory_mb), str(int(timeout) + 1)]
    process = subprocess.Popen(
        [sys.executable, "-c", _BOOTSTRAP, *limits, module, *rest],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + timeout
    last: dict | None = None
    buffer, received = b"", 0
    watcher = selectors.DefaultSelector()
    watcher.register(process.stdout, selectors.EVENT_READ)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise SandboxError(
                    _(
                        "Đọc tệp quá %(seconds)s giây nên đã dừng; tệp có thể quá phức tạp. Hãy "
                        "tải bản Word hoặc chia nhỏ văn bản."
                    )
                    % {"seconds": int(timeout)},
                    timed_out=True,
                )
            if not watcher.select(timeout=min(left, 1.0)):
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            received += len(chunk)
            if received > MAX_OUTPUT:
                raise SandboxError(_("Kết quả đọc tệp quá lớn nên đã dừng."))
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                if line.strip():
                    last = json.loads(line)
                    if on_message is not None:
                        on_message(last)
        process.wait(timeout=max(deadline - time.monotonic(), 1))
    except subprocess.TimeoutExpired as exc:
        message = _("Đọc tệp quá thời gian cho phép nên đã dừng.")
        raise SandboxError(message, timed_out=True) from exc
    finally:
        watcher.close()
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        stderr = process.stderr.read()[-4000:]
        process.stderr.close()
    if process.returncode != 0 and not (last and "error" in last):
        if process.returncode in (-9, -24) or b"MemoryError" in stderr:  # SIGKILL / SIGXCPU
            raise SandboxError(
                _(
                    "Đọc tệp cần quá nhiều bộ nhớ hoặc thời gian nên đã dừng; tệp có thể bị hỏng "
                    "hoặc quá phức tạp."
                )
            )
        raise SandboxError(
            _("Chương trình đọc tệp dừng bất thường; hãy thử lại hoặc báo quản trị.")
        )
    if last is None:
        raise SandboxError(_("Chương trình đọc tệp không trả kết quả."))
    return last
