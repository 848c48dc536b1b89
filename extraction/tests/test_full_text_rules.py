"""Rules added for the full texts of round 4 (a resolution issuing a programme, its appendix
printed one row per line with " | "; Word and PDF copies laid out as an office lays them out):
each class of layout or phrasing on a text written for the rule."""

from extraction import extract_text
from extraction.tasks import split_units

PIPE_TABLE = (
    "PHỤ LỤC\n\n"
    "TT | Nhiệm vụ, đề án | Cơ quan chủ trì thực hiện | Cơ quan phối hợp thực hiện | "
    "Thời gian trình | Sản phẩm\n\n"
    "I | Liên kết phát triển vùng | Liên kết phát triển vùng | Liên kết phát triển vùng | "
    "Liên kết phát triển vùng | Liên kết phát triển vùng\n\n"
    "1 | Thành lập Hội đồng điều phối vùng | Bộ Tài chính | Các bộ ngành liên quan | 2026 | "
    "Quyết định\n\n"
    "2 | Đề án nhà ở xã hội; sử dụng tối thiểu 50% quỹ đất | Bộ Xây dựng | Các Bộ: Quốc phòng, "
    "Nông nghiệp và PTNT và các đơn vị liên quan | Quý II/2026 | Đề án\n\n"
    "Văn bản này có hiệu lực từ ngày ký.\n"
)


def test_a_table_printed_one_row_per_line_with_pipes_is_read_as_a_task_table():
    draft = extract_text(PIPE_TABLE)
    assert [(t.title[:20], t.lead_units, t.section) for t in draft.tasks] == [
        ("Thành lập Hội đồng đ", ["Bộ Tài chính"], "I Liên kết phát triển vùng"),
        ("Đề án nhà ở xã hội; ", ["Bộ Xây dựng"], "I Liên kết phát triển vùng"),
    ]
    assert [(d.kind, d.value) for d in draft.tasks[1].deadlines] == [("quarter", "2026-Q2")]
    assert draft.targets == []  # the figure in a task row belongs to the task


def test_a_line_with_pipes_that_does_not_name_table_columns_stays_cells():
    draft = extract_text("Số: 12/KH-UBND | Hà Nội, ngày 07 tháng 02 năm 2026\nKẾ HOẠCH\nVề x\n")
    assert draft.document.number == "12/KH-UBND"
    assert draft.document.date == "2026-02-07"
    assert draft.tasks == []


def test_units_of_one_kind_listed_after_a_colon_are_each_named_in_full():
    assert split_units(
        "Các Bộ: Quốc phòng, Xây dựng, Nông nghiệp và PTNT và các đơn vị liên quan"
    ) == [
        "Bộ Quốc phòng",
        "Bộ Xây dựng",
        "Bộ Nông nghiệp và PTNT",
        "các đơn vị liên quan",
    ]
    assert split_units("Các Sở: Tài chính, Nội vụ") == ["Sở Tài chính", "Sở Nội vụ"]


def test_the_closing_of_a_decision_before_the_plan_it_attaches_gives_the_signer():
    draft = extract_text(
        "CHÍNH PHỦ\nSố: 12/NQ-CP | Hà Nội, ngày 07 tháng 02 năm 2023\nNGHỊ QUYẾT\n"
        "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n"
        "Nơi nhận:\n- Các Bộ;\n- Lưu: VT, QHĐP. | TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\n\n"
        "Phạm Minh Chính\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "(Ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07 tháng 02 năm 2023 của Chính phủ)\n"
        "I. MỤC TIÊU\n- Tỷ lệ nước thải đô thị được xử lý đến năm 2030 đạt 100%.\n"
    )
    assert (draft.signature.authority, draft.signature.position, draft.signature.name) == (
        "TM. CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "Phạm Minh Chính",
    )
    assert draft.recipients == ["Các Bộ", "Lưu: VT, QHĐP"]
    assert [t.value for t in draft.targets] == [100.0]  # the attached plan is still the body


def test_two_figures_of_one_clause_each_take_their_own_year():
    draft = extract_text(
        "I. MỤC TIÊU\n- Tỷ trọng kinh tế số trong GRDP đến năm 2025 đạt khoảng 30%, đến năm 2030 "
        "đạt khoảng 40%; tăng trưởng bình quân hàng năm giai đoạn 2021-2025 khoảng 7,5%.\n"
    )
    assert [(t.value, t.due) for t in draft.targets] == [
        (30.0, "2025"),
        (40.0, "2030"),
        (7.5, "2025"),
    ]


