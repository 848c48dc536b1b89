"""Forms of plans, targets and tasks. Rules live in the models and services; forms parse input."""

from django import forms
from django.db.models import Q, QuerySet
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from core.formats import number_vi
from core.forms import StyledFormMixin, TableRowsFormSet, style_widgets
from core.params import YEAR_MAX, YEAR_MIN, parse_int
from indicators.selectors import visible_indicators
from org.models import OrgUnit, Person
from org.scope import UserScope
from plans.models import Plan, Target, TargetUnit, Task, TaskDeadline, TaskStatus
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
            "reporting_frequency",
            "reporting_due_day",
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
            "measured_elsewhere",
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
        self.fields["indicator"].queryset = visible_indicators(scope)
        # Only targets of the visible plans this plan implements can be aligned to.
        self.fields["parent_target"].queryset = parent_target_choices(scope=scope, plan=plan)
        self.fields["parent_target"].label_from_instance = lambda t: (
            f"{t.plan.display_number} — {t.text[:90]}"
        )
        self._add_path_fields(plan)

    # --- the yearly path (seed 002 §III.3 "nâng dần qua từng năm") ---

    def _typed(self, name: str):
        """A field's value as typed in this request, else the saved one: the years of the path
        follow the baseline and due years entered on the same page."""
        if self.is_bound:
            return parse_int(
                self.data.get(self.add_prefix(name)), minimum=YEAR_MIN, maximum=YEAR_MAX
            )
        return getattr(self.instance, name)

    def _add_path_fields(self, plan: Plan) -> None:
        draft = Target(
            plan=plan,
            baseline_year=self._typed("baseline_year"),
            due_year=self._typed("due_year"),
            due_date=self.instance.due_date,
            baseline_value=self.instance.baseline_value,
            comparator=self.instance.comparator,
            value=self.instance.value,
        )
        saved = self.instance.yearly_path() if self.instance.pk else {}
        indicator = self.instance.indicator if self.instance.indicator_id else None
        # A rank counts places ("tăng 8 bậc" takes 8 off its number): not the same question as
        # `lower_is_better`. Without an indicator, the target's unit says.
        rank = indicator.counts_places if indicator else self.instance.unit == TargetUnit.RANK
        self.path_fields = []
        for year in draft.path_years():
            name = f"path_{year}"
            default = draft.straight_line(year, rank=rank)
            self.fields[name] = forms.DecimalField(
                label=_("Mức phấn đấu năm %(year)s") % {"year": year},
                required=False,
                max_digits=14,
                decimal_places=4,
                localize=True,
                initial=saved.get(year),
                help_text=_("Để trống: theo đường thẳng từ giá trị xuất phát (%(v)s).")
                % {"v": number_vi(default, 2)}
                if default is not None
                else _("Để trống nếu không đặt mức riêng cho năm này."),
            )
            self.path_fields.append((year, name))
        style_widgets(self)

    def clean(self):
        cleaned = super().clean()
        percent = cleaned.get("unit") == "%"
        path = {}
        for year, name in self.path_fields:
            value = cleaned.get(name)
            if value is None:
                continue
            if percent and not 0 <= value <= 100:
                self.add_error(name, _("Tỷ lệ phần trăm phải từ 0 đến 100."))
                continue
            path[str(year)] = str(value.normalize())
        cleaned["yearly_values"] = path
        return cleaned


class TaskForm(VersionedForm):
    lead_units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị chủ trì")
    )
    coordinating_units = forms.ModelMultipleChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=_("Đơn vị phối hợp")
    )
    # The "06 rõ" in the order a plan writes them: work, who leads, who answers, who helps,
    # product and who decides on it.
    field_order = [
        "section",
        "title",
        "text",
        "lead_units",
        "lead_units_text",
        "person_in_charge",
        "coordinating_units",
        "coordinating_units_text",
        "product",
        "deciding_authority",
    ]

    class Meta:
        model = Task
        fields = [
            "section",
            "title",
            "text",
            "product",
            "lead_units_text",
            "coordinating_units_text",
            "person_in_charge",
            "deciding_authority",
            "status",
            "progress",
            "order",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "title": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan: Plan, scope: UserScope, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.none()
        if plan.issuer:
            units = OrgUnit.objects.filter(path__startswith=plan.issuer.path).order_by("path")
        self.fields["lead_units"].queryset = units
        self.fields["coordinating_units"].queryset = units
        if self.instance.pk:
            self.fields["lead_units"].initial = self.instance.lead_units.all()
            self.fields["coordinating_units"].initial = self.instance.coordinating_units.all()
        # Shown: the people of the task's lead units. Posted: anyone the editor may choose, so
        # that a person of a lead unit added in the same form gets the service's clear answer.
        narrow_to = self.instance if self.instance.pk and not self.is_bound else None
        self.fields["person_in_charge"].queryset = person_choices(
            scope=scope, plan=plan, task=narrow_to
        )
        self.fields["person_in_charge"].label_from_instance = lambda p: (
            f"{p.full_name} — {p.unit.name}"
        )
        self.fields["person_in_charge"].help_text = _(
            "Cán bộ của đơn vị chủ trì chịu trách nhiệm chính (rõ người)."
        )


def person_choices(*, scope: UserScope, plan: Plan, task: Task | None) -> QuerySet[Person]:
    """Who can be put in charge of a task: people of its lead units (a new task: of the units
    that can lead it, the issuer's subtree) in the editor's scope. The service checks the
    choice against the lead units finally saved."""
    if plan.issuer is None:
        return Person.objects.none()
    units = OrgUnit.objects.filter(path__startswith=plan.issuer.path)
    if task is not None and task.lead_units.all():
        leads_q = Q(pk__in=[])
        for lead in task.lead_units.all():
            leads_q |= Q(path__startswith=lead.path)
        units = units.filter(leads_q)
    return (
        Person.objects.filter(unit__in=units.filter(scope.unit_q()))
        .select_related("unit")
        .order_by("unit__path", "full_name")
    )


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


DeadlineFormSet = formset_factory(DeadlineForm, formset=TableRowsFormSet, extra=1, can_delete=True)


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


class CascadeFilterForm(StyledFormMixin, forms.Form):
    """The year whose plans the cascade counts (seed 004 §II.2b: a plan every year) and a
    search of the units."""

    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False)
    q = forms.CharField(label=_("Tìm đơn vị"), required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in years]
