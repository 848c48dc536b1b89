"""The rules of a part that reports the situation (extraction/situation.py), line by line:
which headings open and close it, and what is too long or too short to be a heading."""

import pytest

from extraction.situation import situation_flags


def heading_of(length: int, heading: str) -> str:
    """`heading` lengthened with capitals to exactly `length` characters."""
    return heading + " " + "Ư" * (length - len(heading) - 1)


def test_lines_before_any_heading_are_not_in_a_situation_part():
    assert situation_flags(["Căn cứ Luật Thi đua, Khen thưởng;", "x"]) == [False, False]


def test_a_part_label_alone_takes_its_title_from_the_next_line_even_the_last():
    assert situation_flags(["Phần thứ nhất", "THỰC TRẠNG"]) == [True, True]


def test_a_part_label_on_the_last_line_has_no_title_and_opens_nothing():
    assert situation_flags(["x", "Phần thứ nhất"]) == [False, False]


def test_a_part_titled_in_sentence_case_is_not_a_situation_part():
    assert situation_flags(["PHẦN I: THỰC TRẠNG và một số kết quả", "x"]) == [False, False]


def test_a_heading_in_capitals_without_a_label_that_names_the_aims_closes_the_part():
    flags = situation_flags(["PHẦN I: THỰC TRẠNG", "x", "MỤC TIÊU", "y", "I. KẾT QUẢ", "z"])
    assert flags == [True, True, False, False, False, False]


def test_a_sentence_case_line_that_begins_like_the_aims_does_not_close_the_part():
    flags = situation_flags(["PHẦN I: THỰC TRẠNG", "MỤC TIÊU đề ra đã cơ bản hoàn thành.", "x"])
    assert flags == [True, True, True]


def test_a_four_letter_section_in_capitals_is_a_heading_of_the_situation_part():
    # "I. MỤC TIÊU" inside the part closes its section; "II. NHÀ Ở" (4 letters) opens another.
    flags = situation_flags(["PHẦN I: THỰC TRẠNG", "I. MỤC TIÊU", "x", "II. NHÀ Ở", "y"])
    assert flags == [True, False, False, True, True]


@pytest.mark.parametrize(
    "heading",
    ["PHẦN I: THỰC TRẠNG", "I. THỰC TRẠNG", "THỰC TRẠNG"],
    ids=["part", "section", "bare"],
)
def test_a_heading_of_160_characters_opens_a_situation_part_and_one_of_161_is_a_paragraph(heading):
    assert situation_flags([heading_of(160, heading), "x"]) == [True, True]
    assert situation_flags([heading_of(161, heading), "x"]) == [False, False]
