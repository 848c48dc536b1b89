"""The catalogue holds LAW.md's defaults as data: loading twice adds nothing and keeps an office's
edits; the base salary in force and the prize money follow the rows."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from awards.catalogue import (
    base_salary_on,
    catalogue_load_defaults,
    prize_amount,
    prize_multiple,
)
from awards.models import AwardForm, AwardKind, BaseSalary, SubjectType
from awards.tests.factories import form

pytestmark = pytest.mark.django_db


def test_defaults_hold_the_titles_chains_thresholds_and_multiples_of_the_law(catalogue):
    cstd_tinh = form("chien-si-thi-dua-cap-tinh")
    assert cstd_tinh.requires_form.code == "chien-si-thi-dua-co-so"
    assert cstd_tinh.requires_consecutive_years == 3
    assert (cstd_tinh.vote_threshold_percent, cstd_tinh.vote_threshold_inclusive) == (90, True)
    assert cstd_tinh.individual_multiple == 3
    assert form("chien-si-thi-dua-co-so").requires_form.code == "lao-dong-tien-tien"
    flag = form("co-thi-dua-ubnd-tinh")
    assert flag.one_per_block_per_year and flag.collective_multiple == 8
    assert flag.accepts(SubjectType.COLLECTIVE) and not flag.accepts(SubjectType.INDIVIDUAL)
    assert form("bang-khen-thu-tuong").proposal_to_higher_level
    assert form("bang-khen-chu-tich-tinh").accepts(SubjectType.HOUSEHOLD)
    assert not AwardKind.objects.get(code="dot-xuat").counts_toward_merit
    assert not AwardKind.objects.get(code="theo-dot").counts_toward_merit
    assert AwardKind.objects.get(code="hang-nam").counts_toward_merit


def test_loading_twice_adds_nothing_and_keeps_an_offices_edit(catalogue):
    AwardForm.objects.filter(code="lao-dong-tien-tien").update(individual_multiple=Decimal("0.4"))
    forms, kinds, salaries = (
        AwardForm.objects.count(),
        AwardKind.objects.count(),
        BaseSalary.objects.count(),
    )
    assert catalogue_load_defaults() == 0
    call_command("load_award_catalogue", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (AwardForm.objects.count(), AwardKind.objects.count()) == (forms, kinds)
    assert BaseSalary.objects.count() == salaries
    assert form("lao-dong-tien-tien").individual_multiple == Decimal("0.4")


def test_base_salary_on_reads_both_ends_of_its_validity(catalogue):
    assert base_salary_on(datetime.date(2023, 6, 30)) is None
    assert base_salary_on(datetime.date(2023, 7, 1)).amount == 1_800_000
    assert base_salary_on(datetime.date(2024, 6, 30)).amount == 1_800_000
    assert base_salary_on(datetime.date(2024, 7, 1)).amount == 2_340_000
    assert base_salary_on(datetime.date(2030, 1, 1)).amount == 2_340_000


def test_a_new_base_salary_changes_the_prize_from_its_first_day(catalogue):
    BaseSalary.objects.filter(valid_to__isnull=True).update(valid_to=datetime.date(2026, 6, 30))
    BaseSalary.objects.create(amount=2_530_000, valid_from=datetime.date(2026, 7, 1))
    cstd = form("chien-si-thi-dua-co-so")
    assert prize_amount(cstd, datetime.date(2026, 6, 30)) == 2_340_000
    assert prize_amount(cstd, datetime.date(2026, 7, 1)) == 2_530_000


def test_prize_amount_is_the_multiple_for_the_subject_times_the_base_salary(catalogue):
    day = datetime.date(2026, 1, 15)
    assert prize_amount(form("lao-dong-tien-tien"), day) == 702_000  # 0,3 × 2.340.000
    flag = form("co-thi-dua-ubnd-tinh")
    assert prize_amount(flag, day, SubjectType.COLLECTIVE) == 18_720_000
    merit = form("bang-khen-chu-tich-tinh")
    assert prize_amount(merit, day, SubjectType.COLLECTIVE) == 7_020_000
    # An enterprise is paid as a collective; a household 1,5 × an individual.
    assert prize_multiple(merit, SubjectType.ENTERPRISE) == 3
    assert prize_multiple(merit, SubjectType.HOUSEHOLD) == Decimal("1.5") * Decimal("1.5")


def test_no_prize_is_guessed(catalogue):
    day = datetime.date(2026, 1, 15)
    # A form not given to individuals, a multiple the catalogue lacks, a day before any salary.
    assert prize_amount(form("co-thi-dua-ubnd-tinh"), day, SubjectType.INDIVIDUAL) is None
    assert prize_amount(form("bang-khen-thu-tuong"), day, SubjectType.COLLECTIVE) is None
    assert prize_amount(form("lao-dong-tien-tien"), datetime.date(2020, 1, 1)) is None


def test_overlapping_base_salaries_are_refused(catalogue):
    salary = BaseSalary(amount=2_500_000, valid_from=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError) as error:
        salary.full_clean()
    assert "valid_from" in error.value.message_dict
    with pytest.raises(ValidationError):
        BaseSalary(amount=0, valid_from=datetime.date(2040, 1, 1)).full_clean()
