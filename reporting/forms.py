"""Forms of the reporting cycle. They parse input; the rules live in services, figures and checks.

The report page has one row per indicator and per task, named after them
("v-<indicator id>-numerator", "t-<task id>-status"), so it is parsed by `ReportInput` rather than
a fixed Django form; its errors are keyed like the services' ("value-<id>", "task-<id>").
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import number_vi, parse_number_vi
from core.forms import StyledFormMixin, TableRowsFormSet
from core.params import YEAR_MAX, YEAR_MIN, parse_int
from indicators.models import Indicator
from indicators.selectors import visible_indicators
from org.models import EmulationBlock, OrgUnit, UnitType
from plans.models import Plan, Task
from reporting.figures import clean_task_update_fields, clean_value_fields
from reporting.models import Schedule, TaskUpdate
from reporting.selectors import ReportSheet

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
EVIDENCE_TYPES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".zip")
# What each accepted file starts with: the content decides, not the name (a renamed .exe or .html
# is refused). .docx, .xlsx and .zip are zip archives; .doc and .xls are OLE compound files.
EVIDENCE_MAGIC = (
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
)


def evidence_content_ok(upload) -> bool:
    """Whether the uploaded file's first bytes are those of a PDF, an image, or an Office or zip
    file."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    return head.startswith(EVIDENCE_MAGIC)


@dataclass
class ReportInput:
    """What a report page posted, parsed into the shape `report_save_valid` takes: the fields
    that read well, and the refusals of the others by item, with the names of their inputs."""

    version: int | None = None
    values: dict[int, dict] = field(default_factory=dict)
    task_updates: dict[int, dict] = field(default_factory=dict)
    narrative: dict[str, str] = field(default_factory=dict)
    files: dict[int, list] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)

    def error(self, key: str, message: str, input_name: str | None = None) -> None:
        self.errors.setdefault(key, []).append(message)
        if input_name:
            self.invalid.add(input_name)


_UNREADABLE = object()


def _number(raw: str, key: str, parsed: ReportInput, input_name: str):
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return parse_number_vi(raw)
    except ValueError:
        parsed.error(
            key,
            _("“%(raw)s” không phải là số (ví dụ: 1.250 hoặc 70,5).") % {"raw": raw},
            input_name,
        )
        return _UNREADABLE


def _cleaned(parsed: ReportInput, key: str, prefix: str, clean_fields, *args, **kwargs) -> dict:
    """The figure's rule (reporting.figures) applied as the page is read, field by field, so
    that the page refuses what the Excel reader and the service refuse, in the same words,
    beside the item — and keeps the fields that pass."""
    cleaned, refused = clean_fields(*args, **kwargs)
    for name, messages in refused.items():
        parsed.invalid.add(prefix + name)
        for message in messages:
            parsed.error(key, message)
    return cleaned


def _posted_figure(line, post, parsed: ReportInput) -> dict:
    """The fields an indicator's line posted, read as numbers where the kind wants numbers;
    a number that does not read is refused here and left out."""
    key, prefix, indicator = line.key, f"v-{line.item.indicator_id}-", line.indicator
    data: dict = {}
    for name in indicator.entry_fields:
        if prefix + name not in post:
            continue
        raw = post[prefix + name]
        if indicator.is_words:
            data[name] = raw
        elif indicator.is_yes_no:
            data[name] = {"1": 1, "0": 0}.get(raw)
        else:
            data[name] = _number(raw, key, parsed, prefix + name)
    if prefix + "comment" in post:
        data["comment"] = post[prefix + "comment"]
    return {name: value for name, value in data.items() if value is not _UNREADABLE}


def _posted_task_update(line, post) -> dict:
    """The fields a task's line posted. "—" (no status chosen yet) with nothing else typed
    means no update (not an error); a note or a link typed first keeps the status it has."""
    prefix = f"t-{line.task.pk}-"
    data = {
        name: post[prefix + name]
        for name in ("status", "progress", "note", "evidence_link")
        if prefix + name in post
    }
    if not data.get("status"):
        data.pop("status", None)
        if line.update is None and not any(
            (data.get(k) or "").strip() for k in ("progress", "note", "evidence_link")
        ):
            return {}
    return data


