"""A unit's reporting record in a year, as the eligibility rules read it.

The one place awards reads report lateness: every period is judged by reporting's own rule
(`reporting.timeliness`), never by a rule of ours, so the board, the unit's page and the awards
cannot disagree on which report was late.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from core.text import lower_first
from org.models import OrgUnit
from reporting.models import Event, Period, Report
from reporting.timeliness import LATE, MISSING
from reporting.timeliness import timeliness as report_timeliness


@dataclass
class ReportingRecord:
    """Labels of the periods of the year by what went wrong, without the year the verdict
    already names ("tháng 3", "quý II")."""

    late: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)
    periods: int = 0


def reporting_record(*, unit: OrgUnit, year: int, today: datetime.date) -> ReportingRecord:
    """Every period of `year` already due on `today` of the schedules the unit reports under
    (plans issued by the unit or above it, its unit type named): late, missing, and returned
    reports (a report returned at least once is one the coordinator found wrong). Three queries."""
    paths = [*unit.ancestor_paths(), unit.path]
    periods = list(
        Period.objects.filter(
            schedule__plan__issuer__path__in=paths,
            schedule__unit_types=unit.unit_type_id,
            end__year=year,
            due_date__lt=today,
        )
        .order_by("end", "pk")
        .values_list("pk", "label", "due_date")
    )
    ids = [pk for pk, _label, _due in periods]
    reports = {r.period_id: r for r in Report.objects.filter(unit=unit, period_id__in=ids)}
    returned = set(
        Event.objects.filter(
            Q(kind=Event.Kind.RETURN), report__unit=unit, report__period_id__in=ids
        ).values_list("report__period_id", flat=True)
    )
    record = ReportingRecord(periods=len(periods))
    for pk, full_label, due_date in periods:
        label = full_label.replace(f"/{year}", "")
        standing = report_timeliness(due_date=due_date, report=reports.get(pk), today=today)
        if standing.state == LATE:
            record.late.append(lower_first(label))
        elif standing.state == MISSING:
            record.missing.append(lower_first(label))
        if pk in returned:
            record.returned.append(lower_first(label))
    return record


def reporting_records(
    *, units: list[OrgUnit], year: int, today: datetime.date
) -> dict[int, ReportingRecord]:
    """`reporting_record` for many units at once (a block, a province's ranking): the same
    periods, judged by the same rule, in three queries whatever the number of units."""
    if not units:
        return {}
    paths = {p for u in units for p in (*u.ancestor_paths(), u.path)}
    types = {u.unit_type_id for u in units}
    rows = (
        Period.objects.filter(
            schedule__plan__issuer__path__in=paths,
            schedule__unit_types__in=types,
            end__year=year,
            due_date__lt=today,
        )
        .order_by("end", "pk")
        .values_list(
            "pk", "label", "due_date", "schedule__plan__issuer__path", "schedule__unit_types"
        )
    )
    periods: list[tuple[int, str, datetime.date, str, int]] = list(rows)
    ids = {row[0] for row in periods}
    reports = {
        (r.unit_id, r.period_id): r
        for r in Report.objects.filter(unit__in=units, period_id__in=ids).only(
            "pk", "unit_id", "period_id", "status", "submitted_at", "days_late"
        )
    }
    returned = set(
        Event.objects.filter(
            kind=Event.Kind.RETURN, report__unit__in=units, report__period_id__in=ids
        ).values_list("report__unit_id", "report__period_id")
    )
    records = {}
    for unit in units:
        mine = {*unit.ancestor_paths(), unit.path}
        seen: set[int] = set()
        record = ReportingRecord()
        for pk, full_label, due_date, issuer_path, unit_type in periods:
            if pk in seen or issuer_path not in mine or unit_type != unit.unit_type_id:
                continue
            seen.add(pk)
            record.periods += 1
            label = lower_first(full_label.replace(f"/{year}", ""))
            standing = report_timeliness(
                due_date=due_date, report=reports.get((unit.pk, pk)), today=today
            )
            if standing.state == LATE:
                record.late.append(label)
            elif standing.state == MISSING:
                record.missing.append(label)
            if (unit.pk, pk) in returned:
                record.returned.append(label)
        records[unit.pk] = record
    return records
