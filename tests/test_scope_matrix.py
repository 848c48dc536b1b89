"""Every URL × every role: nothing of another subtree is visible or editable (404, not 403),
and no object is reachable by guessing an id."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from api.models import ApiToken
from awards.catalogue import catalogue_load_defaults
from awards.models import AwardForm, AwardKind, AwardRecord, ClassificationPolicy
from council.models import AgendaItem, Ballot, CouncilSession
from decisions.models import Decision
from evaluation.models import (
    CriterionGroup,
    EvaluationScheme,
    RankingVersion,
    ScoreChange,
    ScoreSheet,
)
from initiatives.models import Event as InitiativeEvent
from initiatives.models import Evidence as InitiativeEvidence
from initiatives.models import FieldLead, Initiative, Replication
from jobs.models import Job
from nominations.models import Attachment, AwardRound, Nomination, RoundQuota
from nominations.tests.factories import open_deadline
from org.models import BlockMembership, EmulationBlock, Enterprise, Household, Person, Role
from org.tests.factories import EnterpriseFactory, HouseholdFactory, UserFactory, user_with_role
from plans.models import Plan, PlanImport, Target, Task
from plans.tests.factories import (
    PlanFactory,
    PlanImportFactory,
    TargetFactory,
    TaskDeadlineFactory,
    TaskFactory,
)
from registrations.models import (
    Registration,
    RegistrationEvent,
    RegistrationReminder,
    RegistrationRound,
    SubjectRegistration,
)
from reporting.models import Event, Evidence, Period, Report, ReportValue, TaskUpdate
from reporting.tests.factories import PeriodFactory, ScheduleFactory, ScheduleIndicatorFactory

pytestmark = pytest.mark.django_db

# Every named URL of our apps that takes an object id, with the kind of object it takes.
OBJECT_URLS = {
    "awards:unit": "unit",
    "awards:person": "person",
    "awards:classification": "version",
    "awards:classification_excel": "version",
    "awards:classification_word": "version",
    "awards:classification_policy": "version",
    "awards:certificate_docx": "award_record",
    "awards:unit_report": "unit",
    "awards:person_report": "person",
    "awards:certificate_pdf": "award_record",
    "plans:detail": "plan",
    "plans:edit": "plan",
    "plans:cascade": "plan",
    "plans:history": "plan",
    "plans:target_history": "target",
    "plans:task_history": "task",
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
    "registrations:round_enterprise": "round",
    "registrations:round_person": "round",
    "registrations:round_household": "round",
    "registrations:subject_decide": "subject_registration",
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
    "evaluation:scheme_edit": "scheme",
    "evaluation:scheme_copy": "scheme",
    "evaluation:scheme_groups": "scheme",
    "evaluation:scheme_criteria": "scheme",
    "evaluation:scheme_rules": "scheme",
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
    "api_tokens:revoke": "api_token",
    "initiatives:detail": "initiative",
    "initiatives:edit": "initiative",
    "initiatives:submit": "initiative",
    "initiatives:review": "initiative",
    "initiatives:recognise": "initiative",
    "initiatives:return": "initiative",
    "initiatives:refuse": "initiative",
    "initiatives:evidence_add": "initiative",
    "initiatives:replicate": "initiative",
    "initiatives:evidence": "initiative_evidence",
    "initiatives:evidence_delete": "initiative_evidence",
    "nominations:round": "award_round",
    "nominations:nominate": "award_round",
    "nominations:publish": "award_round",
    "nominations:round_edit": "award_round",
    "nominations:round_quotas": "award_round",
    "nominations:round_close": "award_round",
    "nominations:detail": "nomination",
    "nominations:action": "nomination",
    "nominations:attach": "nomination",
    "council:convene": "award_round",
    "council:session": "session",
    "council:open": "session",
    "council:vote": "session",
    "council:paper": "session",
    "council:close": "session",
    "decisions:draft": "award_round",
    "decisions:detail": "decision",
    "decisions:issue": "decision",
    "decisions:word": "decision",
    "decisions:certificates": "decision",
    "decisions:pdf": "decision",
    "council:minutes": "session",
    "nominations:proposal": "award_round",
    "nominations:report": "nomination",
    "council:minutes_pdf": "session",
    "nominations:proposal_pdf": "award_round",
    "nominations:report_pdf": "nomination",
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
    "registrations:round_enterprise",
    "registrations:round_person",
    "registrations:round_household",
    "registrations:subject_decide",
    # Exports start a background job (jobs/).
    "monitoring:plan_excel",
    "monitoring:plan_word",
    "monitoring:target_excel",
    "evaluation:rescore",
    "awards:classification_policy",
    "evaluation:scheme_groups",
    "evaluation:scheme_criteria",
    "evaluation:scheme_rules",
    "evaluation:index_import",
    "evaluation:tie_rules",
    "evaluation:freeze",
    "evaluation:score",
    "evaluation:submit",
    "evaluation:adjustment",
    "evaluation:ranking_excel",
    "evaluation:ranking_word",
    "api_tokens:revoke",
    "initiatives:submit",
    "initiatives:review",
    "initiatives:recognise",
    "initiatives:return",
    "initiatives:refuse",
    "initiatives:evidence_add",
    "initiatives:replicate",
    "initiatives:evidence_delete",
    "nominations:nominate",
    "nominations:publish",
    "nominations:round_quotas",
    "nominations:round_close",
    "nominations:action",
    "nominations:attach",
    "council:open",
    "council:vote",
    "council:paper",
    "council:close",
    "decisions:issue",
    "decisions:certificates",
    "decisions:pdf",
    "council:minutes_pdf",
    "nominations:proposal_pdf",
    "nominations:report_pdf",
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
    # A draft initiative: its unit's reporter or head edits it.
    "initiatives:edit": {Role.REPORTER, Role.HEAD},
    "evaluation:scheme_edit": {Role.COORDINATOR},
    "evaluation:scheme_copy": {Role.COORDINATOR},
    # The standing office convenes the council and drafts the decision; a session is seen by
    # the council, the office and leaders of its level; a decision also by unit heads.
    "council:convene": {Role.COORDINATOR},
    # Only the standing office of the round's level edits the round.
    "nominations:round_edit": {Role.COORDINATOR},
    "decisions:draft": {Role.COORDINATOR},
    "council:session": {Role.COORDINATOR, Role.COUNCIL, Role.LEADER},
    "decisions:detail": {Role.COORDINATOR, Role.COUNCIL, Role.LEADER, Role.HEAD},
    # Its documents are seen by whoever sees the page.
    "council:minutes": {Role.COORDINATOR, Role.COUNCIL, Role.LEADER},
    "decisions:word": {Role.COORDINATOR, Role.COUNCIL, Role.LEADER, Role.HEAD},
}
# Pages that show with a GET and act on a POST (the start page creates a report).
ACCEPT_POST = {"reporting:start", "nominations:detail"}
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
    "api_tokens:list",
    "initiatives:list",
    "initiatives:units_without",
    "nominations:rounds",
    "nominations:round_new",
    "council:sessions",
    "decisions:decisions",
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
    update = TaskUpdate.objects.create(report=report, task=task, status="in_progress", progress=40)
    evidence = Evidence.objects.create(
        task_update=update, file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4"), name="bb.pdf"
    )
    registration = Registration.objects.create(unit=unit, plan=plan, year=2026)
    round_ = RegistrationRound.objects.create(
        plan=plan, year=2026, deadline=datetime.date(2026, 3, 31)
    )
    household = HouseholdFactory(unit=unit, head_name="Hộ bí mật của đơn vị khác")
    enterprise = EnterpriseFactory(unit=unit, name="Hợp tác xã bí mật của đơn vị khác")
    subject_registration = SubjectRegistration.objects.create(
        round=round_,
        enterprise=enterprise,
        participation_plan="Kế hoạch bí mật của đơn vị khác",
        commitments="Cam kết bí mật của đơn vị khác",
        created_at=timezone.now(),
    )
    EmulationBlock.objects.create(province=unit, code="K01", name="Khối bí mật của đơn vị khác")
    scheme = EvaluationScheme.objects.create(
        issuer=unit,
        plan=plan,
        year=2026,
        name="Bộ tiêu chí bí mật của đơn vị khác",
        cutoff=datetime.date(2026, 6, 30),
    )
    CriterionGroup.objects.create(scheme=scheme, order=1, name="Nhóm bí mật của đơn vị khác")
    sheet = ScoreSheet.objects.create(scheme=scheme, unit=unit)
    version = RankingVersion.objects.create(
        scheme=scheme, number=1, cutoff=scheme.cutoff, frozen_at=timezone.now()
    )
    person = Person.objects.create(unit=unit, full_name="Người bí mật của đơn vị khác")
    api_token = ApiToken.objects.create(
        kind="system",
        access="write",
        name="Khóa bí mật của đơn vị khác",
        user=UserFactory(),
        unit=unit,
        prefix=f"p{unit.pk}",
        key_hash=f"h{unit.pk}",
        created_by=UserFactory(),
    )
    initiative = Initiative.objects.create(
        unit=unit, year=2026, title="Sáng kiến bí mật của đơn vị khác", field="cds"
    )
    initiative_evidence = InitiativeEvidence.objects.create(
        initiative=initiative, file=SimpleUploadedFile("sk.pdf", b"%PDF-1.4"), name="sk.pdf"
    )
    award_round, nomination, session, decision = _award_objects(unit, version)
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
        "api_token": api_token,
        "initiative": initiative,
        "initiative_evidence": initiative_evidence,
        "award_round": award_round,
        "nomination": nomination,
        "session": session,
        "decision": decision,
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
        "subject_registration": subject_registration,
        "unit_period": (unit, period),
    }


def _award_objects(unit, version):
    catalogue_load_defaults()
    award_round = AwardRound.objects.create(
        unit=unit,
        kind=AwardRound.Kind.YEAR_END,
        award_kind=AwardKind.objects.get(code="hang-nam"),
        year=2026,
        name="Đợt khen thưởng bí mật của đơn vị khác",
        deadline=open_deadline(),
        ranking=version,
    )
    form = AwardForm.objects.get(code="bang-khen-chu-tich-tinh")
    RoundQuota.objects.create(round=award_round, form=form, limit=3)
    nomination = Nomination.objects.create(
        round=award_round,
        form=form,
        subject_unit=unit,
        subject_name="Đề nghị bí mật của đơn vị khác",
        proposer=unit,
        achievements="Thành tích",
        status=Nomination.Status.SUBMITTED,
    )
    session = CouncilSession.objects.create(
        round=award_round,
        unit=unit,
        title="Phiên họp bí mật của đơn vị khác",
        held_on=datetime.date(2026, 12, 1),
        status=CouncilSession.Status.VOTING,
    )
    AgendaItem.objects.create(session=session, nomination=nomination, order=1)
    decision = Decision.objects.create(
        unit=unit,
        round=award_round,
        number="1/QĐ-UBND",
        date=datetime.date(2026, 12, 1),
        signer="A",
        title="Quyết định bí mật của đơn vị khác",
    )
    return award_round, nomination, session, decision


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
        RegistrationEvent.objects.count(),
        Evidence.objects.count(),
        list(Period.objects.order_by("pk").values_list("is_closed", flat=True)),
        Period.objects.count(),
        list(Registration.objects.order_by("pk").values_list("status", flat=True)),
        RegistrationRound.objects.count(),
        RegistrationReminder.objects.count(),
        list(SubjectRegistration.objects.order_by("pk").values_list("status", "commitments")),
        list(Household.objects.order_by("pk").values_list("head_name", "unit_id")),
        list(Enterprise.objects.order_by("pk").values_list("name", "unit_id")),
        list(BlockMembership.objects.order_by("pk").values_list("block_id", "valid_to")),
        list(EvaluationScheme.objects.order_by("pk").values_list("tie_rules", "name", "version")),
        list(CriterionGroup.objects.order_by("pk").values_list("name", "order")),
        ScoreChange.objects.count(),
        RankingVersion.objects.count(),
        ScoreSheet.objects.count(),
        list(ApiToken.objects.order_by("pk").values_list("revoked_at", flat=True)),
        list(Initiative.objects.order_by("pk").values_list("status", "title", "version")),
        InitiativeEvidence.objects.count(),
        Replication.objects.count(),
        InitiativeEvent.objects.count(),
        list(ClassificationPolicy.objects.values_list("province_id", "excellent_min_percent")),
        list(Nomination.objects.order_by("pk").values_list("status", "achievements")),
        list(
            AwardRound.objects.order_by("pk").values_list(
                "published_at", "closed_at", "name", "year", "version"
            )
        ),
        list(RoundQuota.objects.order_by("pk").values_list("form_id", "limit")),
        list(CouncilSession.objects.order_by("pk").values_list("status", flat=True)),
        Ballot.objects.count(),
        list(AgendaItem.objects.order_by("pk").values_list("paper_agree", flat=True)),
        list(Decision.objects.order_by("pk").values_list("status", flat=True)),
        Attachment.objects.count(),
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


def test_a_field_lead_reaches_its_fields_initiatives_and_nothing_else(client, world):
    """Role.FIELD_LEAD covers no subtree: of a commune's objects it opens only the initiatives
    of the fields its unit leads (and their evidence), and acts on none."""
    objects = _objects(world.commune)  # the commune's initiative is a digital one (cds)
    lead = FieldLead.objects.create(unit=world.department, field="cdx")
    client.force_login(user_with_role(world.department, Role.FIELD_LEAD))
    readable = {"initiatives:detail", "initiatives:evidence"}
    for field, opens in (("cdx", set()), ("cds", readable)):
        FieldLead.objects.filter(pk=lead.pk).update(field=field)
        for name in OBJECT_URLS:
            url = _url(name, objects)
            if name in POST_ONLY:
                before = _state()
                assert client.post(url, {"reason": "Ghi đè"}).status_code == 404, (field, name)
                assert _state() == before, (field, name)
                continue
            expected = 200 if name in opens else 404
            assert client.get(url).status_code == expected, (field, name)
