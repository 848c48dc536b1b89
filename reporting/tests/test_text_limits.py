"""Free text is bounded (#13 item 5): a narrative, a note, a reason or a title longer than
TEXT_MAX_CHARS is refused with a Vietnamese message next to its box, on the web page and in an
Excel file alike, and nothing is saved."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.text import TEXT_MAX_CHARS
from org.models import Role
from plans.models import Task
from reporting.models import Event, WorkflowStatus
from reporting.tests.test_excel import export, refusal

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * (TEXT_MAX_CHARS + 1)
MESSAGE = "quá giới hạn 30.000 ký tự"


def test_a_narrative_longer_than_the_limit_is_refused_next_to_its_box(client, setup):
    client.force_login(setup.user(Role.REPORTER))
    report = setup.fresh()
    response = client.post(
        reverse("reporting:detail", args=[report.pk]),
        {"version": report.version, "results": TOO_LONG, "save": "1"},
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert 'data-testid="error-results"' in response.content.decode()
    assert setup.fresh().version == report.version
    assert setup.fresh().results == ""


def test_a_narrative_at_the_limit_is_saved(setup):
    report = setup.save(narrative={"results": "y" * TEXT_MAX_CHARS})
    assert len(report.results) == TEXT_MAX_CHARS


def test_a_task_note_or_a_comment_longer_than_the_limit_is_refused(setup):
    with pytest.raises(ValidationError) as exc:
        setup.save(
            task_updates={
                setup.task.pk: {"status": "in_progress", "progress": 40, "note": TOO_LONG}
            }
        )
    assert MESSAGE in str(exc.value)
    with pytest.raises(ValidationError):
        setup.save(values={setup.count.pk: {"value": 3, "comment": TOO_LONG}})
    assert setup.fresh().version == setup.report.version


def test_an_excel_narrative_longer_than_the_limit_is_refused_at_its_cell(setup, tmp_path):
    report_file = export(setup.report, tmp_path)
    address = report_file.cell("results")
    report_file.fill({address: TOO_LONG})  # Excel holds up to 32,767 characters a cell
    message = refusal(setup, report_file)
    assert f"ô {address}" in message
    assert MESSAGE in message


def test_a_return_reason_longer_than_the_limit_is_refused(setup):
    setup.fill()
    setup.submit()
    setup.approve()
    events = Event.objects.count()
    with pytest.raises(ValidationError) as exc:
        setup.give_back(reason=TOO_LONG)
    assert MESSAGE in str(exc.value)
    assert setup.fresh().status == WorkflowStatus.APPROVED
    assert Event.objects.count() == events


def test_a_task_text_longer_than_the_limit_is_refused_on_the_task_form(client, setup, world):
    from org.tests.factories import user_with_role

    coordinator = user_with_role(world.commune, Role.COORDINATOR, username="coord_len")
    client.force_login(coordinator)
    task = setup.task
    response = client.post(
        reverse("plans:task_edit", args=[task.pk]),
        {"title": task.title, "text": TOO_LONG, "version": task.version},
    )
    assert MESSAGE in response.content.decode()
    assert Task.objects.get(pk=task.pk).text == task.text


def test_autosaves_of_a_long_narrative_log_what_changed_not_the_text_twice(setup):
    """Issue #13 Medium 5: each save of a 30,000-character narrative used to copy it twice
    into its event; now an event keeps the stretch typed (or a long one's length and hash)."""
    text = ("Kết quả nổi bật của xã trong tháng. " * 900)[: TEXT_MAX_CHARS - 40].strip()
    first_length = len(text)
    setup.save(narrative={"results": text})
    for n in range(4):
        text += f" thêm {n}"
        setup.save(narrative={"results": text})
    events = list(Event.objects.filter(report=setup.report, kind="save").order_by("pk"))
    assert len(events) == 5
    assert all(len(json.dumps(e.changes)) < 500 for e in events)
    first = events[0].changes["results"]["text"]
    assert first["removed"] == "" and first["added"]["length"] == first_length
    last = events[-1].changes["results"]["text"]
    assert last["added"] == " thêm 3" and last["removed"] == ""
    assert last["length"] == [len(text) - 7, len(text)]
