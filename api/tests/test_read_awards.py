"""Nominations, the award registry and decisions through the API: the token's scope (the pages'
selectors), filters, counts, the same queries for 3 or 30 rows — and the secret ballot: never a
member's vote, at most the tally of a closed session, to those who read its minutes."""

import datetime

import pytest

from api.endpoints import api
from api.tests.reading import cost, get, items, reader
from awards.models import AwardRecord
from awards.tests.factories import AwardRecordFactory
from council.models import Ballot
from decisions import services as decision_services
from decisions.models import Decision
from decisions.tests.factories import voted
from nominations import rounds
from nominations.models import Nomination
from nominations.tests.factories import round_world
from org.models import Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, PersonFactory
from tests.test_scope_matrix import _objects

pytestmark = pytest.mark.django_db


@pytest.fixture
def rw(world):
    return round_world(world)


@pytest.fixture
def decided(rw):
    """Two nominations of xã Thống Nhất, four of five members for, decided and issued."""
    merit, flag = voted(rw, agree=4)
    decision = decision_services.decision_draft(
        access=rw.access(rw.office),
        nominations=[flag, merit],
        number="12/QĐ-UBND",
        date=datetime.date(2026, 12, 1),
        signer="Nguyễn Văn A",
        title="Về việc tặng thưởng năm 2026",
        user=rw.office,
    )
    decision_services.decision_issue(access=rw.access(rw.office), decision=decision, user=rw.office)
    return merit, flag, decision


def office(world):
    return reader(world.province, Role.COORDINATOR, "vanphong_api")


def test_a_nomination_carries_the_published_tally_never_a_members_vote(world, rw, decided, client):
    merit, flag, decision = decided
    token = office(world)
    rows = {n["id"]: n for n in items(client, token, "/api/v1/nominations")}
    assert rows[merit.pk]["tally"] == {"agree": 4, "disagree": 1, "passed": True}
    assert rows[flag.pk]["tally"] == {"agree": 4, "disagree": 1, "passed": True}
    assert rows[merit.pk]["form"] == "bang-khen-chu-tich-tinh"
    assert rows[merit.pk]["proposer"] == world.commune.code
    assert rows[merit.pk]["status"] == "decided" and rows[merit.pk]["vote_passed"] is True
    # No answer carries a receipt code, a ballot or who voted what.
    receipts = set(Ballot.objects.values_list("receipt", flat=True))
    assert len(receipts) == 5
    for url in (
        "/api/v1/nominations",
        f"/api/v1/nominations/{merit.pk}",
        "/api/v1/decisions",
        f"/api/v1/decisions/{decision.pk}",
        "/api/v1/awards",
        "/api/v1/award-rounds",
    ):
        text = get(client, token, url).content.decode()
        assert not any(receipt in text for receipt in receipts), url
        assert "ballot" not in text.lower() and "receipt" not in text.lower(), url
    described = api.get_openapi_schema()["components"]["schemas"]
    assert set(described["TallyOut"]["properties"]) == {"agree", "disagree", "passed"}
    # The proposing commune reads its nominations and the council's verdict, not the tally:
    # the minutes are the council's, the office's and the leaders' of the level.
    commune = reader(world.commune, Role.COORDINATOR, "xa_api")
    (own,) = [n for n in items(client, commune, "/api/v1/nominations") if n["id"] == merit.pk]
    assert own["vote_passed"] is True and own["tally"] is None


def test_decisions_and_the_registry_read_by_codes(world, rw, decided, client):
    _merit, flag, decision = decided
    token = office(world)
    (body,) = items(client, token, "/api/v1/decisions")
    assert body["unit"] == world.province.code and body["status"] == "issued"
    assert [line["form"] for line in body["lines"]] == [
        "co-thi-dua-ubnd-tinh",
        "bang-khen-chu-tich-tinh",
    ]
    assert all(line["award"] for line in body["lines"])
    assert get(client, token, f"/api/v1/decisions/{decision.pk}").json() == body
    commune = reader(world.commune, Role.COORDINATOR, "xa_api")
    awards = items(client, commune, "/api/v1/awards")
    assert {a["subject_unit"] for a in awards} == {world.commune.code}
    assert {a["decision_number"] for a in awards} == {"12/QĐ-UBND"}
    record = AwardRecord.objects.get(form=flag.form)
    assert get(client, commune, f"/api/v1/awards/{record.pk}").json()["form"] == (
        "co-thi-dua-ubnd-tinh"
    )
    # A commune is not a level that decides: the province's decision is not its to read.
    assert get(client, commune, f"/api/v1/decisions/{decision.pk}").status_code == 404


def test_another_provinces_awards_are_absent_and_a_404(world, rw, client):
    foreign = _objects(world.other_province)
    token = office(world)
    for url, key in (
        ("/api/v1/nominations/{}", "nomination"),
        ("/api/v1/decisions/{}", "decision"),
        ("/api/v1/awards/{}", "award_record"),
    ):
        assert get(client, token, url.format(foreign[key].pk)).status_code == 404, url
    for url in (
        "/api/v1/nominations",
        "/api/v1/decisions",
        "/api/v1/awards",
        "/api/v1/award-rounds",
    ):
        text = get(client, token, url).content.decode()
        assert "bí mật" not in text and world.other_province.code not in text, url
    assert [r["id"] for r in items(client, token, "/api/v1/award-rounds")] == [rw.round.pk]


