"""The rules of `targets.py` one by one (issue #19: each pins what mutation testing showed no test
held): the comparator a figure's words give, the subject of a figure, the lead-in a rank takes as
its subject, where a clause ends."""

import pytest

from extraction import extract_text
from extraction.model import Target
from extraction.targets import _comparator, drop_award_figures, drop_general_aims

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/KH-UBND\nX, ngày 01 tháng 02 năm 2026\n"
    "KẾ HOẠCH\nTriển khai phong trào thi đua năm 2026\nI. MỤC TIÊU\n"
)


def targets_of(item: str):
    return extract_text(HEAD + item + "\n").targets


@pytest.mark.parametrize(
    "item, comparator",
    [
        ("- Tỷ lệ hồ sơ đạt hơn 90%.", ">"),
        ("- Tỷ lệ hồ sơ vượt 90%.", ">"),
        ("- Tỷ lệ lao động qua đào tạo cao hơn 70%.", ">"),
        ("- Tỷ lệ hộ nghèo thấp hơn 2%.", "<"),  # not ">" for its last word "hơn"
        ("- Tỷ lệ nợ xấu nhỏ hơn 3%.", "<"),
        ("- Chi phí nhiều nhất 5% doanh thu.", "<="),
        ("- Doanh thu tăng 15% so với năm 2025.", "increase"),
        ("- Giảm 10% thời gian xử lý hồ sơ.", "decrease"),
        ("- Số thuê bao tăng, đạt 90% dân số.", ">="),  # "đạt" a level, not a rise
        ("- Tỷ lệ tăng trưởng bình quân 8%.", ">="),  # "tỷ lệ tăng": a level too
        ("- Tăng cường kết nối, 100% xã có cáp quang.", ">="),  # "tăng cường" is no rise
    ],
)
def test_the_words_before_a_figure_give_its_comparator(item, comparator):
    [target] = targets_of(item)
    assert target.comparator == comparator


def test_a_rise_or_fall_is_read_in_the_last_forty_characters_before_the_figure():
    assert _comparator(None, "giảm " + "x" * 35) == "decrease"  # 40 characters
    assert _comparator(None, "giảm " + "x" * 36) == ">="  # 41: out of reach
    assert _comparator(None, "tăng " + "x" * 35) == "increase"
    assert _comparator(None, "tăng, đạt") == ">="
    assert _comparator(None, "tỷ lệ tăng") == ">="


