"""Rules of round 7 (extraction/README.md): a part reporting the situation holds no target, a
place name with a hyphen is read whole."""

import pytest

from extraction import extract_text
from extraction.situation import situation_flags

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/KH-UBND\nX, ngày 01 tháng 02 năm 2026\n"
    "KẾ HOẠCH\nChuyển đổi số lĩnh vực y tế giai đoạn 2026 - 2030\n"
)
STATE = "- 100% cơ sở khám chữa bệnh có mạng LAN.\n"
PROMISE = "- 100% trạm y tế xã triển khai hồ sơ sức khỏe điện tử.\n"


def figures(body: str) -> list[str]:
    return [t.text for t in extract_text(HEAD + body).targets if t.value is not None]


@pytest.mark.parametrize(
    "situation, plan",
    [
        ("Phần thứ nhất\nTHỰC TRẠNG CHUYỂN ĐỔI SỐ Y TẾ\n", "Phần thứ hai\nMỤC TIÊU\n"),
        ("PHẦN I: THỰC TRẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN\n", "PHẦN II: MỤC TIÊU\n"),
        ("I. ĐẶC ĐIỂM TÌNH HÌNH CHUNG\n", "II. MỤC TIÊU\n"),
        (
            "A. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2025\nI. KẾT QUẢ\n",
            "B. KẾ HOẠCH NĂM 2026\nI. MỤC TIÊU\n",
        ),
        ("I. CĂN CỨ\nĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025\n", "II. MỤC TIÊU\n"),
    ],
)
def test_figures_reporting_the_situation_are_not_targets_and_those_after_it_are(situation, plan):
    assert figures(situation + STATE + plan + PROMISE) == [PROMISE[2:-2]]


def test_a_section_under_a_situation_part_stays_in_it_until_the_plan_names_its_aims():
    flags = situation_flags(
        ["Phần I", "THỰC TRẠNG", "I. KẾT QUẢ", "x", "II. HẠN CHẾ", "y", "III. MỤC TIÊU", "z"]
    )
    assert flags == [True, True, True, True, True, True, False, False]


def test_a_sentence_case_heading_of_results_to_reach_is_not_a_situation():
    body = "I. MỤC TIÊU\n3. Kết quả đạt được\n" + PROMISE
    assert figures(body) == [PROMISE[2:-2]]


def test_a_place_name_with_a_hyphen_is_read_whole():
    text = HEAD.replace("X, ngày", "Bà Rịa - Vũng Tàu, ngày")
    assert extract_text(text).document.place == "Bà Rịa - Vũng Tàu"


@pytest.mark.parametrize(
    "item, comparator, subject",
    [
        ("- Tỷ lệ đất giao thông gần 14%.", "=", "Tỷ lệ đất giao thông"),
        ("- Tỷ lệ hộ nghèo giảm gần 2%.", "decrease", "Tỷ lệ hộ nghèo"),
        ("- Tỷ lệ hộ nghèo giảm khoảng 1,5%.", "decrease", "Tỷ lệ hộ nghèo"),
        ("- Kinh tế số chiếm khoảng 20% GRDP.", "=", "Kinh tế số"),
    ],
)
def test_nearly_or_about_a_figure_is_that_figure_unless_it_is_a_rise_or_a_fall(
    item, comparator, subject
):
    [target] = extract_text(HEAD + "I. MỤC TIÊU\n" + item + "\n").targets
    assert (target.comparator, target.subject) == (comparator, subject)


def test_a_second_count_after_and_is_not_swallowed_by_the_words_of_the_first():
    found = [
        (t.value, t.subject)
        for t in extract_text(
            HEAD + "I. MỤC TIÊU\n- Có ít nhất 05 mô hình và 2 sản phẩm.\n"
        ).targets
    ]
    assert found == [(5.0, "mô hình"), (2.0, "sản phẩm")]
