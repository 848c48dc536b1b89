"""Import a filled report file (see reporting.excel) with a user's rights, and submit it."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from org.scope import user_scope
from reporting import excel, selectors, services
from reporting.models import Report


def _labelled(exc: ValidationError, report: Report) -> list[str]:
    """The service's messages with the indicator or task each one concerns."""
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    sheet = selectors.report_sheet(report)
    names = {line.key: line.indicator.name for line in sheet.values}
    names |= {line.key: line.task.title for line in sheet.tasks}
    return [
        f"“{names.get(key, key)}”: {message}"
        for key, messages in exc.message_dict.items()
        for message in messages
    ]


class Command(BaseCommand):
    # Operators' help in English, like the other commands; what a command reports is Vietnamese.
    help = "Import a filled report .xlsx with a user's rights; --submit sends it on as well."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the filled .xlsx file")
        parser.add_argument("--user", required=True, help="the reporter's username")
        parser.add_argument("--submit", action="store_true", help="submit the report once imported")

    def handle(self, *args, path, user, submit, **options):
        person = get_user_model().objects.filter(username=user).first()
        if person is None:
            raise CommandError(_("Không có người dùng “%(user)s”.") % {"user": user})
        scope = user_scope(person)
        try:
            report = excel.report_import(file=path, scope=scope, user=person)
        except excel.ExcelRefused as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            raise CommandError(
                _("Tệp không được nhập (%(count)s lỗi); không có số liệu nào bị thay đổi.")
                % {"count": len(exc.problems)}
            ) from exc
        self.stdout.write(
            _("Đã nhập báo cáo %(report)s (phiên bản %(version)s).")
            % {"report": report, "version": report.version}
        )
        if submit:
            self._submit(scope, person, report)

    def _submit(self, scope, person, report: Report) -> None:
        try:
            report = services.report_submit(scope=scope, user=person, report=report)
        except (ValidationError, PermissionDenied) as exc:
            problems = _labelled(exc, report) if isinstance(exc, ValidationError) else [str(exc)]
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                _("Đã nhập số liệu nhưng chưa gửi được báo cáo; sửa các mục trên rồi gửi lại.")
            ) from exc
        status = report.get_status_display()
        self.stdout.write(_("Đã gửi báo cáo: %(status)s.") % {"status": status})
