import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from movements.models import Movement
from org.models import Role
from org.scope import UserScope, user_scope
from org.tests.factories import OrgUnitFactory, user_with_role
from plans import selectors
from plans.models import Plan
from plans.tests.factories import PlanFactory, PlanReferenceFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db
SUPER = UserScope(user_id=None, is_superuser=True)


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
            plan=plan,
            due_date=datetime.date(2025, 3, 1),
            status="done",
            progress=100,
            section="Nhóm 2",
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

    def test_a_unit_not_yet_in_force_is_not_asked_for_a_plan(self, world):
        # A unit created by a coming reorganisation (valid_from ahead) has no plan to issue yet;
        # the cascade used to read only valid_to and counted it as missing.
        from org.models import OrgUnit

        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        OrgUnit.objects.filter(pk=world.other_commune.pk).update(valid_from=tomorrow)
        province_plan = PlanFactory(issuer=world.province)
        TargetFactory(plan=province_plan)

        cascade = selectors.plan_cascade(scope=SUPER, plan=province_plan)
        assert {row.unit for row in cascade.rows} == {world.department, world.commune}
        assert selectors.cascade_gap_counts(scope=SUPER, plans=[province_plan]) == [
            (province_plan, 2)
        ]

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


class TestCascadeOfAYear:
    """Seed 004 §II.2b: every unit issues its plan every year; the standing office sees, for a
    year, which units have."""

    def _province(self, world, communes: int = 0):
        province_plan = PlanFactory(issuer=world.province)
        extra = [
            OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type)
            for _ in range(communes)
        ]
        return province_plan, extra

    def _implement(self, unit, parent, **dates):
        plan = PlanFactory(issuer=unit, **dates)
        PlanReferenceFactory(plan=plan, referenced=parent)
        return plan

    def test_a_unit_counts_for_the_year_its_plan_is_dated_in(self, world):
        parent, _extra = self._province(world)
        of_2026 = self._implement(world.commune, parent, issued_on=datetime.date(2026, 3, 2))
        self._implement(world.other_commune, parent, issued_on=datetime.date(2027, 1, 15))
        self._implement(world.department, parent, issued_period="2026-07", issued_on=None)

        cascade = selectors.plan_cascade(scope=SUPER, plan=parent, year=2026)
        rows = {row.unit: row for row in cascade.rows}
        assert rows[world.commune].plans_of_year == [of_2026]
        assert not rows[world.other_commune].has_plan_of_year
        assert rows[world.other_commune].has_plan  # issued, but for another year
        assert rows[world.department].has_plan_of_year  # "tháng 7 năm 2026" is 2026
        assert cascade.issued_in_year_count == 2
        assert selectors.plan_cascade(scope=SUPER, plan=parent, year=2027).issued_in_year_count == 1

    def test_search_ignores_diacritics_and_keeps_the_counts_of_every_unit(self, world):
        parent, _extra = self._province(world)
        self._implement(world.commune, parent, issued_on=datetime.date(2026, 3, 2))
        cascade = selectors.plan_cascade(scope=SUPER, plan=parent, year=2026, query="xa thong nhat")
        assert [row.unit for row, _n, _m in cascade.unit_rows] == [world.commune]
        assert cascade.issued_in_year_count == 1 and len(cascade.rows) == 3

    def test_years_are_the_movements_and_default_to_this_year_within_them(self, world):
        movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
        plan = PlanFactory(issuer=world.province, movement=movement)
        years = selectors.cascade_years(plan)
        assert years == [2026, 2027, 2028, 2029, 2030]
        assert selectors.cascade_default_year(years, datetime.date(2027, 5, 1)) == 2027
        assert selectors.cascade_default_year(years, datetime.date(2031, 2, 1)) == 2030

    def test_queries_do_not_grow_with_the_number_of_units(self, world):
        def queries(communes):
            parent, extra = self._province(world, communes)
            TargetFactory(plan=parent)
            for unit in extra[::2]:
                plan = self._implement(unit, parent, issued_on=datetime.date(2026, 4, 1))
                TargetFactory(plan=plan, parent_target=parent.targets.first())
            scope = scope_of(world.province)
            with CaptureQueriesContext(connection) as captured:
                cascade = selectors.plan_cascade(scope=scope, plan=parent, year=2026, query="xa")
                [row.plans_of_year for row, _n, _m in cascade.unit_rows]
                [p.display_number for row in cascade.rows for p in row.plans]
            return len(captured)

        assert queries(3) == queries(30)


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


class TestPlansToIssue:
    """Seed 002: the commune's plan implements 160/KH-UBND of the province, known only as a
    placeholder; seed 001 (a sibling's plan) cites 139/KH-UBND of the province."""

    def test_a_plan_implemented_through_a_chain_of_plans_is_not_asked_again(self, world):
        movement_plan = PlanFactory(issuer=world.province)
        yearly_plan = PlanFactory(issuer=world.province)
        PlanReferenceFactory(plan=yearly_plan, referenced=movement_plan)
        scope = scope_of(world.commune)
        assert set(selectors.plans_to_issue(scope=scope)) == {movement_plan, yearly_plan}
        own = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=own, referenced=yearly_plan)
        assert selectors.plans_to_issue(scope=scope) == []

    def test_a_chain_through_a_plan_of_another_unit_counts(self, world):
        province_plan = PlanFactory(issuer=world.province)
        department_plan = PlanFactory(issuer=world.department)
        PlanReferenceFactory(plan=department_plan, referenced=province_plan)
        own = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=own, referenced=department_plan)
        assert selectors.plans_to_issue(scope=scope_of(world.commune)) == []

    def test_a_placeholder_cited_before_its_plan_was_entered_stands_for_it(self, world):
        cited = PlanFactory(
            issuer=world.province, number="160/KH-UBND", status=Plan.Status.PLACEHOLDER
        )
        own = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=own, referenced=cited)
        entered = PlanFactory(issuer=world.province, number="160 /kh-ubnd")
        another = PlanFactory(issuer=world.province, number="161/KH-UBND")
        assert selectors.plans_to_issue(scope=scope_of(world.commune)) == [another]
        assert entered.pk != cited.pk

    def test_a_document_known_only_from_a_citation_is_not_asked_of_anyone(self, world):
        cited = PlanFactory(
            issuer=world.province, number="139/KH-UBND", status=Plan.Status.PLACEHOLDER
        )
        department_plan = PlanFactory(issuer=world.department)
        PlanReferenceFactory(plan=department_plan, referenced=cited)
        assert selectors.plans_to_issue(scope=scope_of(world.commune)) == []

    def test_a_chain_that_loops_ends(self, world):
        first = PlanFactory(issuer=world.province)
        second = PlanFactory(issuer=world.province)
        PlanReferenceFactory(plan=first, referenced=second)
        PlanReferenceFactory(plan=second, referenced=first)
        own = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=own, referenced=first)
        assert selectors.plans_implemented_by(Plan.objects.filter(pk=own.pk)) == {
            first.pk,
            second.pk,
        }


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