@pytest.mark.parametrize(
    "item, subject",
    [
        # what stands after "tỷ lệ / tỷ trọng / chỉ số / số lượng", up to the figure's words
        ("- Tỷ lệ hồ sơ trực tuyến đạt ≥ 90%.", "Tỷ lệ hồ sơ trực tuyến"),
        ("- Tỷ lệ hồ sơ trực tuyến đạt khoảng 90%.", "Tỷ lệ hồ sơ trực tuyến"),
        ("- Tỉ lệ người dân có tài khoản số ở mức trên 80%.", "Tỉ lệ người dân có tài khoản số"),
        ("- Chỉ số cải cách hành chính là 85%.", "Chỉ số cải cách hành chính"),
        ("- Tỷ trọng kinh tế số trong GRDP là 20%.", "Tỷ trọng kinh tế số trong GRDP"),
        ("- Tỷ lệ hộ nghèo thấp hơn 2%.", "Tỷ lệ hộ nghèo"),
        ("- Tỷ lệ hồ sơ vượt 90%.", "Tỷ lệ hồ sơ"),
        ("- Số lượng doanh nghiệp số đạt trên 500 doanh nghiệp.", "Số lượng doanh nghiệp số"),
        # what stands before "chiếm / đạt", without the lead-in
        ("- Kinh tế số chiếm khoảng 20% GRDP.", "Kinh tế số"),
        ("- Phấn đấu kinh tế số đạt trên 20% GRDP.", "kinh tế số"),
        (
            "- Bảo đảm doanh thu thương mại điện tử chiếm 15% bán lẻ.",
            "doanh thu thương mại điện tử",
        ),
        ("- Trong đó doanh nghiệp nhỏ chiếm khoảng 60% số doanh nghiệp.", "doanh nghiệp nhỏ"),
        # what follows a bare figure, up to its verb
        ("- 100% các cơ quan nhà nước được kết nối.", "các cơ quan nhà nước"),
        ("- 80% người dân sử dụng dịch vụ công trực tuyến.", "người dân"),
        ("- 100% hồ sơ, giấy tờ được số hóa.", "hồ sơ, giấy tờ"),
        ("- Đến năm 2030: 100% xã, phường có trạm y tế.", "xã, phường"),
        ("- Có ít nhất 05 mô hình điểm về chuyển đổi số.", "mô hình điểm về chuyển đổi số"),
        ("- 100% hồ sơ.", "hồ sơ"),
        # a share of a count: what is counted, without "(tổng) số (lượng)"
        ("- 90% tổng số hộ gia đình được sử dụng nước sạch.", "hộ gia đình"),
        ("- Đến năm 2030, 100% số xã đạt chuẩn nông thôn mới.", "xã"),
        ("- 80% tổng số doanh nghiệp ứng dụng nền tảng số.", "doanh nghiệp"),
        ("- Trên 50% tổng số doanh nghiệp nhỏ và vừa trên địa bàn.", "doanh nghiệp nhỏ và vừa"),
        ("- Có 90% tổng số hộ dân tham gia.", "hộ dân"),
        ("- 70% số lượng hồ sơ được số hóa.", "hồ sơ"),
        ("- 100% số hóa hồ sơ lưu trữ.", "số hóa hồ sơ lưu trữ"),  # "số hóa" is a verb
        ("- Phấn đấu đạt 15% tổng vốn đầu tư.", ""),  # a share of a sum names its base only
        ("- Hồ sơ được xử lý đúng hạn 100%: toàn bộ.", "toàn bộ"),
        # else the words before it, after a comma, without the verb
        ("- Doanh thu tăng 15% so với năm 2025.", "Doanh thu"),
        ("- Số thuê bao di động, sản lượng bảo đảm 90% vào năm 2027.", "sản lượng"),
        ("- Phấn đấu đạt 90% vào năm 2027.", ""),  # a lead-in alone names nothing
        ("- Phấn đấu 90% trở lên.", ""),
        ("- 100% Xã đạt chuẩn nông thôn mới.", "Xã"),
        ("- 100% xã, được hỗ trợ kết nối.", "xã"),
        ("- Đạt 100% ô được phủ sóng.", "ô"),
        ("- Phấn đấu 100%, Đến năm 2030 hoàn thành.", ""),  # a year, not a subject
        ("- Sản lượng lúa Đạt 90%.", "Sản lượng lúa"),
    ],
)
def test_the_subject_of_a_figure_is_what_it_measures(item, subject):
    [target] = targets_of(item)
    assert target.subject == subject


@pytest.mark.parametrize(
    "template",
    [
        "- Tỷ lệ {long} đạt 90%.",
        "- {long} chiếm 90%.",
        "- 90% {long}.",
        "- Thu hút, {long} 90% vào năm 2027.",
    ],
)
def test_a_subject_is_cut_at_160_characters(template):
    long = "hộ gia đình ở nông thôn " * 10  # 240 characters
    [target] = targets_of(template.format(long=long.strip()))
    assert len(target.subject) == 160


@pytest.mark.parametrize(
    "item, subject",
    [
        ("a) Nâng cao Chỉ số PII: phấn đấu tăng 05 bậc.", "Chỉ số PII"),
        ("- Về chỉ số DTI: phấn đấu tăng 03 bậc.", "chỉ số DTI"),
        ("1. Đẩy mạnh cải cách hành chính: tăng 02 bậc.", "cải cách hành chính"),
        ("Tăng cường Chỉ số PAPI: tăng 04 bậc so với năm 2025: theo đánh giá.", "Chỉ số PAPI"),
        ("Phấn đấu tăng 05 bậc về chỉ số PCI.", "về chỉ số PCI"),  # no lead-in: its own words
        ("Chỉ số PII: phấn đấu đạt 90% vào năm 2027.", "Chỉ số PII"),  # none found: the lead-in
    ],
)
def test_a_rank_takes_the_lead_in_of_its_paragraph_as_subject(item, subject):
    [target] = targets_of(item)
    assert target.subject == subject


