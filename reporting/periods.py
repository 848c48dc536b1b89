"""Reporting periods of a schedule: months, quarters, halves, years, with their due dates."""

import calendar
import datetime

from django.utils.translation import gettext as _

from reporting.models import Period, Schedule

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(frequency: str, year: int) -> list[tuple[str, str, datetime.date, datetime.date]]:
    """(code, label, start, end) of every period of `year` for a frequency; none for one-off
    periods, which a coordinator creates by hand (sơ kết, tổng kết)."""
    if frequency == Schedule.Frequency.MONTHLY:
        return [
            (
                f"{year}-{m:02d}",
                _("Tháng %(m)02d/%(y)s") % {"m": m, "y": year},
                datetime.date(year, m, 1),
                month_end(year, m),
            )
            for m in range(1, 13)
        ]
    if frequency == Schedule.Frequency.QUARTERLY:
        return [
            (
                f"{year}-Q{q}",
                _("Quý %(q)s/%(y)s") % {"q": ROMAN[q], "y": year},
                datetime.date(year, 3 * q - 2, 1),
                month_end(year, 3 * q),
            )
            for q in range(1, 5)
        ]
    if frequency == Schedule.Frequency.HALF_YEARLY:
        return [
            (
                f"{year}-H1",
                _("6 tháng đầu năm %(y)s") % {"y": year},
                datetime.date(year, 1, 1),
                month_end(year, 6),
            ),
            (
                f"{year}-H2",
                _("6 tháng cuối năm %(y)s") % {"y": year},
                datetime.date(year, 7, 1),
                month_end(year, 12),
            ),
        ]
    if frequency == Schedule.Frequency.YEARLY:
        return [
            (
                f"{year}",
                _("Năm %(y)s") % {"y": year},
                datetime.date(year, 1, 1),
                month_end(year, 12),
            )
        ]
    return []


def periods_generate(
    *, schedule: Schedule, year: int, starting: datetime.date | None = None
) -> list[Period]:
    """Create the periods of `year` that do not exist yet; returns all of that year's periods.
    Running it twice adds nothing (a cron job may call it every January). With `starting`,
    periods that ended before that day are not created: a schedule set in November does not
    make its units ten months late."""
    existing = set(
        schedule.periods.filter(code__startswith=str(year)).values_list("code", flat=True)
    )
    Period.objects.bulk_create(
        [
            Period(
                schedule=schedule,
                code=code,
                label=label,
                start=start,
                end=end,
                due_date=schedule.due_date_for(end),
            )
            for code, label, start, end in period_bounds(schedule.frequency, year)
            if code not in existing and (starting is None or end >= starting)
        ]
    )
    return list(schedule.periods.filter(code__startswith=str(year)).order_by("start"))
