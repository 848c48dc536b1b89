"""Achievements prefilled from the data (issue #15 item 2): the place in the frozen ranking, the
targets met, the initiatives recognised. The unit edits the text afterwards."""

from django.utils.translation import gettext as _

from core.formats import number_vi
from evaluation.models import Criterion, RankingEntry, Score
from initiatives.models import Initiative
from org.models import OrgUnit


def unit_achievements(*, unit: OrgUnit, year: int, entry: RankingEntry | None) -> str:
    lines = []
    if entry is not None:
        lines.append(
            _("Xếp thứ %(rank)s %(block)s, tổng %(total)s điểm (kết quả chấm điểm năm %(y)s).")
            % {
                "rank": entry.rank,
                "block": entry.block.name,
                "total": number_vi(entry.total),
                "y": year,
            }
        )
        met = (
            Score.objects.filter(
                sheet__scheme_id=entry.version.scheme_id,
                sheet__unit=unit,
                criterion__source=Criterion.Source.TARGETS_MET,
            )
            .values_list("basis", flat=True)
            .first()
        )
        if met and met.get("of"):
            lines.append(
                _("Đạt %(met)s/%(of)s chỉ tiêu đăng ký.")
                % {"met": met.get("good", 0), "of": met["of"]}
            )
    # Initiatives count once recognised by a decision (initiatives app), as in the scoring.
    titles = list(
        Initiative.objects.filter(
            unit=unit, year=year, status=Initiative.Status.RECOGNISED
        ).values_list("title", flat=True)
    )
    if titles:
        lines.append(
            _("Sáng kiến, mô hình được công nhận: %(titles)s.") % {"titles": "; ".join(titles)}
        )
    return "\n".join(lines)
