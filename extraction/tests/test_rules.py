"""General rules on phrasings, layouts and deadlines that the seeds do not contain."""

import pytest

from extraction import extract_text
from extraction.dates import parse_deadlines
from extraction.tasks import split_units

HEADER = """UBND TỈNH ĐIỆN BIÊN
SỞ NỘI VỤ
Số: 07/KH-SNV
Điện Biên, ngày 05 tháng 01 năm 2027
KẾ HOẠCH
Thi đua chuyển đổi số năm 2027
Căn cứ Quyết định số 15/QĐ-UBND ngày 02/01/2027 của UBND tỉnh; thay thế Kế hoạch số 90/KH-SNV ngày 10/12/2026.
I. CHỈ TIÊU
"""
FOOTER = """Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
Q. GIÁM ĐỐC
Lê Thị Hồng"""


def targets_of(body: str):
    draft = extract_text(HEADER + body + "\n" + FOOTER)
    return [t for t in draft.targets if t.value is not None]


@pytest.mark.parametrize(
    "sentence, comparator, value, value_max, unit",
    [
        ("Tỷ lệ hồ sơ trễ hạn không quá 2%.", "<=", 2, None, "%"),
        ("Giảm 10% thời gian giải quyết thủ tục.", "decrease", 10, None, "%"),
        ("Chỉ số PAR INDEX tăng 3 bậc so với năm trước.", "increase", 3, None, "rank"),
        ("Tỉnh nằm trong nhóm 15 tỉnh dẫn đầu cả nước về DTI.", "top", 15, None, "rank"),
        ("Từ 30 - 50% hộ dân tham gia.", "range", 30, 50, "%"),
        ("Tỷ lệ chi cho khoa học đạt 1,5% tổng chi.", ">=", 1.5, None, "%"),
        ("Mỗi đơn vị có ít nhất 01 sáng kiến được công nhận.", ">=", 1, None, "count"),
        ("Trên 70% cán bộ sử dụng chữ ký số.", ">", 70, None, "%"),
        ("Tối thiểu 80% văn bản được ký số.", ">=", 80, None, "%"),
        ("Phấn đấu $\\geq 90\\%$ người dân có tài khoản định danh.", ">=", 90, None, "%"),
        ("Tỷ lệ sai sót $\\leq 5\\%$ hồ sơ.", "<=", 5, None, "%"),
        ("Đạt 100% hồ sơ được số hóa.", ">=", 100, None, "%"),
        ("Có trên 120 doanh nghiệp số.", ">", 120, None, "count"),
    ],
)
def test_comparators_as_officials_write_them(sentence, comparator, value, value_max, unit):
    (target,) = targets_of(sentence)
    assert (target.comparator, target.value, target.value_max, target.unit) == (
        comparator,
        value,
        value_max,
        unit,
    )


def test_one_sentence_with_several_figures_gives_several_targets():
    found = targets_of(
        "Phấn đấu ≥ 90% hồ sơ xử lý trên mạng; ≥ 70% giao dịch phi tiếp xúc; 100% cơ quan dùng chữ ký số."
    )
    assert [(t.comparator, t.value) for t in found] == [(">=", 90), (">=", 70), (">=", 100)]
    assert found[1].text.startswith("≥ 70% giao dịch")


def test_span_points_at_the_target_in_the_normalised_text():
    draft = extract_text(HEADER + "1. Tối thiểu 80% văn bản được ký số.\n" + FOOTER)
    target = draft.targets[0]
    assert draft.text[target.span[0] : target.span[1]].startswith("Tối thiểu 80%")


def test_dates_and_numbers_that_are_not_targets_are_ignored():
    assert (
        targets_of(
            "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 trong 21 khối thi đua, giai đoạn 2026 - 2030."
        )
        == []
    )


def test_qualitative_target_under_a_targets_heading_has_no_value():
    draft = extract_text(HEADER + "- Nâng cao nhận thức của cán bộ về chuyển đổi số.\n" + FOOTER)
    assert [(t.text, t.value) for t in draft.targets] == [
        ("Nâng cao nhận thức của cán bộ về chuyển đổi số.", None)
    ]


def test_due_year_comes_from_the_clause_then_the_plan():
    found = targets_of("Tối thiểu 80% văn bản được ký số vào năm 2029; 100% cơ quan dùng phần mềm.")
    assert [t.due for t in found] == ["2029", "2027"]


