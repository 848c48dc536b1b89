"""Rules added in round 6 (known faults): a part's heading whose roman numeral has no full stop, a
document number cut between its figure and its type code, areas and lengths promised."""

import pytest

from extraction import extract_text

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/KH-UBND\nX, ngày 01 tháng 02 năm 2026\n"
    "KẾ HOẠCH\nTriển khai phong trào thi đua năm 2026\n"
)
TARGETS_THEN_TASKS = (
    HEAD + "I. MỤC TIÊU\n"
    "- Phấn đấu 100% hồ sơ được giải quyết đúng hạn.\n"
    "- Nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn\n"
    "{heading}\n"
    "1. Rà soát thủ tục hành chính\nĐơn vị chủ trì: Sở Tư pháp\nThời hạn: 30/6/2026\n"
    "- Tổ chức tập huấn cho cán bộ, công chức\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "II. NHIỆM VỤ",
        "II- NHIỆM VỤ",
        "II – NHIỆM VỤ",
        "II) NHIỆM VỤ",
        "II/ NHIỆM VỤ",
        "II NHIỆM VỤ",
    ],
)
def test_a_roman_numbered_heading_in_capitals_is_a_section_heading_not_a_target(heading):
    # Before: "II- NHIỆM VỤ" did not end the part of targets, so the task's lines (its lead unit,
    # its deadline, the bullet under it) were read as three qualitative targets.
    draft = extract_text(TARGETS_THEN_TASKS.format(heading=heading))
    assert [t.text[:20] for t in draft.targets] == ["Phấn đấu 100% hồ sơ ", "Nâng cao chất lượng "]
    assert [(t.title, t.lead_units) for t in draft.tasks] == [
        ("Rà soát thủ tục hành chính", ["Sở Tư pháp"])
    ]
    assert "II. NHIỆM VỤ" in draft.text.split("\n")


@pytest.mark.parametrize(
    "line",
    ["VI PHẠM QUY ĐỊNH XỬ LÝ", "II- Nhiệm vụ được giao", "V"],
)
def test_a_word_in_capitals_or_a_heading_in_sentence_case_keeps_its_line(line):
    # "VI PHẠM" is a word, not the sixth part; the rule is for headings in capitals only.
    draft = extract_text(HEAD + "I. MỤC ĐÍCH\n" + line + "\n")
    assert line in draft.text.split("\n")


def test_a_roman_numeral_followed_by_a_separator_before_vi_is_still_a_heading():
    draft = extract_text(HEAD + "I. MỤC ĐÍCH\nVI- TỔ CHỨC THỰC HIỆN\nXI: KINH PHÍ\n")
    assert draft.text.split("\n")[-2:] == ["VI. TỔ CHỨC THỰC HIỆN", "XI. KINH PHÍ"]


@pytest.mark.parametrize(
    "bases",
    [
        "Thực hiện Nghị quyết số 52\n-NQ/TW ngày 27/9/2019 của Bộ Chính trị.",
        "Thực hiện Nghị quyết số 52-\nNQ/TW ngày 27/9/2019 của Bộ Chính trị.",
        "Thực hiện Nghị quyết số 52\nNQ/TW ngày 27/9/2019 của Bộ Chính trị.",
        "Thực hiện Nghị quyết số 52 NQ/TW ngày 27/9/2019 của Bộ Chính trị.",
        "Thực hiện Nghị quyết số 52- NQ/TW ngày 27/9/2019 của Bộ Chính trị.",
        "Thực hiện Nghị quyết 52\n-NQ/TW ngày 27/9/2019 của Bộ Chính trị.",
    ],
)
def test_a_party_document_number_cut_between_figure_and_code_is_rejoined(bases):
    draft = extract_text(HEAD + bases + "\nI. MỤC ĐÍCH, YÊU CẦU\n")
    assert [(r.number, r.date) for r in draft.references] == [("52-NQ/TW", "2019-09-27")]


@pytest.mark.parametrize(
    "bases",
    [
        "Căn cứ Quyết định số 749\nQĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
        "Căn cứ Quyết định số 749 QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
    ],
)
def test_a_state_document_number_that_lost_its_slash_takes_it_back(bases):
    draft = extract_text(HEAD + bases + "\nI. MỤC ĐÍCH, YÊU CẦU\n")
    assert [(r.number, r.date) for r in draft.references] == [("749/QĐ-TTg", "2020-06-03")]


def test_a_figure_at_the_end_of_a_line_before_a_capital_that_is_no_code_is_not_joined():
    draft = extract_text(HEAD + "Thực hiện Kế hoạch số 52\nSở Tư pháp chủ trì.\n")
    assert "Sở Tư pháp chủ trì." in draft.text.split("\n")


@pytest.mark.parametrize(
    "item, expected",
    [
        ("Bố trí đất thể thao đạt 3,5 m2/người.", (">=", 3.5, None, "m2")),
        ("Bố trí đất thể thao đạt 3,5m2/người.", (">=", 3.5, None, "m2")),
        ("Xây dựng mới 120 km đường giao thông nông thôn.", (">=", 120.0, None, "km")),
        (
            "Bố trí đất thể thao duy trì ổn định từ 3,5m2 đến 04m2/người dân.",
            ("range", 3.5, 4.0, "m2"),
        ),
        ("Trồng mới khoảng 1.200 ha rừng phòng hộ.", ("=", 1200.0, None, "ha")),
        ("Cứng hóa trên 35,5 km kênh mương nội đồng.", (">", 35.5, None, "km")),
        ("Diện tích nhà ở bình quân đạt tối thiểu 25 m² sàn/người.", (">=", 25.0, None, "m2")),
        ("Nạo vét không quá 2.000 m3 bùn mỗi đợt.", ("<=", 2000.0, None, "m3")),
        ("Mở rộng hồ chứa lên từ 12 ha.", ("=", 12.0, None, "ha")),
    ],
)
def test_an_area_or_a_length_promised_is_a_numeric_target_with_its_unit(item, expected):
    draft = extract_text(HEAD + "I. MỤC TIÊU\n- " + item + "\n")
    [target] = draft.targets
    assert (target.comparator, target.value, target.value_max, target.measure) == expected
    assert target.unit == "other"
    assert target.text == item.rstrip(".")


def test_two_sizes_in_one_clause_are_two_targets():
    draft = extract_text(
        HEAD + "I. MỤC TIÊU\n- Trồng mới 1.200 ha rừng, cứng hóa 35 km kênh mương.\n"
    )
    assert [(t.text, t.value, t.measure) for t in draft.targets] == [
        ("Trồng mới 1.200 ha rừng", 1200.0, "ha"),
        ("cứng hóa 35 km kênh mương", 35.0, "km"),
    ]


@pytest.mark.parametrize(
    "item",
    [
        "Tổ chức giải chạy 5 km cho thanh niên trong tháng 3.",
        "Thi bơi cự ly 100 m cho học sinh trong dịp hè.",
        "Xây dựng điểm sinh hoạt cách 2 km trung tâm xã.",
        "Mở đường rộng 7 m qua khu dân cư mới của xã.",
        "Ứng dụng mô hình nông nghiệp 4.0 trong sản xuất.",
    ],
)
def test_a_size_that_describes_a_thing_is_no_target(item):
    draft = extract_text(HEAD + "I. MỤC TIÊU\n- " + item + "\n")
    assert [t.value for t in draft.targets] == [None]  # a qualitative item of the part
