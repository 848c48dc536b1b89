"""Issue #13: mutated plan files (the corpus's real .docx and .pdf, a seed's .txt) through the
import's reading path — the upload guard, then the extractor — end in a draft or a clean
refusal (the guard's UploadRefused, the extractor's ExtractionError, each with a Vietnamese
message), never another exception. Bounded: well under 20 seconds."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.tests.fuzz import mutated_bytes, mutated_zip
from core.uploads import UploadRefused, upload_check
from extraction import ExtractionError, extract_file
from extraction.evaluate import SEEDS_DIR

CORPUS = Path(__file__).resolve().parents[2] / "extraction" / "corpus"
DOCX = (CORPUS / "nqcp03-phuluc2-nhom4-2025.docx").read_bytes()
PDF = (CORPUS / "nqcp03-phuluc2-nhom3b-2025.pdf").read_bytes()
TEXT = (CORPUS / "bacninh-186-2025.txt").read_bytes()[:20_000]
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _read(path: Path) -> None:
    """What plans/import_jobs.py does with a stored upload, less the child process."""
    try:
        upload_check(path, name=path.name)
        extract_file(path)
    except (UploadRefused, ExtractionError) as exc:
        assert exc.message.strip()


@FUZZ
@given(data=mutated_zip(DOCX))
def test_a_mutated_word_plan_is_read_or_refused_cleanly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    path.write_bytes(data)
    _read(path)


@settings(FUZZ, max_examples=6)
@given(data=mutated_bytes(PDF))
def test_a_mutated_pdf_plan_is_read_or_refused_cleanly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    path.write_bytes(data)
    _read(path)


@settings(FUZZ, max_examples=15)
@given(data=mutated_bytes(TEXT), suffix=st.sampled_from([".txt", ".md"]))
def test_a_mutated_text_plan_is_read_or_refused_cleanly(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("txt") / f"ke-hoach{suffix}"
    path.write_bytes(data)
    _read(path)


@pytest.mark.skipif(not SEEDS_DIR.exists(), reason="the seeds are outside the repository")
def test_the_unmutated_files_give_drafts(tmp_path):
    """The fuzzed originals are good plans: a refusal above comes from the mutation."""
    for name, data in (("a.docx", DOCX), ("a.pdf", PDF), ("a.txt", TEXT)):
        path = tmp_path / name
        path.write_bytes(data)
        upload_check(path, name=name)
        assert extract_file(path).to_dict()
