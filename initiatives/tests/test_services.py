"""An initiative's life, who may take each step, and who sees which initiative."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from initiatives import selectors, services
from initiatives.access import InitiativeActions, InitiativeLocked, visible_q
from initiatives.models import Event, Evidence, FieldLead, Initiative, Replication
from initiatives.tests.factories import EvidenceFactory, InitiativeFactory
from org.models import Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, PersonFactory, user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.models import Report
from reporting.selectors import reports_visible_q
from reporting.tests.factories import PeriodFactory

pytestmark = pytest.mark.django_db

DECIDED = datetime.date(2026, 10, 15)


def _scope(user):
    return user_scope(user)


def _sent(world, reporter, **kwargs):
    initiative = services.initiative_create(
        scope=_scope(reporter),
        user=reporter,
        unit=world.commune,
        year=2026,
        data={
            "title": "Chợ 4.0 xã Thống Nhất",
            "field": "cds",
            "description": "Thanh toán bằng mã QR tại chợ.",
            "effect": "Tiểu thương bán hàng trên sàn.",
            **kwargs,
        },
    )
    services.evidence_add(
        scope=_scope(reporter), user=reporter, initiative=initiative, link="https://a.vn/b"
    )
    return services.initiative_submit(scope=_scope(reporter), user=reporter, initiative=initiative)


class TestWorkflow:
    def test_registered_sent_reviewed_recognised_each_step_attributed(
        self, world, province_coordinator
    ):
        reporter = user_with_role(world.commune, Role.REPORTER)
        plan = PlanFactory(issuer=world.province)
        target = TargetFactory(plan=plan)
        person = PersonFactory(unit=world.commune)
        initiative = _sent(world, reporter, targets=[target], person=person)
        assert initiative.status == Initiative.Status.SUBMITTED
        coordinator = _scope(province_coordinator)
        services.initiative_take_for_review(
            scope=coordinator, user=province_coordinator, initiative=initiative
        )
        initiative = services.initiative_recognise(
            scope=coordinator,
            user=province_coordinator,
            initiative=initiative,
            level=Initiative.Level.PROVINCE,
            influence="Toàn tỉnh",
            decision_number="125/QĐ-UBND",
            decision_date=DECIDED,
        )
        initiative.refresh_from_db()
        assert initiative.status == Initiative.Status.RECOGNISED
        assert (initiative.level, initiative.decision_number) == ("tinh", "125/QĐ-UBND")
        assert list(initiative.targets.all()) == [target]
        assert initiative.person == person
        steps = list(
            initiative.events.values_list("kind", "from_status", "to_status", "user__username")
        )
        assert steps == [
            ("create", "draft", "draft", reporter.username),
            ("evidence", "draft", "draft", reporter.username),
            ("submit", "draft", "submitted", reporter.username),
            ("review", "submitted", "under_review", province_coordinator.username),
            ("recognise", "under_review", "recognised", province_coordinator.username),
        ]

    def test_an_initiative_without_description_effect_or_evidence_is_not_sent(self, world):
        reporter = user_with_role(world.commune, Role.REPORTER)
        initiative = services.initiative_create(
            scope=_scope(reporter),
            user=reporter,
            unit=world.commune,
            year=2026,
            data={"title": "Thôn số", "field": "cds"},
        )
        with pytest.raises(ValidationError) as error:
            services.initiative_submit(scope=_scope(reporter), user=reporter, initiative=initiative)
        assert set(error.value.message_dict) == {"description", "effect", "evidence"}
        initiative.refresh_from_db()
        assert initiative.status == Initiative.Status.DRAFT

    def test_returned_with_reason_is_edited_and_sent_again(self, world, province_coordinator):
        reporter = user_with_role(world.commune, Role.REPORTER)
        initiative = _sent(world, reporter)
        coordinator = _scope(province_coordinator)
        with pytest.raises(ValidationError):
            services.initiative_return(
                scope=coordinator, user=province_coordinator, initiative=initiative, reason=" "
            )
        services.initiative_return(
            scope=coordinator,
            user=province_coordinator,
            initiative=initiative,
            reason="Bổ sung số liệu hiệu quả",
        )
        initiative.refresh_from_db()
        assert initiative.status == Initiative.Status.RETURNED
        event = initiative.events.get(kind=Event.Kind.RETURN)
        assert (event.reason, event.from_status, event.to_status) == (
            "Bổ sung số liệu hiệu quả",
            "submitted",
            "returned",
        )
        services.initiative_update(
            scope=_scope(reporter),
            user=reporter,
            initiative=initiative,
            expected_version=initiative.version,
            data={"effect": "Doanh thu tăng 20%."},
        )
        services.initiative_submit(scope=_scope(reporter), user=reporter, initiative=initiative)
        initiative.refresh_from_db()
        assert initiative.status == Initiative.Status.SUBMITTED
        assert initiative.events.get(kind=Event.Kind.SAVE).changes["effect"][1] == (
            "Doanh thu tăng 20%."
        )

    def test_not_recognised_is_final(self, world, province_coordinator):
        reporter = user_with_role(world.commune, Role.REPORTER)
        initiative = _sent(world, reporter)
        services.initiative_refuse(
            scope=_scope(province_coordinator),
            user=province_coordinator,
            initiative=initiative,
            reason="Trùng mô hình đã công nhận",
        )
        initiative.refresh_from_db()
        assert initiative.status == Initiative.Status.NOT_RECOGNISED
        with pytest.raises(InitiativeLocked):
            InitiativeActions(_scope(reporter), initiative).require_edit()

    def test_a_stale_edit_changes_nothing(self, world):
        reporter = user_with_role(world.commune, Role.REPORTER)
        initiative = InitiativeFactory(unit=world.commune, title="Cũ")
        with pytest.raises(ValidationError):
            services.initiative_update(
                scope=_scope(reporter),
                user=reporter,
                initiative=initiative,
                expected_version=initiative.version + 5,
                data={"title": "Mới"},
            )
        initiative.refresh_from_db()
        assert initiative.title == "Cũ"

    def test_the_commune_coordinator_recognises_at_base_level_only(
        self, world, commune_coordinator
    ):
        initiative = InitiativeFactory(unit=world.village, status=Initiative.Status.UNDER_REVIEW)
        actions = InitiativeActions(_scope(commune_coordinator), initiative)
        assert [value for value, _label in actions.levels] == ["co_so"]
        with pytest.raises(ValidationError):
            services.initiative_recognise(
                scope=_scope(commune_coordinator),
                user=commune_coordinator,
                initiative=initiative,
                level="tinh",
                influence="Toàn tỉnh",
                decision_number="1/QĐ",
                decision_date=DECIDED,
            )
        initiative.refresh_from_db()
        assert initiative.status == Initiative.Status.UNDER_REVIEW

    def test_a_unit_cannot_review_its_neighbour(self, world):
        other = user_with_role(world.other_commune, Role.COORDINATOR)
        initiative = InitiativeFactory(unit=world.commune, status=Initiative.Status.SUBMITTED)
        with pytest.raises(PermissionDenied):
            services.initiative_take_for_review(
                scope=_scope(other), user=other, initiative=initiative
            )

    def test_a_renamed_executable_is_refused_as_evidence(self, world):
        reporter = user_with_role(world.commune, Role.REPORTER)
        initiative = InitiativeFactory(unit=world.commune)
        upload = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf")
        with pytest.raises(ValidationError):
            services.evidence_add(
                scope=_scope(reporter), user=reporter, initiative=initiative, upload=upload
            )
        assert Evidence.objects.count() == 0


class TestReplication:
    def test_another_unit_records_its_replication_with_results(self, world):
        initiative = InitiativeFactory(
            unit=world.commune,
            status=Initiative.Status.RECOGNISED,
            level="co_so",
            decision_number="9/QĐ",
            decision_date=DECIDED,
        )
        reporter = user_with_role(world.other_commune, Role.REPORTER)
        actions = InitiativeActions(_scope(reporter), initiative)
        assert actions.replicating_units == [world.other_commune]
        services.replication_record(
            scope=_scope(reporter),
            user=reporter,
            initiative=initiative,
            unit=world.other_commune,
            started_on=datetime.date(2026, 11, 1),
            results="120 hộ dùng mã QR",
        )
        replication = Replication.objects.get()
        assert (replication.unit, replication.recorded_by) == (world.other_commune, reporter)
        assert initiative.events.get().kind == Event.Kind.REPLICATE
        with pytest.raises(ValidationError):
            services.replication_record(
                scope=_scope(reporter),
                user=reporter,
                initiative=initiative,
                unit=world.other_commune,
                started_on=datetime.date(2026, 11, 2),
                results="Lần hai",
            )
        assert Replication.objects.count() == 1

    def test_a_draft_cannot_be_replicated(self, world):
        initiative = InitiativeFactory(unit=world.commune)
        reporter = user_with_role(world.other_commune, Role.REPORTER)
        with pytest.raises(InitiativeLocked):
            services.replication_record(
                scope=_scope(reporter),
                user=reporter,
                initiative=initiative,
                unit=world.other_commune,
                started_on=datetime.date(2026, 11, 1),
                results="x",
            )


def _seen(user):
    return set(Initiative.objects.filter(visible_q(_scope(user))).values_list("title", flat=True))


class TestScope:
    @pytest.fixture
    def initiatives(self, world):
        return {
            "green": InitiativeFactory(unit=world.commune, field="cdx", title="Xã xanh"),
            "digital": InitiativeFactory(unit=world.commune, field="cds", title="Xã số"),
            "village": InitiativeFactory(unit=world.village, field="cdx", title="Thôn xanh"),
            "elsewhere": InitiativeFactory(
                unit=world.other_department, field="cdx", title="Lai Châu xanh"
            ),
        }

    def test_a_green_field_lead_sees_the_green_ones_of_its_province_only(self, world, initiatives):
        environment = OrgUnitFactory(parent=world.province, code="P1-SNNMT", name="Sở NN&MT")
        FieldLead.objects.create(unit=environment, field="cdx")
        lead = user_with_role(environment, Role.FIELD_LEAD)
        assert _seen(lead) == {"Xã xanh", "Thôn xanh"}
        # Nothing else extra: not the commune's reports, nor its unit.
        scope = _scope(lead)
        assert not scope.covers(world.commune)
        report = Report.objects.create(unit=world.commune, period=PeriodFactory())
        assert not Report.objects.filter(reports_visible_q(scope), pk=report.pk).exists()

    def test_the_field_lead_role_alone_covers_no_subtree_of_initiatives(self, world, initiatives):
        # A field-lead grant on a unit that leads no field sees nothing through it.
        lead = user_with_role(world.department, Role.FIELD_LEAD)
        InitiativeFactory(unit=world.office, field="cds", title="Phòng số")
        assert _seen(lead) == set()

    def test_the_commune_sees_its_subtree_and_the_province_sees_all_of_it(
        self, world, initiatives, commune_coordinator, province_coordinator
    ):
        assert _seen(commune_coordinator) == {"Xã xanh", "Xã số", "Thôn xanh"}
        assert _seen(province_coordinator) == {"Xã xanh", "Xã số", "Thôn xanh"}

    def test_a_recognised_initiative_is_seen_across_its_province_to_be_replicated(
        self, world, initiatives
    ):
        neighbour = user_with_role(world.other_commune, Role.REPORTER)
        assert _seen(neighbour) == set()
        Initiative.objects.filter(pk=initiatives["green"].pk).update(
            status="recognised", level="co_so"
        )
        assert _seen(neighbour) == {"Xã xanh"}
        far = user_with_role(world.other_department, Role.REPORTER)
        assert _seen(far) == {"Lai Châu xanh"}


class TestWhoHasNone:
    def test_the_coordinator_sees_the_units_of_its_subtree_without_one_this_year(
        self, world, province_coordinator
    ):
        InitiativeFactory(unit=world.commune, year=2026)
        InitiativeFactory(unit=world.other_commune, year=2025)
        rows = selectors.units_without_initiative(scope=_scope(province_coordinator), year=2026)
        # Departments and communes must have one (seed 004 §II.2d); offices and villages need not,
        # and the province itself is the coordinator's own unit.
        assert list(rows) == [world.department, world.other_commune]


class TestRegistrationDrafts:
    def test_the_registration_updates_its_drafts_and_keeps_those_already_sent(self, world):
        reporter = user_with_role(world.commune, Role.REPORTER)
        plan = PlanFactory(issuer=world.province)
        kept = InitiativeFactory(unit=world.commune, plan=plan, status="submitted", title="Gửi")
        draft = InitiativeFactory(unit=world.commune, plan=plan, title="Nháp")
        dropped = InitiativeFactory(unit=world.commune, plan=plan, title="Bỏ")
        counts = services.initiatives_register(
            scope=_scope(reporter),
            user=reporter,
            unit=world.commune,
            plan=plan,
            year=2026,
            items=[
                {"id": draft.pk, "title": "Nháp sửa", "field": "cdx"},
                {"title": "Mới", "field": "cds"},
            ],
        )
        titles = set(Initiative.objects.values_list("title", flat=True))
        assert titles == {"Gửi", "Nháp sửa", "Mới"}
        assert counts == [3, 3]
        assert Initiative.objects.get(pk=draft.pk).field == "cdx"
        assert Initiative.objects.get(pk=kept.pk).status == "submitted"
        assert not Initiative.objects.filter(pk=dropped.pk).exists()


class TestEvidence:
    def test_evidence_is_removed_while_editable_and_the_history_keeps_its_name(self, world):
        reporter = user_with_role(world.commune, Role.REPORTER)
        evidence = EvidenceFactory(initiative=InitiativeFactory(unit=world.commune))
        services.evidence_delete(scope=_scope(reporter), user=reporter, evidence=evidence)
        assert not Evidence.objects.exists()
        assert Event.objects.get().changes == {"removed": evidence.name}

    def test_evidence_of_a_sent_initiative_stays(self, world):
        reporter = user_with_role(world.commune, Role.REPORTER)
        initiative = InitiativeFactory(unit=world.commune, status="submitted")
        evidence = EvidenceFactory(initiative=initiative)
        with pytest.raises(InitiativeLocked):
            services.evidence_delete(scope=_scope(reporter), user=reporter, evidence=evidence)
        assert Evidence.objects.count() == 1
