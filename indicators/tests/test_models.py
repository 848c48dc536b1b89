import pytest
from django.core.exceptions import ValidationError

from indicators.models import Indicator

pytestmark = pytest.mark.django_db


def test_ratio_needs_numerator_and_denominator():
    indicator = Indicator(code="tthc-truc-tuyen", name="Tỷ lệ hồ sơ trực tuyến", kind="ratio")
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert "denominator_label" in exc.value.message_dict
    indicator.numerator_label = "Số hồ sơ trực tuyến"
    indicator.denominator_label = "Tổng số hồ sơ"
    indicator.full_clean()


def test_rank_is_better_when_lower():
    indicator = Indicator(code="pii-rank", name="Thứ hạng PII", kind="rank", direction="higher")
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert "direction" in exc.value.message_dict


def test_indicator_search_ignores_diacritics():
    indicator = Indicator.objects.create(code="cds", name="Chỉ số chuyển đổi số", kind="count")
    assert Indicator.objects.filter(search_text__contains="chuyen doi so").get() == indicator
