"""A proposal reads the round's row locked, inside its transaction: a round the office (or the
daily job) closed after the page was opened — or while the proposal waited for the lock —
refuses it, instead of taking one more after it closed."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from nominations import services
from nominations.models import AwardRound, Nomination
from nominations.services import RoundClosed
from nominations.tests.factories import unit


def _nominate(rw, access):
    return services.nomination_create(
        access=access, form=rw.merit, subject=unit(rw.world.commune.pk), user=rw.commune_user
    )


@pytest.mark.django_db
def test_a_round_closed_after_the_page_was_read_refuses_the_proposal(rw):
    access = rw.access(rw.commune_user)  # read while the round was open
    assert access.nominations_open
    AwardRound.objects.filter(pk=rw.round.pk).update(closed_at=timezone.now())
    with pytest.raises(RoundClosed):
        _nominate(rw, access)
    assert not Nomination.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_proposal_waiting_on_a_round_being_closed_is_refused(rw):
    """Two connections (PostgreSQL): one closes the round holding its row; the proposal waits
    for the lock, then reads the round closed."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    locked, release = threading.Event(), threading.Event()
    outcome = {}

    def close():
        try:
            with transaction.atomic():
                AwardRound.objects.select_for_update().get(pk=rw.round.pk)
                locked.set()
                release.wait(10)
                AwardRound.objects.filter(pk=rw.round.pk).update(closed_at=timezone.now())
        finally:
            connection.close()

    def propose(access):
        try:
            outcome["nomination"] = _nominate(rw, access)
        except RoundClosed as exc:
            outcome["refused"] = exc.messages
        finally:
            connection.close()

    access = rw.access(rw.commune_user)
    closer = threading.Thread(target=close)
    closer.start()
    assert locked.wait(10)
    proposer = threading.Thread(target=propose, args=(access,))
    proposer.start()
    time.sleep(0.5)
    assert proposer.is_alive()  # waiting for the round's row
    release.set()
    closer.join(10)
    proposer.join(10)
    assert outcome == {"refused": ["Đợt đã dừng nhận đề nghị mới."]}
    assert not Nomination.objects.exists()
