"""Write a unit's report of a period as an .xlsx file to fill offline (see reporting.excel)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from org.models import OrgUnit
from org.scope import UserScope
from reporting import excel, selectors, services
from reporting.models import Period


def _unit(code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).select_related("unit_type").first()
    if unit is None:
        raise CommandError(_("Không có đơn vị mã “%(code)s”.") % {"code": code})
    return unit


def _period(unit: OrgUnit, code: str, schedule_id: int | None) -> Period:
    """The period with that code of a schedule the unit reports under; with several such
    schedules the operator names one."""
    periods = Period.objects.filter(code=code).select_related("schedule__plan__issuer")
    if schedule_id is not None:
        periods = periods.filter(schedule_id=schedule_id)
    matching = [
        period
        for period in periods.order_by("schedule_id")
        if selectors.reporting_units(period.schedule).filter(pk=unit.pk).exists()
    ]
    if not matching:
        raise CommandError(
            _("Đơn vị %(unit)s không có kỳ “%(code)s” trong lịch báo cáo nào phải nộp.")
            % {"unit": unit.code, "code": code}
        )
    if len(matching) > 1:
        choices = "; ".join(f"{p.schedule_id}: {p.schedule.name}" for p in matching)
        raise CommandError(
            _("Kỳ “%(code)s” có trong nhiều lịch báo cáo (%(choices)s); chọn một bằng --schedule.")
            % {"code": code, "choices": choices}
        )
    return matching[0]


class Command(BaseCommand):
    # Operators' help in English, like the other commands; what a command reports is Vietnamese.
    help = "Write a unit's report of a period as an .xlsx file to fill offline."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="the reporting unit's code")
        parser.add_argument("--period", required=True, help="the period's code, e.g. 2026-11")
        parser.add_argument(
            "--schedule", type=int, help="the schedule's id, when several have that period code"
        )
        parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")

    def handle(self, *args, unit, period, schedule, output, **options):
        reporter_unit = _unit(unit)
        chosen = _period(reporter_unit, period, schedule)
        # The operator runs this on the server for any unit: the superuser scope, like an admin.
        scope = UserScope(user_id=None, is_superuser=True)
        try:
            report = services.report_open(scope=scope, unit=reporter_unit, period=chosen)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        path = Path(output)
        try:
            path.write_bytes(excel.report_workbook(selectors.report_sheet(report)))
        except OSError as exc:
            raise CommandError(
                _("Không ghi được tệp %(path)s: %(error)s") % {"path": path, "error": exc}
            ) from exc
        self.stdout.write(str(path))
