"""When a report is late: the one rule the submission, the period board and a unit's page share.

A report's lateness is fixed at its first submission (`Report.days_late`, kept through returns
and resubmissions); a period with no submitted report is missing once its due day has passed.
"""

import datetime
from dataclasses import dataclass

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


def timeliness(*, due_date: datetime.date, report, today: datetime.date) -> Standing:
    """How a unit stands on a period on `today`, given its report for it (or None)."""
    if report is not None and report.submitted_at is not None:
        late = report.days_late or 0
        return Standing(LATE if late else ON_TIME, late)
    if due_date < today:
        return Standing(MISSING, days_late(due_date, today))
    return Standing(NOT_DUE, 0)
