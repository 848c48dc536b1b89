"""Forms of the registration page. They parse input; the rules live in services."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import parse_number_vi
from core.forms import StyledFormMixin, bound_free_text, style_widgets
from core.params import YEAR_MAX, YEAR_MIN, parse_id, parse_int
from initiatives.models import Field as InitiativeField
from org.models import OrgUnit
from plans.models import Plan


class RegistrationStartForm(StyledFormMixin, forms.Form):
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label=gettext_lazy("Kế hoạch"))
    unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=gettext_lazy("Đơn vị"))
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=2020, max_value=2100)

    def __init__(self, *args, plans, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda p: f"{p.display_number} — {p.title[:90]}"
        self.fields["unit"].queryset = units
        self.fields["year"].initial = datetime.date.today().year


def parse_registration_post(registration, post) -> tuple[dict, list, dict]:
    """(targets, initiatives, errors) from the registration page."""
    targets, errors = {}, {}
    for row in registration.targets.all():
        key = f"target-{row.target_id}"
        if f"r-{row.target_id}-value" not in post:
            # A level the plan fixes is not posted: only its note may change.
            if f"r-{row.target_id}-note" in post:
                targets[row.target_id] = {
                    "value": row.value,
                    "note": post.get(f"r-{row.target_id}-note", ""),
                }
            continue
        raw = (post.get(f"r-{row.target_id}-value") or "").strip()
        value = None
        if raw:
            try:
                value = parse_number_vi(raw)
            except ValueError:
                errors[key] = [_("“%(raw)s” không phải là số.") % {"raw": raw}]
                continue
        targets[row.target_id] = {"value": value, "note": post.get(f"r-{row.target_id}-note", "")}
    initiatives = []
    count = parse_int(post.get("initiative-count"), minimum=0) or 0
    for index in range(min(count, 50)):
        title = (post.get(f"i-{index}-title") or "").strip()
        if title:
            initiatives.append(
                {
                    "id": parse_id(post.get(f"i-{index}-id")),
                    "title": title,
                    "field": post.get(f"i-{index}-field", ""),
                    "expected_result": post.get(f"i-{index}-expected_result", ""),
                }
            )
    return targets, initiatives, errors


INITIATIVE_FIELDS = InitiativeField.choices


class RoundOpenForm(StyledFormMixin, forms.Form):
    """The coordinator opens a plan's yearly registration with its deadline."""

    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label=gettext_lazy("Kế hoạch"))
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    deadline = forms.DateField(
        label=gettext_lazy("Hạn đăng ký"),
        localize=True,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda p: f"{p.display_number} — {p.title[:90]}"
        self.fields["year"].initial = timezone.localdate().year


class EnterpriseRegistrationForm(forms.Form):
    """An enterprise's or cooperative's participation plan and commitments (seed 004 §V.2g)."""

    enterprise = forms.ModelChoiceField(
        label=gettext_lazy("Doanh nghiệp, hợp tác xã"), queryset=None
    )
    participation_plan = forms.CharField(
        label=gettext_lazy("Kế hoạch tham gia phong trào"), widget=forms.Textarea(attrs={"rows": 3})
    )
    commitments = forms.CharField(
        label=gettext_lazy("Nội dung cam kết"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises
        bound_free_text(self)
        style_widgets(self)


class PersonRegistrationForm(forms.Form):
    """An individual's titles aimed for (from the award catalogue) and commitments."""

    person = forms.ModelChoiceField(label=gettext_lazy("Cá nhân"), queryset=None)
    titles = forms.MultipleChoiceField(
        label=gettext_lazy("Danh hiệu đăng ký"), choices=[], widget=forms.CheckboxSelectMultiple
    )
    commitments = forms.CharField(
        label=gettext_lazy("Nội dung cam kết"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, people, titles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.unit.name}"
        self.fields["titles"].choices = titles
        bound_free_text(self)
        style_widgets(self)


class HouseholdRegistrationForm(forms.Form):
    """A household's commitments (seed 002 §V.1c: hộ gia đình, nông dân, người lao động)."""

    household = forms.ModelChoiceField(label=gettext_lazy("Hộ gia đình"), queryset=None)
    commitments = forms.CharField(
        label=gettext_lazy("Nội dung cam kết"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, households, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        self.fields["household"].label_from_instance = lambda h: f"{h.head_name} — {h.unit.name}"
        bound_free_text(self)
        style_widgets(self)
