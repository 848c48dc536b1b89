"""plan_import_confirm keeps everything the extractor found: milestones, phases, the reporting
clause, award forms, task states, group phrases of units; and a second import replaces the first
only when asked and only when nothing people did with the first would be lost."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from movements.models import Movement
from org.models import Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, UnitTypeFactory, user_with_role
from plans import importing, services
from plans.draft import PlanDraft
from plans.models import Milestone, Phase, Plan, PlanAward, PlanReference, Target, Task
from plans.tests.factories import PlanFactory, PlanReferenceFactory, TargetFactory, TaskFactory

pytestmark = pytest.mark.django_db

SOURCE = (
    "2. Sơ kết phong trào thi đua: Quý IV, năm 2027.\n"
    "Giấy khen của Trưởng Ban Quản lý tặng cho các tập thể.\n"
)


def draft(**parts) -> dict:
    base = {
        "document": {"type": "KH", "number": "15/KH-UBND", "date": "2026-08-10", "title": "KH"},
        "targets": [],
        "tasks": [],
        "references": [],
    }
    base.update(parts)
    return base


def confirm(world, data, **kwargs) -> Plan:
    scope = user_scope(user_with_role(world.commune, Role.COORDINATOR))
    return importing.plan_import_confirm(
        scope=scope, user=None, draft=data, issuer=world.commune, **kwargs
    )


def task(**parts) -> dict:
    return {"title": "Tập huấn kỹ năng số", "text": "", "deadlines": [], **parts}


class TestMilestonesAndPhases:
    def test_milestones_are_stored_on_the_plans_movement_due_at_the_end_of_what_they_say(
        self, world
    ):
        movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
        quarter, month = (
            {"kind": "quarter", "value": "2027-Q4"},
            {"kind": "month", "value": "2030-09"},
        )
        milestones = [
            {"kind": "so_ket", "text": "Sơ kết: Quý IV, năm 2027.", "due": quarter},
            {"kind": "tong_ket", "text": "Tổng kết: tháng 9/2030", "due": month},
        ]
        plan = confirm(world, draft(milestones=milestones), movement=movement)
        assert [(m.kind, m.due_date, m.movement, m.label) for m in plan.milestones.all()] == [
            ("so_ket", datetime.date(2027, 12, 31), movement, "Sơ kết: Quý IV, năm 2027."),
            ("tong_ket", datetime.date(2030, 9, 30), movement, "Tổng kết: tháng 9/2030"),
        ]

    def test_a_plan_without_movement_keeps_its_milestones_and_they_follow_the_movement_set_later(
        self, world
    ):
        data = draft(milestones=[{"kind": "so_ket", "text": "Sơ kết năm 2027", "due": "2027"}])
        plan = confirm(world, data)
        assert plan.milestones.get().movement is None
        movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
        services.plan_update(
            scope=user_scope(user_with_role(world.commune, Role.COORDINATOR)),
            plan=plan,
            data={"movement": movement},
            expected_version=plan.version,
        )
        assert Milestone.objects.get(plan=plan).movement == movement

    def test_phases_given_by_the_draft_are_stored_with_their_dates(self, world):
        phases = [
            {
                "name": "Giai đoạn 1",
                "start": "2026-05",
                "end": "2027-12",
                "text": "Giai đoạn 1 (…)",
            },
            {"name": "Giai đoạn 2", "start": "2028", "end": "2030"},
        ]
        plan = confirm(world, draft(phases=phases))
        assert [(p.order, p.name, p.start_date, p.end_date) for p in plan.phases.all()] == [
            (1, "Giai đoạn 1", datetime.date(2026, 5, 1), datetime.date(2027, 12, 31)),
            (2, "Giai đoạn 2", datetime.date(2028, 1, 1), datetime.date(2030, 12, 31)),
        ]

    def test_phases_the_extractor_reads_are_stored_with_their_dates_and_line(self, world):
        from extraction import extract_text

        text = (
            "ỦY BAN NHÂN DÂN XÃ X\nSố: 15/KH-UBND\nX, ngày 10 tháng 8 năm 2026\n"
            "KẾ HOẠCH\nTriển khai phong trào thi đua giai đoạn 2026 - 2030\n"
            "I. THỜI GIAN THỰC HIỆN\n"
            "Phong trào thi đua được triển khai thực hiện từ năm 2026 đến năm 2030:\n"
            "- Giai đoạn 01 (từ năm 2026 đến ngày 11/6/2028).\n"
            "- Giai đoạn 02 (từ tháng 7/2028 đến năm 2030).\n"
            "II. TỔ CHỨC THỰC HIỆN\n"
        )
        plan = confirm(world, extract_text(text).to_dict())
        assert [
            (p.order, p.name, p.start_date, p.end_date, p.label) for p in plan.phases.all()
        ] == [
            (
                1,
                "Giai đoạn 1",
                datetime.date(2026, 1, 1),
                datetime.date(2028, 6, 11),
                "- Giai đoạn 01 (từ năm 2026 đến ngày 11/6/2028).",
            ),
            (
                2,
                "Giai đoạn 2",
                datetime.date(2028, 7, 1),
                datetime.date(2030, 12, 31),
                "- Giai đoạn 02 (từ tháng 7/2028 đến năm 2030).",
            ),
        ]

    def test_what_the_plan_sets_a_phase_to_do_is_kept_with_it(self, world):
        from extraction import extract_text

        text = (
            "ỦY BAN NHÂN DÂN XÃ X\nSố: 15/KH-UBND\nX, ngày 10 tháng 8 năm 2026\n"
            "KẾ HOẠCH\nTriển khai phong trào thi đua giai đoạn 2026 - 2030\n"
            "IV. THỜI GIAN THỰC HIỆN\n"
            "1. Giai đoạn 1 (từ tháng 5/2026 đến tháng 12/2027)\n"
            "Tổ chức phát động phong trào; các đơn vị đăng ký thi đua.\n"
            "2. Giai đoạn 2 (từ năm 2028 đến năm 2030)\n"
            "Sơ kết, nhân rộng mô hình hiệu quả.\n"
            "V. TỔ CHỨC THỰC HIỆN\n"
        )
        plan = confirm(world, extract_text(text).to_dict())
        assert [(p.name, p.description) for p in plan.phases.all()] == [
            ("Giai đoạn 1", "Tổ chức phát động phong trào; các đơn vị đăng ký thi đua."),
            ("Giai đoạn 2", "Sơ kết, nhân rộng mô hình hiệu quả."),
        ]

    def test_a_draft_without_the_new_parts_still_imports(self, world):
        plan = confirm(world, {"document": {"title": "Kế hoạch"}})
        assert (plan.milestones.count(), plan.phases.count(), plan.awards.count()) == (0, 0, 0)
        assert (plan.reporting_frequency, plan.reporting_due_day) == ("", None)


class TestReportingClause:
    def test_monthly_by_the_20th_is_stored_on_the_plan(self, world):
        plan = confirm(world, draft(reporting={"frequency": "monthly", "due_day": 20}))
        assert (plan.reporting_frequency, plan.reporting_due_day) == ("monthly", 20)

    def test_a_frequency_the_product_does_not_know_and_a_day_out_of_range_are_left_out(self, world):
        plan = confirm(world, draft(reporting={"frequency": "weekly", "due_day": 45}))
        assert (plan.reporting_frequency, plan.reporting_due_day) == ("", None)
        plan = confirm(world, draft(reporting={"frequency": "yearly", "due_day": 45}))
        assert (plan.reporting_frequency, plan.reporting_due_day) == ("yearly", None)


class TestAwards:
    def test_an_award_phrase_keeps_its_first_line_and_where_it_is_written(self, world):
        data = draft(awards=["Giấy khen của Trưởng Ban Quản lý\nTrưởng Ban Quản lý tặng"])
        plan = confirm(world, data, source_text=SOURCE)
        award = plan.awards.get()
        assert award.form == "Giấy khen của Trưởng Ban Quản lý"
        assert SOURCE[award.span_start : award.span_end] == award.form

    def test_an_award_with_recipients_and_condition_keeps_them(self, world):
        data = draft(
            awards=[
                {
                    "form": "Bằng khen của Chủ tịch UBND tỉnh",
                    "recipients": "tập thể, cá nhân",
                    "condition": "không quá 05 tập thể",
                }
            ]
        )
        award = confirm(world, data).awards.get()
        assert (award.recipients, award.condition) == ("tập thể, cá nhân", "không quá 05 tập thể")


class TestTaskState:
    def test_a_task_the_plan_says_is_done_is_done_at_100_percent(self, world):
        plan = confirm(world, draft(tasks=[task(status="done"), task(title="Khác")]))
        assert [(t.status, t.progress) for t in plan.tasks.order_by("order")] == [
            ("done", 100),
            ("not_started", 0),
        ]
        assert not plan.tasks.get(status="done").is_overdue


@pytest.fixture
def board(world):
    """A board with its offices, as seed 001's issuer: Văn phòng, two phòng, a trung tâm with a
    phòng of its own, and a phòng merged away."""
    phong = UnitTypeFactory(code="phong", level=2)
    board = OrgUnitFactory(parent=world.province, name="Ban Quản lý Khu kinh tế", unit_type=phong)
    units = {
        name: OrgUnitFactory(parent=board, name=name, unit_type=phong)
        for name in ("Văn phòng", "Phòng Quản lý doanh nghiệp", "Phòng Kế hoạch tổng hợp")
    }
    centre = OrgUnitFactory(parent=board, name="Trung tâm Quản lý cửa khẩu", unit_type=phong)
    OrgUnitFactory(parent=centre, name="Phòng Nghiệp vụ", unit_type=phong)
    OrgUnitFactory(
        parent=board, name="Phòng Cũ", unit_type=phong, valid_to=datetime.date(2025, 6, 30)
    )
    board.refresh_from_db()
    return board, units, centre


class TestGroupPhrases:
    def test_without_review_a_group_phrase_gives_the_units_it_stands_for(self, board):
        issuer, units, centre = board
        scope = user_scope(user_with_role(issuer, Role.COORDINATOR))
        data = draft(
            tasks=[
                task(
                    lead_units=["Văn phòng", "các phòng chuyên môn"],
                    coordinating_units=["Trung tâm Quản lý cửa khẩu"],
                )
            ]
        )
        plan = importing.plan_import_confirm(scope=scope, user=None, draft=data, issuer=issuer)
        saved = plan.tasks.get()
        assert {u.name for u in saved.lead_units.all()} == {
            "Văn phòng",
            "Phòng Quản lý doanh nghiệp",
            "Phòng Kế hoạch tổng hợp",
        }
        assert list(saved.coordinating_units.all()) == [centre]

    def test_a_unit_leading_the_task_is_not_also_one_of_the_coordinating_group(self, board):
        issuer, units, centre = board
        scope = user_scope(user_with_role(issuer, Role.COORDINATOR))
        data = draft(
            tasks=[
                task(
                    lead_units=["Phòng Kế hoạch tổng hợp"],
                    coordinating_units=["Các phòng, ban, trung tâm"],
                )
            ]
        )
        plan = importing.plan_import_confirm(scope=scope, user=None, draft=data, issuer=issuer)
        saved = plan.tasks.get()
        assert {u.name for u in saved.coordinating_units.all()} == {
            "Phòng Quản lý doanh nghiệp",
            "Trung tâm Quản lý cửa khẩu",
        }

    def test_units_ticked_on_review_for_a_group_phrase_are_the_ones_stored(self, board):
        issuer, units, centre = board
        scope = user_scope(user_with_role(issuer, Role.COORDINATOR))
        data = draft(tasks=[task(lead_units=["các phòng chuyên môn"])])
        chosen = units["Phòng Kế hoạch tổng hợp"]
        plan = importing.plan_import_confirm(
            scope=scope,
            user=None,
            draft=data,
            issuer=issuer,
            unit_matches={"các phòng chuyên môn": [chosen.pk]},
        )
        assert list(plan.tasks.get().lead_units.all()) == [chosen]


class TestDuplicates:
    def test_same_issuer_and_number_is_a_duplicate(self, world):
        old = PlanFactory(issuer=world.commune, number="15/KH-UBND", title="Khác hẳn")
        scope = user_scope(user_with_role(world.commune, Role.COORDINATOR))
        assert importing.duplicate_plans(
            parts=PlanDraft.from_dict(draft()), issuer=world.commune, scope=scope
        ) == [old]

    def test_a_plan_without_number_is_a_duplicate_by_title_and_date(self, world):
        old = PlanFactory(
            issuer=world.commune,
            number="",
            status=Plan.Status.DRAFT,
            title="Triển khai phong trào thi đua",
            issued_period="2026-05",
        )
        scope = user_scope(user_with_role(world.commune, Role.COORDINATOR))
        title = "Triển khai phong trào thi đua"
        same = draft(document={"number": None, "title": title, "date": "2026-05"})
        other_date = draft(document={"number": None, "title": title, "date": "2027-05"})
        assert importing.duplicate_plans(
            parts=PlanDraft.from_dict(same), issuer=world.commune, scope=scope
        ) == [old]
        assert (
            importing.duplicate_plans(
                parts=PlanDraft.from_dict(other_date), issuer=world.commune, scope=scope
            )
            == []
        )

    def test_the_same_number_from_another_issuer_is_not_a_duplicate(self, world):
        PlanFactory(issuer=world.other_commune, number="15/KH-UBND")
        scope = user_scope(user_with_role(world.province, Role.COORDINATOR))
        assert (
            importing.duplicate_plans(
                parts=PlanDraft.from_dict(draft()), issuer=world.commune, scope=scope
            )
            == []
        )


class TestReplace:
    def test_replacing_removes_the_old_plan_and_its_citations_follow_the_new_one(self, world):
        old = PlanFactory(issuer=world.commune, number="15/KH-UBND")
        TargetFactory(plan=old)
        citing = PlanReferenceFactory(referenced=old)
        plan = confirm(world, draft(), replacing=[old])
        assert not Plan.objects.filter(pk=old.pk).exists()
        assert PlanReference.objects.get(pk=citing.pk).referenced == plan
        assert Target.objects.filter(plan_id=old.pk).count() == 0

    def test_a_plan_with_a_reporting_schedule_is_not_replaced_and_nothing_changes(self, world):
        from reporting.tests.factories import ScheduleFactory

        old = PlanFactory(issuer=world.commune, number="15/KH-UBND")
        TaskFactory(plan=old)
        ScheduleFactory(plan=old)
        before = Plan.objects.count()
        with pytest.raises(ValidationError, match="đã có lịch báo cáo"):
            confirm(world, draft(tasks=[task()]), replacing=[old])
        assert Plan.objects.count() == before
        assert Task.objects.filter(plan=old).count() == 1
        assert PlanAward.objects.count() == 0 and Phase.objects.count() == 0
