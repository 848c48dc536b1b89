"""The coordinator edits a scheme: groups, criteria, points and bonus/penalty lines, with
Vietnamese reasons for what is refused, optimistic versions, and a frozen scheme kept as it was
scored (only its wording changes; anything else is done on a copy)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.services import ConcurrentEditError
from evaluation import ranking, schemes, scoring
from evaluation.access import EvaluationAccess
from evaluation.models import (
    Adjustment,
    AdjustmentRule,
    Criterion,
    CriterionGroup,
    EvaluationScheme,
    ScoreSheet,
)
from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def access_of(user, scheme) -> EvaluationAccess:
    scheme.refresh_from_db()
    return EvaluationAccess(user_scope(user), scheme)


def structure(scheme):
    return list(
        Criterion.objects.filter(group__scheme=scheme)
        .order_by("group__order", "order")
        .values_list("group__name", "code", "max_points", "source", "order")
    )


def test_coordinator_creates_a_scheme_and_builds_it_on_the_page(client, scoring_round):
    r = scoring_round
    client.force_login(r.coordinator)
    response = client.post(
        reverse("evaluation:scheme_create"),
        {
            "plan": r.scheme.plan_id,
            "year": 2026,
            "subject_type": "enterprise",
            "name": "Bộ tiêu chí doanh nghiệp 2026",
            "cutoff": "15/11/2026",
            "total_points": "100",
            "max_bonus": "5",
            "max_penalty": "10",
        },
    )
    scheme = EvaluationScheme.objects.get(name="Bộ tiêu chí doanh nghiệp 2026")
    assert response.status_code == 302
    assert (scheme.issuer, scheme.subject_type, scheme.cutoff) == (
        r.scheme.issuer,
        "enterprise",
        datetime.date(2026, 11, 15),
    )
    edit = reverse("evaluation:scheme_groups", args=[scheme.pk])
    client.post(edit, {"action": "add", "name": "Sản xuất, kinh doanh", "version": 1})
    group = scheme.groups.get()
    add = reverse("evaluation:scheme_criteria", args=[scheme.pk])
    p = f"add{group.pk}"
    client.post(
        add,
        {
            "action": "add",
            "group": group.pk,
            f"{p}-version": 2,
            f"{p}-code": "1.1",
            f"{p}-name": "Doanh thu tăng so với năm trước",
            f"{p}-max_points": "60,5",
            f"{p}-source": "human",
        },
    )
    assert structure(scheme) == [("Sản xuất, kinh doanh", "1.1", Decimal("60.50"), "human", 1)]
    page = client.get(reverse("evaluation:scheme_edit", args=[scheme.pk])).content.decode()
    assert "Tổng điểm tối đa các tiêu chí là 60,5, chưa bằng thang 100 điểm." in page


def test_points_beyond_the_scale_are_refused_with_the_reason_and_nothing_changes(
    client, scoring_round
):
    r = scoring_round
    EvaluationScheme.objects.filter(pk=r.scheme.pk).update(total_points=Decimal(85))
    client.force_login(r.coordinator)
    before = structure(r.scheme)
    group = r.leadership.group
    p = f"add{group.pk}"
    response = client.post(
        reverse("evaluation:scheme_criteria", args=[r.scheme.pk]),
        {
            "action": "add",
            "group": group.pk,
            f"{p}-version": 1,
            f"{p}-code": "1.2",
            f"{p}-name": "Sơ kết, tổng kết",
            f"{p}-max_points": "10",
            f"{p}-source": "human",
        },
    )
    assert response.status_code == 400
    assert "Tổng điểm tối đa các tiêu chí sẽ là 90, vượt thang 85 điểm." in (
        response.content.decode()
    )
    assert structure(r.scheme) == before


def test_an_edit_from_a_stale_page_changes_nothing(scoring_round):
    r = scoring_round
    access = access_of(r.coordinator, r.scheme)
    schemes.group_add(access=access, expected_version=1, name="Nhóm mới")
    stale = access_of(r.coordinator, r.scheme)
    with pytest.raises(ConcurrentEditError):
        schemes.criterion_update(
            access=stale, expected_version=1, criterion_id=r.leadership.pk, max_points=Decimal(5)
        )
    assert Criterion.objects.get(pk=r.leadership.pk).max_points == 10


def test_criteria_move_up_and_down_within_their_group(scoring_round):
    r = scoring_round
    access = access_of(r.coordinator, r.scheme)
    schemes.criterion_move(access=access, expected_version=1, criterion_id=r.reports.pk, step=-1)
    codes = list(r.targets.group.criteria.values_list("code", flat=True))
    assert codes == ["2.1", "2.3", "2.2"]
    schemes.group_move(access=access, expected_version=2, group_id=r.pii.group_id, step=-1)
    assert list(r.scheme.groups.values_list("order", "name")) == [
        (1, "Lãnh đạo, chỉ đạo"),
        (2, "Chỉ số PII, DTI"),
        (3, "Hoàn thành nhiệm vụ"),
    ]


def test_scored_criteria_keep_their_points(scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    reporter = user_with_role(r.b, Role.REPORTER, username="bc_b")
    sheet = ScoreSheet.objects.get(scheme=r.scheme, unit=r.b)
    scoring.score_self(
        access=access_of(reporter, r.scheme), sheet=sheet, criterion=r.leadership,
        points="8", evidence="KH 12/KH-UBND", user=reporter,
    )  # fmt: skip
    access = access_of(r.coordinator, r.scheme)
    with pytest.raises(ValidationError, match="không xóa được"):
        schemes.criterion_delete(access=access, expected_version=1, criterion_id=r.leadership.pk)
    with pytest.raises(ValidationError, match="không được thấp hơn"):
        schemes.criterion_update(
            access=access, expected_version=1, criterion_id=r.leadership.pk, max_points=Decimal(7)
        )
    with pytest.raises(ValidationError, match="không đổi sang tính từ số liệu"):
        schemes.criterion_update(
            access=access, expected_version=1, criterion_id=r.leadership.pk, source="targets_met"
        )
    assert Criterion.objects.filter(pk=r.leadership.pk, max_points=10, source="human").exists()
    # An unscored criterion goes, and the others of its group close the gap.
    schemes.criterion_delete(access=access, expected_version=1, criterion_id=r.tasks.pk)
    assert list(r.targets.group.criteria.values_list("code", "order")) == [
        ("2.1", 1),
        ("2.3", 2),
    ]


def test_an_external_index_needs_its_scale(scoring_round):
    r = scoring_round
    access = access_of(r.coordinator, r.scheme)
    with pytest.raises(ValidationError) as exc:
        schemes.criterion_add(
            access=access, expected_version=1, group_id=r.pii.group_id, code="5.2",
            name="Chỉ số DTI", max_points=Decimal(5), source="external_index",
        )  # fmt: skip
    assert "index_scale" in exc.value.message_dict
    assert not Criterion.objects.filter(code="5.2").exists()


def test_a_new_criterion_reaches_the_sheets_already_open(scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    access = access_of(r.coordinator, r.scheme)
    new = schemes.criterion_add(
        access=access, expected_version=1, group_id=r.leadership.group_id, code="1.2",
        name="Sơ kết", max_points=Decimal(5), source="human",
    )  # fmt: skip
    assert new.scores.count() == ScoreSheet.objects.filter(scheme=r.scheme).count() == 4


def test_a_frozen_scheme_changes_only_its_wording_and_a_copy_takes_the_rest(scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    access = access_of(r.coordinator, r.scheme)
    before = structure(r.scheme)
    for call in (
        lambda: schemes.criterion_update(
            access=access, expected_version=1, criterion_id=r.reports.pk, max_points=Decimal(5)
        ),
        lambda: schemes.criterion_delete(
            access=access, expected_version=1, criterion_id=r.reports.pk
        ),
        lambda: schemes.group_add(access=access, expected_version=1, name="Nhóm mới"),
        lambda: schemes.criterion_move(
            access=access, expected_version=1, criterion_id=r.reports.pk, step=-1
        ),
    ):
        with pytest.raises(schemes.SchemeFrozen):
            call()
    assert structure(r.scheme) == before
    schemes.criterion_update(
        access=access, expected_version=1, criterion_id=r.reports.pk,
        name="Báo cáo đúng hạn, đầy đủ, chính xác",
    )  # fmt: skip
    assert Criterion.objects.get(pk=r.reports.pk).name == "Báo cáo đúng hạn, đầy đủ, chính xác"

    copy = schemes.scheme_copy(
        access=access_of(r.coordinator, r.scheme), user=r.coordinator,
        name="Bộ tiêu chí năm 2027", year=2027, cutoff=datetime.date(2027, 4, 30),
        subject_type="collective",
    )  # fmt: skip
    assert [row[1:] for row in structure(copy)] == [row[1:] for row in structure(r.scheme)]
    assert not copy.sheets.exists() and not copy.versions.exists()
    schemes.criterion_update(
        access=access_of(r.coordinator, copy), expected_version=1,
        criterion_id=copy.groups.get(order=2).criteria.get(code="2.3").pk, max_points=Decimal(5),
    )  # fmt: skip
    assert Criterion.objects.get(pk=r.reports.pk).max_points == 10


def test_a_foreseen_bonus_line_is_applied_to_a_sheet_with_its_reason(client, scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    access = access_of(r.coordinator, r.scheme)
    with pytest.raises(ValidationError, match="Vượt mức tối đa"):
        schemes.adjustment_rule_add(
            access=access, expected_version=1, kind="bonus", points=Decimal(6), reason="x"
        )
    rule = schemes.adjustment_rule_add(
        access=access, expected_version=1, kind="bonus", points=Decimal(2),
        reason="Có sáng kiến được công nhận cấp tỉnh",
    )  # fmt: skip
    sheet = ScoreSheet.objects.get(scheme=r.scheme, unit=r.a)
    client.force_login(r.coordinator)
    client.post(reverse("evaluation:adjustment", args=[sheet.pk]), {"rule": rule.pk})
    line = Adjustment.objects.get(sheet=sheet)
    assert (line.kind, line.points, line.reason) == (
        "bonus",
        Decimal(2),
        "Có sáng kiến được công nhận cấp tỉnh",
    )
    assert AdjustmentRule.objects.count() == 1


def test_only_the_coordinator_of_the_issuer_opens_the_editing_page(client, scoring_round):
    r = scoring_round
    url = reverse("evaluation:scheme_edit", args=[r.scheme.pk])
    client.force_login(user_with_role(r.a, Role.COORDINATOR, username="xa_a"))
    assert client.get(url).status_code == 404
    assert client.post(reverse("evaluation:scheme_create"), {}).status_code in (200, 404)
    client.force_login(r.coordinator)
    assert client.get(url).status_code == 200


def test_editing_page_queries_do_not_grow_with_the_criteria(
    client, scoring_round, django_assert_max_num_queries
):
    r = scoring_round
    client.force_login(r.coordinator)
    url = reverse("evaluation:scheme_edit", args=[r.scheme.pk])
    client.get(url)
    with django_assert_max_num_queries(14) as small:
        assert client.get(url).status_code == 200
    group = CriterionGroup.objects.create(scheme=r.scheme, order=9, name="Nhóm thêm")
    for n in range(20):
        Criterion.objects.create(group=group, order=n, code=f"9.{n}", name="Thêm", max_points=1)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
