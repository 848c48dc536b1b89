import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reporting.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail the reporters and heads of units that have not submitted a report, some days "
        "before and after the due day. Run it daily from cron; each reminder goes once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--before", type=int, default=settings.REMINDER_DAYS_BEFORE)
        parser.add_argument("--after", type=int, default=settings.REMINDER_DAYS_AFTER)
        parser.add_argument("--today", help="dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay)")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không gửi thư.")

    def handle(self, *args, before, after, today, dry_run, **options):
        day = None
        if today:
            for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
                try:
                    day = datetime.datetime.strptime(today, fmt).date()
                    break
                except ValueError:
                    continue
            else:
                raise CommandError(f"Ngày không hợp lệ: {today} (dùng dd/mm/yyyy).")
        outcome = reminders_send(today=day, days_before=before, days_after=after, dry_run=dry_run)
        verb = "Sẽ nhắc" if dry_run else "Đã nhắc"
        for reminder in outcome.sent:
            self.stdout.write(
                f"{verb} {reminder.unit.name} — {reminder.period.label} "
                f"({reminder.get_kind_display().lower()}): {', '.join(reminder.recipients)}"
            )
        for period, unit in outcome.without_address:
            self.stderr.write(
                f"Không có địa chỉ thư của cán bộ đầu mối hoặc thủ trưởng: {unit.name} — "
                f"{period.label}"
            )
        self.stdout.write(f"{verb} {len(outcome.sent)} đơn vị.")