def _evidence_refusal(upload) -> str | None:
    """Why an evidence file is not kept: too large, or not a type the page accepts."""
    if upload.size > MAX_EVIDENCE_BYTES:
        return _("Tệp %(name)s lớn hơn 20 MB.") % {"name": upload.name}
    if not upload.name.lower().endswith(EVIDENCE_TYPES) or not evidence_content_ok(upload):
        return _("Tệp %(name)s: chỉ nhận PDF, Word, Excel, ảnh JPG/PNG hoặc ZIP.") % {
            "name": upload.name
        }
    return None


def parse_report_post(sheet: ReportSheet, post, files=None) -> ReportInput:
    """Read the report page's fields for every indicator and task of `sheet`. A field that
    does not read (text in a number) is left out with its refusal; the others are kept."""
    parsed = ReportInput()
    parsed.version = parse_int(post.get("version"), minimum=0)
    for line in sheet.values:
        data = _posted_figure(line, post, parsed)
        if data:
            prefix = f"v-{line.item.indicator_id}-"
            parsed.values[line.item.indicator_id] = _cleaned(
                parsed, line.key, prefix, clean_value_fields, line.indicator, data
            )
    for line in sheet.tasks:
        pk, key, prefix = line.task.pk, line.key, f"t-{line.task.pk}-"
        data = _posted_task_update(line, post)
        if data:
            parsed.task_updates[pk] = _cleaned(
                parsed, key, prefix, clean_task_update_fields, data, current=line.update
            )
        for upload in files.getlist(prefix + "files") if files is not None else []:
            refusal = _evidence_refusal(upload)
            if refusal:
                parsed.error(key, refusal, prefix + "files")
            else:
                parsed.files.setdefault(pk, []).append(upload)
    for name in ("results", "difficulties", "proposals"):
        if name in post:
            parsed.narrative[name] = post[name]
    return parsed


class ReasonForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class ReportUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel đã điền"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


# --- Schedules ---------------------------------------------------------------------------------


class ScheduleForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    unit_types = forms.ModelMultipleChoiceField(
        queryset=UnitType.objects.order_by("level", "name"),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Loại đơn vị báo cáo"),
    )
    tasks = forms.ModelMultipleChoiceField(
        queryset=Task.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Nhiệm vụ đơn vị cập nhật tiến độ"),
    )

    class Meta:
        model = Schedule
        fields = [
            "name",
            "frequency",
            "due_day",
            "due_month_offset",
            "jump_warning_percent",
            "evidence_required_for_done",
            "is_active",
        ]

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].queryset = plan.tasks.order_by("order", "pk")
        self.fields["tasks"].label_from_instance = lambda t: t.title[:140]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["unit_types"].initial = self.instance.unit_types.all()
            self.fields["tasks"].initial = self.instance.tasks.all()
        else:
            self.fields["tasks"].initial = plan.tasks.all()
        for name in ("unit_types", "tasks"):
            self.fields[name].widget.attrs["class"] = "form-check-input"


class ScheduleItemForm(StyledFormMixin, forms.Form):
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.order_by("name"), label=gettext_lazy("Chỉ số"), required=False
    )
    required = forms.BooleanField(label=gettext_lazy("Bắt buộc"), required=False, initial=True)
    unit_types = forms.ModelMultipleChoiceField(
        queryset=UnitType.objects.order_by("level", "name"),
        required=False,
        label=gettext_lazy("Chỉ loại đơn vị"),
        help_text=gettext_lazy("Để trống: mọi loại đơn vị báo cáo."),
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        # Another province's own indicators are neither offered nor accepted.
        self.fields["indicator"].queryset = visible_indicators(scope).order_by("name")


class BaseScheduleItemFormSet(TableRowsFormSet):
    def clean(self):
        seen = set()
        for form in self.forms:
            indicator = (
                form.cleaned_data.get("indicator") if hasattr(form, "cleaned_data") else None
            )
            if indicator is None:
                continue
            if indicator.pk in seen:
                form.add_error("indicator", _("Chỉ số này đã có trong lịch."))
            seen.add(indicator.pk)

    def rows(self) -> list[dict]:
        return [
            {
                "indicator": f.cleaned_data["indicator"],
                "required": f.cleaned_data.get("required", False),
                "unit_types": f.cleaned_data.get("unit_types") or [],
            }
            for f in self.forms
            if f.cleaned_data.get("indicator")
        ]


ScheduleItemFormSet = forms.formset_factory(
    ScheduleItemForm, formset=BaseScheduleItemFormSet, extra=3
)


class OneOffPeriodForm(StyledFormMixin, forms.Form):
    code = forms.SlugField(label=gettext_lazy("Mã kỳ"), max_length=20, help_text="SO-KET-2027")
    label = forms.CharField(label=gettext_lazy("Tên kỳ"), max_length=80)
    start = forms.DateField(label=gettext_lazy("Từ ngày"), localize=True)
    end = forms.DateField(label=gettext_lazy("Đến ngày"), localize=True)
    due_date = forms.DateField(label=gettext_lazy("Hạn nộp"), localize=True)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày kết thúc kỳ phải sau ngày bắt đầu."))
        return data


class GenerateYearForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=YEAR_MIN, max_value=YEAR_MAX)


