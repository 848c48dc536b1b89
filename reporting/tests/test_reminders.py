"""send_reminders: who gets an e-mail, when, and only once (Django's locmem mail backend)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from org.models import Role
from org.tests.factories import user_with_role
from reporting.models import Reminder, WorkflowStatus
from reporting.reminders import reminders_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def addressed(setup, world):
    for role in (Role.REPORTER, Role.HEAD):
        user = setup.user(role)
        user.email = f"{role}@xa.vn"
        user.save()
    # A coordinator is not reminded; a reporter of another commune is not either.
    setup.user(Role.COORDINATOR).email = "cq@xa.vn"
    setup.user(Role.COORDINATOR).save()
    other = user_with_role(world.other_commune, Role.REPORTER, email="khac@xa.vn")
    return other


def test_units_that_have_not_submitted_are_reminded_before_the_due_day(setup, addressed):
    due = setup.period.due_date
    outcome = reminders_send(today=due - datetime.timedelta(days=2), days_before=3)
    assert [(r.unit, r.kind) for r in outcome.sent] == [(setup.report.unit, "before")]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["head@xa.vn", "reporter@xa.vn"]
    assert "Còn 2 ngày đến hạn báo cáo" in message.subject
    assert f"/bao-cao/don-vi/{setup.report.unit.pk}/ky/{setup.period.pk}/" in message.body


def test_each_reminder_goes_once_and_again_after_the_due_day(setup, addressed):
    due = setup.period.due_date
    reminders_send(today=due - datetime.timedelta(days=1), days_before=3)
    reminders_send(today=due, days_before=3)
    assert len(mail.outbox) == 1
    reminders_send(today=due + datetime.timedelta(days=1), days_after=1)
    assert len(mail.outbox) == 2 and "đã quá hạn" in mail.outbox[1].subject
    reminders_send(today=due + datetime.timedelta(days=5), days_after=1)
    assert len(mail.outbox) == 2
    assert Reminder.objects.count() == 2


def test_a_submitted_report_is_not_reminded_but_a_returned_one_is(setup, addressed):
    due = setup.period.due_date
    setup.fill()
    setup.submit()
    reminders_send(today=due + datetime.timedelta(days=1))
    assert mail.outbox == []
    setup.give_back(role=Role.HEAD)
    assert setup.fresh().status == WorkflowStatus.RETURNED
    reminders_send(today=due + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1


def test_a_closed_period_is_not_reminded(setup, addressed):
    setup.period.is_closed = True
    setup.period.save()
    reminders_send(today=setup.period.due_date + datetime.timedelta(days=1))
    assert mail.outbox == []


def test_the_command_for_cron_prints_what_it_did_and_who_has_no_address(setup, world):
    out, err = io.StringIO(), io.StringIO()
    day = (setup.period.due_date + datetime.timedelta(days=2)).strftime("%d/%m/%Y")
    call_command("send_reminders", today=day, stdout=out, stderr=err)
    assert "Không có địa chỉ thư" in err.getvalue() and "Đã nhắc 0 đơn vị." in out.getvalue()
    user = setup.user(Role.REPORTER)
    user.email = "mai@xa.vn"
    user.save()
    call_command("send_reminders", today=day, dry_run=True, stdout=out, stderr=err)
    assert "Sẽ nhắc UBND xã Thống Nhất" in out.getvalue() and mail.outbox == []
    call_command("send_reminders", today=day, stdout=out, stderr=err)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mai@xa.vn"]


def test_months_long_past_are_not_reminded(setup, addressed):
    reminders_send(today=setup.period.due_date + datetime.timedelta(days=45))
    assert mail.outbox == []


def test_celery_beat_sends_the_reminders_daily_without_cron(
    setup, addressed, monkeypatch, settings
):
    from reporting import reminders
    from reporting.tasks import send_reminders
    from thidua.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["send-reminders"]
    assert entry["task"] == send_reminders.name and entry["task"] in app.tasks
    assert (entry["schedule"].hour, entry["schedule"].day_of_week) == ({7}, set(range(7)))
    due = setup.period.due_date
    monkeypatch.setattr(reminders.timezone, "localdate", lambda: due - datetime.timedelta(days=2))
    settings.REMINDER_DAYS_BEFORE = 3
    assert send_reminders() == 1 and len(mail.outbox) == 1
    assert send_reminders() == 0  # the same day again: nothing twice
