import pytest
from django.core.exceptions import ValidationError

from movements.models import Movement

pytestmark = pytest.mark.django_db


def test_movement_cannot_end_before_it_starts():
    with pytest.raises(ValidationError):
        Movement(name="Phong trào", start_year=2030, end_year=2026).full_clean()
