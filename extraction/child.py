"""python -m extraction.child PATH: read a plan document in a process of its own.

The web app's worker runs this under time and memory limits (core/sandbox.py) so that a file too
costly to read ends this process, not the worker. It writes JSON, one object a line:

    {"page": 3, "pages": 30}                 after each page of a PDF
    {"draft": {...}, "text": "..."}          at the end: the draft (PlanDraft.to_dict) and its text
    {"error": "Vietnamese reason"}           or the reason the file cannot be read
"""

import json
import sys

from extraction import ExtractionError, extract_text
from extraction.readers import read_file

OUT_OF_MEMORY = "Tệp cần quá nhiều bộ nhớ để đọc nên đã dừng; tệp có thể bị hỏng hoặc quá phức tạp."


def _say(message: dict) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Cách dùng: python -m extraction.child TỆP_KẾ_HOẠCH", file=sys.stderr)
        return 2
    path = argv[0]
    try:
        text = read_file(path, on_page=lambda done, pages: _say({"page": done, "pages": pages}))
        _say({"step": "extract"})
        draft = extract_text(text)
    except MemoryError:
        _say({"error": OUT_OF_MEMORY})
        return 2
    except ExtractionError as exc:
        memory = isinstance(exc.__cause__, MemoryError)
        _say({"error": OUT_OF_MEMORY if memory else exc.message})
        return 2
    _say({"draft": draft.to_dict(), "text": draft.text})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
