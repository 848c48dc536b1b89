"""The plan extractor's task rules (extraction.tasks), one rule a test, pinned where mutation
testing found them loose (issue #19, scripts/mutation.py)."""

from extraction import extract_text
from extraction.tasks import split_units
from extraction.tests.test_rules import FOOTER, HEADER


def test_a_unit_name_broken_over_lines_or_spaces_is_one_name():
    assert split_units("Sở  Nội\nvụ, Sở Tài chính") == ["Sở Nội vụ", "Sở Tài chính"]


def test_commas_inside_nested_parentheses_do_not_split():
    assert split_units("Văn phòng (Bộ phận (một cửa), tổ hỗ trợ), Sở Tài chính") == [
        "Văn phòng (Bộ phận (một cửa), tổ hỗ trợ)",
        "Sở Tài chính",
    ]


def test_commas_inside_brackets_do_not_split_whatever_the_letters_inside():
    assert split_units("UBND huyện (Xã An Phú, xã Bình Minh), Sở Tài chính") == [
        "UBND huyện (Xã An Phú, xã Bình Minh)",
        "Sở Tài chính",
    ]
    assert split_units("Văn phòng [Tổ 1, Tổ 2], Sở Tài chính") == [
        "Văn phòng [Tổ 1, Tổ 2]",
        "Sở Tài chính",
    ]


def test_the_marks_around_a_unit_list_and_each_unit_are_dropped():
    assert split_units("_Sở Nội vụ.; Sở Tài chính._") == ["Sở Nội vụ", "Sở Tài chính"]


def test_a_kind_of_unit_after_a_named_unit_of_two_words_is_another_unit():
    assert split_units("Công an, sở, ngành liên quan") == ["Công an", "sở, ngành liên quan"]


def test_an_attribute_named_result_is_the_tasks_product_not_a_unit():
    body = """II. NHIỆM VỤ
- Nhiệm vụ 1: Tổng kết phong trào thi đua.
+ Đơn vị chủ trì: Phòng Thi đua.
+ Kết quả đầu ra: Báo cáo tổng kết.
"""
    (task,) = extract_text(HEADER + body + FOOTER).tasks
    assert task.lead_units == ["Phòng Thi đua"]
    assert task.product == "Báo cáo tổng kết"


def test_a_bulleted_task_with_attribute_lines_keeps_its_words_its_section_and_no_product():
    body = """II. NHIỆM VỤ
- Nhiệm vụ 1: Tổng kết phong trào thi đua năm 2026.
+ Đơn vị chủ trì: Phòng Thi đua.
- Rà soát hồ sơ khen thưởng của các phòng
trong năm 2027 và đề xuất bổ sung.
+ Đơn vị chủ trì: **Phòng Nội vụ**
+ Thời hạn hoàn thành: Quý IV/2027.
"""
    first, second = extract_text(HEADER + body + FOOTER).tasks
    words = "Rà soát hồ sơ khen thưởng của các phòng trong năm 2027 và đề xuất bổ sung."
    assert (second.title, second.text, second.section) == (words, words, "II. NHIỆM VỤ")
    assert second.lead_units == ["Phòng Nội vụ"]
    assert first.product == second.product == ""
    assert first.text == "Tổng kết phong trào thi đua năm 2026."


def tasks_of(body: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (t.title, t.lead_units, [d.value for d in t.deadlines])
        for t in extract_text(HEADER + body + FOOTER).tasks
    ]


def test_a_task_item_with_only_a_deadline_is_a_task_without_a_lead_unit():
    body = """II. NHIỆM VỤ
- Nhiệm vụ 2: Xây dựng kế hoạch kiểm tra.
+ Thời hạn hoàn thành: Quý IV/2027.
"""
    assert tasks_of(body) == [("Xây dựng kế hoạch kiểm tra", [], ["2027-Q4"])]


def test_a_bullet_with_only_a_deadline_is_no_task():
    body = """II. NHIỆM VỤ
- Nhiệm vụ 1: Tổng kết phong trào thi đua năm 2026.
+ Đơn vị chủ trì: Phòng Thi đua.
- Xây dựng kế hoạch kiểm tra.
+ Thời hạn hoàn thành: Quý IV/2027.
"""
    assert tasks_of(body) == [("Tổng kết phong trào thi đua năm 2026", ["Phòng Thi đua"], [])]


def test_a_task_item_with_only_a_product_is_no_task():
    body = """II. NHIỆM VỤ
- Nhiệm vụ 2: Xây dựng kế hoạch kiểm tra.
+ Sản phẩm: Kế hoạch.
"""
    assert tasks_of(body) == []