class ReopenForUnitForm(StyledFormMixin, forms.Form):
    unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=gettext_lazy("Đơn vị"))
    reason = forms.CharField(label=gettext_lazy("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))
    until = forms.DateField(label=gettext_lazy("Mở đến ngày"), required=False, localize=True)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class BoardFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=gettext_lazy("Tìm đơn vị"), required=False)
    year = forms.IntegerField(
        label=gettext_lazy("Năm"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    block = forms.ModelChoiceField(
        queryset=EmulationBlock.objects.none(), required=False, label=gettext_lazy("Khối thi đua")
    )
    unit_type = forms.ModelChoiceField(
        queryset=UnitType.objects.none(), required=False, label=gettext_lazy("Loại đơn vị")
    )

    def __init__(self, *args, schedule: Schedule, **kwargs):
        super().__init__(*args, **kwargs)
        issuer = schedule.plan.issuer
        self.fields["block"].queryset = EmulationBlock.objects.filter(
            province__path__in=[*issuer.ancestor_paths(), issuer.path]
        )
        self.fields["unit_type"].queryset = schedule.unit_types.all()
        self.fields["block"].empty_label = _("Tất cả")
        self.fields["unit_type"].empty_label = _("Tất cả")
        self.fields["year"].initial = datetime.date.today().year


TASK_STATUSES = TaskUpdate.Status.choices


def _shown(value, places: int = 4) -> str:
    return number_vi(value, places) if value is not None else ""


def report_inputs(
    sheet: ReportSheet, posted=None, *, keep_saved: bool = False, invalid: Iterable[str] = ()
) -> None:
    """Give every line of `sheet` the text its inputs show (`line.inputs`), after a refused
    save what the person typed (`line.typed`), and the fields the save refused
    (`line.invalid`, e.g. {"numerator"}: those inputs are marked).

    After a validation error the page shows what was typed, so nothing is lost. After a
    concurrent edit it shows the saved figures (the first person's) and, beside each field, what
    this person typed, so they can compare and enter it again.
    """
    posted = posted or {}
    invalid = set(invalid)

    def refused(prefix: str) -> set[str]:
        return {name.removeprefix(prefix) for name in invalid if name.startswith(prefix)}

    def merge(prefix: str, saved: dict[str, str]):
        sent = {k: posted[prefix + k] for k in saved if prefix + k in posted}
        if keep_saved:
            typed = {k: v for k, v in sent.items() if v.strip() != saved[k].strip()}
            return saved, typed
        return {**saved, **sent}, {}

    for line in sheet.values:
        row = line.row
        saved = {
            "value": "" if row is None else _shown(row.value),
            "numerator": "" if row is None else _shown(row.numerator),
            "denominator": "" if row is None else _shown(row.denominator),
            "text": "" if row is None else row.text,
            "comment": "" if row is None else row.comment,
        }
        if line.indicator.is_yes_no and row is not None and row.value is not None:
            saved["value"] = "1" if row.value else "0"
        line.inputs, line.typed = merge(f"v-{line.item.indicator_id}-", saved)
        line.invalid = refused(f"v-{line.item.indicator_id}-")
    for line in sheet.tasks:
        update = line.update
        saved = {
            "status": update.status if update else "",
            "progress": str(update.progress) if update else "",
            "note": update.note if update else "",
            "evidence_link": update.evidence_link if update else "",
        }
        line.inputs, line.typed = merge(f"t-{line.task.pk}-", saved)
        line.invalid = refused(f"t-{line.task.pk}-")
    report = sheet.report
    saved = {name: getattr(report, name) for name in ("results", "difficulties", "proposals")}
    sheet.narrative_inputs, sheet.narrative_typed = merge("", saved)
    sheet.narrative_invalid = invalid & saved.keys()
