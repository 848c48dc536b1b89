"""The ranking page's rows, written in Python: a block of 473 units × 9 criteria is about 6,000
cells, and a template tag per cell cost most of the page (bench/README.md, Scoring). The cells
are escaped here exactly as the template escaped them."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from core.formats import number_vi
from evaluation.ranking import EntryLine


def rows_html(lines: list[EntryLine]) -> SafeString:
    """The <tr> of every line: rank (and the rank before), unit, each criterion's points
    (yellow when it changed since the version before), bonus, penalty, total, tie note."""
    if not lines:
        return format_html(
            '<tr><td colspan="99" class="text-muted">{}</td></tr>', gettext("Khối chưa có đơn vị.")
        )
    before_word = escape(gettext("trước"))
    out = []
    for line in lines:
        entry = line.entry
        rank = str(entry.rank)
        if line.rank_changed:
            rank += f' <span class="small text-muted">({before_word} {line.before.rank})</span>'
        changed = set(line.changed)
        cells = "".join(
            f'<td class="text-end{" table-warning" if i in changed else ""}">'
            f"{number_vi(p, 2) or '—'}</td>"
            for i, p in enumerate(line.points)
        )
        total = number_vi(entry.total, 2)
        if line.total_changed:
            total += (
                f' <span class="small text-muted">({before_word} '
                f"{number_vi(line.before.total, 2)})</span>"
            )
        out.append(
            f'<tr data-testid="rank-row"><td>{rank}</td><td>{escape(entry.unit.name)}</td>'
            f'{cells}<td class="text-end">{number_vi(entry.bonus, 2)}</td>'
            f'<td class="text-end">{number_vi(entry.penalty, 2)}</td>'
            f'<td class="text-end fw-semibold" data-testid="total">{total}</td>'
            f'<td class="small">{escape(entry.tie_note)}</td></tr>'
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every text above is escaped
