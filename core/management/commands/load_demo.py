from django.core.management.base import BaseCommand

from core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo: three provinces, the seed plans, demo accounts. Safe to run again."

    def handle(self, *args, **options):
        summary = load_demo()
        self.stdout.write(
            f"Demo: {summary['units']} đơn vị, {summary['plans_loaded']} kế hoạch mới, "
            f"{summary['targets']} chỉ tiêu, {summary['reports']} báo cáo mới; "
            f"tài khoản mới: {', '.join(summary['accounts_created']) or '—'}"
            f" (mật khẩu {DEMO_PASSWORD})"
        )
