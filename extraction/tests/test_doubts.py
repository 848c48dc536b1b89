"""Per-item doubts and confidence: what the review screen marks and does not pre-tick."""

import json

import pytest

from extraction import extract_file, extract_text
from extraction.doubts import JUNK, KEEP_THRESHOLD, confidence, task_doubts
from extraction.evaluate import GOLD_DIR, SEEDS_DIR
from extraction.model import Task

HEADER = """Số: 15/KH-UBND
Thống Nhất, ngày 10 tháng 8 năm 2026
KẾ HOẠCH
Chuyển đổi số trên địa bàn xã năm 2026
I. CHỈ TIÊU
"""


def targets_of(body: str):
    return extract_text(HEADER + body).targets


def test_a_whole_target_has_no_doubt_and_full_confidence():
    (target,) = targets_of("- Tối thiểu 80% hồ sơ được giải quyết trực tuyến.\n")
    assert target.doubts == []
    assert target.confidence == 1.0


def test_a_bare_figure_on_its_own_line_is_junk():
    targets = targets_of("- Tối thiểu 80% hồ sơ được giải quyết trực tuyến.\n\uf0b7 100%\n")
    junk = [t for t in targets if t.text.endswith("100%")]
    assert junk and "bare_figure" in junk[0].doubts
    assert junk[0].confidence < KEEP_THRESHOLD


def test_symbol_font_bullets_and_table_pipes_are_debris():
    targets = targets_of("- Tỷ lệ hồ sơ trực tuyến đạt 90% \uf0b7 trên tổng số hồ sơ.\n")
    assert "debris" in targets[0].doubts
    targets = targets_of("| 4. | Tỷ lệ hồ sơ trực tuyến đạt 90% trên tổng số hồ sơ |\n")
    assert any("debris" in t.doubts for t in targets)


def test_a_target_cut_from_an_unfinished_line_is_a_fragment():
    # A symbol-font bullet set before the continued line keeps the two lines apart.
    draft = extract_text(
        HEADER + "- Phấn đấu toàn xã có\n\uf0b7 hộ gia đình sử dụng 100% dịch vụ số.\n"
    )
    cut = [t for t in draft.targets if t.text.startswith("hộ gia đình")]
    assert cut and "fragment" in cut[0].doubts


def test_a_clause_after_a_semicolon_is_not_a_fragment():
    targets = targets_of("- Tỷ lệ hồ sơ trực tuyến đạt 90%; tỷ lệ thanh toán trực tuyến đạt 60%.\n")
    assert len(targets) == 2
    assert all(t.doubts == [] for t in targets)


def test_a_share_above_100_percent_is_marked_not_dropped():
    (target,) = targets_of("- Tỷ lệ hồ sơ được số hóa đạt 120% kế hoạch năm.\n")
    assert target.doubts == ["over_100_percent"]
    assert target.confidence >= KEEP_THRESHOLD


def _task(title, lead=(), coordinating=()):
    return Task(
        title=title,
        text=title,
        section="",
        product="",
        deadlines=[],
        lead_units=list(lead),
        coordinating_units=list(coordinating),
        span=[0, len(title)],
    )


def test_a_task_title_in_lower_case_is_a_fragment_and_a_unit_cut_to_one_word_is_marked():
    assert task_doubts(_task("và đưa vào khai thác, sử dụng")) == ["fragment"]
    assert task_doubts(_task("Tập huấn kỹ năng số", lead=["Các"])) == ["unit_cut"]
    assert task_doubts(_task("Tập huấn kỹ năng số", lead=["Sở Nội vụ"])) == []


def test_confidence_falls_with_each_reason_and_a_junk_reason_alone_drops_below_the_threshold():
    assert confidence([]) == 1.0
    for code in JUNK:
        assert confidence([code]) < KEEP_THRESHOLD
    assert confidence(["unit_cut"]) >= KEEP_THRESHOLD


@pytest.mark.parametrize("gold_path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_no_target_or_task_of_the_seeds_is_doubted(gold_path):
    """Every item of the five seeds is right (gold 1.00): none may be marked."""
    gold = json.loads(gold_path.read_text())
    draft = extract_file(SEEDS_DIR / gold["seed"])
    assert [t.text for t in draft.targets if t.doubts] == []
    assert [t.title for t in draft.tasks if t.doubts] == []
