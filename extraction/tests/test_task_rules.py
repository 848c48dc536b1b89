"""The plan extractor's task rules (extraction.tasks), one rule a test, pinned where mutation
testing found them loose (issue #19, scripts/mutation.py)."""

from extraction import extract_text
from extraction.model import Task
from extraction.tasks import content_tasks, find_tasks, split_units, task_table_lines
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


def numbered(*lines: str) -> list[tuple[str, int]]:
    """Lines as the extractor hands them on: each with the offset where it starts."""
    out, offset = [], 0
    for line in lines:
        out.append((line, offset))
        offset += len(line) + 1
    return out


def tasks_in(*lines: str, section: str = "II. NHIỆM VỤ"):
    """`find_tasks` on these lines alone, every line in `section`: no document around them."""
    return find_tasks(numbered(*lines), [section] * len(lines))


def test_a_unit_list_in_emphasis_is_still_a_list_of_one_kind():
    assert split_units("**Các Sở: Nội vụ, Tài chính**") == ["Sở Nội vụ", "Sở Tài chính"]


def test_a_unit_beginning_or_ending_with_the_letter_x_keeps_it():
    assert split_units("Xã An Phú; Xã Bình Minh") == ["Xã An Phú", "Xã Bình Minh"]


def test_only_a_closing_bracket_ends_a_parenthesis():
    assert split_units("UBND các xã (Xã An Phú, Xã Bình Minh), Sở Tài chính") == [
        "UBND các xã (Xã An Phú, Xã Bình Minh)",
        "Sở Tài chính",
    ]


def test_a_lone_mark_before_and_is_dropped_not_the_unit_after_it():
    assert split_units("Sở Nội vụ, * và Sở Tài chính") == ["Sở Nội vụ", "Sở Tài chính"]


def test_a_task_item_on_the_very_first_line_is_read():
    [task] = tasks_in("- Nhiệm vụ 1: Rà soát hồ sơ.", "+ Đơn vị chủ trì: Phòng Nội vụ")
    assert (task.title, task.lead_units) == ("Rà soát hồ sơ", ["Phòng Nội vụ"])


def test_an_attribute_line_of_the_whole_plan_does_not_end_the_reading_of_tasks():
    tasks = tasks_in(
        "Thời gian thực hiện: năm 2026.",
        "- Nhiệm vụ 1: Rà soát hồ sơ.",
        "+ Đơn vị chủ trì: Phòng Nội vụ",
    )
    assert [t.title for t in tasks] == ["Rà soát hồ sơ"]


def test_a_numbered_task_is_titled_without_its_number_and_keeps_every_line_of_its_paragraph():
    [task] = tasks_in(
        "Mở đầu.",
        "1. Rà soát hồ sơ khen thưởng",
        "của các phòng",
        "trong năm 2027",
        "và đề xuất bổ sung.",
        "Đơn vị chủ trì: Phòng Nội vụ",
    )
    assert task.title == "Rà soát hồ sơ khen thưởng"
    assert task.text == (
        "Rà soát hồ sơ khen thưởng của các phòng trong năm 2027 và đề xuất bổ sung."
    )


def test_a_part_heading_ends_the_paragraphs_of_the_item_above_it():
    tasks = tasks_in("1. Công tác tuyên truyền", "II. KIỂM TRA", "Đơn vị chủ trì: Thanh tra")
    assert all("Công tác tuyên truyền" not in t.text for t in tasks)


def test_a_product_or_unit_in_emphasis_is_read_without_its_marks():
    [task] = tasks_in(
        "- Nhiệm vụ 1: Rà soát hồ sơ.",
        "+ Đơn vị chủ trì: **Phòng Nội vụ**",
        "+ Sản phẩm: **Xuất bản kỷ yếu**",
    )
    assert (task.lead_units, task.product) == (["Phòng Nội vụ"], "Xuất bản kỷ yếu")


