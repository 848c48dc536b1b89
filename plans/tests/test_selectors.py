import datetime

import pytest

from org.models import Role
from org.scope import UserScope, user_scope
from org.tests.factories import user_with_role
from plans import selectors
from plans.models import Plan
from plans.tests.factories import PlanFactory, PlanReferenceFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db


def scope_of(unit, role=Role.COORDINATOR):
    return user_scope(user_with_role(unit, role))


class TestSearch:
    def test_search_without_diacritics_finds_vietnamese_text(self, world):
        plan = PlanFactory(issuer=world.commune)
        wanted = TaskFactory(plan=plan, title="Đẩy mạnh Chuyển đổi số trong cơ quan")
        TaskFactory(plan=plan, title="Phân loại rác thải tại nguồn")
        found = selectors.task_list(
            scope=scope_of(world.commune), filters=selectors.ListFilters(query="chuyen doi so")
        )
        assert list(found) == [wanted]

    def test_search_is_case_insensitive_and_needs_every_word(self, world):
        plan = PlanFactory(issuer=world.commune)
        target = TargetFactory(plan=plan, text="90% người dân có tài khoản định danh điện tử")
        scope = scope_of(world.commune)
        assert list(
            selectors.target_list(scope=scope, filters=selectors.ListFilters(query="ĐỊNH DANH"))
        ) == [target]
        assert not selectors.target_list(
            scope=scope, filters=selectors.ListFilters(query="dinh danh rac")
        )


class TestVisibility:
    def test_commune_sees_its_plans_and_the_province_plan_but_not_its_neighbour(self, world):
        own = PlanFactory(issuer=world.commune)
        province = PlanFactory(issuer=world.province)
        PlanFactory(issuer=world.other_commune)
        PlanFactory(issuer=world.other_province)
        assert set(selectors.plan_list(scope=scope_of(world.commune))) == {own, province}

    def test_placeholder_is_visible_only_through_a_plan_that_cites_it(self, world):
        cited = Plan.objects.create(number="57-NQ/TW", title="NQ 57", status="placeholder")
        PlanReferenceFactory(plan=PlanFactory(issuer=world.commune), referenced=cited)
        assert selectors.plan_detail(scope=scope_of(world.commune), pk=cited.pk) == cited
        from django.http import Http404

        with pytest.raises(Http404):
            selectors.plan_detail(scope=scope_of(world.other_province), pk=cited.pk)


class TestFilters:
    def test_tasks_filter_by_status_year_section_and_unit(self, world):
        plan = PlanFactory(issuer=world.province)
        overdue = TaskFactory(plan=plan, due_date=datetime.date(2025, 3, 1), section="Nhóm 1")
        done = TaskFactory(
            plan=plan, due_date=datetime.date(2025, 3, 1), status="done", section="Nhóm 2"
        )
        later = TaskFactory(plan=plan, due_date=datetime.date(2030, 3, 1), section="Nhóm 1")
        led = TaskFactory(plan=plan)
        led.lead_units.add(world.commune)
        scope = scope_of(world.province)

        def run(**kw):
            return set(selectors.task_list(scope=scope, filters=selectors.ListFilters(**kw)))

        assert run(status="overdue") == {overdue}
        assert run(status="done") == {done}
        assert run(due_year=2030) == {later}
        assert run(section="Nhóm 1") == {overdue, later}
        assert run(unit=world.commune) == {led}

    def test_targets_filter_by_plan_and_kind(self, world):
        plan = PlanFactory(issuer=world.province)
        numeric = TargetFactory(plan=plan)
        qualitative = TargetFactory(plan=plan, comparator="", value=None, unit="")
        TargetFactory(plan=PlanFactory(issuer=world.province))
        scope = scope_of(world.province)
        assert set(
            selectors.target_list(scope=scope, filters=selectors.ListFilters(plan=plan))
        ) == {
            numeric,
            qualitative,
        }
        assert list(
            selectors.target_list(
                scope=scope, filters=selectors.ListFilters(plan=plan, status="qualitative")
            )
        ) == [qualitative]


class TestCascade:
    def test_missing_plans_and_uncovered_targets_are_flagged(self, world):
        province_plan = PlanFactory(issuer=world.province)
        first, second = TargetFactory(plan=province_plan), TargetFactory(plan=province_plan)
        TargetFactory(plan=province_plan, comparator="", value=None)  # qualitative: not checked
        commune_plan = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=commune_plan, referenced=province_plan)
        TargetFactory(plan=commune_plan, parent_target=first)

        cascade = selectors.plan_cascade(
            scope=UserScope(user_id=None, is_superuser=True), plan=province_plan
        )
        rows = {row.unit: row for row in cascade.rows}
        assert set(rows) == {world.department, world.commune, world.other_commune}
        assert rows[world.commune].plans == [commune_plan]
        assert cascade.uncovered(rows[world.commune]) == [second]
        assert not rows[world.other_commune].has_plan
        assert cascade.missing_plan_count == 2
        assert cascade.targets == [first, second]

    def test_a_plan_that_does_not_implement_the_parent_does_not_count(self, world):
        province_plan = PlanFactory(issuer=world.province)
        PlanFactory(issuer=world.commune)  # unrelated plan
        cascade = selectors.plan_cascade(
            scope=UserScope(user_id=None, is_superuser=True), plan=province_plan
        )
        assert all(not row.has_plan for row in cascade.rows)

    def test_a_commune_sees_only_its_own_row(self, world):
        province_plan = PlanFactory(issuer=world.province)
        cascade = selectors.plan_cascade(scope=scope_of(world.commune), plan=province_plan)
        assert [row.unit for row in cascade.rows] == [world.commune]


class TestAgenda:
    def test_home_lists_the_parent_plan_to_implement_and_tasks_due(self, world):
        province_plan = PlanFactory(issuer=world.province)
        own = PlanFactory(issuer=world.commune)
        soon = TaskFactory(plan=own, due_date=datetime.date(2026, 12, 1))
        TaskFactory(plan=own, due_date=datetime.date(2027, 6, 1))
        TargetFactory(plan=own)
        agenda = selectors.agenda_for(
            scope=scope_of(world.commune), today=datetime.date(2026, 11, 24)
        )
        assert agenda.plans_to_issue == [province_plan]
        assert agenda.tasks_due == [soon]
        assert agenda.targets_without_data == 1
        PlanReferenceFactory(plan=own, referenced=province_plan)
        agenda = selectors.agenda_for(
            scope=scope_of(world.commune), today=datetime.date(2026, 11, 24)
        )
        assert agenda.plans_to_issue == []


class TestTargetCoverage:
    def test_each_quantitative_target_is_monitored_measured_elsewhere_or_not_yet(self, world):
        from indicators.models import Indicator
        from plans.models import Target

        plan = PlanFactory(issuer=world.commune)
        TargetFactory(
            plan=plan,
            indicator=Indicator.objects.create(code="cov", name="Mô hình", kind="count"),
        )
        TargetFactory(plan=plan, measured_elsewhere="Thứ hạng PII do Bộ KH&CN công bố.")
        TargetFactory(plan=plan)
        TargetFactory(plan=plan, comparator="", value=None)  # qualitative: not counted
        coverage = selectors.target_coverage(Target.objects.filter(plan=plan))
        assert (coverage.monitored, coverage.elsewhere, coverage.not_yet) == (1, 1, 1)
        assert coverage.total == 3
        # The home page counts as "not yet" only the target nobody follows.
        agenda = selectors.agenda_for(scope=scope_of(world.commune))
        assert agenda.targets_without_data == 1
        assert agenda.targets.elsewhere == 1
