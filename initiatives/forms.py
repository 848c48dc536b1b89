"""Forms of the initiative pages. They parse input; the rules live in services and access."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.forms import StyledFormMixin
from core.params import YEAR_MAX, YEAR_MIN
from initiatives.models import Field, Initiative, Level
from org.models import OrgUnit, Person
from plans.models import Target


def _date_field(label):
    return forms.DateField(
        label=label,
        localize=True,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )


class InitiativeForm(StyledFormMixin, forms.Form):
    """Register or edit an initiative: a unit's, or one of its people's."""

    unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=gettext_lazy("Đơn vị"))
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    title = forms.CharField(label=gettext_lazy("Tên sáng kiến, mô hình"), max_length=500)
    field = forms.ChoiceField(label=gettext_lazy("Lĩnh vực"), choices=Field.choices)
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label=gettext_lazy("Tác giả (cá nhân)"),
        empty_label=gettext_lazy("— của đơn vị —"),
    )
    description = forms.CharField(
        label=gettext_lazy("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    effect = forms.CharField(
        label=gettext_lazy("Hiệu quả"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    expected_result = forms.CharField(
        label=gettext_lazy("Kết quả dự kiến"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    targets = forms.ModelMultipleChoiceField(
        queryset=Target.objects.none(),
        required=False,
        label=gettext_lazy("Chỉ tiêu phục vụ"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, units, people, targets, initiative: Initiative | None = None, **kw):
        super().__init__(*args, **kw)
        self.fields["unit"].queryset = units
        self.fields["person"].queryset = people
        self.fields["targets"].queryset = targets
        self.fields["targets"].label_from_instance = lambda t: (
            f"{t.plan.display_number} — {t.text[:120]}"
        )
        self.fields["year"].initial = timezone.localdate().year
        if initiative is not None:
            # The unit and the year of an initiative stay what it was registered with.
            del self.fields["unit"]
            del self.fields["year"]


class EvidenceForm(forms.Form):
    file = forms.FileField(required=False, label=gettext_lazy("Tệp minh chứng"))
    link = forms.CharField(
        required=False, max_length=500, label=gettext_lazy("hoặc đường dẫn minh chứng")
    )


class RecogniseForm(StyledFormMixin, forms.Form):
    level = forms.ChoiceField(label=gettext_lazy("Cấp công nhận"), choices=Level.choices)
    influence = forms.CharField(
        label=gettext_lazy("Phạm vi ảnh hưởng"), widget=forms.Textarea(attrs={"rows": 2})
    )
    decision_number = forms.CharField(label=gettext_lazy("Số quyết định"), max_length=60)
    decision_date = _date_field(gettext_lazy("Ngày quyết định"))

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = levels


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=gettext_lazy("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ReplicationForm(StyledFormMixin, forms.Form):
    unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), label=gettext_lazy("Đơn vị nhân rộng")
    )
    started_on = _date_field(gettext_lazy("Áp dụng từ"))
    results = forms.CharField(
        label=gettext_lazy("Kết quả tại đơn vị"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units])


class FilterForm(forms.Form):
    """The list's filters, from the query string; a wrong value is ignored, not an error."""

    q = forms.CharField(required=False, max_length=200, label=gettext_lazy("Tìm"))
    field = forms.ChoiceField(
        required=False,
        choices=[("", gettext_lazy("Mọi lĩnh vực"))] + Field.choices,
        label=gettext_lazy("Lĩnh vực"),
    )
    status = forms.ChoiceField(
        required=False,
        choices=[("", gettext_lazy("Mọi trạng thái"))] + Initiative.Status.choices,
        label=gettext_lazy("Trạng thái"),
    )
    level = forms.ChoiceField(
        required=False,
        choices=[("", gettext_lazy("Mọi cấp"))] + Level.choices,
        label=gettext_lazy("Cấp công nhận"),
    )
    unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        required=False,
        label=gettext_lazy("Đơn vị"),
        empty_label=gettext_lazy("Mọi đơn vị"),
    )
    year = forms.IntegerField(
        required=False, min_value=YEAR_MIN, max_value=YEAR_MAX, label=gettext_lazy("Năm")
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-control-sm"
