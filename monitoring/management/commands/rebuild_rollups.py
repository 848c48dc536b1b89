import time

from django.core.management.base import BaseCommand

from monitoring.rollups import rollup_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild every roll-up from the raw values of accepted reports (after a restore, a "
        "bulk import, or to check the incremental roll-ups). Safe to run at any time: one "
        "transaction, readers see the old rows until it commits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", type=int, action="append", help="Chỉ các kỳ này (id); mặc định: tất cả."
        )

    def handle(self, *args, period=None, **options):
        started = time.perf_counter()
        written = rollup_rebuild(period_ids=period)
        self.stdout.write(
            f"Đã tính lại {written} dòng số liệu tổng hợp trong "
            f"{time.perf_counter() - started:.1f} giây."
        )
