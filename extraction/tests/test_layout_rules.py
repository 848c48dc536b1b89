"""Rules added for the enlarged corpus (extraction/corpus): each class of layout or phrasing
that a new document showed, on a text written for the rule."""

import pytest

from extraction import extract_text
from extraction.tasks import split_units

TABLE_HEAD = (
    "PHỤ LỤC\n"
    "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |\n"
    "|---|---|---|---|---|---|\n"
)


def test_a_first_part_of_bases_is_read_for_references_with_dates_wrapped_after_ngay():
    draft = extract_text(
        "Số: 12/KH-UBND\nHà Giang, ngày 07 tháng 12 năm 2022\nKẾ HOẠCH\n"
        "THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ\n"
        "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n"
        "1. Quyết định số 924/QĐ-TTg ngày 22 tháng 8 năm 2022 của Thủ tướng Chính phủ;\n"
        "2. Thông tư 05/2022/TT-BNNPTNT ngày\n25 tháng 7 năm 2022 của Bộ Nông nghiệp;\n"
        "II. MỤC TIÊU\n- Nghị quyết số 99/NQ-CP ngày 01/01/2020 được nhắc lại ở đây.\n"
    )
    numbers = {(r.number, r.date) for r in draft.references}
    assert numbers == {("924/QĐ-TTg", "2022-08-22"), ("05/2022/TT-BNNPTNT", "2022-07-25")}


def test_a_date_in_words_cut_after_its_day_is_joined():
    draft = extract_text(
        "PHỤ LỤC II\nDANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22\n"
        "THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ\n"
    )
    assert "NGÀY 22 THÁNG 12 NĂM 2024" in draft.text
    assert [(r.number, r.date) for r in draft.references] == [("57-NQ/TW", "2024-12-22")]


def test_a_row_cut_by_a_page_break_continues_the_task_above():
    draft = extract_text(
        TABLE_HEAD
        + "| 65. | Xây dựng đề án ứng dụng IoT trong nông nghiệp, giao | Các địa phương | "
        "Bộ Khoa học và Công nghệ | Quyết định | 12/2025 |\n"
        "| | thông thông minh, y tế thông minh | | | | |\n"
        "| 66. | Xây dựng kế hoạch hạ tầng 5G | Các địa phương | | Đề án | 9/2025 |\n"
    )
    assert [t.title for t in draft.tasks] == [
        "Xây dựng đề án ứng dụng IoT trong nông nghiệp, giao thông thông minh, y tế thông minh",
        "Xây dựng kế hoạch hạ tầng 5G",
    ]
    assert draft.tasks[0].lead_units == ["Các địa phương"]
    assert [(d.kind, d.value) for d in draft.tasks[0].deadlines] == [("month", "2025-12")]


def test_a_group_row_with_a_stray_word_in_its_deadline_cell_is_not_a_task():
    draft = extract_text(
        TABLE_HEAD + "| IV. | Phát triển nhân lực chất lượng cao | | | | năm tiếp theo |\n"
        "| 77. | Xây dựng Đề án nhân tài | Bộ Nội vụ | Các bộ, ngành | Quyết định | 2025 |\n"
    )
    assert [t.title for t in draft.tasks] == ["Xây dựng Đề án nhân tài"]
    assert draft.tasks[0].section.startswith("IV. Phát triển nhân lực")


@pytest.mark.parametrize(
    "text, names",
    [
        ("Bộ, ngành, địa phương", ["Bộ, ngành, địa phương"]),
        ("Bộ Tài chính, bộ, ngành liên quan", ["Bộ Tài chính", "bộ, ngành liên quan"]),
        ("UBND các xã, phường, thị trấn", ["UBND các xã, phường, thị trấn"]),
        (
            "Các thành phố trực thuộc Trung ương và một số tỉnh đủ điều kiện",
            ["Các thành phố trực thuộc Trung ương", "một số tỉnh đủ điều kiện"],
        ),
        (
            "Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành",
            ["Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành"],
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"],
        ),
    ],
)
def test_unit_lists_split_between_units_not_inside_a_group(text, names):
    assert split_units(text) == names


def test_a_title_in_sentence_case_wrapped_over_lines_is_read_whole():
    draft = extract_text(
        "ỦY BAN NHÂN DÂN XÃ TỊNH TRÀ |\nSố: /KH-UBND |\nTịnh Trà, ngày 26 tháng 4 năm 2024 |\n"
        "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023\n"
        "Của Ban Thường vụ Tỉnh ủy về Chuyển đổi số\nĐến năm 2025, định hướng đến năm 2030\n"
        "![]() |\nThực hiện Kế hoạch số 50/KH-UBND ngày 11/3/2024 của UBND huyện; như sau:\n"
    )
    assert draft.document.title == (
        "Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023 Của Ban Thường vụ Tỉnh ủy "
        "về Chuyển đổi số Đến năm 2025, định hướng đến năm 2030"
    )


def test_a_title_stops_before_the_first_part_of_the_body():
    draft = extract_text(
        "Số: 1914/KH-UBND\nHải Dương, ngày 05 tháng 6 năm 2023\nKẾ HOẠCH\n"
        "CHUYỂN ĐỔI SỐ TỈNH HẢI DƯƠNG NĂM 2023\n"
        "PHẦN I. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022\nI. KẾT QUẢ\n"
    )
    assert draft.document.title == "CHUYỂN ĐỔI SỐ TỈNH HẢI DƯƠNG NĂM 2023"