def test_header_metadata_references_and_signature():
    draft = extract_text(HEADER + "1. Đạt 100% hồ sơ.\n" + FOOTER)
    document = draft.document
    assert (document.number, document.type, document.issuer_code) == ("07/KH-SNV", "KH", "SNV")
    assert (document.place, document.date) == ("Điện Biên", "2027-01-05")
    assert [(r.relation, r.number, r.date) for r in draft.references] == [
        ("implements", "15/QĐ-UBND", "2027-01-02"),
        ("replaces", "90/KH-SNV", "2026-12-10"),
    ]
    assert draft.signature.name == "Lê Thị Hồng"
    assert draft.recipients == ["UBND tỉnh", "Lưu: VT"]


def test_acting_head_signature_is_an_authority():
    draft = extract_text(HEADER + "1. Đạt 100% hồ sơ.\n" + FOOTER)
    assert draft.signature.authority == "Q. GIÁM ĐỐC"


def test_blank_number_and_month_only_date():
    draft = extract_text(
        "Số:    /KH-UBND\nHà Giang, ngày    tháng 8 năm 2026\nKẾ HOẠCH\nVề chuyển đổi số\nI. NỘI DUNG\n1. Đạt 100% hồ sơ."
    )
    assert (draft.document.number, draft.document.issuer_code, draft.document.date) == (
        None,
        "UBND",
        "2026-08",
    )


def test_sentence_cut_by_a_page_break_is_joined_and_footnotes_dropped():
    text = (
        HEADER
        + "1. Tối thiểu 80% văn bản được xử lý trên môi trường\n\n- 2 -\n\nđiện tử<sup>1</sup>.\n---\n<sup>1</sup> Ghi chú.\n"
        + FOOTER
    )
    draft = extract_text(text)
    assert "môi trường điện tử." in draft.text
    assert "Ghi chú" not in draft.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("30/4/2026", [("date", "2026-04-30")]),
        ("Trước ngày 30/6/2026", [("before", "2026-06-30")]),
        ("Tháng 6/2026", [("month", "2026-06")]),
        ("Quý II/2026", [("quarter", "2026-Q2")]),
        ("Quý II, Quý III/2026", [("quarter", "2026-Q2"), ("quarter", "2026-Q3")]),
        ("Năm 2026", [("year", "2026")]),
        ("2026-2030", [("year", "2030")]),
        ("Thường xuyên", [("recurring", "continuous")]),
        ("Hằng tháng", [("recurring", "monthly")]),
        ("trước ngày 20 hằng tháng", [("recurring", "monthly")]),
        ("Hằng quý", [("recurring", "quarterly")]),
    ],
)
def test_deadlines(text, expected):
    assert [(d.kind, d.value) for d in parse_deadlines(text)] == expected


def test_unit_lists_split_on_commas_but_not_inside_parentheses_or_groups():
    assert split_units(
        "Văn phòng (Bộ phận một cửa), các phòng chuyên môn và Trung tâm Quản lý cửa khẩu."
    ) == [
        "Văn phòng (Bộ phận một cửa)",
        "các phòng chuyên môn",
        "Trung tâm Quản lý cửa khẩu",
    ]
    assert split_units("Các phòng, ban, trung tâm") == ["Các phòng, ban, trung tâm"]


def test_task_item_with_attribute_lines():
    body = """II. NHIỆM VỤ
- Nhiệm vụ 1: Xây dựng cơ sở dữ liệu cán bộ. Bảo đảm đúng, đủ, sạch, sống.
+ Cơ quan chủ trì: Phòng Công chức, viên chức.
+ Cơ quan phối hợp: Văn phòng Sở; Thanh tra Sở.
+ Sản phẩm: Cơ sở dữ liệu được vận hành.
+ Thời hạn hoàn thành: Quý IV/2027.
"""
    (task,) = extract_text(HEADER + body + FOOTER).tasks
    assert task.title == "Xây dựng cơ sở dữ liệu cán bộ"
    assert task.lead_units == ["Phòng Công chức, viên chức"]
    assert task.coordinating_units == ["Văn phòng Sở", "Thanh tra Sở"]
    assert task.product == "Cơ sở dữ liệu được vận hành"
    assert [(d.kind, d.value) for d in task.deadlines] == [("quarter", "2027-Q4")]


