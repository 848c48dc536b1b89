"""Nominating people, households and enterprises from the round page (issue #15 item 2): the
candidates of the user's scope found without diacritics, the registered first, each with its
eligibility verdict; the nomination made through the same service; 404 outside the scope."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards.eligibility import ELIGIBLE, ON_HOLD
from awards.models import AwardForm, AwardKind, AwardRecord, PendingMatter
from initiatives.models import Initiative
from nominations.models import Nomination
from nominations.services import eligibility_of
from org.models import Enterprise, Household, Person
from plans.tests.factories import PlanFactory
from registrations.models import RegistrationRound, SubjectRegistration

pytestmark = pytest.mark.django_db


def _page(client, rw, form, kind, q=""):
    url = reverse("nominations:round", args=[rw.round.pk])
    return client.get(url, {"hinh_thuc": form.pk, "doi_tuong": kind, "q": q})


def _nominate(client, rw, form, kind, subject):
    return client.post(
        reverse("nominations:nominate", args=[rw.round.pk]),
        {"form": form.pk, "doi_tuong": kind, "subject": subject.pk},
    )


def _registration_round(rw):
    return RegistrationRound.objects.create(
        plan=PlanFactory(issuer=rw.world.province), year=2026, deadline=datetime.date(2026, 3, 1)
    )


def _register(round_, **subject):
    return SubjectRegistration.objects.create(
        round=round_, commitments="Cam kết thực hiện tốt", created_at=timezone.now(), **subject
    )


class TestPeople:
    def test_the_commune_finds_a_person_without_diacritics_and_nominates_them(self, client, rw):
        person = Person.objects.create(unit=rw.world.commune, full_name="Nguyễn Thị Hoà")
        Person.objects.create(unit=rw.world.commune, full_name="Lò Văn Sinh")
        _register(
            _registration_round(rw),
            person=person,
            titles=[{"code": "lao-dong-tien-tien", "name": "Lao động tiên tiến"}],
        )
        Initiative.objects.create(
            unit=rw.world.commune,
            person=person,
            year=2026,
            title="Số hoá hồ sơ hộ tịch",
            field=Initiative.Field.DIGITAL,
            status=Initiative.Status.RECOGNISED,
            level=Initiative.Level.BASE,
        )
        client.force_login(rw.commune_user)
        page = _page(client, rw, rw.merit, "individual", q="nguyen thi hoa").content.decode()
        assert "Nguyễn Thị Hoà" in page and "Lò Văn Sinh" not in page
        assert "Lao động tiên tiến" in page  # what they registered
        assert "Đủ điều kiện theo dữ liệu" in page
        response = _nominate(client, rw, rw.merit, "individual", person)
        nomination = Nomination.objects.get()
        assert response.url == nomination.get_absolute_url()
        assert (nomination.person, nomination.subject_type) == (person, "individual")
        assert nomination.proposer == rw.world.commune
        assert "Lao động tiên tiến" in nomination.achievements
        assert "Số hoá hồ sơ hộ tịch" in nomination.achievements

    def test_those_who_registered_for_the_title_come_first(self, client, rw):
        title = AwardForm.objects.get(code="lao-dong-tien-tien")
        Person.objects.create(unit=rw.world.commune, full_name="An Văn A")
        registered = Person.objects.create(unit=rw.world.commune, full_name="Vũ Thị B")
        _register(
            _registration_round(rw),
            person=registered,
            titles=[{"code": title.code, "name": title.name}],
        )
        client.force_login(rw.commune_user)
        page = _page(client, rw, title, "individual").content.decode()
        assert page.index("Vũ Thị B") < page.index("An Văn A")
        assert "Đã đăng ký" in page

    def test_a_pending_matter_is_shown_as_the_verdict(self, client, rw):
        person = Person.objects.create(unit=rw.world.commune, full_name="Hà Văn Cường")
        PendingMatter.objects.create(
            person=person,
            kind=PendingMatter.Kind.COMPLAINT,
            description="Đơn tố cáo số 12",
            opened_on=datetime.date(2026, 10, 1),
        )
        client.force_login(rw.commune_user)
        page = _page(client, rw, rw.merit, "individual").content.decode()
        row = page[page.index("Hà Văn Cường") :]
        assert "Đơn tố cáo số 12" in row
        assert "Đủ điều kiện theo dữ liệu" not in row

    def test_a_person_of_another_commune_is_neither_listed_nor_nominated(self, client, rw):
        other = Person.objects.create(unit=rw.world.other_commune, full_name="Giàng A Páo")
        client.force_login(rw.commune_user)
        assert "Giàng A Páo" not in _page(client, rw, rw.merit, "individual").content.decode()
        assert _nominate(client, rw, rw.merit, "individual", other).status_code == 404
        # A kind of subject that does not exist, or an id of another kind, is a 404 too.
        assert _nominate(client, rw, rw.merit, "robot", other).status_code == 404
        assert not Nomination.objects.exists()

    def test_nominating_the_same_person_twice_is_refused_in_vietnamese(self, client, rw):
        person = Person.objects.create(unit=rw.world.commune, full_name="Nguyễn Văn Dũng")
        client.force_login(rw.commune_user)
        _nominate(client, rw, rw.merit, "individual", person)
        response = _nominate(client, rw, rw.merit, "individual", person)
        assert "doi_tuong=individual" in response.url
        page = client.get(response.url).content.decode()
        assert "Đối tượng này đã được đề nghị hình thức này trong đợt." in page
        assert Nomination.objects.count() == 1
        assert "Đã đề nghị" in page

    def test_a_form_not_given_to_people_offers_no_people(self, client, rw):
        person = Person.objects.create(unit=rw.world.commune, full_name="Nguyễn Văn Em")
        client.force_login(rw.commune_user)
        page = _page(client, rw, rw.flag, "individual").content.decode()
        assert "Nguyễn Văn Em" not in page
        _nominate(client, rw, rw.flag, "individual", person)
        assert not Nomination.objects.exists()


class TestHouseholdsAndEnterprises:
    def test_the_commune_nominates_a_household_of_its_village(self, client, rw):
        household = Household.objects.create(
            unit=rw.world.village, head_name="Sùng Seo Lử", address="Thôn Bản Pẻn"
        )
        _register(_registration_round(rw), household=household)
        client.force_login(rw.commune_user)
        page = _page(client, rw, rw.merit, "household", q="sung seo").content.decode()
        assert "Sùng Seo Lử" in page and "Đã đăng ký" in page
        _nominate(client, rw, rw.merit, "household", household)
        nomination = Nomination.objects.get()
        assert (nomination.household, nomination.subject_type) == (household, "household")
        assert nomination.proposer == rw.world.commune  # the commune, not the village
        assert "Cam kết thực hiện tốt" in nomination.achievements

    def test_the_commune_nominates_a_cooperative_with_the_awards_it_holds(self, client, rw):
        coop = Enterprise.objects.create(
            unit=rw.world.commune, name="Hợp tác xã Chè Shan Tuyết", kind="cooperative"
        )
        AwardRecord.objects.create(
            enterprise=coop,
            subject_name=coop.name,
            form=AwardForm.objects.get(code="giay-khen-chu-tich-xa"),
            kind=AwardKind.objects.get(code="hang-nam"),
            year=2025,
            decision_number="15/QĐ-UBND",
            decision_date=datetime.date(2025, 12, 20),
        )
        client.force_login(rw.commune_user)
        assert "Chè Shan Tuyết" in _page(client, rw, rw.merit, "enterprise").content.decode()
        _nominate(client, rw, rw.merit, "enterprise", coop)
        nomination = Nomination.objects.get()
        assert nomination.enterprise == coop
        assert "(2025)" in nomination.achievements

    def test_an_enterprise_of_another_commune_is_a_404(self, client, rw):
        other = Enterprise.objects.create(unit=rw.world.other_commune, name="Công ty Bắc Hà")
        client.force_login(rw.commune_user)
        assert _nominate(client, rw, rw.merit, "enterprise", other).status_code == 404

    @pytest.mark.parametrize("kind", ["household", "enterprise"])
    def test_a_household_or_enterprise_under_inspection_waits(self, rw, kind):
        """ND 152 art. 4 (LAW.md): not proposed until the matter is settled."""
        subject = (
            Household.objects.create(unit=rw.world.commune, head_name="Lý A Chang")
            if kind == "household"
            else Enterprise.objects.create(unit=rw.world.commune, name="Công ty Thống Nhất")
        )
        today = datetime.date(2026, 12, 5)
        verdict = eligibility_of(award_round=rw.round, form=rw.merit, subject=subject, today=today)
        assert verdict == (ELIGIBLE, [])
        PendingMatter.objects.create(
            kind=PendingMatter.Kind.INSPECTION,
            description="Thanh tra chấp hành pháp luật",
            opened_on=datetime.date(2026, 11, 1),
            **{kind: subject},
        )
        status, reasons = eligibility_of(
            award_round=rw.round, form=rw.merit, subject=subject, today=today
        )
        assert status == ON_HOLD
        assert "Thanh tra chấp hành pháp luật" in reasons[0]
        # Once settled, the subject may be proposed again.
        PendingMatter.objects.update(settled_on=datetime.date(2026, 11, 20))
        verdict = eligibility_of(award_round=rw.round, form=rw.merit, subject=subject, today=today)
        assert verdict == (ELIGIBLE, [])


def _people(rw, count):
    plan_round = RegistrationRound.objects.first() or _registration_round(rw)
    for i in range(count):
        person = Person.objects.create(unit=rw.world.commune, full_name=f"Cán bộ {i:02d}")
        _register(
            plan_round, person=person, titles=[{"code": "lao-dong-tien-tien", "name": "LĐTT"}]
        )
        PendingMatter.objects.create(
            person=person, kind="complaint", description="Đơn", opened_on=datetime.date(2026, 1, 1)
        )


def test_the_round_page_reads_candidates_in_a_fixed_number_of_queries(client, rw):
    client.force_login(rw.commune_user)
    counts = []
    for total in (3, 30):
        _people(rw, total - Person.objects.filter(unit=rw.world.commune).count())
        with CaptureQueriesContext(connection) as queries:
            page = _page(client, rw, rw.merit, "individual")
        assert page.content.decode().count("Cán bộ ") == total
        counts.append(len(queries))
    assert counts[0] == counts[1]
