"""Achievements prefilled from the data (issue #15 item 2): for a unit, the place in the frozen
ranking, the targets met, the initiatives recognised; for a person, a household or an
enterprise, what they registered, a person's recognised initiatives and the awards they hold.
The unit edits the text afterwards."""

from django.utils.translation import gettext as _

from awards.models import AwardRecord
from core.formats import number_vi
from evaluation.models import Criterion, RankingEntry, Score
from initiatives.models import Initiative
from org.models import Enterprise, Household, OrgUnit, Person
from registrations.models import SubjectRegistration


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


def _registration(subject, year: int):
    """The subject's registration of the year (the newest one not returned), if any."""
    field = {Person: "person", Household: "household", Enterprise: "enterprise"}[type(subject)]
    return (
        SubjectRegistration.objects.filter(round__year=year, **{field: subject})
        .exclude(status=SubjectRegistration.Status.RETURNED)
        .order_by("-created_at", "-pk")
        .first()
    )


def subject_achievements(*, subject: Person | Household | Enterprise, year: int) -> str:
    """A person's, a household's or an enterprise's achievements from the data: what they
    registered for the year (titles, commitments, the enterprise's plan), the initiatives of a
    person recognised that year, and the awards already in the registry."""
    lines = []
    registration = _registration(subject, year)
    if registration is not None:
        if registration.titles:
            lines.append(
                _("Đăng ký thi đua năm %(y)s: %(titles)s.")
                % {"y": year, "titles": ", ".join(t["name"] for t in registration.titles)}
            )
        if registration.participation_plan:
            lines.append(
                _("Kế hoạch tham gia phong trào: %(plan)s")
                % {"plan": registration.participation_plan}
            )
        if registration.commitments:
            lines.append(_("Nội dung cam kết: %(text)s") % {"text": registration.commitments})
    if isinstance(subject, Person):
        initiatives = list(
            Initiative.objects.filter(
                person=subject, year=year, status=Initiative.Status.RECOGNISED
            ).values_list("title", flat=True)
        )
        if initiatives:
            lines.append(
                _("Sáng kiến được công nhận: %(titles)s.") % {"titles": "; ".join(initiatives)}
            )
    field = {Person: "person", Household: "household", Enterprise: "enterprise"}[type(subject)]
    records = [
        f"{name} ({y})"
        for name, y in AwardRecord.objects.filter(**{field: subject})
        .order_by("-year", "-decision_date", "pk")
        .values_list("form__name", "year")
    ]
    if records:
        lines.append(_("Khen thưởng đã nhận: %(list)s.") % {"list": "; ".join(records)})
    return "\n".join(lines)
