"""Rules added in round 5 (a resolution's full text with its programme, a commune's target table
printed one cell per line, a Party plan's bases): each class of layout or phrasing on a text
written for the rule."""

from extraction import extract_text

# A commune's target table as its portal prints it: one cell per line, a lone "|" between cells,
# the figure of each row in the last column ("100", "05"), a group row counting its indicators.
CELL_TARGET_TABLE = (
    "PHỤ LỤC\nChỉ tiêu chuyển đổi số của xã\n"
    "STT\n|\nTên chỉ tiêu\n|\nCách tính\n|\nĐơn vị tính\n|\nChỉ tiêu cụ thể\n|\n"
    "I\n|\nChính quyền số (03 chỉ\ntiêu)\n|\n"
    "1\n|\nTỷ\nlệ hồ sơ công việc của xã được xử lý trên môi trường mạng\n|\n"
    "Số hồ sơ xử lý trên mạng/tổng số hồ sơ\n|\n%\n|\n90\n|\n"
    "2\n|\nSố điểm truy cập Internet công cộng tại thôn\n|\n\n|\nĐiểm\n|\n05\n|\n"
    "3\n|\nTỷ lệ thôn có tổ công nghệ số cộng đồng\n|\n\n|\n%\n|\n100\n|\n"
)


def test_a_whole_number_inside_a_row_printed_one_cell_per_line_is_a_cell_not_the_next_row():
    draft = extract_text(CELL_TARGET_TABLE)
    rows = [line for line in draft.text.split("\n") if line.startswith("| ")]
    assert rows[2].startswith("| 1 | Tỷ lệ hồ sơ công việc") and rows[2].endswith("| % | 90 |")
    assert rows[3].startswith("| 2 | Số điểm truy cập") and rows[3].endswith("| 05 |")
    assert rows[4].startswith("| 3 | Tỷ lệ thôn")


def test_a_column_chi_tieu_cu_the_holds_the_value_of_a_target_table():
    draft = extract_text(CELL_TARGET_TABLE)
    assert [(t.text[:20], t.comparator, t.value, t.unit) for t in draft.targets] == [
        ("Tỷ lệ hồ sơ công việ", ">=", 90.0, "%"),
        ("Số điểm truy cập Int", ">=", 5.0, "count"),
        ("Tỷ lệ thôn có tổ côn", ">=", 100.0, "%"),
    ]  # the group row's "(03 chỉ tiêu)" counts indicators: not a target


DECISION_BEFORE_PROGRAMME = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 15/QĐ-UBND\nX, ngày 03 tháng 3 năm 2026\n"
    "QUYẾT ĐỊNH\nBan hành Chương trình hành động về chuyển đổi số\n"
    "Căn cứ Kế hoạch số 20/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh;\n"
    "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.\n"
    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{signed}\nLê Văn Bình\n"
    "CHƯƠNG TRÌNH HÀNH ĐỘNG\n(Kèm theo Quyết định số 15/QĐ-UBND ngày 03/3/2026)\n"
    "I. MỤC TIÊU\n1. Đến năm 2027, 100% hồ sơ công việc được xử lý trên môi trường mạng.\n"
)


def test_a_signed_mark_before_the_name_keeps_the_name_of_a_closing_before_the_attachment():
    for signed in ("[đã ký]", "(Đã ký)", "[Đã ký]"):
        draft = extract_text(DECISION_BEFORE_PROGRAMME.format(signed=signed))
        assert draft.signature.authority == "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
        assert draft.signature.position == "PHÓ CHỦ TỊCH"
        assert draft.signature.name == "Lê Văn Bình"
        assert [t.value for t in draft.targets] == [100.0]  # the programme stays the body


def test_a_document_cited_in_the_proposal_theo_de_nghi_is_not_a_base():
    draft = extract_text(
        "ỦY BAN NHÂN DÂN TỈNH X\nSố: 16/KH-UBND\nX, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Chuyển đổi số năm 2026\n"
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;\n"
        "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 12/TTr-SKHCN ngày "
        "01/3/2026 và Công văn số 30/SKHCN-CĐS ngày 02/3/2026.\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert [r.number for r in draft.references] == ["57-NQ/TW"]


def test_a_regulation_or_working_rules_cited_as_a_base_is_a_reference():
    draft = extract_text(
        "BAN CHỈ ĐẠO | ĐẢNG CỘNG SẢN VIỆT NAM |\nSố 02-KH/BCĐ | X, ngày 04 tháng 5 năm 2026 |\n"
        "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2026\n"
        "- Căn cứ Quy định số 12-QĐ/TU, ngày 10/01/2026 của Ban Thường vụ Tỉnh ủy;\n"
        "- Căn cứ Quy chế làm việc số 03-QC/BCĐ, ngày 28/02/2026 của Ban Chỉ đạo,\n"
        "Ban Chỉ đạo ban hành Kế hoạch như sau:\nI- MỤC TIÊU\n"
    )
    assert [(r.number, r.date, r.kind) for r in draft.references] == [
        ("12-QĐ/TU", "2026-01-10", "Quy định"),
        ("03-QC/BCĐ", "2026-02-28", "Quy chế làm việc"),
    ]


def test_a_figure_in_a_list_of_conditions_is_not_a_target():
    draft = extract_text(
        "KẾ HOẠCH\nThu hút đầu tư công nghệ năm 2026\n"
        "I. MỤC TIÊU\n"
        "1. Phấn đấu đến năm 2027, có ít nhất 03 doanh nghiệp công nghệ số đặt trụ sở tại tỉnh.\n"
        "II. NHIỆM VỤ\n"
        "1. Xây dựng chính sách thu hút doanh nghiệp theo nguyên tắc: hoạt động trong lĩnh vực "
        "ưu tiên; có đầu tư nghiên cứu và phát triển với tỷ lệ tối thiểu 2% doanh thu.\n"
        "2. Hỗ trợ doanh nghiệp đáp ứng các điều kiện sau: sử dụng trên 50% lao động địa phương.\n"
    )
    assert [(t.value, t.unit, t.due) for t in draft.targets if t.value is not None] == [
        (3.0, "count", "2027")
    ]


def test_the_date_of_a_document_cited_in_the_title_is_not_the_plans_year():
    head = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 17/KH-UBND\nX, ngày 06 tháng 3 năm 2026\nKẾ HOẠCH\n"
    body = "I. MỤC TIÊU\n1. Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng đạt 95%.\n"
    cited = extract_text(
        head
        + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị\n"
        + body
    )
    assert [(t.value, t.due) for t in cited.targets] == [(95.0, None)]
    own = extract_text(head + "Chuyển đổi số tỉnh X năm 2026\n" + body)
    assert [(t.value, t.due) for t in own.targets] == [(95.0, "2026")]


def test_bases_run_on_the_line_of_their_heading_are_references():
    draft = extract_text(
        "Trang thông tin điện tử xã Y\nThứ hai - 04/5/2026 08:00\n"
        "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH - Quyết định số 12/QĐ-UBND ngày 03/01/2026 của UBND "
        "huyện; - Kế hoạch số 40/KH-UBND ngày 15/02/2026 của UBND tỉnh về chuyển đổi số;\n"
        "II. MỤC TIÊU\n"
    )
    assert [(r.number, r.date) for r in draft.references] == [
        ("12/QĐ-UBND", "2026-01-03"),
        ("40/KH-UBND", "2026-02-15"),
    ]
