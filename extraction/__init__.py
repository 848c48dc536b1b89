"""Plan extraction: a plan document (.docx, .pdf, .txt, .md) in, a structured draft out.

A plain Python package with no Django import, so that it can be used and tested alone:

    from extraction import extract_file, extract_text, ExtractionError
    draft = extract_file("ke-hoach.docx")
    draft.to_dict()   # document, references, targets, tasks, milestones, ... (JSON-ready)
    draft.text        # the normalised text every `span` points into

Only ExtractionError escapes, its `.message` a Vietnamese sentence a person can act on.
"""

from pathlib import Path

from extraction.errors import ExtractionError
from extraction.model import PlanDraft
from extraction.readers import MAX_BYTES, SUFFIXES

__all__ = ["ExtractionError", "MAX_BYTES", "PlanDraft", "SUFFIXES", "extract_file", "extract_text"]


def extract_file(path: str | Path) -> PlanDraft:
    from extraction.readers import read_file

    return _guarded(lambda: extract_text(read_file(path), filename=Path(path).name))


def extract_text(text: str, filename: str | None = None) -> PlanDraft:
    from extraction.pipeline import run

    return _guarded(lambda: run(text))


def _guarded(call):
    try:
        return call()
    except ExtractionError:
        raise
    except RecursionError as exc:
        raise ExtractionError("Văn bản quá phức tạp để đọc tự động.") from exc
    except Exception as exc:  # a bug must not show a traceback to an official
        raise ExtractionError(
            "Không đọc được văn bản này; hãy kiểm tra tệp hoặc nhập kế hoạch bằng tay."
        ) from exc
