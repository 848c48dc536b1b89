"""The unit scores itself with evidence, the block leader adjusts with a reason, the office
reviews and freezes; every change is attributable; each person sees only what is theirs."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document
from openpyxl import load_workbook

from evaluation import ranking, scoring
from evaluation.access import EvaluationAccess
from evaluation.models import RankingEntry, RankingVersion, Score, ScoreChange, ScoreSheet
from monitoring.tests.helpers import export
from org.models import Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(scoring_round):
    r = scoring_round
    scoring.rescore(scheme=r.scheme)
    return {
        "a": user_with_role(r.a, Role.REPORTER, username="baocao_a"),
        "b": user_with_role(r.b, Role.REPORTER, username="baocao_b"),
        "d": user_with_role(r.d, Role.REPORTER, username="baocao_d"),
        # xã Thống Nhất (A) leads block K01.
        "leader": user_with_role(r.a, Role.BLOCK_LEADER, username="khoitruong"),
    }


def sheet(r, unit) -> ScoreSheet:
    return ScoreSheet.objects.get(scheme=r.scheme, unit=unit)


def score(r, unit, criterion) -> Score:
    return Score.objects.get(sheet__scheme=r.scheme, sheet__unit=unit, criterion=criterion)


def post_score(client, r, unit, criterion, **data):
    return client.post(
        f"/danh-gia/phieu/{sheet(r, unit).pk}/cham/", {"criterion": criterion.pk, **data}
    )


def test_self_score_needs_evidence_and_stays_within_the_maximum(client, scoring_round, people):
    r = scoring_round
    client.force_login(people["b"])
    post_score(client, r, r.b, r.leadership, stage="self", points="8", evidence="")
    post_score(client, r, r.b, r.leadership, stage="self", points="11", evidence="KH 12/KH-UBND")
    assert score(r, r.b, r.leadership).points is None
    assert not ScoreChange.objects.filter(stage="self").exists()
    post_score(client, r, r.b, r.leadership, stage="self", points="8,5", evidence="KH 12/KH-UBND")
    assert score(r, r.b, r.leadership).points == Decimal("8.5")
    change = ScoreChange.objects.get(stage="self")
    assert (change.changed_by, change.from_points, change.to_points) == (
        people["b"],
        None,
        Decimal("8.5"),
    )


def test_computed_criteria_are_locked_for_the_unit_and_the_block_leader(scoring_round, people):
    r = scoring_round
    unit_access = EvaluationAccess(user_scope(people["b"]), r.scheme)
    with pytest.raises(ValidationError):
        scoring.score_self(
            access=unit_access, sheet=sheet(r, r.b), criterion=r.targets, points="30",
            evidence="x", user=people["b"],
        )  # fmt: skip
    leader_access = EvaluationAccess(user_scope(people["leader"]), r.scheme)
    with pytest.raises(PermissionDenied):
        scoring.score_adjust(
            access=leader_access, sheet=sheet(r, r.b), criterion=r.targets, points="30",
            reason="Sai", user=people["leader"],
        )  # fmt: skip
    assert score(r, r.b, r.targets).points == Decimal(15)


def test_block_leader_adjusts_with_a_reason_and_the_change_is_attributed(
    client, scoring_round, people
):
    r = scoring_round
    client.force_login(people["b"])
    post_score(client, r, r.b, r.leadership, stage="self", points="9", evidence="KH số 3")
    client.force_login(people["leader"])
    post_score(client, r, r.b, r.leadership, stage="block", points="7", reason="")
    assert score(r, r.b, r.leadership).points == Decimal(9)
    post_score(
        client, r, r.b, r.leadership, stage="block", points="7", reason="Kế hoạch ban hành muộn"
    )
    assert score(r, r.b, r.leadership).points == Decimal(7)
    change = ScoreChange.objects.get(stage="block")
    assert (change.changed_by, change.from_points, change.to_points, change.reason) == (
        people["leader"],
        Decimal(9),
        Decimal(7),
        "Kế hoạch ban hành muộn",
    )
    page = client.get(f"/danh-gia/phieu/{sheet(r, r.b).pk}/").content.decode()
    assert "Kế hoạch ban hành muộn" in page and "khoitruong" in page


def test_block_leader_cannot_touch_another_block(client, scoring_round, people):
    r = scoring_round
    client.force_login(people["leader"])
    assert client.get(f"/danh-gia/phieu/{sheet(r, r.d).pk}/").status_code == 404
    response = post_score(client, r, r.d, r.leadership, stage="block", points="1", reason="x")
    assert response.status_code == 404
    assert score(r, r.d, r.leadership).points is None
    block = f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/khoi/?block="
    assert client.get(block + str(r.other_block.pk)).status_code == 404
    assert client.get(block + str(r.block.pk)).status_code == 200


def test_a_unit_sees_its_own_sheet_only_and_its_block_ranking_once_frozen(
    client, scoring_round, people
):
    r = scoring_round
    client.force_login(people["b"])
    assert client.get(f"/danh-gia/phieu/{sheet(r, r.a).pk}/").status_code == 404
    assert client.get(f"/danh-gia/phieu/{sheet(r, r.b).pk}/").status_code == 200
    # A unit may not adjust its own score as a block leader, nor review it.
    post_score(client, r, r.b, r.leadership, stage="office", points="10", reason="x")
    assert score(r, r.b, r.leadership).points is None
    block = f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/khoi/?block={r.block.pk}"
    assert client.get(block).status_code == 404  # working scores of the block
    version = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    page = client.get(f"/danh-gia/xep-hang/{version.pk}/")
    assert page.status_code == 200 and r.a.name in page.content.decode()
    assert r.d.name not in page.content.decode()
    other = client.get(f"/danh-gia/xep-hang/{version.pk}/?block={r.other_block.pk}")
    assert other.status_code == 404
    # After the freeze the unit can no longer change its self-score.
    post_score(client, r, r.b, r.leadership, stage="self", points="9", evidence="KH số 3")
    assert score(r, r.b, r.leadership).points is None


def test_freeze_ranks_by_total_and_a_correction_makes_a_new_version(client, scoring_round, people):
    r = scoring_round
    version = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    entries = {e.unit_id: e for e in RankingEntry.objects.filter(version=version, block=r.block)}
    # Totals of the worked example: A 66, B 26,22, C 18,33.
    assert [entries[u.pk].total for u in (r.a, r.b, r.c)] == [
        Decimal(66),
        Decimal("26.22"),
        Decimal("18.33"),
    ]
    assert [entries[u.pk].rank for u in (r.a, r.b, r.c)] == [1, 2, 3]
    assert entries[r.b.pk].breakdown[str(r.reports.pk)] == "6.67"
    with pytest.raises(ValidationError):
        version.save()  # a frozen version is never edited
    # The office corrects C's leadership score after the freeze and freezes again.
    client.force_login(r.coordinator)
    post_score(
        client, r, r.c, r.leadership, stage="office", points="10", reason="Bổ sung minh chứng"
    )
    response = client.post(f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/chot/", {"note": ""})
    assert RankingVersion.objects.filter(scheme=r.scheme).count() == 1  # a reason is needed
    response = client.post(
        f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/chot/", {"note": "Sửa điểm tiêu chí 1.1 xã Cốc San"}
    )
    second = RankingVersion.objects.get(scheme=r.scheme, number=2)
    assert response["Location"] == f"/danh-gia/xep-hang/{second.pk}/"
    assert RankingEntry.objects.get(version=version, unit=r.c).total == Decimal("18.33")
    assert RankingEntry.objects.get(version=second, unit=r.c).total == Decimal("28.33")
    page = client.get(f"/danh-gia/xep-hang/{second.pk}/?block={r.block.pk}").content.decode()
    assert "28,33" in page and "(trước 18,33)" in page and "table-warning" in page


def test_equal_totals_follow_the_office_tie_rules(scoring_round, people):
    r = scoring_round
    office = EvaluationAccess(user_scope(r.coordinator), r.scheme)
    # B and C made equal: 26,22 each, C with fewer computed points but woman-led.
    scoring.score_adjust(
        access=office, sheet=sheet(r, r.c), criterion=r.leadership, points="7.89",
        reason="Cân bằng để thử", user=r.coordinator, stage="office",
    )  # fmt: skip
    ScoreSheet.objects.filter(scheme=r.scheme, unit=r.c).update(women_led=True)
    rows = {row.unit.pk: row for row in ranking.block_ranking(r.scheme, r.block)}
    assert rows[r.b.pk].total == rows[r.c.pk].total == Decimal("26.22")
    assert (rows[r.c.pk].rank, rows[r.b.pk].rank) == (2, 3)  # women first (default)
    r.scheme.tie_rules = ["computed"]
    rows = {row.unit.pk: row for row in ranking.block_ranking(r.scheme, r.block)}
    assert (rows[r.b.pk].rank, rows[r.c.pk].rank) == (2, 3)
    r.scheme.tie_rules = ["fewer_penalties"]
    rows = {row.unit.pk: row for row in ranking.block_ranking(r.scheme, r.block)}
    assert rows[r.b.pk].rank == rows[r.c.pk].rank == 2  # still equal: shared rank


def test_ranking_exports_to_excel_and_word(client, scoring_round, people):
    r = scoring_round
    version = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    client.force_login(people["b"])
    query = f"?block={r.block.pk}"
    book = load_workbook(
        io.BytesIO(export(client, "evaluation:ranking_excel", version.pk, query).content)
    )
    rows = list(book.active.iter_rows(min_row=4, values_only=True))
    assert rows[0][:2] == ("1", r.a.name) and rows[0][-2] == "66"
    assert rows[1][1] == r.b.name and "6,67" in rows[1]
    word = Document(
        io.BytesIO(export(client, "evaluation:ranking_word", version.pk, query).content)
    )
    cells = [c.text for c in word.tables[0].rows[2].cells]
    assert cells[1] == r.b.name and cells[-2] == "26,22"


def test_ranking_page_queries_do_not_grow_with_the_block(
    client, scoring_round, people, django_assert_max_num_queries
):
    r = scoring_round
    client.force_login(r.coordinator)
    version = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    url = f"/danh-gia/xep-hang/{version.pk}/?block={r.block.pk}"
    block_url = f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/khoi/?block={r.block.pk}"
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(block_url).status_code == 200
    for n in range(30):
        OrgUnitFactory(
            parent=r.scheme.issuer, code=f"P1-XN{n}", name=f"UBND xã mới {n}",
            unit_type=r.a.unit_type, block=r.block,
        )  # fmt: skip
    scoring.rescore(scheme=r.scheme)
    bigger = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator, note="Thêm xã")
    with django_assert_max_num_queries(14):
        page = client.get(f"/danh-gia/xep-hang/{bigger.pk}/?block={r.block.pk}")
    assert page.content.decode().count('data-testid="rank-row"') == 33
    with django_assert_max_num_queries(14):
        assert client.get(block_url).status_code == 200


def test_the_ranking_page_names_the_block_it_shows_and_exports_that_block(
    client, scoring_round, people
):
    """`block` in a template is Django's own {% block %} node: the page once read "Kết quả xếp
    hạng: content" and its exports lost the block chosen."""
    r = scoring_round
    version = ranking.ranking_freeze(scheme=r.scheme, user=r.coordinator)
    client.force_login(r.coordinator)
    page = client.get(f"/danh-gia/xep-hang/{version.pk}/?block={r.block.pk}").content.decode()
    assert "Kết quả xếp hạng: Khối thi đua số 01" in page
    assert f"/danh-gia/xep-hang/{version.pk}/excel/?block={r.block.pk}" in page
    block_page = client.get(f"/danh-gia/bo-tieu-chi/{r.scheme.pk}/khoi/?block={r.block.pk}")
    assert "Khối thi đua số 01 <small" in block_page.content.decode()


