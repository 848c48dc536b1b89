"""Forms of plans, targets and tasks. Rules live in the models and services; forms parse input."""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from org.models import OrgUnit
from plans.models import Plan, Target, Task, TaskDeadline, TaskStatus
from plans.selectors import parent_target_choices


class VersionedForm(StyledFormMixin, forms.ModelForm):
    """Carries the version the person started from, so a concurrent edit is detected."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class PlanForm(VersionedForm):
    class Meta:
        model = Plan
        fields = [
            "doc_type",
            "number",
            "issuer",
            "place",
            "issued_on",
            "issued_period",
            "title",
            "movement",
            "status",
            "signature_authority",
            "signature_position",
            "signer_name",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "issued_on": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        }

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = scope.units(roles=["coordinator"]).order_by("path")
        self.fields["issuer"].required = True
        own = [g.unit_id for g in scope.grants if g.role == "coordinator"]
        if own and not self.instance.pk:
            self.fields["issuer"].initial = own[0]
        self.fields["issued_on"].localize = True


class TargetForm(VersionedForm):
    responsible_units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị chịu trách nhiệm")
    )

    class Meta:
        model = Target
        fields = [
            "section",
            "text",
            "subject",
            "indicator",
            "comparator",
            "value",
            "value_max",
            "unit",
            "due_year",
            "due_date",
            "baseline_value",
            "baseline_year",
            "unit_value_allowed",
            "applies_to_each_unit",
            "responsible_text",
            "parent_target",
            "order",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        localized_fields = ["value", "value_max", "due_date", "baseline_value"]

    def __init__(self, *args, plan: Plan, scope, **kwargs):
        super().__init__(*args, **kwargs)
        if plan.issuer:
            self.fields["responsible_units"].queryset = OrgUnit.objects.filter(
                path__startswith=plan.issuer.path
            ).order_by("path")
        if self.instance.pk:
            self.fields["responsible_units"].initial = self.instance.responsible_units.all()
        # Only targets of the visible plans this plan implements can be aligned to.
        self.fields["parent_target"].queryset = parent_target_choices(scope=scope, plan=plan)
        self.fields["parent_target"].label_from_instance = lambda t: (
            f"{t.plan.display_number} — {t.text[:90]}"
        )


class TaskForm(VersionedForm):
    lead_units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị chủ trì")
    )
    coordinating_units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị phối hợp")
    )

    class Meta:
        model = Task
        fields = [
            "section",
            "title",
            "text",
            "product",
            "lead_units_text",
            "coordinating_units_text",
            "status",
            "progress",
            "order",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "title": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.none()
        if plan.issuer:
            units = OrgUnit.objects.filter(path__startswith=plan.issuer.path).order_by("path")
        self.fields["lead_units"].queryset = units
        self.fields["coordinating_units"].queryset = units
        if self.instance.pk:
            self.fields["lead_units"].initial = self.instance.lead_units.all()
            self.fields["coordinating_units"].initial = self.instance.coordinating_units.all()


class DeadlineForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = TaskDeadline
        fields = ["kind", "date", "year", "month", "quarter", "frequency", "label"]
        localized_fields = ["date"]
        widgets = {"date": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def has_changed(self):
        # A blank extra row is "no deadline", not an error.
        return bool(self.data.get(self.add_prefix("kind"))) or super().has_changed()

    def clean(self):
        cleaned = super().clean()
        deadline = TaskDeadline(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        if cleaned.get("kind"):
            try:
                deadline.clean()
            except forms.ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    for message in messages:
                        self.add_error(name, message)
        return cleaned


DeadlineFormSet = formset_factory(DeadlineForm, extra=1, can_delete=True)


def deadline_rows(formset) -> list[dict]:
    return [
        {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        for form in formset.forms
        if form.cleaned_data
        and form.cleaned_data.get("kind")
        and not form.cleaned_data.get("DELETE")
    ]


class ListFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False)
    unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị")
    )
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), required=False, label=_("Kế hoạch"))
    section = forms.ChoiceField(required=False, label=_("Mục"))
    status = forms.ChoiceField(required=False, label=_("Trạng thái"))
    due_year = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        label=_("Năm"),
        choices=[("", "—")] + [(y, y) for y in range(2025, 2031)],
    )

    TASK_STATUSES = [("", "—"), *TaskStatus.choices, ("overdue", _("Quá hạn"))]
    TARGET_STATUSES = [
        ("", "—"),
        ("quantitative", _("Định lượng")),
        ("qualitative", _("Định tính")),
        ("aligned", _("Đã gắn chỉ tiêu cấp trên")),
        ("unaligned", _("Chưa gắn chỉ tiêu cấp trên")),
    ]

    def __init__(self, *args, units, plans, sections, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda p: f"{p.display_number} — {p.title[:60]}"
        self.fields["section"].choices = [("", "—")] + [(s, s[:80]) for s in sections]
        self.fields["status"].choices = statuses
