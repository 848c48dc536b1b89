"""Nominations the council has voted on, ready for a decision."""

from council import services as council_services
from council.tests.factories import convene, open_with, published, session_access, vote


def voted(rw, forms=None, agree=5):
    """Publish a nomination of xã Thống Nhất per form; the five members vote, `agree` of them
    for every item."""
    nominations = published(rw, forms)
    session = convene(rw)
    open_with(rw, session, 5)
    count = session.items.count()
    for i in range(5):
        vote(rw, session, i, ["agree" if i < agree else "disagree"] * count)
    council_services.session_close(access=session_access(rw.office, session), user=rw.office)
    for n in nominations:
        n.refresh_from_db()
    return nominations
