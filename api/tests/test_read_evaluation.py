"""Scores and rankings through the API: what each token sees is what the evaluation pages show
(EvaluationAccess), by codes, filtered and paginated, in the same queries for 3 or 30 units."""

import datetime
from decimal import Decimal

import pytest

from api.tests.reading import cost, get, items, reader
from evaluation import ranking
from evaluation.access import EvaluationAccess
from evaluation.models import Criterion, CriterionGroup, EvaluationScheme, Score, ScoreSheet
from org.models import EmulationBlock, Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, UserFactory, put_in_block, user_with_role

pytestmark = pytest.mark.django_db


class Scoring:
    def __init__(self, world, issuer=None, blocks=None):
        issuer = issuer or world.province
        self.scheme = EvaluationScheme.objects.create(
            issuer=issuer, year=2026, name="Bộ tiêu chí 2026", cutoff=datetime.date(2026, 6, 30)
        )
        group = CriterionGroup.objects.create(scheme=self.scheme, order=1, name="Kết quả")
        self.criteria = [
            Criterion.objects.create(
                group=group, order=i, code=f"1.{i}", name=f"Tiêu chí {i}", max_points=50
            )
            for i in (1, 2)
        ]
        self.blocks = blocks or [
            EmulationBlock.objects.create(
                province=issuer, code=f"{issuer.code}-K0{i}", name=f"Khối {i}"
            )
            for i in (1, 2)
        ]
        self.count = 0

    def sheet(self, unit, block, points=(40, 30)):
        put_in_block(unit, block)
        sheet = ScoreSheet.objects.create(scheme=self.scheme, unit=unit)
        for criterion, value in zip(self.criteria, points, strict=True):
            Score.objects.create(sheet=sheet, criterion=criterion, points=Decimal(value))
        return sheet

    def units(self, parent, block, n):
        for _ in range(n):
            self.count += 1
            unit = OrgUnitFactory(parent=parent, code=f"{parent.code}-U{self.count}")
            self.sheet(unit, block, (self.count % 50, 10))

    def freeze(self):
        return ranking.ranking_freeze(scheme=self.scheme, user=UserFactory(), note="chốt")


def decimals(points: dict) -> dict:
    return {code: Decimal(value) for code, value in points.items()}


@pytest.fixture
def scoring(world):
    scoring = Scoring(world)
    scoring.sheet(world.commune, scoring.blocks[0], (45, 40))
    scoring.sheet(world.other_commune, scoring.blocks[1], (30, 20))
    return scoring


@pytest.fixture
def leader(world):
    return reader(world.province, Role.LEADER, "lanhdao_tinh")


def test_schemes_read_with_their_criteria_and_versions(world, scoring, leader, client):
    version = scoring.freeze()
    (scheme,) = items(client, leader, "/api/v1/schemes")
    assert scheme["issuer"] == world.province.code and scheme["criteria"] == ["1.1", "1.2"]
    assert [v["id"] for v in scheme["versions"]] == [version.pk]
    assert items(client, leader, "/api/v1/schemes?year=2025") == []
    # The commune is scored by its province's scheme: it reads it too.
    commune = reader(world.commune, Role.REPORTER, "bc_xa")
    assert [s["id"] for s in items(client, commune, "/api/v1/schemes")] == [scoring.scheme.pk]


def test_scores_are_the_sheets_each_token_sees_on_the_pages(world, scoring, leader, client):
    url = f"/api/v1/schemes/{scoring.scheme.pk}/scores"
    rows = {r["unit"]: r for r in items(client, leader, url)}
    assert set(rows) == {world.commune.code, world.other_commune.code}
    own = rows[world.commune.code]
    assert decimals(own["points"]) == {"1.1": 45, "1.2": 40}
    assert Decimal(own["total"]) == 85
    # A commune reads its own sheet, not its neighbour's.
    commune = reader(world.commune, Role.REPORTER, "bc_xa")
    assert [r["unit"] for r in items(client, commune, url)] == [world.commune.code]
    # Filters: the unit's subtree, the sheet's status.
    assert [r["unit"] for r in items(client, leader, f"{url}?unit={world.other_commune.code}")] == [
        world.other_commune.code
    ]
    assert items(client, leader, f"{url}?status=reviewed") == []


