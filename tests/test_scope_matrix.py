"""Every URL × every role: nothing of another subtree is visible or editable (404, not 403),
and no object is reachable by guessing an id."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from awards.catalogue import catalogue_load_defaults
from awards.models import AwardForm, AwardKind, AwardRecord
from evaluation.models import EvaluationScheme, RankingVersion, ScoreChange, ScoreSheet
from jobs.models import Job
from org.models import BlockMembership, EmulationBlock, Enterprise, Household, Person, Role
from org.tests.factories import EnterpriseFactory, HouseholdFactory, user_with_role
from plans.models import Plan, PlanImport, Target, Task
from plans.tests.factories import (
    PlanFactory,
    PlanImportFactory,
    TargetFactory,
    TaskDeadlineFactory,
    TaskFactory,
)
from registrations.models import Registration, RegistrationReminder, RegistrationRound
from reporting.models import Event, Evidence, Period, Report, ReportValue, TaskUpdate
from reporting.tests.factories import PeriodFactory, ScheduleFactory, ScheduleIndicatorFactory

pytestmark = pytest.mark.django_db

# Every named URL of our apps that takes an object id, with the kind of object it takes.
OBJECT_URLS = {
    "awards:unit": "unit",
    "awards:person": "person",
    "awards:certificate_docx": "award_record",
    "awards:unit_report": "unit",
    "awards:person_report": "person",
    "awards:certificate_pdf": "award_record",
    "plans:detail": "plan",
    "plans:edit": "plan",
    "plans:cascade": "plan",
    "plans:target_create": "plan",
    "plans:task_create": "plan",
    "plans:target_edit": "target",
    "plans:task_detail": "task",
    "plans:task_edit": "task",
    "org:detail": "unit",
    "plans:import_review": "plan_import",
    "plans:import_discard": "plan_import",
    "reporting:start": "unit_period",
    "reporting:detail": "report",
    "reporting:autosave": "report",
    "reporting:submit": "report",
    "reporting:approve": "report",
    "reporting:accept": "report",
    "reporting:return": "report",
    "reporting:reopen": "report",
    "reporting:excel": "report",
    "reporting:excel_upload": "report",
    "reporting:evidence": "evidence",
    "reporting:evidence_delete": "evidence",
    "reporting:schedule_detail": "schedule",
    "reporting:schedule_edit": "schedule",
    "reporting:schedule_generate": "schedule",
    "reporting:schedule_one_off": "schedule",
    "reporting:period_reopen": "schedule",
    "reporting:board": "schedule",
    "reporting:board_excel": "schedule",
    "reporting:period_close": "period",
    "reporting:period_excel": "period",
    "registrations:detail": "registration",
    "registrations:decide": "registration",
    "registrations:round": "round",
    "registrations:round_remind": "round",
    "monitoring:plan": "plan",
    "monitoring:heat_map": "plan",
    "monitoring:tasks": "plan",
    "monitoring:plan_excel": "plan",
    "monitoring:plan_word": "plan",
    "monitoring:target": "target",
    "monitoring:target_excel": "target",
    "monitoring:unit": "unit",
    "org:unit_block": "unit",
    "org:household_edit": "household",
    "org:enterprise_edit": "enterprise",
    "evaluation:scheme": "scheme",
    "evaluation:rescore": "scheme",
    "evaluation:index_import": "scheme",
    "evaluation:tie_rules": "scheme",
    "evaluation:freeze": "scheme",
    "evaluation:block": "scheme",
    "evaluation:sheet": "sheet",
    "evaluation:score": "sheet",
    "evaluation:submit": "sheet",
    "evaluation:adjustment": "sheet",
    "evaluation:ranking": "version",
    "evaluation:ranking_excel": "version",
    "evaluation:ranking_word": "version",
}
# Public pages (no login): they show only published data; their own tests (opendata/tests)
# prove that nothing unpublished appears. Here: open to anyone, and an unpublished or unknown
# object is a 404.
PUBLIC_URLS = {
    "opendata:movement": [],
    "opendata:csv": ["chi-tieu"],
    "opendata:json": ["khen-thuong"],
}
# Answer only POST (405 to a GET, whoever asks and whatever the id: nothing is revealed).
POST_ONLY = {
    "plans:import_discard",
    "reporting:autosave",
    "reporting:submit",
    "reporting:approve",
    "reporting:accept",
    "reporting:reopen",
    "reporting:excel_upload",
    "reporting:evidence_delete",
    "reporting:schedule_generate",
    "reporting:schedule_one_off",
    "reporting:period_reopen",
    "reporting:period_close",
    "registrations:decide",
    "registrations:round_remind",
    # Exports start a background job (jobs/).
    "monitoring:plan_excel",
    "monitoring:plan_word",
    "monitoring:target_excel",
    "evaluation:rescore",
    "evaluation:index_import",
    "evaluation:tie_rules",
    "evaluation:freeze",
    "evaluation:score",
    "evaluation:submit",
    "evaluation:adjustment",
    "evaluation:ranking_excel",
    "evaluation:ranking_word",
    # One certificate's PDF is a background job too.
    "awards:certificate_pdf",
}
# Pages that change data and the roles that may open them on their own unit (others get 404).
EDIT_URLS = {
    "plans:edit": {Role.COORDINATOR},
    "plans:target_create": {Role.COORDINATOR},
    "plans:task_create": {Role.COORDINATOR},
    "plans:target_edit": {Role.COORDINATOR},
    "plans:task_edit": {Role.COORDINATOR},
    "plans:import_review": {Role.COORDINATOR},
    "plans:import_discard": {Role.COORDINATOR},
    "reporting:schedule_edit": {Role.COORDINATOR},
    # The own report is waiting for its head: the head or a coordinator may return it.
    "reporting:return": {Role.HEAD, Role.COORDINATOR},
    # Blocks are the province's: a commune's own coordinator does not move its commune.
    "org:unit_block": set(),
    "org:household_edit": {Role.COORDINATOR},
    "org:enterprise_edit": {Role.COORDINATOR},
}
# Pages that show with a GET and act on a POST (the start page creates a report).
ACCEPT_POST = {"reporting:start"}
# Own objects answering something else than 200 to a GET: the start page redirects to the report.
OWN_GET_STATUS = {"reporting:start": 302}
LIST_URLS = [
    "home",
    "plans:list",
    "plans:target_list",
    "plans:task_list",
    "org:tree",
    "reporting:list",
    "reporting:schedules",
    "registrations:list",
    "monitoring:index",
    "org:blocks",
    "org:households",
    "org:enterprises",
    "evaluation:list",
    "awards:registry",
]
ROLES = [Role.COORDINATOR, Role.REPORTER, Role.HEAD, Role.COUNCIL, Role.LEADER]


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in ("admin",) or "i18n" in str(pattern.pattern):
                continue
            yield from _named_patterns(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def test_every_url_with_an_id_is_in_the_matrix():
    with_ids = {name for name, p in _named_patterns() if "<int:" in str(p.pattern)}
    assert with_ids == set(OBJECT_URLS) | set(PUBLIC_URLS), (
        "add new URLs to OBJECT_URLS (or PUBLIC_URLS) so their scope is tested"
    )


def test_public_urls_are_open_and_an_unpublished_object_is_404(client, world):
    from movements.models import Movement

    published = Movement.objects.create(name="Công khai", start_year=2026, end_year=2030)
    PlanFactory(issuer=world.province, movement=published, status=Plan.Status.ISSUED)
    hidden = Movement.objects.create(name="Nội bộ", start_year=2026, end_year=2030)
    PlanFactory(issuer=world.province, movement=hidden, status=Plan.Status.DRAFT)
    for name, extra in PUBLIC_URLS.items():
        assert client.get(reverse(name, args=[published.pk, *extra])).status_code == 200, name
        assert client.get(reverse(name, args=[hidden.pk, *extra])).status_code == 404, name
        assert client.get(reverse(name, args=[999999, *extra])).status_code == 404, name


def _objects(unit):
    plan = PlanFactory(issuer=unit)
    target = TargetFactory(plan=plan, text="Mục tiêu bí mật của đơn vị khác")
    task = TaskFactory(plan=plan, title="Nhiệm vụ bí mật của đơn vị khác")
    TaskDeadlineFactory(task=task)
    plan_import = PlanImportFactory(issuer=unit)
    schedule = ScheduleFactory(plan=plan, name="Lịch bí mật của đơn vị khác")
    item = ScheduleIndicatorFactory(schedule=schedule)
    Target.objects.filter(pk=target.pk).update(indicator=item.indicator)
    schedule.tasks.add(task)
    period = PeriodFactory(schedule=schedule)
    report = Report.objects.create(
        unit=unit, period=period, status="submitted", results="Kết quả bí mật của đơn vị khác"
    )
    report.values.create(indicator=item.indicator, value=7)
    update = TaskUpdate.objects.create(report=report, task=task, status="in_progress")
    evidence = Evidence.objects.create(
        task_update=update, file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4"), name="bb.pdf"
    )
    registration = Registration.objects.create(unit=unit, plan=plan, year=2026)
    round_ = RegistrationRound.objects.create(
        plan=plan, year=2026, deadline=datetime.date(2026, 3, 31)
    )
    household = HouseholdFactory(unit=unit, head_name="Hộ bí mật của đơn vị khác")
    enterprise = EnterpriseFactory(unit=unit, name="Hợp tác xã bí mật của đơn vị khác")
    EmulationBlock.objects.create(province=unit, code="K01", name="Khối bí mật của đơn vị khác")
    scheme = EvaluationScheme.objects.create(
        issuer=unit,
        plan=plan,
        year=2026,
        name="Bộ tiêu chí bí mật của đơn vị khác",
        cutoff=datetime.date(2026, 6, 30),
    )
    sheet = ScoreSheet.objects.create(scheme=scheme, unit=unit)
    version = RankingVersion.objects.create(
        scheme=scheme, number=1, cutoff=scheme.cutoff, frozen_at=timezone.now()
    )
    person = Person.objects.create(unit=unit, full_name="Người bí mật của đơn vị khác")
    catalogue_load_defaults()
    award_record = AwardRecord.objects.create(
        subject_unit=unit,
        subject_name="Tập thể bí mật của đơn vị khác",
        form=AwardForm.objects.get(code="bang-khen-chu-tich-tinh"),
        kind=AwardKind.objects.get(code="hang-nam"),
        year=2025,
        decision_number="99/QĐ-UBND",
        decision_date=datetime.date(2026, 1, 20),
    )
    return {
        "award_record": award_record,
        "person": person,
        "household": household,
        "enterprise": enterprise,
        "scheme": scheme,
        "sheet": sheet,
        "version": version,
        "plan": plan,
        "target": target,
        "task": task,
        "unit": unit,
        "plan_import": plan_import,
        "report": report,
        "schedule": schedule,
        "period": period,
        "evidence": evidence,
        "registration": registration,
        "round": round_,
        "unit_period": (unit, period),
    }


def _url(name, objects):
    kind = OBJECT_URLS[name]
    if kind == "unit_period":
        unit, period = objects[kind]
        return reverse(name, args=[unit.pk, period.pk])
    return reverse(name, args=[objects[kind].pk])


def _state():
    """What a refused request must leave untouched."""
    return (
        Plan.objects.count(),
        Target.objects.count(),
        Task.objects.count(),
        list(Report.objects.order_by("pk").values_list("status", "version")),
        list(ReportValue.objects.order_by("pk").values_list("value", flat=True)),
        Event.objects.count(),
        Evidence.objects.count(),
        list(Period.objects.order_by("pk").values_list("is_closed", flat=True)),
        Period.objects.count(),
        list(Registration.objects.order_by("pk").values_list("status", flat=True)),
        RegistrationRound.objects.count(),
        RegistrationReminder.objects.count(),
        list(Household.objects.order_by("pk").values_list("head_name", "unit_id")),
        list(Enterprise.objects.order_by("pk").values_list("name", "unit_id")),
        list(BlockMembership.objects.order_by("pk").values_list("block_id", "valid_to")),
        list(EvaluationScheme.objects.order_by("pk").values_list("tie_rules", flat=True)),
        ScoreChange.objects.count(),
        RankingVersion.objects.count(),
        ScoreSheet.objects.count(),
        Job.objects.count(),
    )


@pytest.mark.parametrize("role", ROLES)
def test_objects_of_another_subtree_are_404_for_every_role(client, world, role):
    client.force_login(user_with_role(world.commune, role))
    for foreign_unit in (world.other_commune, world.other_province, world.other_department):
        objects = _objects(foreign_unit)
        for name in OBJECT_URLS:
            url = _url(name, objects)
            expected_get = 405 if name in POST_ONLY else 404
            assert client.get(url).status_code == expected_get, (role, name, foreign_unit)
            if name in EDIT_URLS or name in POST_ONLY or name in ACCEPT_POST:
                before = _state()
                response = client.post(
                    url,
                    {
                        "title": "Ghi đè",
                        "text": "Ghi đè",
                        "version": 1,
                        "reason": "Ghi đè",
                        "decision": "approve",
                        "year": 2027,
                        f"v-{objects['report'].values.get().indicator_id}-value": "999",
                    },
                )
                assert response.status_code == 404, (role, name)
                assert _state() == before, (role, name)
        assert Task.objects.get(pk=objects["task"].pk).title == "Nhiệm vụ bí mật của đơn vị khác"
        assert PlanImport.objects.get(pk=objects["plan_import"].pk).status == "pending"


@pytest.mark.parametrize("role", ROLES)
def test_lists_never_show_another_subtree(client, world, role):
    _objects(world.other_commune)
    _objects(world.other_province)
    client.force_login(user_with_role(world.commune, role))
    for name in LIST_URLS:
        page = client.get(reverse(name)).content.decode()
        assert "bí mật của đơn vị khác" not in page, (role, name)
        assert world.other_province.name not in page, (role, name)


@pytest.mark.parametrize("role", ROLES)
def test_own_objects_are_readable_and_only_the_right_roles_may_edit(client, world, role):
    objects = _objects(world.commune)
    client.force_login(user_with_role(world.commune, role))
    for name in OBJECT_URLS:
        if name in POST_ONLY:
            continue
        status = client.get(_url(name, objects)).status_code
        if name in EDIT_URLS and role not in EDIT_URLS[name]:
            assert status == 404, (role, name)
        else:
            assert status == OWN_GET_STATUS.get(name, 200), (role, name)


def test_ids_that_do_not_exist_are_404(client, world):
    client.force_login(user_with_role(world.province))
    for name in OBJECT_URLS:
        method = client.post if name in POST_ONLY else client.get
        args = [999999, 999999] if OBJECT_URLS[name] == "unit_period" else [999999]
        assert method(reverse(name, args=args)).status_code == 404, name


def test_anonymous_visitors_are_sent_to_login(client, world):
    objects = _objects(world.commune)
    for name in OBJECT_URLS:
        method = client.post if name in POST_ONLY else client.get
        response = method(_url(name, objects))
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
