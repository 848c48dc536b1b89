"""The status donut drawn on the server (#17): plain counts in, ring slices and their SVG out
(no database)."""

import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from monitoring.charts import DONUT_CODES, status_donut
from monitoring.status import Status

COUNTS = {"met": 6, "on_track": 3, "at_risk": 2, "missed": 1, "no_data": 0}


def sweep(piece) -> float:
    return piece.end - piece.start


def test_the_slices_go_once_round_the_ring_from_twelve_oclock():
    donut = status_donut(COUNTS)
    assert donut.total == 12
    assert donut.slices[0].start == 0 and donut.slices[-1].end == 360
    assert sum(sweep(piece) for piece in donut.slices) == pytest.approx(360)
    # Each slice starts where the one before it ends, in the legend's order.
    assert [piece.status for piece in donut.slices] == list(DONUT_CODES)
    for before, after in zip(donut.slices, donut.slices[1:], strict=False):
        assert after.start == before.end


def test_a_slice_is_the_share_of_the_targets_with_its_status():
    donut = status_donut(COUNTS)
    shares = {piece.status: sweep(piece) / 360 for piece in donut.slices}
    assert shares == pytest.approx({code: n / 12 for code, n in COUNTS.items()})
    # More than half the ring takes SVG's large-arc flag, less than half does not.
    big = status_donut({"met": 3, "missed": 1})
    assert " 0 1 1 " in big.slices[0].path and " 0 0 1 " in big.slices[3].path


def test_a_status_no_target_has_draws_nothing_but_keeps_its_line_in_the_legend():
    donut = status_donut(COUNTS)
    assert [piece.status for piece in donut.drawn] == ["met", "on_track", "at_risk", "missed"]
    no_data = donut.slices[-1]
    assert no_data.count == 0 and no_data.path == ""
    html = render_to_string("monitoring/_donut.html", {"donut": donut})
    assert html.count("<path ") == 4
    assert '<span class="badge badge-no_data">0</span> Chưa có số liệu' in html


def test_a_single_status_is_the_whole_ring():
    donut = status_donut({"at_risk": 5})
    (piece,) = donut.drawn
    assert (piece.start, piece.end) == (0, 360)
    # Two circles of two half arcs each (an SVG arc cannot end where it starts), the inner one
    # cut out: the path closes on itself twice.
    assert piece.path.count("A") == 4 and piece.path.count("Z") == 2
    assert piece.path.startswith("M100.00 10.00") and "M100.00 42.00" in piece.path


def test_with_no_target_judged_nothing_is_drawn_and_the_page_says_so():
    donut = status_donut({code: 0 for code in DONUT_CODES})
    assert donut.total == 0 and donut.drawn == []
    html = render_to_string("monitoring/_donut.html", {"donut": donut})
    assert "<svg" not in html
    assert "Chưa có chỉ tiêu nào được theo dõi." in html


def test_the_picture_is_described_in_words_and_its_legend_is_text_with_links():
    links = {code: f"?status={code}" for code in DONUT_CODES}
    donut = status_donut(COUNTS, links=links)
    html = render_to_string("monitoring/_donut.html", {"donut": donut, "status": "at_risk"})
    label = re.search(r'<g role="img" aria-label="([^"]+)"', html)[1]
    assert label == (
        "Số chỉ tiêu theo đánh giá: Đạt 6, Đúng tiến độ 3, Có nguy cơ không đạt 2, Không đạt 1, "
        "Chưa có số liệu 0; tổng 12 chỉ tiêu."
    )
    assert ">12</text>" in html
    legend = html.split('class="donut-legend')[1]
    assert '<a href="?status=met"><span class="badge badge-met">6</span> Đạt</a>' in legend
    assert 'aria-current="true"><span class="badge badge-at_risk">2</span>' in legend
    assert 'href="?status=no_data"' not in html  # nothing to drill down to
    # A click on a slice leads where its legend line does; the slices' links are for the
    # pointer only (tabindex -1, hidden), the legend being the way in for everyone else.
    slices = html.split('<g aria-hidden="true">')[1].split("</svg>")[0]
    assert slices.count('<a href="?status=') == 4 and slices.count('tabindex="-1"') == 4
    assert "<title>Đúng tiến độ: 3</title>" in slices


def test_a_slice_is_the_colour_of_its_status_badge():
    """One colour a status: Status.COLORS draws the slices (and the ECharts charts), and the
    badges of static/css/app.css must say the same."""
    css = (settings.BASE_DIR / "static" / "css" / "app.css").read_text()
    rules = dict(re.findall(r"\.badge-(\w+) \{ background: (#[0-9a-f]{6}); \}", css))
    badges = {code: rules.get(code) for code in DONUT_CODES}
    assert badges == {code: Status.COLORS[code] for code in DONUT_CODES}
    donut = status_donut(COUNTS)
    assert {piece.status: piece.colour for piece in donut.slices} == badges


def test_in_english_the_picture_is_described_in_english():
    with translation.override("en"):
        donut = status_donut({"met": 1, "no_data": 2})
        html = render_to_string("monitoring/_donut.html", {"donut": donut})
    assert donut.description.startswith("Targets by assessment: ")
    assert donut.description.endswith("; 3 targets in all.")
    assert ">targets</text>" in html
