"""Rules of round 8 (extraction/README.md): a decision approving a department's plan printed
after it, the older spelling "UỶ BAN", a number on the line after "Số:"; general aims are not
targets; a level reached by a fall; a ratio to population; a large count without a quantifier."""

from extraction import extract_text

DECISION = (
    "UỶ BAN NHÂN\nDÂN\nTỈNH X\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố:\n1825/QĐ-UBND\n|\n"
    "X, ngày 07 tháng 11 năm 2013\n|\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT KẾ HOẠCH XOÁ MÙ CHỮ\n"
    "CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH X\n"
    "Căn cứ Quyết định số 692/QĐ-TTg ngày 04/5/2013 của Thủ tướng Chính phủ;\n"
    "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch xoá mù chữ tỉnh X.\n"
    "(Kèm theo Kế hoạch số 1376/KH-SGDĐT, ngày 28/10/2013 của Giám đốc Sở Giáo dục và Đào tạo).\n"
    "Điều 2. Quyết định có hiệu lực thi hành kể từ ngày ký./.\n"
)
SIGNATURE = "|\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrương Văn Sáu\n"
DEPARTMENT_HEADER = (
    "|\nUBND TỈNH X\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n--------\n|\nCỘNG HÒA XÃ\n"
    "HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
)


def test_a_number_printed_on_the_line_after_so_is_the_documents_number():
    document = extract_text(DECISION + SIGNATURE).document
    assert (document.number, document.type, document.issuer_code) == ("1825/QĐ-UBND", "QĐ", "UBND")


def test_the_issuing_authority_spelled_uy_ban_the_older_way_ends_the_title():
    assert (
        extract_text(DECISION + SIGNATURE).document.title == "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH XOÁ MÙ CHỮ"
    )


def test_a_signature_followed_by_the_approved_plans_own_header_is_the_signer():
    signature = extract_text(DECISION + SIGNATURE + DEPARTMENT_HEADER).signature
    assert (signature.authority, signature.position, signature.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trương Văn Sáu",
    )


def test_the_plan_a_decision_approves_in_its_first_article_is_a_reference():
    references = extract_text(DECISION + SIGNATURE).references
    assert [(r.number, r.date) for r in references] == [
        ("692/QĐ-TTg", "2013-05-04"),
        ("1376/KH-SGDĐT", "2013-10-28"),
    ]


HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/KH-UBND\nX, ngày 01 tháng 02 năm 2026\n"
    "KẾ HOẠCH\nPhòng ngừa lao động trẻ em giai đoạn 2026 - 2030\n"
)


def targets(body: str):
    return extract_text(HEAD + body).targets


def test_an_aim_in_words_under_muc_tieu_chung_is_not_a_target_but_a_figure_there_is():
    found = targets(
        "I. MỤC TIÊU\n1. Mục tiêu chung\n- Đẩy mạnh nghiên cứu, phát triển và ứng dụng trí tuệ "
        "nhân tạo trên địa bàn tỉnh.\n- Phấn đấu đến năm 2030, GRDP tăng bình quân 8%.\n"
        "2. Mục tiêu cụ thể\n- Nâng cao nhận thức của cán bộ về trí tuệ nhân tạo.\n"
    )
    assert [(t.text[:20], t.value) for t in found] == [
        ("Phấn đấu đến năm 203", 8.0),
        ("Nâng cao nhận thức c", None),
    ]


def test_a_labelled_aim_heading_the_targets_under_it_is_not_a_target():
    found = targets(
        "I. MỤC TIÊU\n1. Mục tiêu\na) Mục tiêu 1: Phòng ngừa, phát hiện, hỗ trợ trẻ em lao động "
        "trái quy định của pháp luật.\n- Trên 90% trẻ em có nguy cơ được tiếp cận giáo dục.\n"
    )
    assert [t.text for t in found] == ["Trên 90% trẻ em có nguy cơ được tiếp cận giáo dục"]