def test_a_lead_in_is_read_only_before_a_colon_within_200_characters():
    def lead_in(length: int) -> str:
        return ("Chỉ số hài lòng của người dân " * 10)[: length - 1] + "x"

    [inside] = targets_of(lead_in(199) + ": tăng 05 bậc.")  # ":" is the 200th character
    assert inside.subject == lead_in(199)[:160]
    [outside] = targets_of(lead_in(200) + ": tăng 05 bậc.")  # the 201st
    assert outside.subject == ""


def test_a_clause_does_not_end_at_a_full_stop_before_a_lower_case_word():
    # "v.v. các": an abbreviation; the sentence (and its year) goes on.
    [first, second] = targets_of(
        "- Các sản phẩm OCOP, du lịch, v.v. các xã có ít nhất 05 sản phẩm; 100% hộ dân có điện."
    )
    assert first.text == "Các sản phẩm OCOP, du lịch, v.v. các xã có ít nhất 05 sản phẩm"
    assert second.text == "100% hộ dân có điện"


def test_a_sentence_ends_a_clause_after_an_abbreviation_too():
    [first, second] = targets_of(
        "- Du lịch, v.v. các xã có ít nhất 05 sản phẩm. Năm 2027, 100% hộ dân có điện."
    )
    assert (first.value, first.due) == (5.0, "2026")  # not the next sentence's year
    assert (second.value, second.due) == (100.0, "2027")


def test_a_list_of_conditions_mutes_the_figures_of_its_own_sentence_only():
    [target] = targets_of(
        "- Thu hút doanh nghiệp. Ưu tiên dự án theo nguyên tắc: vốn trên 50%; lãi dưới 3% doanh"
        " thu. Năm 2027, 100% hộ dân có điện."
    )
    assert (target.text, target.value) == ("Năm 2027, 100% hộ dân có điện", 100.0)


def test_a_list_of_conditions_at_the_start_of_a_paragraph_mutes_its_figures():
    found = targets_of("Theo nguyên tắc sau: vốn đạt trên 50%; lãi dưới 3% doanh thu.")
    assert [t.value for t in found] == [None]  # the item, under "MỤC TIÊU", with no figure


