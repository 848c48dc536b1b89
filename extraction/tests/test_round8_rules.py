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
