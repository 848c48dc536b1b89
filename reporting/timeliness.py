"""When a report is late: the one rule that `report_submit` (the stored `Report.days_late`), the
period board (`selectors.BoardCell`), a unit's page (`monitoring.selectors.unit_page`) and
evaluation's "reports on time" all ask.

- A report's lateness is fixed at its first submission: the whole days after the period's due
  day (`days_late`, 0 on the due day or before). It is kept through returns and resubmissions:
  a report sent on time and returned for a correction is still on time.
- A period with no submitted report is MISSING once its due day has passed (counted in days
  overdue until today), and NOT_DUE until then.

`timeliness()` answers for one unit and period; `Tally` counts many (on time, late, missing);
`selectors.unit_timeliness` gathers a unit's periods of a year from the database.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

ON_TIME = "on_time"
LATE = "late"
MISSING = "missing"
NOT_DUE = "not_due"


def days_late(due_date: datetime.date, day: datetime.date) -> int:
    """Whole days `day` falls after the due day; 0 on the due day or before it."""
    return max(0, (day - due_date).days)


@dataclass(frozen=True)
class Standing:
    state: str  # ON_TIME, LATE, MISSING or NOT_DUE
    days: int  # late at submission, or overdue until today when missing; 0 otherwise

    @property
    def is_late(self) -> bool:
        """Sent after the due day, or not sent and the due day past."""
        return self.state in (LATE, MISSING)


def timeliness(*, due_date: datetime.date, report, today: datetime.date) -> Standing:
    """How a unit stands on a period on `today`, given its report for it (or None): ON_TIME or
    LATE once submitted (by the days stored at the first submission), else MISSING after the due
    day and NOT_DUE until then."""
    if report is not None and report.submitted_at is not None:
        late = report.days_late or 0
        return Standing(LATE if late else ON_TIME, late)
    if due_date < today:
        return Standing(MISSING, days_late(due_date, today))
    return Standing(NOT_DUE, 0)


@dataclass
class Tally:
    """How many periods a unit reported on time, late, or not at all (periods not yet due are
    not counted)."""

    on_time: int = 0
    late: int = 0
    missing: int = 0
    days_late_total: int = 0

    def add(self, standing: Standing) -> None:
        if standing.state == LATE:
            self.late += 1
            self.days_late_total += standing.days
        elif standing.state == ON_TIME:
            self.on_time += 1
        elif standing.state == MISSING:
            self.missing += 1

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def average_days_late(self) -> Decimal | None:
        return Decimal(self.days_late_total) / self.late if self.late else None
