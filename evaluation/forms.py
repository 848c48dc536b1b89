"""Forms of the scheme editing pages: they parse input (decimal comma, dates dd/mm/yyyy); the
rules are in evaluation.schemes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from core.params import YEAR_MAX, YEAR_MIN
from evaluation.models import Criterion, SubjectType

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _points(label, *, required=True):
    return forms.DecimalField(
        label=label, required=required, max_digits=7, decimal_places=2, localize=True
    )


class VersionMixin(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SchemeFieldsForm(StyledFormMixin, VersionMixin):
    name = forms.CharField(label=_("Tên bộ tiêu chí"), max_length=255)
    description = forms.CharField(
        label=_("Mô tả, căn cứ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    cutoff = forms.DateField(label=_("Ngày chốt số liệu"), input_formats=DATE_FORMATS)
    total_points = _points(_("Tổng điểm của thang (để trống nếu không cố định)"), required=False)
    max_bonus = _points(_("Điểm thưởng tối đa"))
    max_penalty = _points(_("Điểm trừ tối đa"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cutoff"].widget.format = "%d/%m/%Y"
        self.fields["cutoff"].widget.attrs["placeholder"] = "dd/mm/yyyy"


class SchemeCreateForm(SchemeFieldsForm):
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    subject_type = forms.ChoiceField(label=_("Đối tượng"), choices=SubjectType.choices)
    field_order = ["plan", "year", "subject_type", "name"]

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda p: f"{p.display_number} — {p.title}"[:120]


class SchemeCopyForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên bộ tiêu chí mới"), max_length=255)
    year = forms.IntegerField(label=_("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    subject_type = forms.ChoiceField(label=_("Đối tượng"), choices=SubjectType.choices)
    cutoff = forms.DateField(label=_("Ngày chốt số liệu"), input_formats=DATE_FORMATS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cutoff"].widget.format = "%d/%m/%Y"
        self.fields["cutoff"].widget.attrs["placeholder"] = "dd/mm/yyyy"


class GroupForm(StyledFormMixin, VersionMixin):
    name = forms.CharField(label=_("Tên nhóm tiêu chí"), max_length=500)


class CriterionForm(StyledFormMixin, VersionMixin):
    code = forms.CharField(label=_("Số hiệu"), max_length=20)
    name = forms.CharField(label=_("Tiêu chí"), max_length=500)
    max_points = _points(_("Điểm tối đa"))
    source = forms.ChoiceField(label=_("Nguồn điểm"), choices=Criterion.Source.choices)
    index_scale = forms.DecimalField(
        label=_("Thang của chỉ số"), required=False, max_digits=10, decimal_places=2, localize=True
    )
    guidance = forms.CharField(
        label=_("Hướng dẫn chấm, minh chứng cần có"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AdjustmentRuleForm(StyledFormMixin, VersionMixin):
    kind = forms.ChoiceField(
        label=_("Loại"), choices=[("bonus", _("Điểm thưởng")), ("penalty", _("Điểm trừ"))]
    )
    points = _points(_("Số điểm"))
    reason = forms.CharField(label=_("Lý do"), max_length=500)