def test_markdown_task_table():
    body = """II. NHIỆM VỤ
| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Số hóa hồ sơ lưu trữ | Văn phòng | Các phòng | Năm 2027 |
| 2 | Tập huấn an toàn thông tin | Trung tâm CNTT | | Thường xuyên |
"""
    tasks = extract_text(HEADER + body + FOOTER).tasks
    assert [(t.title, t.lead_units, t.coordinating_units) for t in tasks] == [
        ("Số hóa hồ sơ lưu trữ", ["Văn phòng"], ["Các phòng"]),
        ("Tập huấn an toàn thông tin", ["Trung tâm CNTT"], []),
    ]


PART = """UBND XÃ HÒA BÌNH
Số: 12/KH-UBND
Hòa Bình, ngày 03 tháng 3 năm 2026
KẾ HOẠCH
Thi đua chuyển đổi số năm 2026
I. MỤC ĐÍCH
Tạo khí thế thi đua.
"""


def test_numbered_contents_without_attributes_are_tasks_without_units():
    draft = extract_text(
        PART
        + "II. NỘI DUNG THI ĐUA\n1. Số hóa hồ sơ lưu trữ\nSố hóa toàn bộ hồ sơ của xã.\n"
        + "2. Tập huấn kỹ năng số cho cán bộ xã, thôn, bản trong toàn xã.\n"
        + "3. Tiêu chí đánh giá\nMức độ hoàn thành.\nIII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng\nTheo dõi.\n"
        + FOOTER
    )
    assert [t.title for t in draft.tasks] == [
        "Số hóa hồ sơ lưu trữ",
        "Tập huấn kỹ năng số cho cán bộ xã, thôn, bản trong toàn xã",
    ]
    assert draft.tasks[0].text == "Số hóa hồ sơ lưu trữ Số hóa toàn bộ hồ sơ của xã."
    assert all(t.lead_units == [] and t.deadlines == [] for t in draft.tasks)


def test_contents_with_attribute_lines_are_not_counted_twice():
    draft = extract_text(
        PART
        + "II. NỘI DUNG THI ĐUA\n1. Số hóa hồ sơ lưu trữ của xã\n"
        + "- Đơn vị chủ trì: Công chức Văn hóa - Xã hội\n- Thời gian hoàn thành: Quý IV/2026\n"
        + FOOTER
    )
    assert len(draft.tasks) == 1
    assert draft.tasks[0].lead_units == ["Công chức Văn hóa - Xã hội"]


def test_a_footnote_saying_done_marks_its_task_done():
    draft = extract_text(
        PART
        + "II. NHIỆM VỤ\n- Nhiệm vụ 1: Nâng cấp mạng nội bộ.\n"
        + "+ Thời hạn hoàn thành: Tháng 3/2026<sup>1</sup>\n+ Đơn vị chủ trì: Văn phòng.\n"
        + "- Nhiệm vụ 2: Mua máy chủ mới.\n+ Thời hạn hoàn thành: Tháng 9/2026\n"
        + "+ Đơn vị chủ trì: Văn phòng.\n---\n<sup>1</sup> Nhiệm vụ đã hoàn thành.\n"
        + FOOTER
    )
    assert [t.state for t in draft.tasks] == ["done", None]


def test_a_pointer_to_an_appendix_is_not_a_target():
    draft = extract_text(
        PART + "II. KẾT QUẢ CẦN ĐẠT\nHồ sơ được số hóa đầy đủ, đúng quy định.\n"
        "(Chi tiết tại Phụ lục II kèm theo)\n" + FOOTER
    )
    assert [t.text for t in draft.targets] == ["Hồ sơ được số hóa đầy đủ, đúng quy định."]


def test_scope_and_participants_under_a_targets_part_are_not_targets():
    draft = extract_text(
        PART + "II. MỤC TIÊU VÀ ĐỐI TƯỢNG\n1. Mục tiêu\nMọi thôn có tổ công nghệ số hoạt động.\n"
        "2. Phạm vi và đối tượng\n- Phong trào triển khai trên toàn xã.\n"
        "- Các thôn, bản và hộ kinh doanh trên địa bàn.\n" + FOOTER
    )
    assert [t.text for t in draft.targets] == ["Mọi thôn có tổ công nghệ số hoạt động."]


def test_a_numbered_sentence_under_targets_is_a_qualitative_target():
    draft = extract_text(
        PART + "II. CHỈ TIÊU THI ĐUA\n"
        "1. Hạ tầng số của xã dần được nâng cấp, đáp ứng yêu cầu công việc. Tiếp tục duy trì.\n"
        + FOOTER
    )
    assert [(t.text[:21], t.value) for t in draft.targets] == [("Hạ tầng số của xã dần", None)]