def test_the_lines_of_task_tables_are_their_rows_in_every_table_and_no_line_around_them():
    lines = numbered(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Số hóa hồ sơ | Văn phòng |",
        "Tiếp theo:",
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Tập huấn | Trung tâm CNTT |",
        "Hết.",
    )
    assert task_table_lines(lines, [""] * len(lines)) == {0, 1, 3, 4}


def test_a_task_table_of_a_header_and_one_row_without_separator_is_read_in_its_section():
    [task] = tasks_in(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |", "| 1 | Số hóa hồ sơ | Văn phòng |"
    )
    assert (task.title, task.section, task.lead_units) == (
        "Số hóa hồ sơ",
        "II. NHIỆM VỤ",
        ["Văn phòng"],
    )


def test_a_column_of_time_or_result_of_the_work_is_not_the_lead_column():
    [task] = tasks_in(
        "| TT | Nội dung nhiệm vụ | Thời gian thực hiện | Kết quả thực hiện | Đơn vị chủ trì |",
        "| 1 | Số hóa hồ sơ | Quý IV/2027 | Kho dữ liệu | Văn phòng |",
    )
    assert (task.lead_units, [d.value for d in task.deadlines], task.product) == (
        ["Văn phòng"],
        ["2027-Q4"],
        "Kho dữ liệu",
    )


def test_a_column_naming_partners_is_never_the_lead_column_but_may_be_the_title():
    [task] = tasks_in(
        "| TT | Đơn vị phối hợp | Nội dung công việc phối hợp thực hiện | Đơn vị chủ trì |",
        "| 1 | Các phòng | Số hóa hồ sơ | Văn phòng |",
    )
    assert (task.title, task.lead_units, task.coordinating_units) == (
        "Số hóa hồ sơ",
        ["Văn phòng"],
        ["Các phòng"],
    )


def test_a_table_with_a_lead_column_and_no_deadline_column_holds_tasks():
    assert [
        t.lead_units
        for t in tasks_in(
            "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |", "| 1 | Số hóa hồ sơ | Văn phòng |"
        )
    ] == [["Văn phòng"]]


def test_a_table_headed_in_capitals_as_targets_holds_no_task():
    assert (
        tasks_in("| TT | NỘI DUNG CHỈ TIÊU | CƠ QUAN CHỦ TRÌ |", "| 1 | Số hóa | Văn phòng |") == []
    )


def test_a_short_group_row_in_a_table_without_partner_column_names_the_group():
    tasks = tasks_in(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| I. | Công tác tổ chức |",
        "| 1 | Số hóa hồ sơ | Văn phòng |",
    )
    assert [(t.title, t.section) for t in tasks] == [("Số hóa hồ sơ", "I. Công tác tổ chức")]


def test_a_row_numbered_as_a_group_that_names_only_partners_is_a_task():
    tasks = tasks_in(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |",
        "| A | Kiểm tra | | Thanh tra |",
    )
    assert [(t.title, t.coordinating_units) for t in tasks] == [("Kiểm tra", ["Thanh tra"])]


def test_a_row_written_without_spaces_keeps_its_first_and_last_cells():
    tasks = tasks_in(
        "|TT|Nội dung nhiệm vụ|Cơ quan chủ trì|",
        "|X|Công tác khen thưởng||",
        "|1|Xét khen thưởng|Phòng X|",
    )
    assert [(t.section, t.lead_units) for t in tasks] == [("X Công tác khen thưởng", ["Phòng X"])]


def test_a_row_with_no_title_in_a_table_titled_in_its_first_column_is_no_continuation():
    tasks = tasks_in(
        "| Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| Số hóa hồ sơ | Văn phòng |",
        "| | Sở Nội vụ |",
    )
    assert [(t.title, t.lead_units) for t in tasks] == [("Số hóa hồ sơ", ["Văn phòng"])]


def test_a_continuation_row_cut_short_adds_nothing_to_the_cells_it_lacks():
    tasks = tasks_in(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |",
        "| 1 | Số hóa hồ sơ | Văn phòng | Các phòng |",
        "| | lưu trữ |",
    )
    assert [(t.title, t.lead_units, t.coordinating_units) for t in tasks] == [
        ("Số hóa hồ sơ lưu trữ", ["Văn phòng"], ["Các phòng"])
    ]