def test_the_api_list_of_sheets_is_can_see_sheet(world, scoring):
    """EvaluationAccess.sheets_q, the list's condition, agrees with can_see_sheet, the page's,
    for every sheet and every kind of reader (a block leader included)."""
    scoring.units(world.province, scoring.blocks[0], 2)
    scoring.units(world.province, scoring.blocks[1], 2)
    users = [
        user_with_role(world.province, Role.LEADER),
        user_with_role(world.commune, Role.REPORTER),
        user_with_role(world.commune, Role.BLOCK_LEADER),
        user_with_role(world.other_province, Role.COORDINATOR),
        user_with_role(world.village, Role.HEAD),
    ]
    for user in users:
        access = EvaluationAccess(user_scope(user), scoring.scheme)
        listed = set(scoring.scheme.sheets.filter(access.sheets_q()).values_list("pk", flat=True))
        seen = {s.pk for s in scoring.scheme.sheets.all() if access.can_see_sheet(s)}
        assert listed == seen, user
    block_leader = EvaluationAccess(user_scope(users[2]), scoring.scheme)
    assert scoring.scheme.sheets.filter(block_leader.sheets_q()).count() == 3


def test_another_provinces_scheme_and_ranking_are_absent_and_a_404(world, scoring, leader, client):
    foreign = Scoring(world, issuer=world.other_province)
    foreign.sheet(world.other_department, foreign.blocks[0])
    version = foreign.freeze()
    assert [s["id"] for s in items(client, leader, "/api/v1/schemes")] == [scoring.scheme.pk]
    assert items(client, leader, "/api/v1/rankings") == []
    for url in (
        f"/api/v1/schemes/{foreign.scheme.pk}/scores",
        f"/api/v1/rankings/{version.pk}/entries",
    ):
        assert get(client, leader, url).status_code == 404, url


def test_a_unit_reads_only_its_own_blocks_frozen_ranking(world, scoring, leader, client):
    version = scoring.freeze()
    url = f"/api/v1/rankings/{version.pk}/entries"
    everything = items(client, leader, url)
    assert [(e["block"], e["unit"], e["rank"]) for e in everything] == [
        ("P1-K01", world.commune.code, 1),
        ("P1-K02", world.other_commune.code, 1),
    ]
    assert decimals(everything[0]["points"]) == {"1.1": 45, "1.2": 40}
    commune = reader(world.commune, Role.REPORTER, "bc_xa")
    assert [e["unit"] for e in items(client, commune, url)] == [world.commune.code]
    assert get(client, commune, f"{url}?block=P1-K02").status_code == 404
    assert [e["unit"] for e in items(client, leader, f"{url}?block=P1-K02")] == [
        world.other_commune.code
    ]
    assert items(client, leader, f"{url}?unit={world.village.code}") == []
    (listed,) = items(client, commune, "/api/v1/rankings")
    assert listed["id"] == version.pk and listed["number"] == 1


def test_scores_and_rankings_page_with_a_count_in_bounded_queries(world, scoring, leader, client):
    scoring.units(world.province, scoring.blocks[0], 1)
    first = scoring.freeze()
    scores = f"/api/v1/schemes/{scoring.scheme.pk}/scores"
    small = (
        cost(client, leader, scores),
        cost(client, leader, f"/api/v1/rankings/{first.pk}/entries"),
    )
    scoring.units(world.province, scoring.blocks[0], 27)
    second = scoring.freeze()
    large = (
        cost(client, leader, scores),
        cost(client, leader, f"/api/v1/rankings/{second.pk}/entries"),
    )
    assert large == small and max(small) <= 12
    page = get(client, leader, f"/api/v1/rankings/{second.pk}/entries?limit=7&offset=28").json()
    assert page["count"] == 30 and len(page["items"]) == 2
    assert get(client, leader, f"{scores}?limit=10").json()["count"] == 30


def test_scheme_and_ranking_lists_cost_the_same_for_3_or_30(world, leader, client):
    blocks = Scoring(world).blocks

    def add(n):
        for _ in range(n):
            scoring = Scoring(world, blocks=blocks)
            scoring.sheet(OrgUnitFactory(parent=world.province), blocks[0])
            scoring.freeze()

    add(3)
    small = (cost(client, leader, "/api/v1/schemes"), cost(client, leader, "/api/v1/rankings"))
    add(27)
    large = (cost(client, leader, "/api/v1/schemes"), cost(client, leader, "/api/v1/rankings"))
    assert large == small and max(small) <= 8
    assert get(client, leader, "/api/v1/rankings?limit=1").json()["count"] == 30
    assert get(client, leader, "/api/v1/schemes?limit=1").json()["count"] == 31
