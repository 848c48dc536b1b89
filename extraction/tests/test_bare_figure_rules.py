"""The figures a part of targets promises without a quantifier (extraction/bare_figures.py),
read from a clause alone: where each starts and ends, its quantifier, value and measure."""

from extraction.bare_figures import large_counts, ratios


def test_a_ratio_starts_at_its_quantifier_and_ends_after_the_population():
    clause = "đạt khoảng 2 bác sĩ/vạn dân"
    assert ratios(clause) == [(4, len(clause), "khoảng", 2.0, "bác sĩ/vạn dân")]


def test_a_ratio_without_quantifier_starts_at_its_figure():
    assert ratios("đạt 10 bác sĩ/10.000 dân")[0][:3] == (4, 24, None)


def test_a_quantifier_opening_the_clause_is_read():
    assert [r[:3] for r in ratios("Khoảng 2 bác sĩ/vạn dân")] == [(0, 23, "Khoảng")]
    assert [c[:3] for c in large_counts("Khoảng 20 nghìn lao động")] == [(0, 15, "Khoảng")]


def test_a_ratio_keeps_its_decimals():
    assert ratios("đạt 2,5 dược sĩ/vạn dân")[0][3] == 2.5


def test_a_figure_is_kept_to_six_decimals():
    assert ratios("đạt 1,2345678 bác sĩ/vạn dân")[0][3] == 1.234568


def test_a_population_counted_in_tens_of_thousands_is_written_with_one_space():
    assert ratios("đạt 2 bác sĩ/10  vạn dân")[0][4] == "bác sĩ/10 vạn dân"


def test_a_large_count_starts_at_its_quantifier():
    clause = "cho khoảng 300.000 lượt người"
    assert large_counts(clause) == [(4, 18, "khoảng", 300000.0, None)]


def test_a_range_of_grouped_figures_ends_after_its_upper_figure_and_keeps_it():
    clause = "cho 300.000 - 400.000 lượt người"
    assert large_counts(clause) == [(4, 21, None, 300000.0, 400000.0)]


def test_a_range_of_millions_ends_after_the_scale_in_any_case():
    assert large_counts("đón 4,5 - 5 TRIỆU lượt khách") == [(4, 17, None, 4500000.0, 5000000.0)]