CONTENT = "II. NỘI DUNG THI ĐUA"


def test_a_content_item_short_and_without_end_mark_is_a_heading_and_its_whole_title():
    [first, second] = content_tasks(
        numbered(
            CONTENT,
            "1. Tuyên truyền, phổ biến pháp luật; hướng dẫn thực hiện",
            "2. Tuyên truyền về Đại hội Đảng bộ tỉnh. Chào mừng Đại hội Đảng bộ lần thứ XX",
        ),
        [],
    )
    assert first.title == "Tuyên truyền, phổ biến pháp luật; hướng dẫn thực hiện"
    assert second.title == (
        "Tuyên truyền về Đại hội Đảng bộ tỉnh. Chào mừng Đại hội Đảng bộ lần thứ XX"
    )
    assert first.product == second.product == ""


def test_a_content_item_of_160_characters_is_a_heading_and_of_161_a_paragraph():
    sentence = "Tuyên truyền về Đại hội Đảng bộ tỉnh. "
    heading = sentence + "x" * (160 - len(sentence))
    paragraph = heading + "x"
    titles = [
        t.title for t in content_tasks(numbered(CONTENT, "1. " + heading, "2. " + paragraph), [])
    ]
    assert titles == [heading, "Tuyên truyền về Đại hội Đảng bộ tỉnh"]


def test_the_lead_of_a_content_heading_is_read_in_its_paragraphs_not_in_the_heading():
    [task] = content_tasks(
        numbered(
            CONTENT,
            "1. Giao Sở Tư pháp chủ trì tổ chức tập huấn",
            "Sở Nội vụ chủ trì, phối hợp với các xã tổ chức thực hiện.",
        ),
        [],
    )
    assert (task.lead_units, task.coordinating_units) == (["Sở Nội vụ"], ["các xã"])


def test_a_numbered_line_before_any_part_is_no_content_task():
    lines = numbered("1. Căn cứ Luật Thi đua, khen thưởng", CONTENT, "1. Tuyên truyền về thi đua")
    assert [t.title for t in content_tasks(lines, [])] == ["Tuyên truyền về thi đua"]


def test_a_task_read_at_a_part_heading_is_that_parts_and_not_the_parts_before_it():
    lines = numbered(
        "I. NỘI DUNG THI ĐUA",
        "1. Tuyên truyền về thi đua",
        "II. NỘI DUNG KIỂM TRA",
        "Đơn vị chủ trì: Thanh tra tỉnh",
        "1. Kiểm tra hồ sơ khen thưởng",
    )
    existing = find_tasks(lines, [""] * len(lines))
    assert [t.title for t in existing] == ["II. NỘI DUNG KIỂM TRA"]
    assert [t.title for t in content_tasks(lines, existing)] == ["Tuyên truyền về thi đua"]


def test_a_part_ending_with_a_task_with_attributes_keeps_its_other_items_out():
    lines = numbered(
        CONTENT,
        "1. Tuyên truyền về thi đua",
        "2. Số hóa hồ sơ",
        "Đơn vị chủ trì: Phòng Văn hóa - Xã hội và Thông tin",
    )
    assert content_tasks(lines, find_tasks(lines, [""] * len(lines))) == []


def test_a_task_belongs_to_the_part_where_it_begins_not_where_it_ends():
    lines = numbered(
        "I. NỘI DUNG THI ĐUA", "1. Tuyên truyền về thi đua", CONTENT, "1. Số hóa hồ sơ"
    )
    part_two = lines[2][1]
    across = Task(
        title="Tập huấn",
        text="Tập huấn",
        section="",
        product="",
        deadlines=[],
        lead_units=["Sở Nội vụ"],
        coordinating_units=[],
        span=[part_two - 5, part_two + 5],
    )
    assert [t.title for t in content_tasks(lines, [across])] == ["Số hóa hồ sơ"]


