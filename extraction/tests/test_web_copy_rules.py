"""A plan as a department's website publishes it (extraction/web_copy.py), read from its lines
alone: the headline among the first six lines, the sentence naming the plan in the five after."""

from extraction.web_copy import headline_document

HEADLINE = "Kế hoạch tổ chức các hoạt động chào mừng Ngày Khoa học và Công nghệ Việt Nam"
NAMED = "Sở Khoa học và Công nghệ vừa ban hành Kế hoạch số 20/KH-SKHCN ngày 12/5/2020 về việc này."


def read(lines: list[str]) -> tuple[str | None, str | None, str | None, int] | None:
    found = headline_document(lines)
    if found is None:
        return None
    document, after = found
    return document.number, document.issuer_code, document.date, after


def test_a_headline_and_the_sentence_right_after_it_are_the_plan_and_the_body_follows():
    assert read([HEADLINE, NAMED]) == ("20/KH-SKHCN", "SKHCN", "2020-05-12", 1)


def test_the_headline_is_one_of_the_first_six_lines_not_the_seventh():
    assert read(["Trang chủ"] * 5 + [HEADLINE, NAMED]) == ("20/KH-SKHCN", "SKHCN", "2020-05-12", 6)
    assert read(["Trang chủ"] * 6 + [HEADLINE, NAMED]) is None


def test_the_sentence_naming_the_plan_is_one_of_the_five_lines_after_the_headline():
    assert read([HEADLINE] + ["Tin tức."] * 4 + [NAMED])[0] == "20/KH-SKHCN"
    assert read([HEADLINE] + ["Tin tức."] * 5 + [NAMED])[:3] == (None, None, None)


def test_a_sentence_above_the_headline_does_not_name_the_plan():
    assert read([NAMED, HEADLINE, "Tin tức."]) == (None, None, None, 2)
