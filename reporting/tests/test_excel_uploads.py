"""The report's Excel file passes the shared upload guard (core/uploads.py) before a row is read:
a file shaped to hold the server is refused in its words, and nothing changes."""

import pytest

from reporting import excel
from reporting.tests.test_excel import export, refusal, snapshot

pytestmark = pytest.mark.django_db


def test_a_cell_moved_to_row_99_999_999_is_refused_before_any_row_is_walked(setup, tmp_path):
    import time

    from core.tests.bombs import far_cell_xlsx

    report_file = export(setup.report, tmp_path)
    far_cell_xlsx(report_file.path, excel.META_SHEET)
    before = snapshot(setup.report)
    started = time.perf_counter()
    message = refusal(setup, report_file)
    assert time.perf_counter() - started < 5
    assert "99999999" in message and excel.META_SHEET in message
    assert snapshot(setup.report) == before
