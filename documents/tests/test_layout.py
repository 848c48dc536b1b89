"""ND 30/2020 Phụ lục I wording rules: the date line, the number, capitals."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from documents.layout import document_number, place_date, upper_vi


class TestPlaceDate:
    def test_day_below_10_and_january_are_padded(self):
        assert place_date("Lạng Sơn", date(2026, 1, 5)) == "Lạng Sơn, ngày 05 tháng 01 năm 2026"

    def test_february_is_padded_but_not_march(self):
        assert place_date("Lạng Sơn", date(2026, 2, 9)) == "Lạng Sơn, ngày 09 tháng 02 năm 2026"
        assert place_date("Lạng Sơn", date(2026, 3, 9)) == "Lạng Sơn, ngày 09 tháng 3 năm 2026"

    def test_days_from_10_and_later_months_are_written_as_they_are(self):
        assert place_date("Lạng Sơn", date(2026, 4, 29)) == "Lạng Sơn, ngày 29 tháng 4 năm 2026"
        assert place_date("Thống Nhất", date(2026, 11, 10)) == (
            "Thống Nhất, ngày 10 tháng 11 năm 2026"
        )

    def test_draft_without_a_day_leaves_day_and_month_blank_and_keeps_the_year(self):
        assert place_date("Lạng Sơn", None, year=2026) == "Lạng Sơn, ngày    tháng    năm 2026"

    def test_draft_without_a_year_leaves_it_blank_too(self):
        assert place_date("Lạng Sơn", None) == "Lạng Sơn, ngày    tháng    năm     "

    def test_year_that_contradicts_the_day_is_refused(self):
        with pytest.raises(ValueError):
            place_date("Lạng Sơn", date(2026, 1, 5), year=2025)

    def test_place_is_required(self):
        with pytest.raises(ValueError):
            place_date("  ", date(2026, 1, 5))


class TestDocumentNumber:
    def test_number_below_10_is_written_with_a_leading_zero(self):
        assert document_number(5, "BC", "UBND") == "05/BC-UBND"

    def test_number_from_10_is_written_as_it_is(self):
        assert document_number(40, "KH", "BQLKKTCK") == "40/KH-BQLKKTCK"
        assert document_number(123, "QĐ", "UBND") == "123/QĐ-UBND"

    def test_draft_leaves_the_number_blank(self):
        assert document_number(None, "BC", "UBND") == "    /BC-UBND"

    def test_number_zero_is_refused(self):
        with pytest.raises(ValueError):
            document_number(0, "BC", "UBND")


class TestUpperVi:
    def test_keeps_every_diacritic(self):
        assert upper_vi("Ủy ban nhân dân xã Thống Nhất") == "ỦY BAN NHÂN DÂN XÃ THỐNG NHẤT"
        assert upper_vi("đường Trần Hưng Đạo, phường Yên Bái") == (
            "ĐƯỜNG TRẦN HƯNG ĐẠO, PHƯỜNG YÊN BÁI"
        )

    def test_decomposed_input_gives_composed_capitals(self):
        decomposed = unicodedata.normalize("NFD", "Lạng Sơn")
        assert upper_vi(decomposed) == "LẠNG SƠN"
        assert len(upper_vi(decomposed)) == len("LẠNG SƠN")
