"""Who may take each step of a registration: one object answers the services and the page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from initiatives.models import Initiative
from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from registrations import services
from registrations.actions import RegistrationActions, RegistrationLocked
from registrations.models import RegisteredTarget, Registration


@pytest.fixture
def reg(world):
    plan = PlanFactory(issuer=world.province)
    TargetFactory(plan=plan, value=60)
    people = {
        "reporter": user_with_role(world.commune, Role.REPORTER),
        "head": user_with_role(world.commune, Role.HEAD),
        "coordinator": user_with_role(world.province, Role.COORDINATOR),
        "province_head": user_with_role(world.province, Role.HEAD),
    }
    registration = services.registration_open(
        scope=user_scope(people["reporter"]), unit=world.commune, plan=plan, year=2026
    )
    return registration, people


def _fill_and_submit(registration, reporter):
    scope = user_scope(reporter)
    registration = services.registration_save(
        scope=scope,
        user=reporter,
        registration=registration,
        expected_version=registration.version,
        targets={},
        initiatives=[{"title": "Chợ 4.0", "field": "cds"}],
    )
    return services.registration_submit(scope=scope, user=reporter, registration=registration)


def _can(user, registration):
    actions = RegistrationActions(user_scope(user), Registration.objects.get(pk=registration.pk))
    return {
        name
        for name in ("can_edit", "can_submit", "can_approve", "can_return")
        if getattr(actions, name)
    }


class TestRegistrationActions:
    def test_a_draft_is_edited_and_sent_by_the_units_reporter_only(self, reg):
        registration, people = reg
        assert _can(people["reporter"], registration) == {"can_edit", "can_submit"}
        for other in ("head", "coordinator", "province_head"):
            assert _can(people[other], registration) == set()

    def test_a_sent_registration_is_approved_by_the_head_and_returned_by_head_or_coordinator(
        self, reg
    ):
        registration, people = reg
        _fill_and_submit(registration, people["reporter"])
        assert _can(people["reporter"], registration) == set()
        assert _can(people["head"], registration) == {"can_approve", "can_return"}
        assert _can(people["coordinator"], registration) == {"can_return"}
        # Acting never follows the subtree: the province's head does not approve a commune.
        assert _can(people["province_head"], registration) == set()

    def test_a_returned_registration_is_editable_again(self, reg):
        registration, people = reg
        registration = _fill_and_submit(registration, people["reporter"])
        services.registration_return(
            scope=user_scope(people["coordinator"]),
            user=people["coordinator"],
            registration=registration,
            reason="Thiếu mô hình chuyển đổi xanh.",
        )
        assert _can(people["reporter"], registration) == {"can_edit", "can_submit"}
        assert _can(people["head"], registration) == set()

    def test_an_approved_registration_allows_nothing(self, reg):
        registration, people = reg
        registration = _fill_and_submit(registration, people["reporter"])
        services.registration_approve(
            scope=user_scope(people["head"]), user=people["head"], registration=registration
        )
        for person in people.values():
            assert _can(person, registration) == set()


class TestServicesRequireTheActions:
    def test_the_coordinator_cannot_approve_and_nothing_changes(self, reg):
        registration, people = reg
        registration = _fill_and_submit(registration, people["reporter"])
        with pytest.raises(PermissionDenied):
            services.registration_approve(
                scope=user_scope(people["coordinator"]),
                user=people["coordinator"],
                registration=registration,
            )
        assert Registration.objects.get().status == Registration.Status.SUBMITTED

    def test_a_draft_cannot_be_approved_or_returned(self, reg):
        registration, people = reg
        with pytest.raises(RegistrationLocked):
            services.registration_approve(
                scope=user_scope(people["head"]), user=people["head"], registration=registration
            )
        with pytest.raises(RegistrationLocked):
            services.registration_return(
                scope=user_scope(people["head"]),
                user=people["head"],
                registration=registration,
                reason="x",
            )
        assert Registration.objects.get().status == Registration.Status.DRAFT

    def test_a_sent_registration_cannot_be_saved_or_sent_again(self, reg):
        registration, people = reg
        registration = _fill_and_submit(registration, people["reporter"])
        with pytest.raises(RegistrationLocked, match="không sửa được"):
            services.registration_save(
                scope=user_scope(people["reporter"]),
                user=people["reporter"],
                registration=registration,
                expected_version=registration.version,
                targets={},
                initiatives=[{"title": "Khác", "field": "cds"}],
            )
        with pytest.raises(RegistrationLocked):
            services.registration_submit(
                scope=user_scope(people["reporter"]),
                user=people["reporter"],
                registration=registration,
            )
        assert list(Registration.objects.get().initiatives.values_list("title", flat=True)) == [
            "Chợ 4.0"
        ]

    def test_a_level_too_large_for_the_column_is_refused(self, reg):
        registration, people = reg
        row = registration.targets.get()
        row.target.unit_value_allowed = True
        row.target.save()
        with pytest.raises(ValidationError) as error:
            services.registration_save(
                scope=user_scope(people["reporter"]),
                user=people["reporter"],
                registration=registration,
                expected_version=registration.version,
                targets={row.target_id: {"value": "12345678901"}},
                initiatives=[],
            )
        assert error.value.message_dict == {f"target-{row.target_id}": ["Số quá lớn."]}


class TestThePageShowsWhatTheActionsAllow:
    def test_the_coordinator_sees_return_but_not_approve(self, client, reg):
        registration, people = reg
        _fill_and_submit(registration, people["reporter"])
        client.force_login(people["coordinator"])
        page = client.get(reverse("registrations:detail", args=[registration.pk])).content
        page = page.decode()
        assert 'value="return"' in page and 'value="approve"' not in page

    def test_the_reporter_of_a_sent_registration_sees_no_buttons(self, client, reg):
        registration, people = reg
        _fill_and_submit(registration, people["reporter"])
        client.force_login(people["reporter"])
        page = client.get(reverse("registrations:detail", args=[registration.pk])).content
        page = page.decode()
        assert 'name="submit"' not in page and 'value="return"' not in page


def test_the_tables_kept_their_names(db):
    """The models moved from reporting (issue #11 §2) without copying a row."""
    tables = set(connection.introspection.table_names())
    for model in (Registration, RegisteredTarget, Initiative):
        assert model._meta.db_table.startswith("reporting_") and model._meta.db_table in tables
