import json

from core.text import SEARCH_MAX_CHARS, SEARCH_MAX_WORDS, fold, search_terms, text_change


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


class TestTextChange:
    def test_short_values_are_kept_whole(self):
        assert text_change("cũ", "mới") == ["cũ", "mới"]
        assert text_change(40, 100) == [40, 100]

    def test_a_long_text_keeps_the_stretch_that_changed_and_gives_the_old_text_back(self):
        old = "Đầu văn bản. " * 100 + "đoạn cũ" + " Cuối văn bản." * 100
        new = "Đầu văn bản. " * 100 + "đoạn đã sửa lại" + " Cuối văn bản." * 100
        change = text_change(old, new)
        at, removed, added = change["at"], change["removed"], change["added"]
        assert len(removed) < 20 and len(added) < 20
        assert new[:at] + removed + new[at + len(added) :] == old
        assert change["length"] == [len(old), len(new)]

    def test_a_long_stretch_is_kept_as_its_length_and_hash(self):
        old, new = "a" * 30_000, "b" * 30_000
        change = text_change(old, new)
        assert change["removed"]["length"] == 30_000
        assert len(change["added"]["sha256"]) == 64
        assert len(json.dumps(change)) < 400