def test_evidence_reasons_notes_and_links_beyond_the_limits_are_refused(
    client, scoring_round, people
):
    """#13 Medium 5: free text is bounded here too (core/text.py TEXT_MAX_CHARS)."""
    from core.text import TEXT_MAX_CHARS

    r = scoring_round
    too_long = "x" * (TEXT_MAX_CHARS + 1)
    client.force_login(people["b"])
    post_score(client, r, r.b, r.leadership, stage="self", points="8", evidence=too_long)
    for link in ("javascript:alert(1)", "https://a.vn/" + "x" * 600):
        post_score(
            client, r, r.b, r.leadership, stage="self", points="8", evidence="", evidence_link=link
        )
    assert score(r, r.b, r.leadership).points is None
    post_score(client, r, r.b, r.leadership, stage="self", points="9", evidence="KH số 3")
    leader_access = EvaluationAccess(user_scope(people["leader"]), r.scheme)
    with pytest.raises(ValidationError) as exc:
        scoring.score_adjust(
            access=leader_access, sheet=sheet(r, r.b), criterion=r.leadership, points="7",
            reason=too_long, user=people["leader"],
        )  # fmt: skip
    assert "reason" in exc.value.message_dict
    assert score(r, r.b, r.leadership).points == Decimal(9)
    with pytest.raises(ValidationError):
        ranking.ranking_freeze(scheme=r.scheme, user=None, note=too_long)
    assert not RankingVersion.objects.exists()
    assert ScoreChange.objects.filter(stage="block").count() == 0