def test_a_task_item_after_a_task_table_is_read():
    tasks = tasks_in(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Số hóa hồ sơ | Văn phòng |",
        "- Nhiệm vụ 2: Rà soát hồ sơ.",
        "+ Đơn vị chủ trì: Phòng Nội vụ",
    )
    assert [t.title for t in tasks] == ["Số hóa hồ sơ", "Rà soát hồ sơ"]


PARAGRAPH = [f"dòng thứ {n} của đoạn" for n in range(1, 8)]


def test_an_item_keeps_attributes_after_six_lines_of_its_paragraph_not_after_seven():
    filler = [f"Đoạn mở đầu số {n}." for n in range(1, 8)]
    six = tasks_in(*filler, "1. Rà soát hồ sơ", *PARAGRAPH[:6], "Đơn vị chủ trì: Phòng Nội vụ")
    seven = tasks_in(*filler, "1. Rà soát hồ sơ", *PARAGRAPH, "Đơn vị chủ trì: Phòng Nội vụ")
    assert [t.title for t in six] == ["Rà soát hồ sơ"]
    assert " ".join(PARAGRAPH[:6]) in six[0].text
    assert all("Rà soát hồ sơ" not in t.text for t in seven)


GROUP = [
    CONTENT,
    "1. Phòng Nội vụ chủ trì, phối hợp các phòng liên quan: ",
    "+ Tổ chức tập huấn (trước ngày 14/5/2026).",
    "- Phối hợp với Đài Truyền thanh xã xây dựng chuyên mục.",
]


def test_each_activity_under_a_group_line_is_a_task_with_the_groups_lead_and_partners():
    lines = numbered(*GROUP)
    text = "\n".join(GROUP)
    first, second = content_tasks(lines, [])
    assert [(t.title, t.text, t.section, t.product) for t in (first, second)] == [
        (
            "Tổ chức tập huấn (trước ngày 14/5/2026)",
            "Tổ chức tập huấn (trước ngày 14/5/2026).",
            CONTENT,
            "",
        ),
        (
            "Phối hợp với Đài Truyền thanh xã xây dựng chuyên mục",
            "Phối hợp với Đài Truyền thanh xã xây dựng chuyên mục.",
            CONTENT,
            "",
        ),
    ]
    assert [(t.lead_units, t.coordinating_units) for t in (first, second)] == [
        (["Phòng Nội vụ"], ["các phòng liên quan"]),
        (["Phòng Nội vụ"], ["các phòng liên quan", "Đài Truyền thanh xã"]),
    ]
    assert [text[t.span[0] : t.span[1]] for t in (first, second)] == [
        GROUP[2][2:],
        GROUP[3][2:],
    ]


def test_a_line_ending_in_a_colon_that_names_no_lead_over_activities_is_one_content_task():
    lines = numbered(
        CONTENT, "1. Tuyên truyền trên các phương tiện:", "+ Tổ chức tập huấn.", "+ Treo băng rôn."
    )
    assert [(t.title, t.lead_units) for t in content_tasks(lines, [])] == [
        ("Tuyên truyền trên các phương tiện:", [])
    ]


def test_a_content_heading_opening_with_a_unit_names_no_doer_its_paragraphs_may():
    lines = numbered(CONTENT, "1. Sở Tư pháp tổ chức tập huấn", "Nội dung tập huấn về pháp luật.")
    assert [(t.title, t.lead_units) for t in content_tasks(lines, [])] == [
        ("Sở Tư pháp tổ chức tập huấn", [])
    ]


def test_bullets_right_after_a_lead_in_to_the_contents_are_each_a_task():
    lines = numbered(
        "Sở Nội vụ ban hành Kế hoạch với các nội dung sau:",
        "- Tuyên truyền về phong trào thi đua",
        "- Tập huấn nghiệp vụ thi đua",
    )
    assert [t.title for t in content_tasks(lines, [])] == [
        "Tuyên truyền về phong trào thi đua",
        "Tập huấn nghiệp vụ thi đua",
    ]
