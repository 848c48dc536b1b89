"""Random and mutated documents: nothing but ExtractionError ever escapes."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction import ExtractionError, extract_file, extract_text
from extraction.evaluate import SEEDS_DIR

SEED_TEXT = next(iter(sorted(SEEDS_DIR.glob("*.txt")))).read_text() if SEEDS_DIR.exists() else ""
TOKENS = st.sampled_from(
    list("0123456789%/-:;.,()≥≤$\\| \n+*#abcđơưáàảãạ")
    + [
        "Số: ",
        "ngày ",
        "tháng ",
        "năm ",
        "Quý II",
        "Nhiệm vụ 1: ",
        "Đơn vị chủ trì: ",
        "Thời hạn: ",
        "KẾ HOẠCH\n",
        "Nơi nhận:\n",
        "| TT | Nhiệm vụ | Chủ trì |\n",
    ]
)


def _survives(call):
    try:
        call()
    except ExtractionError as exc:
        assert exc.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=300).map("".join))
def test_random_plan_like_text(text):
    _survives(lambda: extract_text(text))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, max(1, len(SEED_TEXT) - 1)), st.integers(0, 400), st.text(max_size=40))
def test_mutated_seed(position, cut, insert):
    mutated = SEED_TEXT[:position] + insert + SEED_TEXT[position + cut :]
    _survives(lambda: extract_text(mutated))


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_random_bytes_as_any_format(tmp_path_factory, data, suffix):
    path = Path(tmp_path_factory.mktemp("bytes")) / f"tep{suffix}"
    path.write_bytes(data)
    _survives(lambda: extract_file(path))
