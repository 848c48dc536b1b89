"""The rules of `target_tables.table_targets` one by one (issue #19: each pins what mutation
testing showed no test held): which lines a table of targets is, its rows, short rows and group
rows. Plain lines in, targets out: no document around them."""

from extraction.target_tables import table_targets
from extraction.tasks import split_units

HEADER = "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu năm 2026 | Cơ quan chủ trì |"


def read(*lines: str):
    """`table_targets` of these lines, each at the offset of its index (a line a character)."""
    return table_targets([(line, index) for index, line in enumerate(lines)], "2026", split_units)


def readings(targets):
    return [(t.text, t.section, t.due, t.comparator, t.value, t.lead_units) for t in targets]


def test_a_table_printed_without_a_separator_row_reads_the_row_under_its_header():
    found, _used = read(HEADER, "| 1 | Tỷ lệ C | % | ≥ 90 | Sở Nội vụ |")
    assert readings(found) == [("Tỷ lệ C", "", "2026", ">=", 90.0, ["Sở Nội vụ"])]


def test_the_lines_of_a_table_are_its_rows_and_no_line_before_or_after_it():
    found, used = read(
        "Chỉ tiêu cụ thể như sau:",
        HEADER,
        "| 1 | Tỷ lệ C | % | ≥ 90 | Sở Nội vụ |",
        "| 2 | Tỷ lệ D | % | ≥ 80 | Sở Tài chính |",
        "Các sở, ngành triển khai.",
        "Hết.",
    )
    assert [t.text for t in found] == ["Tỷ lệ C", "Tỷ lệ D"]
    assert used == {1, 2, 3}


def test_a_row_short_of_its_last_cells_has_no_lead_and_a_short_row_of_words_is_a_group():
    found, _used = read(
        HEADER,
        "|---|---|---|---|---|",
        "| I. | Đến năm 2030 |",
        "| 1 | Tỷ lệ C | % | ≥ 90 |",
    )
    assert readings(found) == [("Tỷ lệ C", "Đến năm 2030", "2030", ">=", 90.0, [])]


def test_a_row_takes_the_section_of_the_group_row_above_it():
    found, _used = read(
        HEADER,
        "| A | Nhóm chỉ tiêu về chính quyền số | | | |",
        "| 1 | Tỷ lệ C | % | ≥ 90 | Sở Nội vụ |",
        "| B | Nhóm chỉ tiêu về kinh tế số | | | |",
        "| 1 | Tỷ lệ D | % | ≥ 80 | Sở Tài chính |",
    )
    assert [(t.text, t.section, t.due) for t in found] == [
        ("Tỷ lệ C", "Nhóm chỉ tiêu về chính quyền số", "2026"),
        ("Tỷ lệ D", "Nhóm chỉ tiêu về kinh tế số", "2026"),
    ]


def test_a_group_row_numbered_in_bold_sets_the_due_year_of_its_rows():
    found, _used = read(
        HEADER,
        "| **X**. | Đến năm 2030 | | | |",
        "| 1 | Tỷ lệ C | % | ≥ 90 | Sở Nội vụ |",
    )
    assert [(t.section, t.due) for t in found] == [("Đến năm 2030", "2030")]


def test_a_table_that_is_not_of_targets_does_not_end_the_reading_of_the_next():
    found, used = read(
        "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì |",
        "| 1 | Số hóa hồ sơ | Văn phòng |",
        "Chỉ tiêu:",
        HEADER,
        "| 1 | Tỷ lệ C | % | ≥ 90 | Sở Nội vụ |",
    )
    assert [t.text for t in found] == ["Tỷ lệ C"]
    assert used == {3, 4}


def test_a_cell_whose_first_word_after_the_figure_is_in_lower_case_is_words_whatever_follows():
    found, _used = read(
        HEADER,
        "| 1 | Số huyện | Huyện | 5 huyện | |",
        "| 2 | Số lĩnh vực | Lĩnh vực | 3 lĩnh vực Kinh tế số | |",
        "| 3 | Điện năng | Điện | 5 kWh mỗi hộ | |",
    )
    assert [(t.text, t.value) for t in found] == [
        ("Số huyện", None),
        ("Số lĩnh vực", None),
        ("Điện năng", 5.0),
    ]