WEB_HEADER_ONE_CELL_PER_LINE = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 77/KH-UBND
|
Thành phố Hòa
Bình, ngày
09 tháng 3 năm 2026
|
KẾ HOẠCH
TRIỂN
KHAI PHONG TRÀO THI ĐUA “SỐ HÓA HỒ SƠ” GIAI ĐOẠN 2026
- 2030
Căn cứ Quyết định số 15/QĐ-UBND ngày
02/01/2026 của Ủy ban nhân dân tỉnh; Kế hoạch số 12/KH-UBND ngày 05 tháng 01
năm 2026 của Ủy ban nhân dân tỉnh về chuyển đổi số.
I. MỤC ĐÍCH,
YÊU CẦU
Tạo khí thế thi đua.
"""


def test_a_header_printed_one_cell_per_line_and_hard_wrapped_is_read():
    draft = extract_text(WEB_HEADER_ONE_CELL_PER_LINE + FOOTER)
    document = draft.document
    assert (document.number, document.place, document.date) == (
        "77/KH-UBND",
        "Thành phố Hòa Bình",
        "2026-03-09",
    )
    assert document.title == "TRIỂN KHAI PHONG TRÀO THI ĐUA “SỐ HÓA HỒ SƠ” GIAI ĐOẠN 2026 - 2030"
    assert [(r.number, r.date) for r in draft.references] == [
        ("15/QĐ-UBND", "2026-01-02"),
        ("12/KH-UBND", "2026-01-05"),
    ]


def test_a_two_column_header_printed_with_pipes_is_read():
    draft = extract_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 130/KH-UBND | Sơn La, ngày 27 tháng 6 năm 2026 |\nKẾ HOẠCH\n"
        "TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2026\nI. MỤC ĐÍCH\nTạo khí thế.\n" + FOOTER
    )
    assert (draft.document.number, draft.document.place, draft.document.date) == (
        "130/KH-UBND",
        "Sơn La",
        "2026-06-27",
    )
    assert draft.document.title == "TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2026"


def test_a_number_cited_in_a_capitalised_title_and_in_the_body_is_one_reference():
    draft = extract_text(
        "Số: 5/KH-UBND\nSơn La, ngày 02 tháng 7 năm 2026\nKẾ HOẠCH\n"
        "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 10-CTR/TU NGÀY 13/8/2025 CỦA TỈNH ỦY\n"
        "Căn cứ Chương trình hành động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy;\n"
        "I. MỤC ĐÍCH\nTạo khí thế.\n" + FOOTER
    )
    assert [(r.number, r.date) for r in draft.references] == [("10-CTr/TU", "2025-08-13")]


def test_a_capitalised_heading_ending_on_a_word_like_dat_is_not_joined_to_its_text():
    draft = extract_text(PART + "II. KẾT QUẢ CẦN ĐẠT\nHồ sơ được số hóa đầy đủ.\n" + FOOTER)
    assert "II. KẾT QUẢ CẦN ĐẠT\nHồ sơ" in draft.text


@pytest.mark.parametrize(
    "text, units",
    [
        ("Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]),
        (
            "Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình tỉnh",
            ["Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình tỉnh"],
        ),
        (
            "Sở Nông nghiệp và Môi trường và Sở Dân tộc và Tôn giáo",
            ["Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"],
        ),
        ("Các bộ, ngành và địa phương", ["Các bộ, ngành và địa phương"]),
        ("Văn phòng và Trung tâm Chuyển đổi số", ["Văn phòng", "Trung tâm Chuyển đổi số"]),
        ("Sở Tư pháp và VNPT tỉnh", ["Sở Tư pháp", "VNPT tỉnh"]),
        ("Phòng Tài chính và Kế hoạch", ["Phòng Tài chính và Kế hoạch"]),
    ],
)
def test_unit_names_holding_va_or_commas_stay_whole(text, units):
    assert split_units(text) == units


@pytest.mark.parametrize(
    "cell, kind, value",
    [
        ("6/2025", "month", "2025-06"),
        ("12/2026", "month", "2026-12"),
        ("Tháng 3/2026", "month", "2026-03"),
    ],
)
def test_a_bare_month_in_a_table_cell_is_a_month(cell, kind, value):
    (deadline,) = parse_deadlines(cell)
    assert (deadline.kind, deadline.value) == (kind, value)


def test_group_rows_of_a_task_table_are_sections_not_tasks():
    table = (
        "II. NHIỆM VỤ\n"
        "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| **I.** | Nâng cao nhận thức | | | |\n"
        "| 1. | Tuyên truyền Nghị quyết | Sở Khoa học và Công nghệ | Các sở, ngành | 6/2026 |\n"
        "| **II.** | Hoàn thiện thể chế | | | |\n"
        "| 2. | Rà soát quy định | Sở Tư pháp | | Thường xuyên |\n"
    )
    tasks = extract_text(HEADER.replace("I. CHỈ TIÊU\n", "") + table + FOOTER).tasks
    assert [(t.title, t.section, t.lead_units) for t in tasks] == [
        ("Tuyên truyền Nghị quyết", "I. Nâng cao nhận thức", ["Sở Khoa học và Công nghệ"]),
        ("Rà soát quy định", "II. Hoàn thiện thể chế", ["Sở Tư pháp"]),
    ]
    assert [(d.kind, d.value) for d in tasks[0].deadlines] == [("month", "2026-06")]


def test_a_heading_that_only_mentions_targets_in_its_text_is_not_a_targets_heading():
    draft = extract_text(
        PART.replace("I. MỤC ĐÍCH\nTạo khí thế thi đua.\n", "")
        + "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích: Triển khai hiệu quả các mục tiêu, nhiệm vụ của tỉnh.\n"
        + "2. Yêu cầu: Bảo đảm đồng bộ.\n"
        + FOOTER
    )
    assert draft.targets == []


def test_a_table_of_targets_gives_targets_with_their_units_and_group_year():
    table = (
        "II. CHỈ TIÊU\n"
        "| STT | Tên chỉ tiêu | Đơn vị tính | Năm 2026 | Đơn vị chủ trì theo dõi |\n"
        "|---|---|---|---|---|\n"
        "| A | Đến hết năm 2026 | | | |\n"
        "| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | ≥ 85 | Sở Khoa học và Công nghệ |\n"
        "| 2 | Xếp hạng chỉ số chuyển đổi số (DTI) | Thứ hạng | 15 | Văn phòng UBND tỉnh |\n"
        "| 3 | Số doanh nghiệp số mới | Doanh nghiệp | 40 - 60 | Sở Tài chính |\n"
        "| 4 | Hạ tầng số | | Hiện đại, đồng bộ | Sở Xây dựng |\n"
    )
    found = extract_text(HEADER.replace("I. CHỈ TIÊU\n", "") + table + FOOTER).targets
    assert [
        (t.text, t.comparator, t.value, t.value_max, t.unit, t.due, t.lead_units) for t in found
    ] == [
        (
            "Tỷ lệ hồ sơ trực tuyến toàn trình",
            ">=",
            85,
            None,
            "%",
            "2026",
            ["Sở Khoa học và Công nghệ"],
        ),
        (
            "Xếp hạng chỉ số chuyển đổi số (DTI)",
            "top",
            15,
            None,
            "rank",
            "2026",
            ["Văn phòng UBND tỉnh"],
        ),
        ("Số doanh nghiệp số mới", "range", 40, 60, "count", "2026", ["Sở Tài chính"]),
        ("Hạ tầng số", None, None, None, None, "2026", ["Sở Xây dựng"]),
    ]


BODY = "I. MỤC ĐÍCH\nTạo khí thế thi đua.\n"


@pytest.mark.parametrize(
    "closing",
    [
        # wrapped over several lines, as the web prints the right column
        "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT, KGVX.\nTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n(Đã ký)\nLê Văn Hùng",
        # two columns on one line with pipes
        "Nơi nhận: - Bộ Nội vụ; - Lưu: VT, KGVX. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH "
        "Lê Văn Hùng |",
        # one cell per line, the authority marker wrapped alone
        "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT, KGVX.\n|\nTM. ỦY BAN NHÂN DÂN\nKT.\nCHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nLê Văn Hùng\n|",
        # the signature column printed before "Nơi nhận"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Hùng\n"
        "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT, KGVX.",
    ],
)
def test_the_signature_block_is_read_whatever_the_two_column_layout(closing):
    signature = extract_text(HEADER + BODY + closing).signature
    assert (signature.authority, signature.position, signature.name) == (
        "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lê Văn Hùng",
    )


def test_gap_n_lan_is_a_multiple_to_reach():
    (target,) = targets_of("Doanh thu thương mại điện tử tăng gấp 2 lần so với năm 2025.")
    assert (target.comparator, target.value, target.unit, target.measure) == (
        ">=",
        2,
        "other",
        "lần",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Mỗi đơn vị đề nghị khen thưởng không quá 05 cá nhân.",
        "Người dân trên 15 tuổi được tuyên truyền về chuyển đổi số.",
        "Tổ chức 03 loại hình thi đua, trong đó có ít nhất 02 loại hình chuyên đề.",
        "Bài dự thi được chấm tối đa 10 điểm.",
    ],
)
def test_quotas_ages_kinds_and_points_are_not_targets(sentence):
    assert targets_of(sentence) == []


def test_a_count_detailing_a_percentage_is_not_a_second_target():
    found = targets_of("100% xã có trạm phát sóng 5G (tối thiểu 1 trạm mỗi xã).")
    assert [(t.value, t.unit) for t in found] == [(100, "%")]


def test_rates_in_the_awards_section_are_conditions_not_targets():
    draft = extract_text(
        HEADER
        + "- 100% hồ sơ được xử lý trực tuyến.\n"
        + "II. TIÊU CHUẨN KHEN THƯỞNG\n"
        + "- Tập thể có tỷ lệ hồ sơ trực tuyến đạt trên 90% được xét tặng Bằng khen.\n"
        + FOOTER
    )
    assert [t.value for t in draft.targets if t.value is not None] == [100]


@pytest.mark.parametrize(
    "sentence, lead, coordinating",
    [
        (
            "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ và các địa phương tổ chức tập huấn.",
            ["Sở Tư pháp"],
            ["Sở Nội vụ", "các địa phương"],
        ),
        (
            "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp Sở Tài chính thực hiện.",
            ["Sở Khoa học và Công nghệ"],
            ["Sở Tài chính"],
        ),
        ("Văn phòng chủ trì thực hiện.", ["Văn phòng"], []),
    ],
)
def test_lead_and_partners_named_in_one_sentence_are_not_swapped(sentence, lead, coordinating):
    draft = extract_text(
        PART + "II. NỘI DUNG THI ĐUA\n1. Tập huấn kỹ năng số\n" + sentence + "\n" + FOOTER
    )
    (task,) = draft.tasks
    assert (task.lead_units, task.coordinating_units) == (lead, coordinating)


def test_a_heading_that_says_until_the_end_of_a_year_dates_its_targets():
    draft = extract_text(
        HEADER.replace(
            "Thi đua chuyển đổi số năm 2027", "Thi đua chuyển đổi số giai đoạn 2026 - 2030"
        )
        + "1. Đến hết năm 2026\n- 80% hồ sơ được xử lý trực tuyến.\n"
        + "2. Đến năm 2030\n- 100% hồ sơ được xử lý trực tuyến.\n"
        + FOOTER
    )
    assert [(t.value, t.due) for t in draft.targets if t.value] == [(80, "2026"), (100, "2030")]


def test_a_document_number_wrapped_after_so_is_joined():
    draft = extract_text(
        "Số: 9/KH-UBND\nSơn La, ngày 02 tháng 7 năm 2026\nKẾ HOẠCH\nCHUYỂN ĐỔI SỐ NĂM 2026\n"
        "Căn cứ Quyết định số\n742/QĐ-UBND ngày 24/6/2022 của Ủy ban nhân dân tỉnh;\n"
        "I. MỤC ĐÍCH\nTạo khí thế.\n" + FOOTER
    )
    assert [(r.number, r.date) for r in draft.references] == [("742/QĐ-UBND", "2022-06-24")]


def test_a_task_table_printed_one_cell_per_line_is_rebuilt():
    table = """II. NHIỆM VỤ