@pytest.mark.parametrize(
    "item, reading",
    [
        # ranks
        ("- Giảm 02 bậc về chỉ số PAPI.", ("decrease", 2.0, None, "rank", None)),
        ("- Tăng 03 bậc chỉ số PCI.", ("increase", 3.0, None, "rank", None)),
        ("- Thuộc nhóm 15 tỉnh dẫn đầu về chỉ số PCI.", ("top", 15.0, None, "rank", None)),
        # percentages
        ("- Tỷ lệ A đạt khoảng 90%.", ("=", 90.0, None, "%", None)),
        ("- Tỷ lệ A đạt từ 80%.", ("=", 80.0, None, "%", None)),
        ("- Tỷ lệ A từ 80% trở lên.", (">=", 80.0, None, "%", None)),
        ("- Tỷ lệ A trên 80% trở lên.", (">=", 80.0, None, "%", None)),
        ("- Tỷ lệ A khoảng 80% trở lên.", (">=", 80.0, None, "%", None)),
        ("- Tỷ lệ A 90% trở lên.", (">=", 90.0, None, "%", None)),
        ("- Tỷ lệ A dưới 5% trở lên.", ("<", 5.0, None, "%", None)),  # only =, >=, > rise
        ("- Tỷ lệ A đạt 80 - 90%.", ("range", 80.0, 90.0, "%", None)),
        # counts after a quantifier
        ("- Có ít nhất 5 mô hình.", (">=", 5.0, None, "count", None)),
        ("- Có tối thiểu 5 mô hình.", (">=", 5.0, None, "count", None)),
        ("- Có không dưới 5 mô hình.", (">=", 5.0, None, "count", None)),
        ("- Có trên 5 mô hình.", (">", 5.0, None, "count", None)),
        ("- Đạt hơn 5 mô hình.", (">", 5.0, None, "count", None)),
        ("- Có tối đa 5 cuộc họp.", ("<=", 5.0, None, "count", None)),
        ("- Tổ chức không quá 3 cuộc họp.", ("<=", 3.0, None, "count", None)),
        ("- Có khoảng 5 mô hình.", ("=", 5.0, None, "count", None)),
        ("- Xã có từ 5 mô hình.", (">=", 5.0, None, "count", None)),
        ("- Xã có thêm 2 mô hình.", (">=", 2.0, None, "count", None)),
        ("- Có từ 2 - 3 huyện đạt chuẩn.", ("range", 2.0, 3.0, "count", None)),
        # amounts, times, sizes
        ("- GRDP đạt khoảng 8.300 USD.", ("=", 8300.0, None, "other", "USD")),
        ("- GRDP đạt trên 36.000 USD.", (">", 36000.0, None, "other", "USD")),
        ("- Thu nhập đạt 75 triệu đồng.", (">=", 75.0, None, "other", "triệu đồng")),
        ("- GRDP đạt khoảng 8.300-8.500 USD.", ("range", 8300.0, 8500.0, "other", "USD")),
        ("- Tăng gấp 2 lần so với năm 2025.", (">=", 2.0, None, "other", "lần")),
        ("- Nạo vét 2.000 m³ bùn.", (">=", 2000.0, None, "other", "m3")),
    ],
)
def test_each_kind_of_figure_reads_its_comparator_value_and_unit(item, reading):
    [target] = targets_of(item)
    assert (
        target.comparator,
        target.value,
        target.value_max,
        target.unit,
        target.measure,
    ) == reading


def test_a_figure_with_a_subject_of_its_own_keeps_it_and_a_rank_takes_the_lead_in():
    [share] = targets_of("- Về chính quyền số: 100% hồ sơ được xử lý trực tuyến.")
    assert share.subject == "hồ sơ"
    [rank] = targets_of("- Về chỉ số PCI: tăng 03 bậc xếp hạng toàn quốc.")
    assert rank.subject == "chỉ số PCI"
    [bare] = targets_of("- Về chính quyền số: phấn đấu đạt 90% vào năm 2027.")
    assert bare.subject == "chính quyền số"  # no subject of its own: the lead-in


def test_a_target_text_is_its_piece_of_the_clause_without_marker_or_end_punctuation():
    [first, second] = targets_of("- 90% xã có chợ, 100% hồ sơ được số hóa.;")
    assert (first.text, second.text) == ("90% xã có chợ", "100% hồ sơ được số hóa")


TABLE_ROWS = [
    ("Chỉ số A", "Thứ hạng", "≤ 3 Đông Nam Á; ≤ 50 Thế giới", [("top", 3.0), ("top", 50.0)]),
    ("Chỉ số B", "Xếp hạng", "10", [("top", 10.0)]),
    ("Chỉ số M", "Hạng", "≥ 5", [(">=", 5.0)]),
    ("Tỷ lệ C", "%", "≤ 5", [("<=", 5.0)]),
    ("Tỷ lệ D", "%", "<= 5", [("<=", 5.0)]),
    ("Tỷ lệ E", "%", "không quá 5", [("<=", 5.0)]),
    ("Tỷ lệ F", "%", "< 5", [("<", 5.0)]),
    ("Tỷ lệ G", "%", "dưới 5", [("<", 5.0)]),
    ("Tỷ lệ H", "%", "> 5", [(">", 5.0)]),
    ("Tỷ lệ I", "%", "trên 5", [(">", 5.0)]),
    ("Tỷ lệ N", "%", "Tối thiểu 80", [(">=", 80.0)]),
    ("Tỷ lệ O", "%", "TRÊN 80", [(">", 80.0)]),
    ("Số J", "Doanh nghiệp", "3 lĩnh vực trọng tâm", [(None, None)]),  # words, no figure
    ("Số K", "Doanh nghiệp", "3 và 4", [(">=", 3.0)]),
    ("Tỷ lệ L", "", "40 - 50%", [("range", 40.0)]),
    ("Chỉ số R", "Thứ hạng", "<= 5", [("top", 5.0)]),
    ("Tỷ lệ P", "%", "Theo lộ trình; ≥ 90", [(">=", 90.0)]),  # a part with no figure
    ("Số Q", "Mô hình", "3 lĩnh vực; ≥ 5", [(">=", 5.0)]),  # a part of words
    ("Điện S", "Điện năng", "≥ 5 kWh", [(">=", 5.0)]),  # a unit in mixed case is no word
]


