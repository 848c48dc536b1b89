"""The plan extractor's task rules (extraction.tasks), one rule a test, pinned where mutation
testing found them loose (issue #19, scripts/mutation.py)."""

from extraction import extract_text
from extraction.tasks import split_units
from extraction.tests.test_rules import FOOTER, HEADER, PART


def test_a_unit_name_broken_over_lines_or_spaces_is_one_name():
    assert split_units("Sở  Nội\nvụ, Sở Tài chính") == ["Sở Nội vụ", "Sở Tài chính"]


def test_commas_inside_nested_parentheses_do_not_split():
    assert split_units("Văn phòng (Bộ phận (Một cửa), Tổ hỗ trợ), Sở Tài chính") == [
        "Văn phòng (Bộ phận (Một cửa), Tổ hỗ trợ)",
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


TABLE = """II. NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
|---|---|---|---|---|
| (1) | (2) | (3) | (4) | (5) |
| I. | Công tác tổ chức | | | Năm 2027 |
| 1 | Số hóa hồ sơ | Văn phòng | Các phòng | Quý IV/2027 |
| | lưu trữ | | | |
| 2 | Tập huấn an toàn thông tin | Trung tâm CNTT |
| B | Kiểm tra | Thanh tra | | |
"""


def test_a_task_table_row_by_row_with_its_group_a_row_cut_by_a_page_and_a_short_row():
    text = HEADER + TABLE + FOOTER
    tasks = extract_text(text).tasks
    assert [(t.title, t.text, t.section, t.lead_units, t.coordinating_units) for t in tasks] == [
        (
            "Số hóa hồ sơ lưu trữ",
            "Số hóa hồ sơ lưu trữ",
            "I. Công tác tổ chức",
            ["Văn phòng"],
            ["Các phòng"],
        ),
        (
            "Tập huấn an toàn thông tin",
            "Tập huấn an toàn thông tin",
            "I. Công tác tổ chức",
            ["Trung tâm CNTT"],
            [],
        ),
        # A letter with a unit is a task, not a group.
        ("Kiểm tra", "Kiểm tra", "I. Công tác tổ chức", ["Thanh tra"], []),
    ]
    assert [[d.value for d in t.deadlines] for t in tasks] == [["2027-Q4"], [], []]
    assert [text[t.span[0] : t.span[1]] for t in tasks] == [
        "| 1 | Số hóa hồ sơ | Văn phòng | Các phòng | Quý IV/2027 |\n| | lưu trữ | | | |",
        "| 2 | Tập huấn an toàn thông tin | Trung tâm CNTT |",
        "| B | Kiểm tra | Thanh tra | | |",
    ]


def test_a_table_of_targets_or_without_unit_and_deadline_columns_holds_no_task():
    targets = """II. CHỈ TIÊU
| TT | Nội dung chỉ tiêu | Cơ quan chủ trì | Thời hạn |
|---|---|---|---|
| 1 | Số hóa hồ sơ | Văn phòng | Năm 2027 |
"""
    products = """II. NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Sản phẩm |
|---|---|---|
| 1 | Số hóa hồ sơ | Kho dữ liệu |
"""
    assert extract_text(HEADER + targets + FOOTER).tasks == []
    assert extract_text(HEADER + products + FOOTER).tasks == []


def test_a_table_with_a_deadline_column_and_no_unit_column_holds_tasks():
    body = """II. NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Thời hạn |
|---|---|---|
| 1 | Số hóa hồ sơ | Năm 2027 |
"""
    assert tasks_of(body) == [("Số hóa hồ sơ", [], ["2027"])]


def test_beside_tasks_with_attributes_only_an_item_naming_its_lead_is_a_task_and_each_part_alone():
    text = (
        PART
        + "II. NỘI DUNG THI ĐUA\n1. Số hóa hồ sơ lưu trữ của xã\n"
        + "- Đơn vị chủ trì: Công chức Văn hóa - Xã hội\n- Thời gian hoàn thành: Quý IV/2026\n"
        + "2. Công an xã chủ trì, phối hợp với các thôn tổ chức tuyên truyền về an toàn thông tin.\n"
        + "3. Tập huấn kỹ năng số cho cán bộ xã.\n"
        + "III. NỘI DUNG KHÁC\n1. Duy trì trang thông tin điện tử của xã\n"
        + FOOTER
    )
    first, prose, other = extract_text(text).tasks
    assert first.lead_units == ["Công chức Văn hóa - Xã hội"]
    assert (prose.section, prose.lead_units, prose.coordinating_units) == (
        "II. NỘI DUNG THI ĐUA",
        ["Công an xã"],
        ["các thôn"],
    )
    assert text[prose.span[0] : prose.span[1]] == (
        "Công an xã chủ trì, phối hợp với các thôn tổ chức tuyên truyền về an toàn thông tin."
    )
    assert (other.title, other.section, other.lead_units) == (
        "Duy trì trang thông tin điện tử của xã",
        "III. NỘI DUNG KHÁC",
        [],
    )
    assert text[other.span[0] : other.span[1]] == "Duy trì trang thông tin điện tử của xã"
