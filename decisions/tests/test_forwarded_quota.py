"""A nomination forwarded to the higher level (its tờ trình issued) still uses its form's quota in
the round: it was proposed there. It used to drop out of the count once forwarded, so the round
read "0/1" for a Bằng khen của Thủ tướng already proposed."""

import datetime

import pytest

from awards.models import AwardForm
from decisions import services
from decisions.models import Decision
from decisions.tests.factories import voted
from nominations import rounds
from nominations.models import Nomination
from nominations.selectors import form_use, round_quotas
from nominations.services import quota_use

pytestmark = pytest.mark.django_db


@pytest.fixture
def forwarded(rw):
    """xã Thống Nhất proposed for the Prime Minister's Bằng khen (quota 1), passed by the
    council and forwarded by the province's tờ trình."""
    higher = AwardForm.objects.get(code="bang-khen-thu-tuong")
    rounds.round_quotas_set(
        access=rw.access(rw.office), limits={higher: 1}, expected_version=None, user=rw.office
    )
    (nomination,) = voted(rw, forms=[higher])
    proposal = services.decision_draft(
        access=rw.access(rw.office),
        nominations=[nomination],
        number="05/TTr-UBND",
        date=datetime.date(2026, 12, 1),
        signer="Nguyễn Văn A",
        title="Đề nghị tặng Bằng khen của Thủ tướng Chính phủ",
        user=rw.office,
    )
    assert proposal.kind == Decision.Kind.PROPOSAL
    services.decision_issue(access=rw.access(rw.office), decision=proposal, user=rw.office)
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.FORWARDED
    return higher


def test_a_forwarded_nomination_counts_toward_its_forms_quota(rw, forwarded):
    assert quota_use(rw.round, forwarded) == (1, 1)
    assert form_use(rw.round)[forwarded.pk] == 1
    (line,) = [q for q in round_quotas(rw.round) if q.form == forwarded]
    assert (line.used, line.limit, line.full, line.exceeded) == (1, 1, True, False)


def test_the_round_page_reads_the_quota_as_used(client, rw, forwarded):
    client.force_login(rw.commune_user)
    page = client.get(rw.round.get_absolute_url()).text
    assert f"{forwarded.name}: 1/1" in page
