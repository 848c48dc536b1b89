from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from org.models import EmulationBlock, Enterprise, Household, OrgUnit
from org.selectors import subject_places


class BlockDayForm(StyledFormMixin, forms.Form):
    """The day the block board shows (a ranking's cutoff), today when blank."""

    ngay = forms.DateField(label=_("Thành viên các khối vào ngày"), required=False, localize=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ngay"].widget.attrs["placeholder"] = "dd/mm/yyyy"


class BlockMoveForm(StyledFormMixin, forms.Form):
    block = forms.ModelChoiceField(
        label=_("Chuyển sang khối"), queryset=EmulationBlock.objects.none()
    )
    valid_from = forms.DateField(label=_("Từ ngày"), localize=True)
    reason = forms.CharField(
        label=_("Lý do (căn cứ quyết định)"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, unit: OrgUnit, owner: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = EmulationBlock.objects.filter(province=owner).order_by(
            "order", "name"
        )
        self.fields["block"].empty_label = None
        self.fields["valid_from"].widget.attrs["placeholder"] = "dd/mm/yyyy"


class _SubjectForm(StyledFormMixin, forms.ModelForm):
    """The place is one of the coordinator's localities (its commune and villages)."""

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        places = subject_places(scope)
        if self.instance.pk and self.instance.unit_id:
            # A place no longer in force stays selectable for a subject already there.
            places = places | OrgUnit.objects.filter(pk=self.instance.unit_id)
        self.fields["unit"].queryset = places.select_related("unit_type")
        self.fields["unit"].empty_label = None

    def _post_clean(self):
        # The service runs the model's checks and reports them; the form checks the fields only.
        pass

    def add_service_errors(self, error: ValidationError) -> None:
        known = set(self.fields)
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in known else None, messages)
        else:
            self.add_error(None, error.messages)


class HouseholdForm(_SubjectForm):
    class Meta:
        model = Household
        fields = ["unit", "kind", "head_name", "address", "members_count", "phone"]


class EnterpriseForm(_SubjectForm):
    class Meta:
        model = Enterprise
        fields = ["unit", "kind", "name", "tax_code", "representative", "address", "phone"]
        help_texts = {"tax_code": _("10 chữ số, chi nhánh thêm -3 chữ số (không bắt buộc).")}