def _nominate(rw, n, *, start=0):
    for i in range(start, start + n):
        unit = OrgUnitFactory(parent=rw.world.province, code=f"P1-N{i}")
        Nomination.objects.create(
            round=rw.round,
            form=rw.merit,
            subject_unit=unit,
            subject_name=unit.name,
            proposer=unit,
            status=Nomination.Status.SUBMITTED,
        )


def test_nominations_filter_and_page_in_bounded_queries(world, rw, client):
    token = office(world)
    _nominate(rw, 3)
    small = cost(client, token, "/api/v1/nominations")
    _nominate(rw, 27, start=3)
    assert cost(client, token, "/api/v1/nominations") == small <= 8
    page = get(client, token, "/api/v1/nominations?limit=10&offset=25").json()
    assert page["count"] == 30 and len(page["items"]) == 5
    url = "/api/v1/nominations"
    assert len(items(client, token, f"{url}?proposer=P1-N4")) == 1
    assert len(items(client, token, f"{url}?form=bang-khen-chu-tich-tinh&status=submitted")) == 30
    assert items(client, token, f"{url}?form=co-thi-dua-ubnd-tinh") == []
    assert items(client, token, f"{url}?subject_type=individual") == []
    assert items(client, token, f"{url}?year=2025") == []
    assert len(items(client, token, f"{url}?round={rw.round.pk}&year=2026")) == 30


def test_the_registry_filters_by_codes_and_pages_in_bounded_queries(world, rw, client):
    token = office(world)

    def add(n, unit, **fields):
        for _ in range(n):
            AwardRecordFactory(person=PersonFactory(unit=unit), **fields)

    add(3, world.commune)
    small = cost(client, token, "/api/v1/awards")
    add(26, world.village)
    add(1, world.other_commune, year=2024)
    assert cost(client, token, "/api/v1/awards") == small <= 8
    assert get(client, token, "/api/v1/awards?limit=5").json()["count"] == 30
    url = "/api/v1/awards"
    assert len(items(client, token, f"{url}?unit={world.commune.code}")) == 29
    assert len(items(client, token, f"{url}?year=2024")) == 1
    assert len(items(client, token, f"{url}?form=lao-dong-tien-tien")) == 30
    assert items(client, token, f"{url}?form=khong-co") == []
    assert items(client, token, f"{url}?unit={world.other_province.code}") == []
    # Both communes are in the block (round_world); the village is in none.
    assert len(items(client, token, f"{url}?block={rw.block.code}")) == 4
    # The commune reads its own subtree's awards only.
    commune = reader(world.commune, Role.COORDINATOR, "xa_api")
    assert get(client, commune, url).json()["count"] == 29


def test_decisions_filter_and_page_in_bounded_queries(world, rw, client):
    token = office(world)
    _nominate(rw, 1)
    nomination = Nomination.objects.get()

    def add(n):
        for _ in range(n):
            decision = Decision.objects.create(
                unit=world.province,
                round=rw.round,
                number="",
                date=datetime.date(2026, 12, 1),
                signer="A",
                title="Dự thảo",
            )
            decision.lines.create(
                nomination=nomination,
                subject_name=nomination.subject_name,
                subject_type="collective",
                form=rw.merit,
            )

    add(3)
    small = cost(client, token, "/api/v1/decisions")
    add(27)
    assert cost(client, token, "/api/v1/decisions") == small <= 8
    assert get(client, token, "/api/v1/decisions?limit=1").json()["count"] == 30
    assert len(items(client, token, "/api/v1/decisions?status=draft&kind=decision")) == 30
    assert items(client, token, "/api/v1/decisions?status=issued") == []
    assert items(client, token, "/api/v1/decisions?year=2025") == []


def test_award_rounds_carry_each_quota_with_its_use_in_bounded_queries(world, rw, client):
    token = office(world)
    rounds.round_quotas_set(
        access=rw.access(rw.office), limits={rw.merit: 5}, expected_version=None, user=rw.office
    )
    _nominate(rw, 2)
    (body,) = items(client, token, "/api/v1/award-rounds")
    assert {q["form"]: (q["limit"], q["used"]) for q in body["quotas"]} == {
        "co-thi-dua-ubnd-tinh": (1, 0),
        "bang-khen-chu-tich-tinh": (5, 2),
    }
    assert {q["form_name"] for q in body["quotas"]} == {rw.flag.name, rw.merit.name}
    small = cost(client, token, "/api/v1/award-rounds")

    def another(i):
        rounds.round_create(
            scope=user_scope(rw.office),
            unit=world.province,
            kind=rw.round.kind,
            award_kind=rw.round.award_kind,
            year=2026,
            name=f"Đợt {i}",
            deadline=rw.round.deadline,
            user=rw.office,
            quotas={rw.flag: i + 1, rw.merit: 2},
        )

    for i in range(9):
        another(i)
    assert cost(client, token, "/api/v1/award-rounds") == small <= 8
    assert len(items(client, token, "/api/v1/award-rounds")) == 10