def test_a_target_table_reads_each_cell_comparator_and_unit():
    table = "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu năm 2026 |\n|---|---|---|---|\n" + "".join(
        f"| {i} | {name} | {measure} | {value} |\n"
        for i, (name, measure, value, _) in enumerate(TABLE_ROWS, 1)
    )
    found = targets_of(table)
    assert [(t.text, t.comparator, t.value) for t in found] == [
        (name, comparator, value)
        for name, _, _, readings in TABLE_ROWS
        for comparator, value in readings
    ]
    units = {t.text: t.unit for t in found}
    assert (units["Chỉ số A"], units["Chỉ số M"], units["Tỷ lệ C"]) == ("rank", "rank", "%")
    assert (units["Số K"], units["Tỷ lệ L"]) == ("count", "%")  # "%" in the value alone
    assert [t.value_max for t in found if t.text == "Tỷ lệ L"] == [50.0]


@pytest.mark.parametrize(
    "heading, is_targets",
    [
        ("II. MỤC TIÊU", True),
        ("2. Mục tiêu cụ thể", True),
        ("3.2. Kết quả cần đạt", True),
        ("1. Nhóm chỉ tiêu về kinh tế số", True),
        ("1. Các nhóm chỉ tiêu: chuyển đổi số", True),  # two words before it
        ("1. Các nhóm ba chỉ tiêu", False),  # three
        ("1. Mục đích: Triển khai … các mục tiêu", False),  # after the ":"
        ("1. Kinh tế: mục tiêu: tăng trưởng", False),  # the first ":"
        ("2. Mục tiêu " + "x" * 147, True),  # 159 characters
        ("2. Mục tiêu " + "x" * 148, False),  # 160: a paragraph, not a heading
    ],
)
def test_a_heading_of_targets_names_them_in_its_first_words(heading, is_targets):
    from extraction.targets import is_target_heading

    assert is_target_heading(heading) is is_targets


@pytest.mark.parametrize(
    "heading, due",
    [
        ("1. Đến hết năm 2026", "2026"),
        ("a) Năm 2027", "2027"),
        ("b) Đến năm 2030 " + "x" * 84, "2030"),  # 100 characters
        ("b) Đến năm 2030 " + "x" * 85, None),  # 101: a sentence, not a heading
        ("c) Giai đoạn 2026 - 2030", None),
    ],
)
def test_a_heading_of_a_year_dates_the_targets_under_it(heading, due):
    from extraction.targets import heading_due

    assert heading_due(heading) == due


def test_an_item_without_figure_under_targets_is_qualitative_with_its_own_span_and_year():
    text = (
        HEAD + "1. Mục tiêu cụ thể\n- Hoàn thiện hạ tầng số đến năm 2028.\n- Hạ tầng số hiện đại\n"
    )
    draft = extract_text(text)
    first, second = draft.targets
    assert (first.text, first.subject, first.section, first.due) == (
        "Hoàn thiện hạ tầng số đến năm 2028.",
        "",
        "1. Mục tiêu cụ thể",
        "2028",
    )
    assert draft.text[first.span[0] : first.span[1]] == first.text
    assert (second.text, second.due) == ("Hạ tầng số hiện đại", "2026")  # the plan's year