def test_a_sentence_ends_a_clause_and_a_year_opening_it_dates_its_figure():
    draft = extract_text(
        "I. MỤC TIÊU\n- Hình thành một số cực tăng trưởng mới. Phấn đấu đến năm 2025, có từ 3-5 "
        "huyện phát triển thành quận.\n"
        "- Phát triển y tế cơ sở. Năm 2026, 100% người dân được khám sức khỏe định kỳ hàng năm.\n"
    )
    assert [(t.text[:18], t.due) for t in draft.targets] == [
        ("Phấn đấu đến năm 2", "2025"),
        ("Năm 2026, 100% ngư", "2026"),
    ]


def test_an_amount_of_money_promised_is_a_target_with_its_currency():
    draft = extract_text(
        "I. MỤC TIÊU\n- GRDP bình quân đầu người đến năm 2025 đạt khoảng 8.300-8.500 USD, đến năm "
        "2030 đạt trên 12.000 USD.\n"
    )
    assert [(t.comparator, t.value, t.value_max, t.measure, t.due) for t in draft.targets] == [
        ("range", 8300.0, 8500.0, "USD", "2025"),
        (">", 12000.0, None, "USD", "2030"),
    ]


def test_a_capitals_title_cut_after_cua_goes_on_over_a_line_naming_an_authority():
    draft = extract_text(
        "Số: 12/NQ-CP\nHà Nội, ngày 07 tháng 02 năm 2023\nNGHỊ QUYẾT\n"
        "BAN HÀNH CHƯƠNG TRÌNH THỰC HIỆN NGHỊ QUYẾT SỐ 15-NQ/TW NGÀY 05 THÁNG 5 NĂM 2022 CỦA\n"
        "BỘ CHÍNH TRỊ VỀ PHÁT TRIỂN THỦ ĐÔ\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n"
    )
    assert draft.document.title.endswith("CỦA BỘ CHÍNH TRỊ VỀ PHÁT TRIỂN THỦ ĐÔ")


def test_a_pdf_line_cut_inside_a_range_is_joined():
    from extraction.readers import unwrap

    assert unwrap(["tăng khoảng 7,5%", "- 8,0%; GRDP tăng"]) == [
        "tăng khoảng 7,5% - 8,0%; GRDP tăng"
    ]
    assert unwrap(["Nội dung:", "- 05 lớp tập huấn"]) == ["Nội dung:", "- 05 lớp tập huấn"]


def _line(top, *runs):
    """A pdfplumber text line: runs of (x0, text), one character every 6 points."""
    chars = []
    for x0, text in runs:
        x = x0
        for ch in text:
            if ch != " ":
                chars.append({"x0": x, "x1": x + 5, "text": ch})
            x += 6
    return {
        "top": top,
        "bottom": top + 10,
        "x0": chars[0]["x0"],
        "x1": chars[-1]["x1"],
        "chars": chars,
        "text": "   ".join(t for _, t in runs),
    }


def test_a_pdf_block_in_two_columns_is_read_column_by_column():
    from extraction.readers import _column_lines

    lines = [
        _line(10, (80, "Điều 3. Các sở chịu trách nhiệm thi hành Quyết định này./.")),
        _line(30, (80, "Nơi nhận:"), (380, "KT. CHỦ TỊCH")),
        _line(42, (80, "- Như Điều 3;"), (380, "PHÓ CHỦ TỊCH")),
        _line(54, (80, "- Lưu: VT, KT.")),
        _line(66, (380, "Phạm Anh Tuấn")),
        _line(90, (80, "KẾ HOẠCH HỖ TRỢ HỆ SINH THÁI KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO TỈNH")),
        _line(110, (80, "UBND TỈNH LÀO CAI"), (380, "CỘNG HÒA XÃ HỘI")),
        _line(122, (80, "Số: 12/KH-UBND"), (380, "Lào Cai, ngày 05/6/2026")),
        _line(134, (80, "KẾ HOẠCH")),
    ]
    assert [text for _, text in sorted(_column_lines(lines))] == [
        "Điều 3. Các sở chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT, KT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Phạm Anh Tuấn",
        "KẾ HOẠCH HỖ TRỢ HỆ SINH THÁI KHỞI NGHIỆP ĐỔI MỚI SÁNG TẠO TỈNH",
        "UBND TỈNH LÀO CAI",
        "Số: 12/KH-UBND",
        "CỘNG HÒA XÃ HỘI",
        "Lào Cai, ngày 05/6/2026",
        "KẾ HOẠCH",  # the document type under the header is not in the issuer's column
    ]


def test_a_count_of_more_units_is_a_target_and_a_bare_count_is_not():
    draft = extract_text(
        "I. MỤC TIÊU\n- Đến năm 2030 có thêm 1-2 huyện phát triển thành quận.\n"
        "- Tổ chức 02 hội nghị sơ kết.\n"
    )
    numeric = [t for t in draft.targets if t.value is not None]
    assert [(t.comparator, t.value, t.value_max, t.unit, t.due) for t in numeric] == [
        ("range", 1.0, 2.0, "count", "2030")
    ]