STT
|
Nhiệm vụ
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian hoàn thành
|
Sản phẩm
|
I
|
Nâng cao nhận thức
|
1
|
Xây dựng chuyên mục chuyển đổi số
trên Cổng thông tin điện tử tỉnh
|
Sở Khoa học và Công nghệ
|
Báo và Phát thanh, Truyền hình tỉnh; các sở, ngành
|
Quý III/2026
|
Chuyên mục
|
2
|
Tập huấn kỹ năng số cho cán bộ cấp xã
|
Sở Nội vụ
|
UBND các xã, phường
|
Hằng năm
|
Lớp tập huấn
|
Tổ chức thực hiện: các sở, ngành triển khai.
"""
    tasks = extract_text(HEADER.replace("I. CHỈ TIÊU\n", "") + table + FOOTER).tasks
    assert [
        (
            t.title,
            t.section,
            t.lead_units,
            t.coordinating_units,
            [(d.kind, d.value) for d in t.deadlines],
            t.product,
        )
        for t in tasks
    ] == [
        (
            "Xây dựng chuyên mục chuyển đổi số trên Cổng thông tin điện tử tỉnh",
            "I Nâng cao nhận thức",
            ["Sở Khoa học và Công nghệ"],
            ["Báo và Phát thanh, Truyền hình tỉnh", "các sở, ngành"],
            [("quarter", "2026-Q3")],
            "Chuyên mục",
        ),
        (
            "Tập huấn kỹ năng số cho cán bộ cấp xã",
            "I Nâng cao nhận thức",
            ["Sở Nội vụ"],
            ["UBND các xã, phường"],
            [("recurring", "yearly")],
            "Lớp tập huấn",
        ),
    ]


def test_sentences_hard_wrapped_inside_a_figure_or_a_unit_are_rejoined():
    body = (
        "- Tỷ lệ hồ sơ được xử lý trực tuyến đạt\n95%.\n"
        "- Mỗi xã có từ\n05 mô hình chuyển đổi số trở lên.\n"
        "II. NHIỆM VỤ\n- Nhiệm vụ 1: Số hóa hồ sơ lưu trữ.\n"
        "+ Đơn vị chủ trì: Các\nSở, ngành tỉnh.\n+ Thời hạn hoàn thành: Thường\nxuyên.\n"
    )
    draft = extract_text(HEADER + body + FOOTER)
    assert [(t.value, t.unit) for t in draft.targets if t.value is not None] == [
        (95, "%"),
        (5, "count"),
    ]
    (task,) = draft.tasks
    assert task.lead_units == ["Các Sở, ngành tỉnh"]
    assert [(d.kind, d.value) for d in task.deadlines] == [("recurring", "continuous")]


def test_symbol_font_bullets_are_list_markers_not_text():
    draft = extract_text(
        HEADER
        + "\uf0b7 100% hồ sơ được xử lý trực tuyến.\n\u25cf Tối thiểu 80% văn bản được ký số.\n"
        "Nơi nhận:\n\uf0b7 UBND tỉnh;\n\uf0b7 Lưu: VT, VX.\nQ. GIÁM ĐỐC\nLê Thị Hồng"
    )
    assert [t.text for t in draft.targets] == [
        "100% hồ sơ được xử lý trực tuyến",
        "Tối thiểu 80% văn bản được ký số",
    ]
    assert draft.recipients == ["UBND tỉnh", "Lưu: VT, VX"]
    assert draft.signature.name == "Lê Thị Hồng"


def test_a_table_of_targets_is_not_also_read_as_tasks():
    table = (
        "II. CHỈ TIÊU\n"
        "| STT | Nội dung chỉ tiêu | Đơn vị tính | Năm 2026 | Đơn vị chủ trì |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Tỷ lệ hồ sơ trực tuyến | % | 90 | Sở Tư pháp |\n"
    )
    draft = extract_text(HEADER.replace("I. CHỈ TIÊU\n", "") + table + FOOTER)
    assert draft.tasks == []
    assert [(t.value, t.lead_units) for t in draft.targets] == [(90, ["Sở Tư pháp"])]


def test_the_authority_line_under_a_decisions_title_is_not_part_of_the_title():
    for authority in ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"):
        draft = extract_text(
            "Số: 12/QĐ-UBND\nHà Tĩnh, ngày 31 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
            "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026\n"
            f"{authority}\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
        )
        assert draft.document.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"
        assert [r.number for r in draft.references] == ["76/NQ-CP"]


def test_with_no_document_type_line_the_line_in_capitals_after_the_date_is_the_title():
    draft = extract_text(
        "Kế hoạch 0155/KH-UBND năm 2025 chuyển đổi số tỉnh\n"
        "Số: 0155/KH-UBND |\nĐắk Lắk, ngày 24 tháng 12 năm 2025 |\n"
        "CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK NĂM 2026\n"
        "- Luật Công nghệ thông tin ngày 29/6/2006;\n"
        "- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;\n"
    )
    assert draft.document.title == "CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK NĂM 2026"
    assert [(r.number, r.date) for r in draft.references] == [("749/QĐ-TTg", "2020-06-03")]


def test_a_line_in_sentence_case_after_the_date_is_not_taken_for_a_title():
    draft = extract_text(
        "Số: 01/KH-UBND\nĐắk Lắk, ngày 24 tháng 12 năm 2025\n"
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020;\nI. MỤC ĐÍCH\n"
    )
    assert draft.document.title is None


def test_a_bullet_after_a_title_in_capitals_ends_the_title_but_a_range_goes_on():
    draft = extract_text(
        "Số: 9/KH-UBND\nHải Dương, ngày 25 tháng 8 năm 2021\nKẾ HOẠCH\n"
        "CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2021\n- 2025\n- Luật Công nghệ thông tin ngày 29/6/2006;\n"
    )
    assert draft.document.title == "CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2021 - 2025"


def test_the_plan_itself_cited_in_a_web_pages_headline_is_not_its_reference():
    draft = extract_text(
        "Kế hoạch số 60/KH-UBND ngày 26/3/2025 về chuyển đổi số\n"
        "Số: 60/KH-UBND\nTuyên Quang, ngày 26 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "CHUYỂN ĐỔI SỐ NĂM 2025\nI. MỤC ĐÍCH\n"
    )
    assert draft.references == []


def test_a_base_cited_by_its_number_alone_and_glued_to_its_date_is_a_reference():
    draft = extract_text(
        "Số: 01 /KH-UBND Định Hưng, ngày 03 tháng 01 năm 2025\nKẾ HOẠCH\n"
        "Cải cách hành chính xã Định Hưng năm 2025\n"
        "Thực hiện 263/KH-UBNDngày 31/12/2024 của Chủ tịch Ủy ban nhân dân huyện Yên Định.\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert [(r.number, r.date, r.kind) for r in draft.references] == [
        ("263/KH-UBND", "2024-12-31", "Kế hoạch")
    ]


def test_a_count_after_co_tu_is_a_floor_even_without_tro_len():
    (target,) = targets_of("- Mỗi năm có từ\n05 mô hình chuyển đổi số tiêu biểu.")
    assert (target.comparator, target.value, target.unit) == (">=", 5.0, "count")
    assert targets_of("- Cán bộ có từ 03 năm công tác được cử đi học.") == []  # a duration


def test_beside_tasks_with_attribute_lines_an_item_naming_its_lead_in_prose_is_a_task():
    draft = extract_text(
        HEADER.replace("I. CHỈ TIÊU\n", "") + "II. NHIỆM VỤ\n"
        "1. Xây dựng nền tảng dữ liệu dùng chung của tỉnh.\n"
        "Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n"
        "Thời gian hoàn thành: 2026 - 2030.\n"
        "2. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát thủ tục hành chính; "
        "hoàn thành trong Quý II/2026.\n"
        "3. Tăng cường công tác tuyên truyền.\n" + FOOTER
    )
    assert [(t.lead_units, t.coordinating_units) for t in draft.tasks] == [
        (["Sở Khoa học và Công nghệ"], []),
        (["Sở Tư pháp"], ["Sở Nội vụ"]),
    ]
    assert [(d.kind, d.value) for d in draft.tasks[1].deadlines] == [("quarter", "2026-Q2")]
    assert [(d.kind, d.value) for d in draft.tasks[0].deadlines] == [("year", "2030")]


def test_a_closing_in_two_columns_one_cell_per_line_keeps_recipients_and_signer():
    closing = (
        "Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n- Như trên; | KT. CHỦ TỊCH |\n"
        "- Lưu: VT. | PHÓ CHỦ TỊCH |\n| Giàng A Tính |\n"
    )
    draft = extract_text(HEADER + "- 100% hồ sơ được số hóa.\n" + closing)
    assert draft.recipients == ["Như trên", "Lưu: VT"]
    assert (draft.signature.authority, draft.signature.position, draft.signature.name) == (
        "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Giàng A Tính",
    )


def test_a_markdown_table_row_is_not_taken_for_a_lone_cell():
    draft = extract_text(
        HEADER.replace("I. CHỈ TIÊU\n", "")
        + "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
        "| 1 | Xây dựng kho dữ liệu số | Sở Nội vụ | Quý II/2026 |\n" + FOOTER
    )
    assert [(t.title, t.lead_units) for t in draft.tasks] == [
        ("Xây dựng kho dữ liệu số", ["Sở Nội vụ"])
    ]
