"""Phases and milestones: of a movement, or of the plan that declared them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from movements.models import Movement
from plans.models import Milestone, Phase

pytestmark = pytest.mark.django_db


def test_phase_dates_must_be_in_order():
    movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
    phase = Phase(
        movement=movement,
        name="Giai đoạn 1",
        start_date=datetime.date(2027, 12, 31),
        end_date=datetime.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError):
        phase.full_clean()


def test_milestone_reads_as_written():
    movement = Movement.objects.create(name="Phong trào", start_year=2026, end_year=2030)
    milestone = Milestone.objects.create(movement=movement, kind="so_ket", label="Quý IV/2027")
    assert str(milestone) == "Sơ kết Quý IV/2027"
