"""Reminders e-mailed to units that have not submitted a report: some days before the due day
and some days after it. Meant for cron (`python manage.py send_reminders`), once a day; a
reminder of each kind goes once per unit and period, so running it twice sends nothing more."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import lower_first
from org.models import OrgUnit, Role, RoleAssignment
from reporting.models import Period, Reminder, Report, WorkflowStatus
from reporting.selectors import reporting_units


@dataclass
class Outcome:
    sent: list[Reminder]
    without_address: list[tuple[Period, OrgUnit]]


def unit_recipients(units: list[OrgUnit], today: datetime.date) -> dict[int, list[str]]:
    """E-mail addresses of the reporters and heads holding a role on each unit itself."""
    found: dict[int, list[str]] = {}
    rows = (
        RoleAssignment.objects.valid_on(today)
        .filter(unit__in=units, role__in=[Role.REPORTER, Role.HEAD])
        .filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("unit_id", "user__email")
        .order_by("unit_id", "user__email")
    )
    for unit_id, email in rows:
        if email not in found.setdefault(unit_id, []):
            found[unit_id].append(email)
    return found


def _message(period: Period, unit: OrgUnit, kind: str, today: datetime.date, to: list[str]):
    due = period.due_date.strftime("%d/%m/%Y")
    if kind == Reminder.Kind.BEFORE:
        days = (period.due_date - today).days
        subject = _("[Thi đua số] Còn %(n)s ngày đến hạn báo cáo %(p)s") % {
            "n": days,
            "p": lower_first(period.label),
        }
        opening = _("Đơn vị %(u)s chưa gửi báo cáo %(p)s; hạn nộp là ngày %(d)s.")
    else:
        subject = _("[Thi đua số] Báo cáo %(p)s đã quá hạn") % {"p": lower_first(period.label)}
        opening = _(
            "Đơn vị %(u)s chưa gửi báo cáo %(p)s; hạn nộp ngày %(d)s đã qua. Báo cáo chậm hoặc "
            "thiếu là căn cứ xem xét khi bình xét thi đua, khen thưởng."
        )
    link = settings.SITE_URL.rstrip("/") + reverse("reporting:start", args=[unit.pk, period.pk])
    body = "\n\n".join(
        [
            opening % {"u": unit.name, "p": lower_first(period.label), "d": due},
            _("Mở báo cáo: %(link)s") % {"link": link},
            _("Thư này được gửi tự động từ hệ thống Thi đua số; vui lòng không trả lời."),
        ]
    )
    return EmailMessage(subject=subject, body=body, to=to)


def reminders_send(
    *,
    today: datetime.date | None = None,
    days_before: int = 3,
    days_after: int = 1,
    window_days: int = 30,
    dry_run: bool = False,
) -> Outcome:
    """Remind every unit that has not submitted a report of an open period: `days_before` days
    before its due day, and again `days_after` days after it. Periods due more than
    `window_days` ago are the coordinator's business, not a reminder's (a backlog of old
    months would bury the units in mail)."""
    today = today or timezone.localdate()
    periods = (
        Period.objects.filter(is_closed=False, schedule__is_active=True, start__lte=today)
        .filter(
            Q(due_date__gte=today, due_date__lte=today + datetime.timedelta(days=days_before))
            | Q(
                due_date__lte=today - datetime.timedelta(days=days_after),
                due_date__gte=today - datetime.timedelta(days=window_days),
            )
        )
        .select_related("schedule__plan__issuer")
    )
    outcome = Outcome(sent=[], without_address=[])
    connection = None if dry_run else get_connection()
    for period in periods:
        kind = Reminder.Kind.BEFORE if period.due_date >= today else Reminder.Kind.AFTER
        done = Report.objects.filter(period=period).exclude(
            status__in=[WorkflowStatus.DRAFT, WorkflowStatus.RETURNED]
        )
        reminded = Reminder.objects.filter(period=period, kind=kind)
        units = list(
            reporting_units(period.schedule)
            .exclude(pk__in=done.values("unit_id"))
            .exclude(pk__in=reminded.values("unit_id"))
            .order_by("path")
        )
        addresses = unit_recipients(units, today)
        for unit in units:
            to = addresses.get(unit.pk, [])
            if not to:
                outcome.without_address.append((period, unit))
                continue
            if dry_run:
                outcome.sent.append(Reminder(period=period, unit=unit, kind=kind, recipients=to))
                continue
            try:
                with transaction.atomic():
                    # Recorded first: if two crons race, the second one's insert fails and
                    # nothing is sent twice; if the mail fails, the record is rolled back.
                    reminder = Reminder.objects.create(
                        period=period, unit=unit, kind=kind, recipients=to
                    )
                    message = _message(period, unit, kind, today, to)
                    message.connection = connection
                    message.send(fail_silently=False)
            except IntegrityError:
                continue
            outcome.sent.append(reminder)
    return outcome