@pytest.mark.parametrize(
    "item, kept",
    [("- Hạ tầng số hiện.", True), ("- Hạ tầng số hiện", False)],
)
def test_a_qualitative_item_has_more_than_15_characters(item, kept):
    # "Hạ tầng số hiện." is 16 characters, "Hạ tầng số hiện" 15
    assert bool(targets_of(item)) is kept


@pytest.mark.parametrize(
    "paragraph, item",
    [
        ("2. " + "Hạ tầng số được nâng cấp " * 6 + "xongxxx", False),  # 160, no stop
        ("2. " + "Hạ tầng số được nâng cấp " * 6 + "xongxxxx", True),  # 161
        ("2. Hạ tầng số được nâng cấp đồng bộ trên địa bàn toàn tỉnh x.", True),  # 61
        ("2. Hạ tầng số được nâng cấp đồng bộ trên địa bàn toàn tỉnh .", False),  # 60
        ("2. Hạ tầng số được nâng cấp đồng bộ trên địa bàn toàn tỉnh xx", False),  # no stop
    ],
)
def test_a_numbered_paragraph_is_an_item_when_long_or_a_sentence(paragraph, item):
    from extraction.targets import _item_not_heading

    assert _item_not_heading(paragraph) is item


def test_a_table_row_is_cut_at_its_pipes_and_its_cells_lose_their_emphasis():
    from extraction.target_tables import _cells

    assert _cells("| 1 | **Chỉ tiêu** | _90_ |") == ["1", "Chỉ tiêu", "90"]
    assert _cells("1 | Chỉ tiêu loại X") == ["1", "Chỉ tiêu loại X"]  # no outer pipes


@pytest.mark.parametrize(
    "header, columns",
    [
        (["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"], {"target": 1, "measure": 2, "value": 3}),
        (["TT", "Tên chỉ tiêu", "Chỉ tiêu cụ thể"], {"target": 1, "value": 2}),
        (["TT", "Chỉ tiêu", "Ghi chú"], None),  # no value column
        (["TT", "Nội dung", "Kết quả"], None),  # no target column
    ],
)
def test_a_table_of_targets_has_a_target_and_a_value_column(header, columns):
    from extraction.target_tables import table_columns

    assert table_columns(header) == columns


def test_shares_listed_in_one_clause_each_keep_their_own_subject_and_text():
    first, second = targets_of("- 80% hồ sơ công việc tại cấp huyện và 70% hồ sơ tại cấp xã.")
    assert first.subject == "hồ sơ công việc tại cấp huyện"  # not "… và 70% hồ sơ tại cấp xã"
    assert (second.text, second.subject) == ("70% hồ sơ tại cấp xã", "hồ sơ tại cấp xã")


def test_a_line_cut_inside_a_name_is_joined_to_the_rest_of_the_name():
    [item] = targets_of(
        "- Dữ liệu được chia sẻ giữa các cơ quan Đảng, Nhà nước, Mặt trận\n"
        "Tổ quốc và các tổ chức chính trị - xã hội.\n"
    )
    assert item.text.startswith("Dữ liệu được chia sẻ") and "Mặt trận Tổ quốc" in item.text


def test_a_year_is_the_due_of_a_figure_not_its_subject():
    first, second = targets_of(
        "- Tỷ trọng kinh tế số trong GRDP đến năm 2025 đạt khoảng 30%, đến năm 2030 đạt 40%."
    )
    assert (first.subject, first.due) == ("Tỷ trọng kinh tế số trong GRDP", "2025")
    assert (second.subject, second.due) == ("Tỷ trọng kinh tế số trong GRDP", "2030")


@pytest.mark.parametrize(
    "item, subject",
    [
        ("- GRDP giai đoạn 2026-2030 tăng 8,0 - 8,5%/năm.", "GRDP giai đoạn 2026-2030"),
        ("- Tốc độ tăng trưởng GRDP tăng khoảng 7,5%[1].", "Tốc độ tăng trưởng GRDP"),
    ],
)
def test_a_rate_period_or_a_footnote_mark_after_a_figure_is_not_its_subject(item, subject):
    [target] = targets_of(item)
    assert target.subject == subject


