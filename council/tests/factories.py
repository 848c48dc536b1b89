"""A round whose nominations are published and whose comment period is over, and a session of
its council convened on it."""

import datetime
from unittest import mock

from django.utils import timezone

from council import services
from council.access import SessionAccess
from council.models import CouncilSession
from nominations import services as nomination_services
from nominations.tests.factories import unit
from org.scope import user_scope


def published(rw, forms=None):
    """Nominate xã Thống Nhất for each form, check, publish for 1 day, and return after the
    period (the clock is moved two days back for the publication)."""
    forms = forms or [rw.merit, rw.flag]
    nominations = []
    for form in forms:
        n = nomination_services.nomination_create(
            access=rw.access(rw.commune_user),
            form=form,
            subject=unit(rw.world.commune.pk),
            user=rw.commune_user,
        )
        nomination_services.nomination_submit(
            access=rw.access(rw.commune_user), nomination=n, user=rw.commune_user
        )
        nomination_services.nomination_check(
            access=rw.access(rw.office), nomination=n, user=rw.office
        )
        nominations.append(n)
    earlier = timezone.now() - datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=earlier):
        nomination_services.round_publish(access=rw.access(rw.office), days=1, user=rw.office)
    for n in nominations:
        n.refresh_from_db()
    return nominations


def convene(rw, mode=CouncilSession.Mode.ELECTRONIC) -> CouncilSession:
    return services.session_create(
        access=rw.access(rw.office),
        title="Phiên họp xét khen thưởng năm 2026",
        held_on=timezone.localdate(),
        members=[(p, "Ủy viên", i == 0) for i, p in enumerate(rw.members)],
        user=rw.office,
        mode=mode,
    )


def session_access(user, session) -> SessionAccess:
    return SessionAccess(user_scope(user), CouncilSession.objects.get(pk=session.pk))


def open_with(rw, session, present: int):
    ids = list(session.members.order_by("pk").values_list("pk", flat=True))[:present]
    services.session_open(access=session_access(rw.office, session), present=ids, user=rw.office)


def vote(rw, session, member_index: int, choices: list[str]) -> str:
    user = rw.members[member_index].user
    items = list(session.items.order_by("order").values_list("pk", flat=True))
    return services.ballot_cast(
        access=session_access(user, session), choices=dict(zip(items, choices, strict=True))
    )
