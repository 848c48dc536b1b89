"""The phases (giai đoạn) a plan divides its span into (extraction/phases.py), as seeds 003 and
004 write them; the plan's own span "giai đoạn 2026 - 2030" is not a phase."""

import pytest

from extraction import extract_text
from extraction.phases import find_phases

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 10/KH-UBND\nX, ngày 01 tháng 02 năm 2026\n"
    "KẾ HOẠCH\nTriển khai phong trào thi đua giai đoạn 2026 - 2030\n"
    "I. MỤC ĐÍCH\nTriển khai phong trào thi đua giai đoạn 2026 - 2030 trong toàn tỉnh.\n"
    "II. THỜI GIAN THỰC HIỆN\n"
    "Phong trào thi đua được triển khai từ năm 2026 đến hết năm 2030, chia thành 02 giai đoạn:\n"
)
TAIL = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì theo dõi, tổng hợp.\n"


def phases(body: str) -> list[tuple]:
    draft = extract_text(HEAD + body + TAIL)
    return [(p["name"], p["start"], p["end"], p["description"]) for p in draft.phases]


def test_seed_004_numbered_headings_with_months_and_what_each_phase_does():
    body = (
        "1. Giai đoạn 1 (từ tháng 5/2026 đến tháng 12/2027)\n"
        "a) Ban hành kế hoạch, phát động thi đua.\n"
        "b) Tổ chức sơ kết tháng 12/2027.\n"
        "2. Giai đoạn 2 (từ tháng 01/2028 đến tháng 12/2030)\n"
        "a) Tổ chức tổng kết vào quý IV năm 2030.\n"
    )
    assert phases(body) == [
        (
            "Giai đoạn 1",
            "2026-05-01",
            "2027-12-31",
            "a) Ban hành kế hoạch, phát động thi đua.\nb) Tổ chức sơ kết tháng 12/2027.",
        ),
        ("Giai đoạn 2", "2028-01-01", "2030-12-31", "a) Tổ chức tổng kết vào quý IV năm 2030."),
    ]


def test_seed_003_dashed_items_with_a_year_a_day_and_a_month():
    body = (
        "- Giai đoạn 01 (từ năm 2026 đến ngày 11/6/2028).\n"
        "- Giai đoạn 02 (từ tháng 7/2028 đến năm 2030).\n"
    )
    assert phases(body) == [
        ("Giai đoạn 1", "2026-01-01", "2028-06-11", ""),
        ("Giai đoạn 2", "2028-07-01", "2030-12-31", ""),
    ]


def test_the_line_as_written_and_its_span_are_kept():
    draft = extract_text(HEAD + "- Giai đoạn 01 (từ năm 2026 đến ngày 11/6/2028).\n" + TAIL)
    (phase,) = draft.phases
    assert phase["text"] == "- Giai đoạn 01 (từ năm 2026 đến ngày 11/6/2028)."
    assert draft.text[phase["span"][0] : phase["span"][1]] == phase["text"]


def test_long_text_under_a_phase_is_a_section_not_a_description():
    body = "1. Giai đoạn 1 (từ tháng 5/2026 đến tháng 12/2027)\n" + "a) Triển khai. " * 60 + "\n"
    assert phases(body)[0][3] == ""


@pytest.mark.parametrize(
    "line",
    [
        "Kế hoạch triển khai phong trào giai đoạn 2026 - 2030 trên địa bàn tỉnh.",
        "- Tổ chức sơ kết giai đoạn 2026-2027, tổng kết giai đoạn 2026-2030.",
        "1. Giai đoạn 2026 - 2030 (từ năm 2026 đến năm 2030)",
        "Trong giai đoạn 1 (từ năm 2026 đến năm 2027), các đơn vị triển khai thí điểm.",
        "- Giai đoạn 2 (từ năm 2030 đến năm 2028).",
    ],
)
def test_a_span_inside_a_sentence_or_a_backwards_phase_is_not_a_phase(line):
    assert phases(line + "\n") == []


def found(*lines: str) -> list[tuple]:
    """find_phases alone, on body lines given without offsets."""
    return [(p["name"], p["start"], p["end"]) for p in find_phases([(line, 0) for line in lines])]


def test_a_phase_numbered_in_roman_numerals_keeps_them_in_capitals():
    assert found("- giai đoạn ii (từ năm 2026 đến năm 2027).") == [
        ("Giai đoạn II", "2026-01-01", "2027-12-31")
    ]


def test_an_end_written_before_a_day_is_that_day():
    assert found("- Giai đoạn 1 (từ năm 2026 đến trước ngày 11/6/2028).") == [
        ("Giai đoạn 1", "2026-01-01", "2028-06-11")
    ]


def test_a_phase_whose_start_cannot_be_read_is_not_a_phase():
    assert found("- Giai đoạn 1 (từ khi Kế hoạch được ban hành đến năm 2027).") == []


def test_a_phase_of_a_single_day_is_a_phase():
    assert found("- Giai đoạn 1 (từ ngày 15/5/2026 đến ngày 15/5/2026).") == [
        ("Giai đoạn 1", "2026-05-15", "2026-05-15")
    ]


def test_a_backwards_phase_does_not_end_the_search_for_the_next():
    assert found(
        "- Giai đoạn 1 (từ năm 2030 đến năm 2028).", "- Giai đoạn 2 (từ năm 2028 đến năm 2030)."
    ) == [("Giai đoạn 2", "2028-01-01", "2030-12-31")]


def test_a_phase_line_of_200_characters_is_read_and_one_of_201_is_a_paragraph():
    line = "- Giai đoạn 1 (từ năm 2026 đến năm 2027, khi các đơn vị hoàn thành " + "x" * 200
    assert found(line[:199] + ")") == [("Giai đoạn 1", "2026-01-01", "2027-12-31")]
    assert found(line[:200] + ")") == []


def test_text_of_600_characters_under_a_phase_is_its_description_and_601_a_section():
    for length, description in ((600, "a" * 600), (601, "")):
        body = [("- Giai đoạn 1 (từ năm 2026 đến năm 2027).", 0), ("a" * length, 50)]
        assert find_phases(body)[0]["description"] == description