def test_a_fall_or_a_rise_to_a_level_is_that_level_not_a_change():
    found = targets(
        "I. MỤC TIÊU\n- Giảm tỷ lệ hộ nghèo xuống dưới 2%.\n- Giảm tỷ lệ bỏ học còn 1%.\n"
        "- Tăng tỷ lệ che phủ rừng lên 45%.\n- Giảm tỷ lệ tai nạn 5%.\n"
    )
    assert [(t.comparator, t.value, t.subject) for t in found] == [
        ("<", 2.0, "tỷ lệ hộ nghèo"),
        ("<=", 1.0, "tỷ lệ bỏ học"),
        (">=", 45.0, "tỷ lệ che phủ rừng"),
        ("decrease", 5.0, "tỷ lệ tai nạn"),
    ]


def test_people_who_can_read_are_one_noun_the_verb_after_them_is_not():
    (target,) = targets("I. MỤC TIÊU\n- Có 90% số người mới biết chữ tiếp tục tham gia học tập.\n")
    assert target.subject == "người mới biết chữ"


def test_a_place_name_with_a_hyphen_cut_before_its_date_is_read_whole():
    text = HEAD.replace("X, ngày", "Bà Rịa - Vũng\nTàu, ngày")
    assert extract_text(text).document.place == "Bà Rịa - Vũng Tàu"


def test_ratio_to_population_in_a_part_of_targets_is_a_target_with_its_measure():
    found = targets(
        "I. MỤC TIÊU\n- Đạt 10 bác sĩ/10.000 dân và 32 giường bệnh/10.000 dân.\n"
        "- Tỷ lệ bác sĩ đạt 12/10.000 người.\n- Khoảng 2 dược sĩ/vạn dân.\n"
    )
    assert [(t.comparator, t.value, t.unit, t.measure, t.subject) for t in found] == [
        (">=", 10.0, "other", "bác sĩ/10.000 dân", "bác sĩ"),
        (">=", 32.0, "other", "giường bệnh/10.000 dân", "giường bệnh"),
        (">=", 12.0, "other", "/10.000 người", "Tỷ lệ bác sĩ"),
        ("=", 2.0, "other", "dược sĩ/vạn dân", "dược sĩ"),
    ]


def test_ratio_to_population_outside_a_part_of_targets_describes_and_is_no_count():
    body = "I. TÌNH HÌNH\nToàn tỉnh có 8 bác sĩ/10.000 dân, trên 20 giường bệnh/10.000 dân.\n"
    assert targets(body) == []


def test_large_count_without_quantifier_in_a_part_of_targets_is_a_floor_and_elsewhere_not():
    described = targets("I. TÌNH HÌNH\nTỉnh có 1,3 triệu dân và 300.000 hộ gia đình.\n")
    money = targets("I. MỤC TIÊU\n- Thu hút 300.000 tỷ đồng vốn đầu tư; 2.000 ha rừng.\n")
    assert described == []
    assert [(t.value, t.unit) for t in money] == [(2000.0, "other")]  # an area, no count
    found = targets(
        "I. MỤC TIÊU\n- Giải quyết việc làm cho 300.000 lượt người.\n"
        "- Đón 4,5 - 5 triệu lượt khách du lịch.\n"
        "- Đào tạo nghề cho khoảng 20 nghìn lao động nông thôn.\n"
    )
    assert [(t.comparator, t.value, t.value_max, t.unit, t.subject) for t in found] == [
        (">=", 300000.0, None, "count", "lượt người"),
        ("range", 4500000.0, 5000000.0, "count", "lượt khách du lịch"),
        ("=", 20000.0, None, "count", "lao động nông thôn"),
    ]