def test_a_rise_by_a_multiple_is_a_multiple():
    [target] = targets_of("- Số doanh nghiệp khoa học và công nghệ tăng 1,5 lần so với năm 2020.")
    assert (target.comparator, target.value, target.unit, target.measure) == (
        ">=",
        1.5,
        "other",
        "lần",
    )
    assert target.subject == "Số doanh nghiệp khoa học và công nghệ"


@pytest.mark.parametrize(
    "item, figures",
    [
        ("- Có 10 tổ chức nghiên cứu phát triển.", [(10.0, "tổ chức nghiên cứu phát triển")]),
        ("- Đến năm 2030 có 12 doanh nghiệp khoa học.", [(12.0, "doanh nghiệp khoa học")]),
        ("- Phấn đấu có 05 sản phẩm OCOP.", [(5.0, "sản phẩm OCOP")]),
        (
            "- Có 10 tổ chức nghiên cứu và 7 tổ chức dịch vụ khoa học.",
            [(10.0, "tổ chức nghiên cứu"), (7.0, "tổ chức dịch vụ khoa học")],
        ),
        ("- Kế hoạch có 05 nội dung chính.", []),  # describes the plan, promises nothing
        ("- Hỗ trợ 5 dự án và 3 doanh nghiệp.", []),  # "và 3" continues no count
    ],
)
def test_a_bare_count_after_have_is_promised_where_an_item_or_a_year_opens_it(item, figures):
    found = [(t.value, t.subject) for t in targets_of(item) if t.value is not None]
    assert found == figures
    assert all(t.comparator == ">=" for t in targets_of(item) if t.value is not None)


def test_a_bare_count_after_a_comma_describes():
    items = targets_of("- Lào Cai là tỉnh miền núi, có 7 huyện và 152 xã.")
    assert [t.value for t in items] == [None]


def test_a_bare_count_outside_a_part_of_targets_describes():
    head = HEAD.replace("I. MỤC TIÊU\n", "I. ĐẶC ĐIỂM CHUNG\n")
    [item] = extract_text(head + "Có 27 đơn vị sự nghiệp trực thuộc Sở.\n").targets or [None]
    assert item is None or item.value is None


def test_a_table_of_targets_on_the_very_first_line_is_read():
    from extraction import tasks
    from extraction.target_tables import table_targets

    table = "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu năm 2026 |\n|---|---|---|---|\n"
    table += "| 1 | Tỷ lệ C | % | ≥ 90 |\n"
    lines = [(line, offset) for offset, line in enumerate(table.splitlines())]
    found, used = table_targets(lines, None, tasks.split_units)
    assert [(t.text, t.comparator, t.value) for t in found] == [("Tỷ lệ C", ">=", 90.0)]
    assert used == {0, 1, 2}


def test_a_table_target_keeps_its_row_as_subject_measure_and_span():
    from extraction import tasks
    from extraction.target_tables import table_targets

    row = "| 1 | Tỷ lệ hồ sơ " + "x" * 200 + " | % | ≥ 90 |"
    table = "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu năm 2026 |\n|---|---|---|---|\n" + row
    lines, offset = [], 100
    for line in table.splitlines():
        lines.append((line, offset))
        offset += len(line) + 1
    [target], _used = table_targets(lines, None, tasks.split_units)
    text = "Tỷ lệ hồ sơ " + "x" * 200
    assert (target.subject, target.measure) == (text[:160], "%")
    assert target.span == [lines[2][1], lines[2][1] + len(row)]


@pytest.mark.parametrize(
    "item, comparator, value",
    [
        ("- Đón gần 300.000 lượt khách du lịch.", "=", 300000.0),
        ("- Đón trên 300.000 lượt khách du lịch.", ">", 300000.0),
        ("- Thu hút trên 50 doanh nghiệp tham gia.", ">", 50.0),
        ("- Doanh thu tăng khoảng 15% so với năm 2025.", "increase", 15.0),
    ],
)
def test_about_over_and_a_rise_of_about_keep_their_comparator_on_every_kind_of_figure(
    item, comparator, value
):
    [target] = targets_of(item)
    assert (target.comparator, target.value) == (comparator, value)


