"""Issue #13: mutated report files (a real export of the setup's report, its bytes, its zip or
one XML part damaged) through the Excel import end in a saved draft or a clean refusal —
ExcelRefused, whose messages are Vietnamese sentences — never another exception. Bounded:
a few seconds."""

import pytest
from hypothesis import HealthCheck, given, settings

from core.tests.fuzz import mutated_zip
from org.models import Role
from reporting import excel, selectors
from reporting.tests.test_excel import fast_passwords  # noqa: F401 (an autouse fixture)

pytestmark = pytest.mark.django_db


def test_a_mutated_report_file_is_imported_or_refused_cleanly(setup, tmp_path):
    original = excel.report_workbook(selectors.report_sheet(setup.fresh()))
    path = tmp_path / "bao-cao.xlsx"
    seen = {"refused": 0, "saved": 0}

    # The strategy needs the exported file, so the property is built inside the test.
    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=mutated_zip(original))
    def run(data):
        path.write_bytes(data)
        try:
            excel.report_import(
                file=path, scope=setup.scope[Role.REPORTER], user=setup.user(Role.REPORTER)
            )
        except excel.ExcelRefused as exc:
            assert exc.messages and all(m.strip() for m in exc.messages)
            seen["refused"] += 1
        else:
            seen["saved"] += 1

    run()
    assert seen["refused"] > 0