def test_a_figure_in_a_row_of_a_task_table_is_the_task_not_a_target():
    draft = extract_text(
        TABLE_HEAD + "| 49. | Bố trí ít nhất 15% ngân sách khoa học cho công nghệ chiến lược | "
        "Bộ Tài chính | Bộ Khoa học và Công nghệ | Nghị quyết | Hằng năm |\n"
    )
    assert [t.title[:20] for t in draft.tasks] == ["Bố trí ít nhất 15% n"]
    assert [t for t in draft.targets if t.value is not None] == []


SIGNED_PLAN = """UBND TỈNH LÀO CAI
Số: 12/KH-UBND
Lào Cai, ngày 05 tháng 01 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
I. CHỈ TIÊU
- 100% hồ sơ được số hóa.
"""


@pytest.mark.parametrize(
    "closing",
    [
        # pdftotext -layout of a two-column closing: the columns side by side
        "Nơi nhận:                          TM. ỦY BAN NHÂN DÂN\n"
        "- Như trên;                        KT. CHỦ TỊCH\n"
        "- Lưu: VT, VX.                     PHÓ CHỦ TỊCH\n\n"
        "                                   Nguyễn Văn An",
        # the same with the gap collapsed to one space
        "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên; KT. CHỦ TỊCH\n- Lưu: VT, VX. PHÓ CHỦ TỊCH\n"
        "Nguyễn Văn An",
        # the signature column printed before "Nơi nhận", with "(Đã ký)"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX.",
        # one cell per line, the authority wrapped
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX.\n|\nTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nNguyễn Văn An\n|",
    ],
    ids=["side-by-side", "side-by-side-collapsed", "signature-first", "cells"],
)
def test_the_signature_block_is_read_from_two_columns_and_never_from_the_recipients(closing):
    draft = extract_text(SIGNED_PLAN + closing)
    assert draft.signature.authority == "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH"
    assert draft.signature.position == "PHÓ CHỦ TỊCH"
    assert draft.signature.name == "Nguyễn Văn An"
    assert draft.recipients == ["Như trên", "Lưu: VT, VX"]


def test_a_recipient_line_is_never_taken_for_the_signer():
    draft = extract_text(SIGNED_PLAN + "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX.\n|\n")
    assert draft.signature.name is None
    assert draft.signature.authority is None


PARTY_PLAN = """      ## ĐẢNG CỘNG SẢN VIỆT NAM

**ĐẢNG ĐOÀN QUỐC HỘI**

Số 3260-KH/ĐĐQH15

Hà Nội, ngày 10 tháng 01 năm 2025

**KẾ HOẠCH**

**triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024**
**Bộ Chính trị về đột phá phát triển khoa học, công nghệ,**
**đổi mới sáng tạo và chuyển đổi số quốc gia**

Ngày 22/12/2024, Bộ Chính trị đã ban hành Nghị quyết số 57-NQ/TW về chuyển đổi số.

**Nơi nhận:**

*   Ban Bí thư Trung ương Đảng (để b/c),
*   Lưu VPĐĐQH, Vụ KHCNMT.

**T/M ĐẢNG ĐOÀN QUỐC HỘI**

**BÍ THƯ**

Trần Thanh Mẫn
```
"""


def test_a_party_plan_transcribed_in_markdown():
    """ "Số 3260-KH/ĐĐQH15" without a colon, the type line never joined to a title that starts
    in lower case, a title cut after a date read over its lines, "*" bullets, "T/M"."""
    draft = extract_text(PARTY_PLAN)
    assert (draft.document.type, draft.document.number, draft.document.issuer_code) == (
        "KH",
        "3260-KH/ĐĐQH15",
        "ĐĐQH15",
    )
    assert draft.document.title == (
        "triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 Bộ Chính trị về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
    )
    assert draft.recipients == ["Ban Bí thư Trung ương Đảng (để b/c)", "Lưu VPĐĐQH, Vụ KHCNMT"]
    assert (draft.signature.authority, draft.signature.position, draft.signature.name) == (
        "T/M ĐẢNG ĐOÀN QUỐC HỘI",
        "BÍ THƯ",
        "Trần Thanh Mẫn",
    )
    assert "```" not in draft.text


@pytest.mark.parametrize(
    "sentence, deadlines",
    [
        ("thực hiện; hoàn thành trong Quý II/2026.", [("quarter", "2026-Q2")]),
        ("thực hiện, thời gian hoàn thành: trước ngày 30/6/2026.", [("before", "2026-06-30")]),
        ("thực hiện thường xuyên trong năm.", []),
    ],
)
def test_a_task_in_prose_takes_the_deadline_it_states(sentence, deadlines):
    draft = extract_text(
        SIGNED_PLAN.replace("I. CHỈ TIÊU\n- 100% hồ sơ được số hóa.\n", "II. NỘI DUNG\n")
        + "1. Rà soát thủ tục hành chính: Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh "
        + sentence
        + "\n"
    )
    (task,) = draft.tasks
    assert (task.lead_units, task.coordinating_units) == (["Sở Tư pháp"], ["Văn phòng UBND tỉnh"])
    assert [(d.kind, d.value) for d in task.deadlines] == deadlines
