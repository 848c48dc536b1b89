"""The form a coordinator defines an indicator with (what is measured, and how)."""

from django import forms

from core.forms import StyledFormMixin
from indicators.models import Indicator


class IndicatorForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "kind",
            "unit",
            "numerator_label",
            "denominator_label",
            "direction",
            "temporal",
            "never_decreases",
            "frequency",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
