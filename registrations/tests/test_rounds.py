"""The registration round (issue #14 item 1): the coordinator opens it with a deadline, sees
block by block who registered, who did not, who was returned and who was not approved by the
deadline, and reminds the late units; each unit sees only its own row."""

import datetime
from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from org.models import Role
from org.scope import user_scope
from org.tests.factories import EmulationBlockFactory, OrgUnitFactory, user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from registrations import selectors, services
from registrations.models import Registration, RegistrationReminder, RegistrationRound
from registrations.selectors import Standing

DEADLINE = datetime.date(2026, 3, 31)
BEFORE = datetime.date(2026, 3, 20)
AFTER = datetime.date(2026, 4, 10)


def _moment(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Round:
    round: RegistrationRound
    coordinator: object
    people: dict

    def board(self, user=None, today=AFTER):
        scope = user_scope(user or self.coordinator)
        return selectors.round_board(scope=scope, round_=self.round, today=today)

    def standings(self, user=None, today=AFTER):
        return {
            row.unit.code: (row.standing, row.late) for row in self.board(user, today=today).rows
        }


def _registration(unit, plan, status, approved_on=None, reason=""):
    return Registration.objects.create(
        unit=unit,
        plan=plan,
        year=2026,
        status=status,
        approved_at=_moment(approved_on) if approved_on else None,
        return_reason=reason,
    )


@pytest.fixture
def round_(world):
    """Two blocks of the province: the department and the commune in the first, the other
    commune in the second; the department's office and the village belong to no block."""
    first = EmulationBlockFactory(province=world.province, name="Khối các sở", order=1)
    second = EmulationBlockFactory(province=world.province, name="Khối xã, phường", order=2)
    for unit, block in (
        (world.department, first),
        (world.commune, first),
        (world.other_commune, second),
    ):
        unit.block = block
        unit.save(update_fields=["block"])
    plan = PlanFactory(issuer=world.province)
    TargetFactory(plan=plan, value=60)
    coordinator = user_with_role(world.province, Role.COORDINATOR, email="tinh@example.vn")
    people = {}
    for unit in (world.department, world.commune, world.other_commune):
        people[unit.code] = {
            Role.REPORTER: user_with_role(unit, Role.REPORTER, email=f"bc.{unit.code}@ex.vn"),
            Role.HEAD: user_with_role(unit, Role.HEAD, email=f"tt.{unit.code}@ex.vn"),
        }
    opened = services.round_open(
        scope=user_scope(coordinator), user=coordinator, plan=plan, year=2026, deadline=DEADLINE
    )
    return Round(round=opened, coordinator=coordinator, people=people)


class TestOpening:
    def test_the_issuers_coordinator_opens_it_once_a_year(self, round_, world):
        assert round_.round.opened_by == round_.coordinator
        with pytest.raises(ValidationError) as error:
            services.round_open(
                scope=user_scope(round_.coordinator),
                user=round_.coordinator,
                plan=round_.round.plan,
                year=2026,
                deadline=DEADLINE,
            )
        assert "year" in error.value.message_dict
        assert RegistrationRound.objects.count() == 1

    def test_a_deadline_outside_the_year_is_refused(self, round_):
        with pytest.raises(ValidationError) as error:
            services.round_open(
                scope=user_scope(round_.coordinator),
                user=round_.coordinator,
                plan=round_.round.plan,
                year=2027,
                deadline=DEADLINE,
            )
        assert "deadline" in error.value.message_dict

    def test_a_coordinator_below_the_issuer_cannot_open_it(self, round_, world):
        below = user_with_role(world.commune, Role.COORDINATOR)
        with pytest.raises(PermissionDenied):
            services.round_open(
                scope=user_scope(below),
                user=below,
                plan=round_.round.plan,
                year=2027,
                deadline=datetime.date(2027, 3, 31),
            )
        assert RegistrationRound.objects.count() == 1

    def test_the_page_opens_a_round_with_a_vietnamese_date(self, client, round_):
        client.force_login(round_.coordinator)
        response = client.post(
            reverse("registrations:round_create"),
            {"plan": round_.round.plan.pk, "year": 2027, "deadline": "15/02/2027"},
        )
        opened = RegistrationRound.objects.get(year=2027)
        assert response.status_code == 302 and opened.deadline == datetime.date(2027, 2, 15)
        page = client.get(reverse("registrations:round", args=[opened.pk])).content.decode()
        assert "15/02/2027" in page

    def test_a_unit_without_the_coordinator_role_gets_404_on_the_opening_page(
        self, client, round_, world
    ):
        client.force_login(round_.people[world.commune.code][Role.HEAD])
        assert client.get(reverse("registrations:round_create")).status_code == 404


class TestStanding:
    def test_nobody_is_late_before_the_deadline(self, round_, world):
        assert round_.standings(today=BEFORE) == {
            world.department.code: (Standing.MISSING, False),
            world.commune.code: (Standing.MISSING, False),
            world.other_commune.code: (Standing.MISSING, False),
        }

    def test_the_deadline_day_itself_is_on_time(self, round_, world):
        assert not any(late for _s, late in round_.standings(today=DEADLINE).values())

    def test_after_the_deadline_what_is_not_approved_by_it_is_late(self, round_, world):
        plan = round_.round.plan
        _registration(world.department, plan, Registration.Status.APPROVED, DEADLINE)
        _registration(world.commune, plan, Registration.Status.SUBMITTED)
        assert round_.standings() == {
            world.department.code: (Standing.APPROVED, False),
            world.commune.code: (Standing.SUBMITTED, True),
            world.other_commune.code: (Standing.MISSING, True),
        }

    def test_approved_after_the_deadline_stays_late(self, round_, world):
        plan = round_.round.plan
        _registration(world.department, plan, Registration.Status.APPROVED, AFTER)
        assert round_.standings()[world.department.code] == (Standing.APPROVED, True)

    def test_a_returned_registration_is_shown_with_its_reason(self, client, round_, world):
        plan = round_.round.plan
        _registration(world.commune, plan, Registration.Status.RETURNED, reason="Thiếu mô hình")
        assert round_.standings()[world.commune.code] == (Standing.RETURNED, True)
        client.force_login(round_.coordinator)
        page = client.get(reverse("registrations:round", args=[round_.round.pk])).content.decode()
        assert "Bị trả lại" in page and "Thiếu mô hình" in page

    def test_another_years_or_plans_registration_does_not_count(self, round_, world):
        _registration(world.commune, PlanFactory(issuer=world.province), "approved", BEFORE)
        Registration.objects.create(
            unit=world.department, plan=round_.round.plan, year=2025, status="approved"
        )
        assert round_.standings(today=BEFORE)[world.commune.code][0] == Standing.MISSING
        assert round_.standings(today=BEFORE)[world.department.code][0] == Standing.MISSING

    def test_units_are_grouped_by_block_and_units_without_a_block_are_not_expected(
        self, round_, world
    ):
        board = round_.board()
        assert [g.block.name for g in board.groups] == ["Khối các sở", "Khối xã, phường"]
        codes = {row.unit.code for row in board.rows}
        assert world.office.code not in codes and world.village.code not in codes
        assert board.counts[Standing.MISSING] == 3 and board.late == 3

    def test_a_unit_dissolved_before_today_is_not_expected(self, round_, world):
        world.other_commune.valid_to = datetime.date(2026, 1, 1)
        world.other_commune.save()
        assert world.other_commune.code not in round_.standings()


class TestScope:
    def test_a_unit_sees_only_its_own_row(self, round_, world):
        for role in (Role.REPORTER, Role.HEAD):
            person = round_.people[world.commune.code][role]
            assert list(round_.standings(person)) == [world.commune.code]

    def test_a_unit_of_another_province_gets_404(self, client, round_, world):
        client.force_login(user_with_role(world.other_province, Role.COORDINATOR))
        url = reverse("registrations:round", args=[round_.round.pk])
        assert client.get(url).status_code == 404
        response = client.post(reverse("registrations:round_remind", args=[round_.round.pk]))
        assert response.status_code == 404
        assert not RegistrationReminder.objects.exists() and not mail.outbox

    def test_a_unit_reads_the_page_but_cannot_remind(self, client, round_, world):
        head = round_.people[world.commune.code][Role.HEAD]
        client.force_login(head)
        url = reverse("registrations:round", args=[round_.round.pk])
        page = client.get(url).content.decode()
        assert world.commune.name in page and world.other_commune.name not in page
        assert 'data-testid="round-remind"' not in page
        response = client.post(reverse("registrations:round_remind", args=[round_.round.pk]))
        assert response.status_code == 404 and not mail.outbox

    def test_the_page_costs_the_same_queries_for_many_units(
        self, client, round_, world, django_assert_max_num_queries
    ):
        client.force_login(round_.coordinator)
        url = reverse("registrations:round", args=[round_.round.pk])
        client.get(url)  # the scope's cache warmed
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
        block = world.other_commune.block
        for n in range(25):
            unit = OrgUnitFactory(parent=world.province, code=f"P1-XN{n}", block=block)
            if n % 2:
                _registration(unit, round_.round.plan, Registration.Status.SUBMITTED)
        with django_assert_max_num_queries(12):
            page = client.get(url).content.decode()
        assert page.count('data-testid="round-row"') == 28


class TestReminders:
    def _remind(self, round_, today=AFTER):
        return services.round_remind(
            scope=user_scope(round_.coordinator),
            user=round_.coordinator,
            round_=round_.round,
            today=today,
        )

    def test_the_late_units_are_reminded_once_and_the_approved_ones_not_at_all(self, round_, world):
        plan = round_.round.plan
        _registration(world.department, plan, Registration.Status.APPROVED, BEFORE)
        _registration(world.commune, plan, Registration.Status.RETURNED, reason="Thiếu")
        outcome = self._remind(round_)
        assert {r.unit for r in outcome.sent} == {world.commune, world.other_commune}
        assert {r.kind for r in outcome.sent} == {RegistrationReminder.Kind.AFTER}
        assert len(mail.outbox) == 2
        message = next(m for m in mail.outbox if f"bc.{world.commune.code}@ex.vn" in m.to)
        assert set(message.to) == {
            f"bc.{world.commune.code}@ex.vn",
            f"tt.{world.commune.code}@ex.vn",
        }
        assert "31/03/2026" in message.body and "quá hạn" in message.subject
        assert self._remind(round_).sent == []
        assert len(mail.outbox) == 2

    def test_a_reminder_before_the_deadline_is_another_kind(self, round_, world):
        self._remind(round_, today=BEFORE)
        outcome = self._remind(round_, today=AFTER)
        assert len(outcome.sent) == 3 and len(mail.outbox) == 6
        assert RegistrationReminder.objects.filter(sent_by=round_.coordinator).count() == 6

    def test_a_unit_without_an_address_is_named_and_not_recorded(self, round_, world):
        for person in round_.people[world.other_commune.code].values():
            person.email = ""
            person.save()
        outcome = self._remind(round_)
        assert outcome.without_address == [world.other_commune]
        assert not RegistrationReminder.objects.filter(unit=world.other_commune).exists()

    def test_the_coordinator_reminds_from_the_page_and_sees_the_day(self, client, round_):
        client.force_login(round_.coordinator)
        url = reverse("registrations:round", args=[round_.round.pk])
        response = client.post(
            reverse("registrations:round_remind", args=[round_.round.pk]), follow=True
        )
        assert "Đã gửi thư nhắc đến 3 đơn vị." in response.content.decode()
        today = timezone.localdate().strftime("%d/%m/%Y")
        assert client.get(url).content.decode().count(f'bi-bell"></i> {today}') == 3

    def test_a_unit_cannot_remind(self, round_, world):
        head = round_.people[world.commune.code][Role.HEAD]
        with pytest.raises(PermissionDenied):
            services.round_remind(scope=user_scope(head), user=head, round_=round_.round)
        assert not mail.outbox
