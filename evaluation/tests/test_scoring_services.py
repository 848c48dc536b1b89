"""The scoring services at their boundaries: the caps of bonus and penalty lines, when a reason
is needed, which stage moves a sheet, and what is refused."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evaluation import scoring
from evaluation.access import EvaluationAccess
from evaluation.models import Adjustment, Criterion, CriterionGroup, ScoreChange, ScoreSheet
from evaluation.tests.test_scoring_flow import score, sheet
from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    return {
        "a": user_with_role(r.a, Role.REPORTER, username="baocao_a"),
        "b": user_with_role(r.b, Role.REPORTER, username="baocao_b"),
        # xã Thống Nhất (A) leads block K01.
        "leader": user_with_role(r.a, Role.BLOCK_LEADER, username="khoitruong"),
    }


def office(r) -> EvaluationAccess:
    return EvaluationAccess(user_scope(r.coordinator), r.scheme)


def add(r, kind, points, reason="Đạt giải nhất hội thi"):
    return scoring.adjustment_add(
        access=office(r), sheet=sheet(r, r.b), kind=kind, points=points, reason=reason,
        user=r.coordinator,
    )  # fmt: skip


def test_bonus_lines_up_to_the_cap_pass_and_one_cent_more_is_refused(scoring_round, people):
    r = scoring_round
    r.scheme.max_bonus = Decimal("5")
    r.scheme.save()
    add(r, Adjustment.Kind.BONUS, "3")
    add(r, Adjustment.Kind.BONUS, "2")  # 3 + 2 = the cap exactly
    with pytest.raises(ValidationError) as caught:
        add(r, Adjustment.Kind.BONUS, "0,01")
    assert caught.value.message_dict == {"points": ["Vượt mức tối đa 5,00 điểm."]}
    # The penalty has its own cap, not filled by the bonus lines.
    r.scheme.max_penalty = Decimal("2.5")
    r.scheme.save()
    add(r, Adjustment.Kind.PENALTY, "2,5")
    with pytest.raises(ValidationError) as caught:
        add(r, Adjustment.Kind.PENALTY, "0,01")
    assert caught.value.message_dict == {"points": ["Vượt mức tối đa 2,50 điểm."]}


def test_a_penalty_is_recorded_as_points_taken_away_and_a_bonus_as_points_given(
    scoring_round, people
):
    r = scoring_round
    r.scheme.max_bonus = r.scheme.max_penalty = Decimal("5")
    r.scheme.save()
    add(r, Adjustment.Kind.PENALTY, "1,5", reason="Báo cáo sai số liệu")
    add(r, Adjustment.Kind.BONUS, "2", reason="Mô hình hay")
    changes = ScoreChange.objects.filter(stage=ScoreChange.Stage.ADJUSTMENT).order_by("pk")
    assert [(c.to_points, c.reason, c.criterion_id) for c in changes] == [
        (Decimal("-1.5"), "Báo cáo sai số liệu", None),
        (Decimal("2"), "Mô hình hay", None),
    ]


def test_an_adjustment_needs_a_known_kind_and_a_reason(scoring_round, people):
    r = scoring_round
    with pytest.raises(ValidationError) as caught:
        add(r, "gift", "1")
    assert list(caught.value.message_dict) == ["kind"]
    with pytest.raises(ValidationError) as caught:
        add(r, Adjustment.Kind.BONUS, "1", reason="  ")
    assert list(caught.value.message_dict) == ["reason"]
    assert not Adjustment.objects.exists()


def test_only_the_office_adds_adjustments(scoring_round, people):
    r = scoring_round
    with pytest.raises(PermissionDenied):
        scoring.adjustment_add(
            access=EvaluationAccess(user_scope(people["leader"]), r.scheme), sheet=sheet(r, r.b),
            kind=Adjustment.Kind.BONUS, points="1", reason="x", user=people["leader"],
        )  # fmt: skip


def adjust(r, user, points, reason, stage=ScoreChange.Stage.BLOCK, criterion=None):
    return scoring.score_adjust(
        access=EvaluationAccess(user_scope(user), r.scheme), sheet=sheet(r, r.b),
        criterion=criterion or r.leadership, points=points, reason=reason, user=user, stage=stage,
    )  # fmt: skip


def test_setting_the_points_already_there_needs_no_reason_and_records_no_change(
    scoring_round, people
):
    r = scoring_round
    adjust(r, people["leader"], "6", "Thiếu minh chứng")
    adjust(r, people["leader"], "6", "")
    (change,) = ScoreChange.objects.filter(stage=ScoreChange.Stage.BLOCK)
    assert (change.criterion, change.reason) == (r.leadership, "Thiếu minh chứng")
    with pytest.raises(ValidationError) as caught:
        adjust(r, people["leader"], "5", "  ")
    assert list(caught.value.message_dict) == ["reason"]
    assert score(r, r.b, r.leadership).points == Decimal(6)


@pytest.mark.parametrize("status", [ScoreSheet.Status.DRAFT, ScoreSheet.Status.SUBMITTED])
def test_the_block_leaders_adjustment_marks_a_draft_or_submitted_sheet_checked(
    scoring_round, people, status
):
    r = scoring_round
    ScoreSheet.objects.filter(pk=sheet(r, r.b).pk).update(status=status)
    adjust(r, people["leader"], "6", "Thiếu minh chứng")
    assert sheet(r, r.b).status == ScoreSheet.Status.CHECKED


def test_the_offices_correction_leaves_the_sheet_where_it_is(scoring_round, people):
    r = scoring_round
    adjust(r, r.coordinator, "6", "Sai số liệu", stage=ScoreChange.Stage.OFFICE)
    assert sheet(r, r.b).status == ScoreSheet.Status.DRAFT
    assert score(r, r.b, r.leadership).office_reason == "Sai số liệu"
    # The office may correct a computed criterion; the block leader may not.
    adjust(r, r.coordinator, "1", "Số liệu cũ", stage=ScoreChange.Stage.OFFICE, criterion=r.targets)
    assert score(r, r.b, r.targets).points == Decimal(1)


def test_a_stage_that_is_neither_the_block_nor_the_office_is_refused(scoring_round, people):
    r = scoring_round
    with pytest.raises(PermissionDenied):
        adjust(r, r.coordinator, "6", "x", stage=ScoreChange.Stage.SELF)


def test_a_criterion_of_another_scheme_is_refused(scoring_round, people):
    r = scoring_round
    other = type(r.scheme).objects.create(
        issuer=r.scheme.issuer, year=2027, name="Bộ khác", cutoff=r.scheme.cutoff,
        created_by=r.coordinator,
    )  # fmt: skip
    group = CriterionGroup.objects.create(scheme=other, order=1, name="Nhóm")
    foreign = Criterion.objects.create(group=group, order=1, code="9", name="X", max_points=10)
    with pytest.raises(ValidationError) as caught:
        adjust(r, people["leader"], "6", "x", criterion=foreign)
    assert caught.value.messages == ["Tiêu chí không thuộc bộ tiêu chí này."]


def test_a_sheet_is_sent_only_with_every_human_criterion_self_scored(scoring_round, people):
    r = scoring_round
    access = EvaluationAccess(user_scope(people["b"]), r.scheme)
    with pytest.raises(ValidationError):
        scoring.sheet_submit(access=access, sheet=sheet(r, r.b), women_led=True)
    for criterion in Criterion.objects.filter(
        group__scheme=r.scheme, source=Criterion.Source.HUMAN
    ):
        scoring.score_self(
            access=access, sheet=sheet(r, r.b), criterion=criterion, points="1",
            evidence="KH số 3", user=people["b"],
        )  # fmt: skip
    sent = scoring.sheet_submit(access=access, sheet=sheet(r, r.b), women_led=True)
    assert (sent.status, sent.women_led) == (ScoreSheet.Status.SUBMITTED, True)
    with pytest.raises(PermissionDenied):
        scoring.sheet_submit(
            access=EvaluationAccess(user_scope(people["a"]), r.scheme), sheet=sheet(r, r.b),
            women_led=False,
        )  # fmt: skip


def test_criteria_are_listed_group_by_group_even_when_two_groups_share_an_order(scoring_round):
    r = scoring_round
    other = type(r.scheme).objects.create(
        issuer=r.scheme.issuer, year=2027, name="Bộ khác", cutoff=r.scheme.cutoff,
        created_by=r.coordinator,
    )  # fmt: skip
    first = CriterionGroup.objects.create(scheme=other, order=1, name="Nhóm một")
    second = CriterionGroup.objects.create(scheme=other, order=1, name="Nhóm hai")
    make = Criterion.objects.create
    b1 = make(group=second, order=1, code="2.1", name="B1", max_points=10)
    a1 = make(group=first, order=1, code="1.1", name="A1", max_points=10)
    a2 = make(group=first, order=2, code="1.2", name="A2", max_points=10)
    assert scoring.scheme_criteria(other) == [a1, a2, b1]
