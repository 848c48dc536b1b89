"""The ranking page's rows written in Python say what the template said, escaped."""

from decimal import Decimal

from evaluation.models import RankingEntry
from evaluation.ranking import EntryLine
from evaluation.ranking_table import rows_html
from org.models import OrgUnit


def line(name, rank, total, points, before=None, changed=()):
    entry = RankingEntry(
        unit=OrgUnit(name=name),
        rank=rank,
        total=Decimal(total),
        bonus=Decimal("1.5"),
        penalty=Decimal(0),
        tie_note="Nữ <làm chủ>",
        breakdown={},
    )
    return EntryLine(entry, points, before, list(changed))


def test_rows_escape_format_and_mark_what_changed():
    before = RankingEntry(rank=3, total=Decimal("18.33"))
    html = rows_html(
        [
            line("Xã <b>A</b> & B", 1, "1234.5", [Decimal("6.67"), None], before, changed=[0]),
            line("Xã C", 2, "10", [Decimal(5), Decimal("2.50")]),
        ]
    )
    assert "Xã &lt;b&gt;A&lt;/b&gt; &amp; B" in html and "<b>A</b>" not in html
    assert "Nữ &lt;làm chủ&gt;" in html
    assert '<td class="text-end table-warning">6,67</td>' in html
    assert '<td class="text-end">—</td>' in html  # a criterion with no points
    assert "1.234,5 <span" in html and "(trước 18,33)" in html and "(trước 3)" in html
    assert '<td class="text-end">1,5</td><td class="text-end">0</td>' in html
    assert '<td class="text-end">2,5</td>' in html and html.count("<tr") == 2
    # The second line has no version before: nothing "trước" in it.
    assert "trước" not in html.split("<tr")[2]


def test_an_empty_block_says_so():
    assert "Khối chưa có đơn vị." in rows_html([])
