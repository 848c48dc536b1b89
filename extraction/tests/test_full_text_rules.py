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
