from core.text import SEARCH_MAX_CHARS, SEARCH_MAX_WORDS, fold, search_terms


def test_fold_removes_vietnamese_diacritics_and_case():
    assert fold("Chuyển đổi số") == "chuyen doi so"
    assert fold("ĐỔI MỚI SÁNG TẠO") == "doi moi sang tao"


def test_fold_treats_composed_and_decomposed_forms_alike():
    composed = "Thống Nhất"
    decomposed = "Tho\u0302\u0301ng Nha\u0302\u0301t"
    assert fold(composed) == fold(decomposed) == "thong nhat"


def test_fold_collapses_spaces_and_handles_empty():
    assert fold("  a \n b ") == "a b"
    assert fold(None) == ""


def test_search_terms_are_folded_words():
    assert search_terms("Chuyen  ĐỔI") == ["chuyen", "doi"]


def test_search_terms_are_bounded_in_length_and_number():
    assert len(search_terms(" ".join("abcdefghijklmnopqrstuvwxyz" * 80))) == SEARCH_MAX_WORDS
    assert search_terms("a a a b") == ["a", "b"]
    assert len("".join(search_terms("x" * 100_000))) == SEARCH_MAX_CHARS