@pytest.mark.parametrize("when", ["Đến năm 2030", "Vào năm 2030"])
def test_a_figure_followed_by_its_year_in_capitals_takes_the_words_before_it_as_subject(when):
    [target] = targets_of(f"- Độ che phủ rừng 45%, {when}.")
    assert target.subject == "Độ che phủ rừng"


def test_targets_of_paragraphs_without_heading_dues_take_the_plans_due_and_their_section():
    from extraction.targets import find_targets

    found = find_targets(
        [("- Tỷ lệ hồ sơ đạt 90%.", 0)],
        ["I. MỤC TIÊU"],
        default_due="2026",
        target_sections=[True],
    )
    assert [(t.text, t.section, t.due) for t in found] == [
        ("Tỷ lệ hồ sơ đạt 90%", "I. MỤC TIÊU", "2026")
    ]


@pytest.mark.parametrize(
    "item, texts",
    [
        # no marker: the first piece keeps its first letter
        ("Tỷ lệ hồ sơ đạt 90%, tỷ lệ xã đạt 80%.", ["Tỷ lệ hồ sơ đạt 90%", "tỷ lệ xã đạt 80%"]),
        # the last comma between two figures cuts, not the first
        (
            "- 90% xã có chợ, trường, trạm, 100% hồ sơ được số hóa.",
            ["90% xã có chợ, trường, trạm", "100% hồ sơ được số hóa"],
        ),
        # "và" cuts where there is no comma, the last "và" before the next figure
        (
            "- 80% hồ sơ cấp huyện và cấp tỉnh và 70% hồ sơ cấp xã.",
            ["80% hồ sơ cấp huyện và cấp tỉnh", "70% hồ sơ cấp xã"],
        ),
    ],
)
def test_several_figures_of_a_clause_each_take_the_piece_up_to_the_last_cut_before_the_next(
    item, texts
):
    assert [t.text for t in targets_of(item)] == texts


def test_an_item_opening_its_paragraph_under_an_awards_or_general_aims_heading_is_dropped():
    """A flagged paragraph's span begins where the paragraph begins: an item without a marker
    starts there and is dropped with it."""
    aims = targets_of(
        "1. Mục tiêu chung\nĐẩy mạnh nghiên cứu, phát triển và ứng dụng trí tuệ nhân tạo trên "
        "địa bàn tỉnh.\n2. Mục tiêu cụ thể\n- Nâng cao nhận thức của cán bộ về trí tuệ nhân tạo."
    )
    assert [t.text[:20] for t in aims] == ["Nâng cao nhận thức c"]
    awards = targets_of(
        "- Tỷ lệ hồ sơ trực tuyến đạt 80%.\nII. TIÊU CHUẨN KHEN THƯỞNG\n"
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%."
    )
    assert [t.value for t in awards] == [80.0]


def _target_at(start: int, value: float | None) -> Target:
    return Target("x", "", "", None, value, None, None, None, [start, start + 1])


def test_a_flagged_paragraph_ends_where_the_next_paragraph_begins():
    """Spans are half-open: a target starting at a flagged paragraph's end offset is in the
    paragraph after it (here one that follows with no separator) and is kept."""
    paragraphs = [("Tiêu chuẩn", 0), ("Tỷ lệ đạt", 10)]
    figures = drop_award_figures(
        [_target_at(0, 1.0), _target_at(10, 1.0)], paragraphs, [True, False]
    )
    aims = drop_general_aims([_target_at(0, None), _target_at(10, None)], paragraphs, [True, False])
    assert [t.span[0] for t in figures] == [t.span[0] for t in aims] == [10]


def test_a_flag_missing_for_a_paragraph_is_an_error_not_a_shorter_list():
    paragraphs = [("Tiêu chuẩn", 0), ("Tỷ lệ đạt", 10)]
    with pytest.raises(ValueError):
        drop_award_figures([_target_at(10, 1.0)], paragraphs, [True])
    with pytest.raises(ValueError):
        drop_general_aims([_target_at(10, None)], paragraphs, [True])