WEB_PAGE = (
    "Trang chủ >> Tin KH&CN trong tỉnh\n\n"
    "Kế hoạch tổ chức các hoạt động chào mừng Ngày Khoa học và Công nghệ Việt Nam 18-5\n\n"
    "Thực hiện Công văn số 1607/UBND-KGVX ngày 11/5/2020 của UBND tỉnh. Sở Khoa học và Công "
    "nghệ vừa ban hành Kế hoạch số 20/KH-SKHCN ngày 12/5/2020 về tổ chức các hoạt động gồm "
    "3 nội dung:\n\n"
    "1. Sở Khoa học và Công nghệ và các đơn vị trực thuộc treo băng rôn khẩu hiệu tại cơ quan "
    "(từ ngày 14 - 19/5/2020).\n\n"
    "2. Trung tâm Nghiên cứu, Ứng dụng và Dịch vụ khoa học và công nghệ chủ trì, phối hợp các "
    "phòng, đơn vị liên quan:\n\n"
    "+ Xuất bản Ấn phẩm khoa học và công nghệ (trước ngày 14/5/2020).\n\n"
    "+ Phối hợp với Đài Phát thanh - Truyền hình tỉnh xây dựng chuyên mục phát sóng trong "
    "tháng 5/2020.\n\n"
    "3. Tiếp tục quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị.\n"
)


def test_a_departments_web_page_of_its_plan_names_the_plan_in_its_headline_and_first_sentence():
    draft = extract_text(WEB_PAGE)
    document = draft.document
    assert (document.type, document.number, document.issuer_code, document.date) == (
        "KH",
        "20/KH-SKHCN",
        "SKHCN",
        "2020-05-12",
    )
    assert document.title.startswith("tổ chức các hoạt động chào mừng")
    # The plan's own number is not a reference, nor a directive its contents cite.
    assert [r.number for r in draft.references] == ["1607/UBND-KGVX"]


def test_contents_after_a_lead_in_are_tasks_with_doers_partners_and_dates_in_prose():
    tasks = extract_text(WEB_PAGE).tasks
    centre = ["Trung tâm Nghiên cứu, Ứng dụng và Dịch vụ khoa học và công nghệ"]
    assert [
        (t.title[:20], t.lead_units, t.coordinating_units, [(d.kind, d.value) for d in t.deadlines])
        for t in tasks
    ] == [
        (
            "Sở Khoa học và Công ",
            ["Sở Khoa học và Công nghệ", "các đơn vị trực thuộc"],
            [],
            [("date", "2020-05-19")],
        ),
        (
            "Xuất bản Ấn phẩm kho",
            centre,
            ["các phòng, đơn vị liên quan"],
            [("before", "2020-05-14")],
        ),
        (
            "Phối hợp với Đài Phá",
            centre,
            ["các phòng, đơn vị liên quan", "Đài Phát thanh - Truyền hình tỉnh"],
            [("month", "2020-05")],
        ),
        ("Tiếp tục quán triệt ", [], [], []),
    ]


def test_bullets_after_a_lead_in_are_contents_too():
    text = WEB_PAGE.replace("gồm 3 nội dung:", "với các nội dung sau:").replace("3. Tiếp", "- Tiếp")
    assert extract_text(text).tasks[-1].title.startswith("Tiếp tục quán triệt")


def test_a_plural_that_names_no_unit_is_no_doer():
    """ "Các" opens the doers only when a group of units follows ("Các sở, ngành …"): "Các nội
    dung thực hiện như sau" is a heading of contents, with no lead."""
    text = WEB_PAGE.replace(
        "1. Sở Khoa học và Công nghệ và các đơn vị trực thuộc treo",
        "1. Các nội dung thực hiện như sau: treo",
    )
    assert extract_text(text).tasks[0].lead_units == []
    text = WEB_PAGE.replace(
        "1. Sở Khoa học và Công nghệ và các đơn vị trực thuộc treo", "1. Các đơn vị trực thuộc treo"
    )
    assert extract_text(text).tasks[0].lead_units == ["Các đơn vị trực thuộc"]
