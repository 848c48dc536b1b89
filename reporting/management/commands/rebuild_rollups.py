import time

from django.core.management.base import BaseCommand

from jobs.models import Job
from jobs.services import job_start
from reporting.rollups import rollup_rebuild


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
        parser.add_argument(
            "--background",
            action="store_true",
            help="Giao cho máy chạy nền (Celery) và in mã việc; xem tiến độ ở trang Việc chạy nền.",
        )

    def handle(self, *args, period=None, background=False, **options):
        if background:
            job = job_start(
                kind=Job.Kind.ROLLUP_REBUILD,
                title="Tính lại số liệu tổng hợp",
                params={"periods": period or []},
            )
            self.stdout.write(f"Đã giao việc {job.pk} cho máy chạy nền.")
            return
        started = time.perf_counter()
        written = rollup_rebuild(period_ids=period)
        self.stdout.write(
            f"Đã tính lại {written} dòng số liệu tổng hợp trong "
            f"{time.perf_counter() - started:.1f} giây."
        )
