import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from awards.models import AwardForm, AwardRecord, BaseSalary
from decisions import selectors, services
from decisions.models import Decision, DecisionLine, DecisionLocked
from decisions.tests.factories import voted
from nominations.models import Nomination

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 1)


def _draft(rw, nominations, **kwargs):
    values = {
        "number": "12/QĐ-UBND",
        "date": DAY,
        "signer": "Nguyễn Văn A",
        "title": "Về việc tặng thưởng năm 2026",
    }
    values.update(kwargs)
    return services.decision_draft(
        access=rw.access(rw.office), nominations=nominations, user=rw.office, **values
    )


class TestPrizes:
    def test_prize_is_the_multiple_times_the_base_salary_in_force_on_the_date(self, rw):
        merit, flag = voted(rw)
        decision = _draft(rw, [flag, merit])
        amounts = list(decision.lines.values_list("subject_name", "multiple", "amount"))
        assert [a[1:] for a in amounts] == [
            (Decimal("8"), Decimal("18720000")),  # Cờ thi đua: 8 × 2.340.000
            (Decimal("3"), Decimal("7020000")),  # Bằng khen, tập thể: 3 × 2.340.000
        ]
        assert decision.total == Decimal("25740000")
        services.decision_update(
            access=rw.access(rw.office),
            decision=decision,
            number="12/QĐ-UBND",
            date=datetime.date(2024, 6, 1),
            signer="Nguyễn Văn A",
            user=rw.office,
        )
        decision.refresh_from_db()
        assert decision.base_salary == Decimal("1800000")
        assert decision.total == Decimal(11 * 1800000)

    def test_a_fraction_of_a_dong_is_rounded_half_up(self, rw):
        (merit,) = voted(rw, forms=None)[:1]
        BaseSalary.objects.create(amount=Decimal("2340001"), valid_from=datetime.date(2026, 11, 1))
        BaseSalary.objects.filter(valid_from=datetime.date(2024, 7, 1)).update(
            valid_to=datetime.date(2026, 10, 31)
        )
        AwardForm.objects.filter(pk=merit.form_id).update(collective_multiple=Decimal("0.5"))
        decision = _draft(rw, [merit])
        assert decision.lines.get().amount == Decimal("1170001")  # 1.170.000,5 → 1.170.001

    def test_a_nomination_the_council_refused_is_not_decided(self, rw):
        _merit, flag = voted(rw, agree=3)  # 60 %: the flag (≥ 80 %) fails
        with pytest.raises(ValidationError):
            _draft(rw, [flag])
        assert Decision.objects.count() == 0


class TestIssue:
    def test_issuing_writes_the_awardees_into_the_registry(self, rw):
        merit, flag = voted(rw)
        decision = _draft(rw, [flag, merit])
        services.decision_issue(access=rw.access(rw.office), decision=decision, user=rw.office)
        records = AwardRecord.objects.order_by("form__order")
        assert [(r.subject_unit_id, r.form_id, r.year, r.decision_number) for r in records] == [
            (rw.world.commune.pk, flag.form_id, 2026, "12/QĐ-UBND"),
            (rw.world.commune.pk, merit.form_id, 2026, "12/QĐ-UBND"),
        ]
        assert set(Nomination.objects.values_list("status", flat=True)) == {"decided"}
        context = selectors.decision_context(Decision.objects.get(pk=decision.pk))
        assert context["total"] == Decimal("25740000")
        assert [line["amount"] for line in context["lines"]] == [
            Decimal("18720000"),
            Decimal("7020000"),
        ]

    def test_only_the_office_issues(self, rw):
        merit, _flag = voted(rw)
        decision = _draft(rw, [merit])
        with pytest.raises(PermissionDenied):
            services.decision_issue(
                access=rw.access(rw.commune_user), decision=decision, user=rw.commune_user
            )
        assert AwardRecord.objects.count() == 0

    def test_a_proposal_to_the_higher_level_is_a_to_trinh_without_awards(self, rw):
        higher = AwardForm.objects.get(code="bang-khen-thu-tuong")
        (nomination,) = voted(rw, forms=[higher])
        proposal = _draft(rw, [nomination], number="05/TTr-UBND")
        assert proposal.kind == Decision.Kind.PROPOSAL
        services.decision_issue(access=rw.access(rw.office), decision=proposal, user=rw.office)
        nomination.refresh_from_db()
        assert nomination.status == Nomination.Status.FORWARDED
        assert AwardRecord.objects.count() == 0

    def test_a_correction_is_a_new_decision_referencing_the_old_one(self, rw):
        merit, _flag = voted(rw)
        old = _draft(rw, [merit])
        services.decision_issue(access=rw.access(rw.office), decision=old, user=rw.office)
        new = _draft(rw, [merit], number="15/QĐ-UBND", corrects=Decision.objects.get(pk=old.pk))
        services.decision_issue(access=rw.access(rw.office), decision=new, user=rw.office)
        assert new.corrects_id == old.pk
        assert AwardRecord.objects.count() == 1  # the award itself is recorded once


class TestImmutable:
    def test_an_issued_decision_refuses_every_write_path(self, rw, client):
        merit, _flag = voted(rw)
        decision = _draft(rw, [merit])
        services.decision_issue(access=rw.access(rw.office), decision=decision, user=rw.office)
        decision = Decision.objects.get(pk=decision.pk)
        line = decision.lines.get()
        before = (decision.number, decision.total, line.amount)
        decision.number = "99/QĐ-UBND"
        with pytest.raises(DecisionLocked):
            decision.save()
        with pytest.raises(DecisionLocked):
            decision.delete()
        with pytest.raises(DecisionLocked):
            Decision.objects.filter(pk=decision.pk).update(number="99/QĐ-UBND")
        with pytest.raises(DecisionLocked):
            Decision.objects.filter(pk=decision.pk).delete()
        line.amount = Decimal(1)
        with pytest.raises(DecisionLocked):
            line.save()
        with pytest.raises(DecisionLocked):
            line.delete()
        with pytest.raises(DecisionLocked):
            DecisionLine.objects.filter(pk=line.pk).update(amount=1)
        with pytest.raises(DecisionLocked):
            DecisionLine.objects.filter(pk=line.pk).delete()
        with pytest.raises(DecisionLocked):
            services.decision_update(
                access=rw.access(rw.office),
                decision=decision,
                number="99/QĐ-UBND",
                date=DAY,
                signer="B",
                user=rw.office,
            )
        with pytest.raises(DecisionLocked):
            services.decision_issue(access=rw.access(rw.office), decision=decision, user=rw.office)
        merit.refresh_from_db()
        merit.achievements = "Sửa"
        with pytest.raises(ValidationError):
            merit.save()
        from django.contrib.auth import get_user_model

        admin_user = get_user_model().objects.create_superuser("root", "r@x.vn", "x")
        client.force_login(admin_user)
        url = reverse("admin:decisions_decision_change", args=[decision.pk])
        response = client.post(url, {"number": "99/QĐ-UBND"})
        assert response.status_code == 403
        delete = client.post(
            reverse("admin:decisions_decision_delete", args=[decision.pk]), {"post": "yes"}
        )
        assert delete.status_code == 403
        stored = Decision.objects.get(pk=decision.pk)
        assert (stored.number, stored.total, stored.lines.get().amount) == before
