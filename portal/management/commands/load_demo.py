import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.demo import DEMO_PASSWORD, DemoDateError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo: three provinces, the seed plans, demo accounts, the reports of the last "
        "months. Nothing in it is dated after now (or after --today). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Load the demo as it stands at the end of the working day of this date "
            "(YYYY-MM-DD), e.g. to try the tour on another date.",
        )

    def handle(self, *args, **options):
        now = None
        if options["today"]:
            # 17:00 on that day: the demo's steps of the day are already done.
            now = timezone.make_aware(
                datetime.datetime.combine(options["today"], datetime.time(17, 0))
            )
        try:
            summary = load_demo(now=now)
        except DemoDateError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Demo: {summary['units']} đơn vị, {summary['plans_loaded']} kế hoạch mới, "
            f"{summary['targets']} chỉ tiêu, {summary['reports']} báo cáo mới, "
            f"{summary['awards']} khen thưởng mới; "
            f"tài khoản mới: {', '.join(summary['accounts_created']) or '—'}"
            f" (mật khẩu {DEMO_PASSWORD})"
        )
