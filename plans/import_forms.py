"""Forms of the import page: the upload, and the review of every proposed field."""

import datetime

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from extraction.doubts import JUNK, KEEP_THRESHOLD
from org.models import OrgUnit
from plans.draft import (
    period_bound,
)
from plans.models import (
    Comparator,
    Milestone,
    Plan,
    PlanReference,
    ReportingFrequency,
    TargetUnit,
    TaskStatus,
)


class UploadForm(StyledFormMixin, forms.Form):
    issuer = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=_("Đơn vị ban hành"))
    source_file = forms.FileField(
        label=_("Tệp kế hoạch"),
        help_text=_("Word (.docx), PDF có chữ, .txt hoặc .md"),
        error_messages={"empty": _("Tệp rỗng: không có nội dung để đọc.")},
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = scope.units(roles=["coordinator"]).order_by("path")
        # Most coordinators import for their own unit: preselect it.
        own = [g.unit_id for g in scope.grants if g.role == "coordinator"]
        if own:
            self.fields["issuer"].initial = own[0]
        self.fields["source_file"].widget.attrs["accept"] = ".docx,.pdf,.txt,.md"


class DocumentForm(StyledFormMixin, forms.Form):
    type = forms.ChoiceField(label=_("Loại văn bản"), choices=Plan.DocType.choices)
    number = forms.CharField(label=_("Số, ký hiệu"), required=False)
    place = forms.CharField(label=_("Địa danh"), required=False)
    date = forms.CharField(
        label=_("Ngày ban hành"),
        required=False,
        help_text=_("dd/mm/yyyy, hoặc mm/yyyy, hoặc yyyy khi văn bản chỉ ghi vậy"),
    )
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    authority = forms.CharField(label=_("Thẩm quyền ký"), required=False)
    position = forms.CharField(label=_("Chức vụ người ký"), required=False)
    signer = forms.CharField(label=_("Người ký"), required=False)
    reporting_frequency = forms.ChoiceField(
        label=_("Chế độ báo cáo"),
        required=False,
        choices=[("", _("— văn bản không quy định —")), *ReportingFrequency.choices],
        help_text=_("Mặc định của lịch báo cáo lập cho kế hoạch này."),
    )
    reporting_due_day = forms.IntegerField(
        label=_("Hạn nộp báo cáo: ngày"),
        required=False,
        min_value=1,
        max_value=31,
        error_messages={
            "min_value": _("Ngày hạn nộp phải từ 1 đến 31."),
            "max_value": _("Ngày hạn nộp phải từ 1 đến 31."),
            "invalid": _("Ghi ngày hạn nộp bằng số, từ 1 đến 31."),
        },
    )
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_date(self):
        return parse_loose_date(self.cleaned_data["date"])


def parse_loose_date(value: str) -> str:
    """ "29/4/2026" -> "2026-04-29", "5/2026" -> "2026-05", "2026" -> "2026", ISO kept."""
    value = (value or "").strip()
    if not value:
        return ""
    parts = value.replace("-", "/").split("/")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return datetime.date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
        if len(parts) == 3:
            return datetime.date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
        if len(parts) == 2 and len(parts[0]) == 4:
            return (
                f"{int(parts[0]):04d}-{int(parts[1]):02d}" if 1 <= int(parts[1]) <= 12 else _bad()
            )
        if len(parts) == 2:
            return (
                f"{int(parts[1]):04d}-{int(parts[0]):02d}" if 1 <= int(parts[0]) <= 12 else _bad()
            )
        if len(parts) == 1 and len(parts[0]) == 4:
            return f"{int(parts[0]):04d}"
    except ValueError:
        pass
    return _bad()


def _bad():
    raise forms.ValidationError(_("Ngày không hợp lệ: ghi dd/mm/yyyy, mm/yyyy hoặc yyyy."))


class ReferenceRowForm(StyledFormMixin, forms.Form):
    include = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    relation = forms.ChoiceField(label=_("Quan hệ"), choices=PlanReference.Relation.choices)
    number = forms.CharField(label=_("Số, ký hiệu"))
    date = forms.CharField(label=_("Ngày"), required=False)
    text = forms.CharField(label=_("Trích dẫn"), required=False, widget=forms.HiddenInput)

    def clean_date(self):
        return parse_loose_date(self.cleaned_data["date"])


# Why the extractor was unsure of a target or a task (codes of extraction/doubts.py).
DOUBT_MESSAGES = {
    "fragment": _("Có vẻ là mẩu câu bị ngắt dòng, không phải một mục trọn vẹn."),
    "bare_figure": _("Chỉ có con số, không rõ đo cái gì."),
    "debris": _("Còn ký tự trình bày (dấu đầu dòng, gạch, kẻ bảng) lẫn trong nội dung."),
    "unit_cut": _("Tên đơn vị có vẻ bị cắt ngang."),
    "over_100_percent": _("Tỷ lệ trên 100% mà không phải mức tăng."),
}


def doubt_messages(codes) -> list[str]:
    """The reviewer's sentence for each reason the extractor gave; codes without one here
    ("no_subject") are already said by importing.review_warnings."""
    return [str(DOUBT_MESSAGES[c]) for c in codes or [] if c in DOUBT_MESSAGES]


def unmatched_unit_notes(item: dict, unmatched: set[str]) -> list[str]:
    """A note for each unit the task names (lead or coordinating) that matches no unit of the
    issuer's tree: the reviewer picks the unit under "Đơn vị chủ trì, phối hợp" or keeps the text.
    The item stays ticked: an outside body (a ministry, a bank) is a right reading."""
    named = [*(item.get("lead_units") or []), *(item.get("coordinating_units") or [])]
    return [
        _(
            "“%(name)s” không khớp đơn vị nào trong cây tổ chức: "
            "chọn đơn vị bên dưới hoặc giữ dạng chữ."
        )
        % {"name": name}
        for name in dict.fromkeys(named)
        if name in unmatched
    ]


def mark_unmatched_units(task_forms, tasks: list[dict], unmatched: set[str]) -> None:
    """Add the unmatched-unit notes to the rows of the review (shown with the other doubts)."""
    for form, item in zip(task_forms, tasks, strict=False):
        form.doubt_notes = [*form.doubt_notes, *unmatched_unit_notes(item, unmatched)]


def kept_by_default(item: dict) -> bool:
    """An item the extractor flags as likely junk is shown but not pre-ticked "Giữ"."""
    if item.get("confidence") is not None and item["confidence"] < KEEP_THRESHOLD:
        return False
    return not any(code in JUNK for code in item.get("doubts") or [])


class _DoubtsMixin:
    """`doubt_notes`: why the extractor was unsure of this row, read from the row's initial."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = self.initial.get("doubts") or []
        self.doubt_notes = doubt_messages(codes)
        self.doubtful = any(code in JUNK for code in codes)


class TargetRowForm(_DoubtsMixin, StyledFormMixin, forms.Form):
    include = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    section = forms.CharField(label=_("Mục"), required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Chỉ tiêu"), widget=forms.Textarea(attrs={"rows": 2}))
    subject = forms.CharField(label=_("Đối tượng"), required=False)
    comparator = forms.ChoiceField(
        label=_("So sánh"), required=False, choices=[("", "—"), *Comparator.choices]
    )
    value = forms.DecimalField(label=_("Giá trị"), required=False, localize=True)
    value_max = forms.DecimalField(label=_("Tối đa"), required=False, localize=True)
    unit = forms.ChoiceField(
        label=_("Đơn vị"), required=False, choices=[("", "—"), *TargetUnit.choices]
    )
    due = forms.CharField(label=_("Hạn"), required=False)
    span = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The review rows show no labels: say in each box what it holds.
        for field in self.fields.values():
            field.widget.attrs.setdefault("placeholder", field.label)
            field.widget.attrs.setdefault("aria-label", field.label)
            field.widget.attrs.setdefault("title", field.label)

    def clean_due(self):
        return parse_loose_date(self.cleaned_data["due"])


class TaskRowForm(_DoubtsMixin, StyledFormMixin, forms.Form):
    include = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    section = forms.CharField(label=_("Mục"), required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    text = forms.CharField(required=False, widget=forms.HiddenInput)
    product = forms.CharField(label=_("Sản phẩm"), required=False)
    lead_units = forms.CharField(label=_("Chủ trì (phân cách bằng ;)"), required=False)
    coordinating_units = forms.CharField(label=_("Phối hợp (phân cách bằng ;)"), required=False)
    deadlines = forms.CharField(
        label=_("Thời hạn (phân cách bằng ;)"),
        required=False,
        help_text=_("Ví dụ: 30/4/2026; Trước ngày 30/6/2026; Quý II/2026; Năm 2026; Thường xuyên"),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái theo văn bản"),
        choices=TaskStatus.choices,
        initial=TaskStatus.NOT_STARTED,
        help_text=_("Ví dụ văn bản ghi chú “Nhiệm vụ đã hoàn thành”."),
    )
    span = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_deadlines(self):
        """Each piece is read with the extractor's own deadline rules, so what a person types
        means what it would mean in a document."""
        from extraction.dates import parse_deadlines

        deadlines = []
        for piece in split_units(self.cleaned_data["deadlines"]):
            parsed = parse_deadlines(piece)
            if not parsed:
                raise forms.ValidationError(
                    _(
                        "Không hiểu thời hạn “%(text)s”; "
                        "ghi như 30/4/2026, Quý II/2026, Thường xuyên."
                    )
                    % {"text": piece}
                )
            deadlines.extend({"kind": d.kind, "value": d.value, "text": piece} for d in parsed)
        return deadlines


class _LabelledRowForm(StyledFormMixin, forms.Form):
    """A row of the review that can be dropped (unticked) or added (the blank last row): what
    it must say is required only of a row that is kept."""

    needed: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("placeholder", field.label)
            field.widget.attrs.setdefault("aria-label", field.label)

    def clean(self):
        data = super().clean()
        if data.get("include"):
            for name in self.needed:
                if not (data.get(name) or "").strip() and name not in self.errors:
                    self.add_error(name, _("Ghi nội dung hoặc bỏ chọn “Giữ”."))
        return data


class MilestoneRowForm(_LabelledRowForm):
    """A sơ kết / tổng kết the plan schedules; the last, blank row adds one."""

    include = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    kind = forms.ChoiceField(label=_("Loại"), choices=Milestone.Kind.choices)
    label = forms.CharField(label=_("Như văn bản ghi"), required=False)
    needed = ("label",)
    due = forms.CharField(label=_("Hạn (dd/mm/yyyy, mm/yyyy, yyyy)"), required=False)

    def clean_due(self):
        return parse_loose_date(self.cleaned_data["due"])


class PhaseRowForm(_LabelledRowForm):
    """A giai đoạn of the movement as the plan divides it; the last, blank row adds one."""

    include = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    name = forms.CharField(label=_("Giai đoạn"), required=False)
    needed = ("name",)
    start = forms.CharField(label=_("Từ (dd/mm/yyyy, mm/yyyy, yyyy)"), required=False)
    end = forms.CharField(label=_("Đến (dd/mm/yyyy, mm/yyyy, yyyy)"), required=False)
    description = forms.CharField(
        label=_("Nội dung giai đoạn"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )
    text = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_start(self):
        return parse_loose_date(self.cleaned_data["start"])

    def clean_end(self):
        return parse_loose_date(self.cleaned_data["end"])

    def clean(self):
        data = super().clean()
        start = period_bound(data.get("start"), end=False)
        end = period_bound(data.get("end"), end=True)
        if start and end and end < start:
            self.add_error("end", _("Giai đoạn phải kết thúc sau khi bắt đầu."))
        return data


class AwardRowForm(_LabelledRowForm):
    """A form of award the plan names; the last, blank row adds one."""

    include = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    form = forms.CharField(label=_("Hình thức khen thưởng"), required=False)
    needed = ("form",)
    recipients = forms.CharField(label=_("Tặng cho (tập thể, cá nhân…)"), required=False)
    condition = forms.CharField(label=_("Số lượng, điều kiện"), required=False)
    span = forms.CharField(required=False, widget=forms.HiddenInput)


class DuplicateForm(forms.Form):
    replace = forms.BooleanField(
        label=_("Thay thế kế hoạch đã có bằng kế hoạch này"), required=False
    )


ReferenceFormSet = formset_factory(ReferenceRowForm, extra=0)
MilestoneFormSet = formset_factory(MilestoneRowForm, extra=1)
PhaseFormSet = formset_factory(PhaseRowForm, extra=1)
AwardFormSet = formset_factory(AwardRowForm, extra=1)
TargetFormSet = formset_factory(TargetRowForm, extra=0)
TaskFormSet = formset_factory(TaskRowForm, extra=0)


def split_units(text: str) -> list[str]:
    return [name.strip() for name in (text or "").split(";") if name.strip()]


class UnitMatchForm(StyledFormMixin, forms.Form):
    """One select per unit name written in the tasks: the unit it means, or keep it as text."""

    def __init__(
        self,
        *args,
        names: list[str],
        units,
        suggestions: dict,
        groups: dict | None = None,
        group_units=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.names = names
        groups = groups or {}
        self.group_names = set(groups)
        # Names neither a group phrase nor matched to one unit: the review marks them.
        self.unmatched = {n for n in names if n not in groups and suggestions.get(n) is None}
        for i, name in enumerate(names):
            if name in groups:
                # A group phrase ("các phòng chuyên môn"): the units it stands for, ticked.
                field = forms.ModelMultipleChoiceField(
                    queryset=group_units,
                    required=False,
                    label=name,
                    initial=[unit.pk for unit in groups[name]],
                    widget=forms.CheckboxSelectMultiple,
                )
                field.widget.attrs["class"] = "form-check-input"
                self.fields[f"unit_{i}"] = field
                continue
            field = forms.ModelChoiceField(
                queryset=units,
                required=False,
                label=name,
                empty_label=_("— giữ dạng chữ —"),
                initial=suggestions.get(name),
            )
            field.widget.attrs["class"] = "form-select form-select-sm"
            field.unmatched = name in self.unmatched
            self.fields[f"unit_{i}"] = field

    def matches(self) -> dict[str, int | list[int] | None]:
        result = {}
        for i, name in enumerate(self.names):
            chosen = self.cleaned_data.get(f"unit_{i}")
            if name in self.group_names:
                result[name] = [unit.pk for unit in chosen or []]
            else:
                result[name] = chosen.pk if chosen else None
        return result
