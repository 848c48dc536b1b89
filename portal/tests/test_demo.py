"""The demo data: three provinces, the seed plans loaded through the extractor, idempotent."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from org.models import EmulationBlock, OrgUnit
from plans.models import Phase, Plan, Target, Task

pytestmark = pytest.mark.django_db


def test_demo_loads_the_five_seed_plans_through_the_extractor_and_twice_changes_nothing(demo):
    counts = (
        OrgUnit.objects.count(),
        Plan.objects.count(),
        Target.objects.count(),
        Task.objects.count(),
        Phase.objects.count(),
    )
    call_command("load_demo")
    assert (
        OrgUnit.objects.count(),
        Plan.objects.count(),
        Target.objects.count(),
        Task.objects.count(),
        Phase.objects.count(),
    ) == counts

    board = Plan.objects.get(number="40/KH-BQLKKTCK")
    assert board.issuer.code == "LSN-BQLKKTCK"
    assert board.tasks.count() == 18
    # Every task of the seeds that name who leads it has its lead unit ("Văn phòng (Bộ phận một
    # cửa)" is the board's Văn phòng), so the board's task list names none as "no unit".
    assert not board.tasks.filter(lead_units__isnull=True).exists()
    # Its schedule is the plan's own clause, "trước ngày 20 hằng tháng", as the import read it.
    assert (board.reporting_frequency, board.reporting_due_day) == ("monthly", 20)
    assert [(s.frequency, s.due_day) for s in board.schedules.all()] == [("monthly", 20)]
    assert board.targets.filter(value__isnull=False).count() == 17
    assert {(r.relation, r.referenced.number) for r in board.references.all()} >= {
        ("replaces", "09/KH-BQLKKTCK"),
        ("implements", "139/KH-UBND"),
    }
    commune = Plan.objects.get(issuer__code="LSN-XTN", status="draft")
    province_plan = commune.references.get().referenced
    assert (province_plan.number, province_plan.issuer.code) == ("160/KH-UBND", "LSN")
    assert commune.targets.filter(value__isnull=False).count() == 13
    # Every seed is loaded in full: its targets and contents as the extractor reads them.
    first_board = Plan.objects.get(issuer__code="LSN-BQLKKTCK", status="draft")  # seed 000
    assert (first_board.targets.count(), first_board.tasks.count()) == (4, 5)
    assert commune.tasks.count() == 6  # seed 002's six contents
    # Seed 001 reports two tasks done in its footnotes: done, at 100 %, never overdue.
    done = list(board.tasks.filter(status="done"))
    assert [(t.progress, t.is_overdue) for t in done] == [(100, False), (100, False)]
    office = Plan.objects.get(issuer__code="LCH-VPUBND")
    assert office.tasks.count() == 4
    assert not office.tasks.filter(lead_units__isnull=True).exists()
    lead = office.tasks.get(title="Thi đua chuyển đổi xanh tại công sở").lead_units.get()
    assert lead.code == "LCH-VP-HCQT"  # "Phòng Hành chính – Quản trị" matched to the unit
    lao_cai = Plan.objects.get(issuer__code="LCI", status="issued")
    assert lao_cai.targets.count() >= 42
    assert lao_cai.tasks.count() == 7  # seed 004's seven groups of contents
    # The phases of seeds 003 and 004 (§IV) as their import read them, on the movement.
    phases = [
        (p.plan.issuer.code, p.name, p.start_date, p.end_date, p.movement_id)
        for p in Phase.objects.order_by("plan__issuer__code", "order")
    ]
    movement_id = lao_cai.movement_id
    assert phases == [
        (
            "LCH-VPUBND",
            "Giai đoạn 1",
            datetime.date(2026, 1, 1),
            datetime.date(2028, 6, 11),
            movement_id,
        ),
        (
            "LCH-VPUBND",
            "Giai đoạn 2",
            datetime.date(2028, 7, 1),
            datetime.date(2030, 12, 31),
            movement_id,
        ),
        ("LCI", "Giai đoạn 1", datetime.date(2026, 5, 1), datetime.date(2027, 12, 31), movement_id),
        ("LCI", "Giai đoạn 2", datetime.date(2028, 1, 1), datetime.date(2030, 12, 31), movement_id),
    ]
    # What seed 004 sets each phase to do is kept with it (seed 003 writes none).
    described = [p.description[:40] for p in lao_cai.phases.order_by("order")]
    assert described == [
        "a) Ban hành kế hoạch, văn bản hướng dẫn,",
        "a) Tiếp tục triển khai sâu rộng, nâng ca",
    ]
    # Seed 004 is an unsigned draft: imported as one, then issued — in that order, after its day.
    steps = list(lao_cai.history.order_by("history_date"))
    assert (steps[0].history_type, steps[0].status, steps[-1].status) == ("+", "draft", "issued")
    assert lao_cai.issued_on <= timezone.localdate(steps[-1].history_date)
    assert EmulationBlock.objects.filter(province__code="LCI").count() == 21


def test_merged_units_keep_their_history(demo):
    old = OrgUnit.objects.get(code="LCI-HBH")
    assert old.merged_into.code == "LCI-XBH" and old.valid_to.isoformat() == "2025-06-30"


def test_every_lao_cai_unit_is_in_one_of_the_21_blocks_and_one_moved_mid_2026(demo):
    import datetime

    from django.utils import timezone

    from org.models import BlockMembership
    from org.selectors import block_members, block_of

    today = timezone.localdate()
    province = OrgUnit.objects.get(code="LCI")
    units = OrgUnit.objects.active_on(today).filter(
        path__startswith=province.path, depth=province.depth + 1
    )
    assert units.count() >= 18
    for unit in units:
        block = block_of(unit, today)
        assert block is not None and block.province == province, unit
        assert unit.block == block  # today's block is what the unit row holds
    moved = OrgUnit.objects.get(code="LCI-XMK")
    before, after = datetime.date(2026, 6, 30), datetime.date(2026, 7, 1)
    assert block_of(moved, before).code == "K06" and block_of(moved, after).code == "K07"
    assert moved in block_members(block_of(moved, before), before)
    assert moved not in block_members(block_of(moved, before), after)
    move = BlockMembership.objects.get(unit=moved, valid_from=after)
    assert move.changed_by.username == "tinh" and move.reason
    call_command("load_demo")  # a second run moves nothing again
    assert BlockMembership.objects.filter(unit=moved).count() == 2


def test_xa_thong_nhat_has_people_households_and_enterprises_entered_by_its_coordinator(demo):
    from org.models import Enterprise, Household, Person
    from org.scope import user_scope
    from org.selectors import enterprise_list, household_list

    commune = OrgUnit.objects.get(code="LSN-XTN")
    mine = {"unit__path__startswith": commune.path}
    assert Household.objects.filter(**mine).count() >= 5
    assert Enterprise.objects.filter(**mine, kind="cooperative").count() >= 2
    assert Person.objects.filter(**mine).count() >= 8
    household = Household.objects.filter(**mine).first()
    assert household.history.get().history_user.username == "xa"
    from django.contrib.auth import get_user_model

    scope = user_scope(get_user_model().objects.get(username="xa"))
    assert household_list(scope=scope, query="hoang van thao").count() == 1
    assert enterprise_list(scope=scope, query="hop tac xa").count() >= 2


def test_demo_holds_a_frozen_2026_ranking_of_lao_cai_with_a_block_adjustment(demo):
    from evaluation.models import RankingEntry, ScoreChange, ScoreSheet

    entries = RankingEntry.objects.filter(version__scheme__issuer__code="LCI", version__number=1)
    sheets = ScoreSheet.objects.filter(scheme__issuer__code="LCI", scheme__year=2026)
    assert entries.count() == sheets.count() > 15
    change = ScoreChange.objects.get(stage="block")
    assert change.sheet.unit.code == "LCI-PLC" and change.reason
    assert change.changed_by.username == "tt.lci-pyb"
    assert change.to_points == change.from_points - 2
    # Every unit self-scored every human criterion.
    assert not sheets.filter(scores__criterion__source="human", scores__self_points=None).exists()


def test_demo_criterion_4_1_is_computed_from_the_initiatives_recognised_in_2026(demo):
    """Seed 004 §III.8a's "số lượng, chất lượng mô hình, sáng kiến": read from the demo's
    initiatives (portal/demo_initiatives.py), never self-scored."""
    from evaluation.models import Score
    from initiatives.models import Initiative

    scores = Score.objects.filter(
        sheet__scheme__issuer__code="LCI", sheet__scheme__year=2026, criterion__code="4.1"
    ).select_related("criterion", "sheet__unit")
    assert scores.exists()
    assert {s.criterion.source for s in scores} == {"initiatives"}
    assert not scores.filter(self_points__isnull=False).exists()
    by_unit = {s.sheet.unit.code: s for s in scores}
    province_level = Initiative.objects.get(unit__code="LCI-XBH", status="recognised", year=2026)
    # Recognised by the province: the full 15 points; by the unit's own body: half.
    assert by_unit["LCI-XBH"].points == Decimal(15)
    # Listed twice: once as recognised, once as replicated by xã Mường Khương (from 10/08/2026).
    assert [i["pk"] for i in by_unit["LCI-XBH"].basis["items"]] == [province_level.pk] * 2
    assert by_unit["LCI-XBH"].basis["replications"] == 1
    assert "10/08/2026" in by_unit["LCI-XBH"].basis["items"][1]["state"]
    assert by_unit["LCI-PCD"].points == Decimal("7.5")
    # Under review, only sent, or not recognised: nothing yet.
    for code in ("LCI-PSP", "LCI-PLC"):
        assert by_unit[code].points == 0, code
