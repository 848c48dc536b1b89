from django.core.management.base import BaseCommand

from awards.catalogue import catalogue_load_defaults


class Command(BaseCommand):
    help = (
        "Nạp danh mục khen thưởng mặc định (hình thức, loại hình, mức tiền thưởng, lương cơ sở) "
        "theo LAW.md; dòng đã có được giữ nguyên."
    )

    def handle(self, *args, **options):
        created = catalogue_load_defaults()
        self.stdout.write(f"Đã tạo {created} dòng danh mục.")
