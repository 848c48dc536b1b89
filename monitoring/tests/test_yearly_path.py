"""The dashboards read a target's yearly path: before the due year, a year is judged on its own
level (seed 004 §I.2 "đánh giá theo từng năm")."""

import datetime

import pytest
from django.utils import timezone

from monitoring import selectors
from monitoring.tests.test_views import SUPER, dashboard  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _line(plan, target):
    overview = selectors.plan_overview(scope=SUPER, plan=plan)
    return next(line for line in overview.lines if line.target == target)


def test_the_overview_judges_this_year_on_its_level_of_the_path(world, dashboard):  # noqa: F811
    target, plan = dashboard["target"], dashboard["plan"]
    year = timezone.localdate().year
    target.baseline_year, target.baseline_value, target.due_year = year - 1, 10, year + 4
    target.save()
    # 17,3 % against 90 % by the due year: at risk on the way there.
    assert _line(plan, target).verdict.status == "at_risk"
    target.yearly_values = {str(year): "15"}
    target.save()
    line = _line(plan, target)
    assert line.verdict.status == "met"
    assert line.verdict.year_goal.value == 15
    assert line.verdict.year_goal.due == datetime.date(year, 12, 31)
