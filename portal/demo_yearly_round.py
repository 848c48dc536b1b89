"""What the demo's two yearly registration rounds share: Lào Cai's (portal/demo_registrations.py)
and xã Thống Nhất's (portal/demo_commune_round.py). Each round has its calendar — its days in
the movement's first year and in the later ones — and shows the last year whose round is over
by the day the demo is loaded (issue #10 §2: nothing after now); a unit's registration in it
takes the same steps through the services a person uses, each at its own moment
(portal.clock). Which units, on which days and with what they register stay each round's own.
"""

import datetime
from dataclasses import dataclass

from org.scope import UserScope
from portal.clock import clock_at, moment_by
from portal.demo_reports import FIRST_YEAR, latest_year_over
from registrations import services
from registrations.models import RegistrationRound

SUPER = UserScope(user_id=None, is_superuser=True)
MonthDay = tuple[int, int]


@dataclass(frozen=True)
class YearlyRound:
    """A round's calendar and the habits of its office."""

    first_year: tuple[MonthDay, MonthDay]  # (month, day) it opens and its deadline in FIRST_YEAR
    later_years: tuple[MonthDay, MonthDay]  # the same in the years after
    late_approval: datetime.timedelta  # the late approval, this long after the deadline, is last
    returned_after: datetime.timedelta  # the coordinator returns a registration this long after
    minute: int  # the minute of the hour of its steps, so that the two rounds' times differ
    return_reason: str  # why the coordinator returns a registration

    def dates(self, year: int) -> tuple[datetime.date, datetime.date]:
        """When the round of `year` opens and its deadline."""
        days = self.first_year if year == FIRST_YEAR else self.later_years
        return tuple(datetime.date(year, month, day) for month, day in days)

    def year_shown(self, today: datetime.date) -> int:
        """The year of the last round over by `today`, its late approval included."""
        return latest_year_over(today, lambda year: self.dates(year)[1] + self.late_approval)

    def moment(self, day: datetime.date, hour: int, now: datetime.datetime) -> datetime.datetime:
        return moment_by(day, hour, now, minute=self.minute)


def register_unit(
    calendar: YearlyRound,
    round_: RegistrationRound,
    unit,
    *,
    fate: str,
    opened: datetime.date,
    initiative: dict,
    reporter,
    head,
    coordinator,
    now: datetime.datetime,
) -> None:
    """`unit`'s registration: opened and filled in with `initiative` by its reporter on
    `opened`, sent the next day, then by `fate` — "draft" (never sent), "submitted" (waiting
    for its head), "returned" (by the coordinator), "approved" (by its head the day after it was
    sent), "approved_late" (after the deadline); "missing" registers nothing."""
    if fate == "missing":
        return
    with clock_at(calendar.moment(opened, 8, now)):
        registration = services.registration_open(
            scope=SUPER, unit=unit, plan=round_.plan, year=round_.year
        )
        registration = services.registration_save(
            scope=SUPER,
            user=reporter,
            registration=registration,
            expected_version=registration.version,
            targets={},
            initiatives=[initiative],
        )
    if fate == "draft":
        return
    sent = opened + datetime.timedelta(days=1)
    with clock_at(calendar.moment(sent, 10, now)):
        registration = services.registration_submit(
            scope=SUPER, user=reporter, registration=registration
        )
    if fate == "submitted":
        return
    if fate == "returned":
        with clock_at(calendar.moment(sent + calendar.returned_after, 15, now)):
            services.registration_return(
                scope=SUPER,
                user=coordinator,
                registration=registration,
                reason=calendar.return_reason,
            )
        return
    approved = sent + datetime.timedelta(days=1)
    if fate == "approved_late":
        approved = calendar.dates(round_.year)[1] + calendar.late_approval
    with clock_at(calendar.moment(approved, 14, now)):
        services.registration_approve(scope=SUPER, user=head, registration=registration)
