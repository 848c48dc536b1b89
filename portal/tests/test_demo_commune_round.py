"""The demo's evaluation data (issue #14, Demo): every Lào Cai unit in one of its 21 blocks and
the frozen ranking covering every block that has units; xã Thống Nhất's own round for its
villages, households, enterprises and people, idempotent."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_demo_ranks_every_lao_cai_unit_and_holds_the_communes_own_round():
    from evaluation.models import EvaluationScheme, RankingEntry
    from org.models import OrgUnit
    from org.scope import UserScope
    from org.selectors import unit_block_ids_on
    from registrations.models import RegistrationRound, SubjectRegistration
    from registrations.selectors import round_board

    call_command("load_demo")
    scheme = EvaluationScheme.objects.get(issuer__code="LCI", year=2026)
    units = list(
        OrgUnit.objects.active_on(scheme.cutoff)
        .filter(path__startswith=scheme.issuer.path)
        .exclude(pk=scheme.issuer_id)
        .values_list("pk", flat=True)
    )
    blocks = unit_block_ids_on(units, scheme.cutoff)
    assert set(blocks) == set(units), "every Lào Cai unit belongs to a block on the cutoff"
    entries = RankingEntry.objects.filter(version__scheme=scheme, version__number=1)
    assert set(entries.values_list("block_id", flat=True)) == set(blocks.values())
    assert set(entries.values_list("unit_id", flat=True)) == set(units)

    round_ = RegistrationRound.objects.get(plan__issuer__code="LSN-XTN", year=2026)
    board = round_board(scope=UserScope(user_id=None, is_superuser=True), round_=round_)
    standings = {row.unit.code: (row.standing, row.late) for row in board.rows}
    assert ("approved", False) in standings.values()
    assert ("returned", True) in standings.values() and ("missing", True) in standings.values()
    assert ("approved", True) in standings.values()  # approved after the deadline
    mine = SubjectRegistration.objects.filter(round=round_)
    assert mine.filter(enterprise__isnull=False, status="approved").count() >= 2
    assert mine.filter(household__isnull=False, status="approved").count() >= 3
    assert mine.filter(household__isnull=False, status="submitted").count() == 1
    person = mine.filter(person__isnull=False)
    assert person.filter(status="returned").get().return_reason
    assert any("chien-si-thi-dua-co-so" in [t["code"] for t in r.titles] for r in person)
    count = mine.count()
    call_command("load_demo")
    assert SubjectRegistration.objects.filter(round=round_).count() == count
