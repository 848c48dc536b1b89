"""What a valid figure is: the one rule for what a unit types into its report, whichever way it
arrives — the web page, an Excel file, the API or the demo — and for what a report must hold
before it is sent.

Each channel first turns its input into Python values (the page reads "1.250,5", the Excel reader
reads a cell's type); then, with the same Vietnamese words everywhere:

- `clean_value(indicator, raw)`: a figure is a number below 10^13, kept to 4 decimals; never
  negative (no indicator of a movement counts below zero, and a negative could never be sent:
  refusing it when typed tells the person at once, on the page as in Excel); whole where the
  indicator counts or ranks; 1 or 0 for a yes/no question. Free text is bounded (core.text).
- `clean_task_update(raw, current=...)`: a task's status is one of the list; progress is a whole
  number from 0 to 100 ("done" with no progress typed means 100 %); status and progress agree
  (plans.task_progress_error); an evidence link is an http(s) address that fits its column.

Both raise `ValidationError` keyed by the field ("value", "numerator", "progress",
"evidence_link" …) so that each channel places the message: the page beside the item, the Excel
reader at the cell. `report_save_draft` calls them again on what it is given, so nothing
reaches the database around them.

A draft may be partial. What a report must hold to be sent — every required figure, both parts
of a ratio, a denominator above 0 and not below its numerator, a rank from 1, a done task's
evidence where the schedule asks — is `value_error` and `task_error`, which the submit check
(reporting.checks) applies to every line.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from core.formats import number_vi, parse_number_vi
from core.text import free_text
from indicators.models import Indicator
from plans.models import task_progress_error
from reporting.models import ReportValue, TaskUpdate

MAX_DIGITS = Decimal("1e13")  # ReportValue keeps 18 digits, 4 of them decimals
LINK_MAX_LENGTH = TaskUpdate._meta.get_field("evidence_link").max_length
TEXT_FIELDS = ("text", "comment")


# --- One figure, as typed ------------------------------------------------------------------------


def _decimal(raw) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        number = raw if isinstance(raw, Decimal) else Decimal(str(raw))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError(_("Nhập một số (dùng dấu phẩy cho phần thập phân).")) from exc
    if not number.is_finite():
        raise ValidationError(_("Số quá lớn."))
    return number


def _stored(number: Decimal) -> Decimal:
    if abs(number) >= MAX_DIGITS:
        raise ValidationError(_("Số quá lớn."))
    return number.quantize(Decimal("0.0001"))


def clean_number(raw) -> Decimal | None:
    """`raw` (a number, or its text in Python's notation) as a Decimal of 4 decimals, None when
    blank. Only its form and size: whether it may be negative is the indicator's rule."""
    number = _decimal(raw)
    return None if number is None else _stored(number)


def whole_number_error(indicator: Indicator, value: Decimal | None) -> str | None:
    """The refusal of a fraction where the indicator counts or ranks."""
    if value is None or not indicator.takes_whole_numbers:
        return None
    if value == value.to_integral_value():
        return None
    return _("%(kind)s phải là số nguyên (ví dụ 2 hoặc 3), không nhận %(value)s.") % {
        "kind": indicator.get_kind_display(),
        "value": number_vi(value, 4),
    }


def negative_message(indicator: Indicator) -> str:
    if indicator.is_ratio:
        return _("Tử số và mẫu số không được âm.")
    return _("Số liệu không được âm.")


def figure_error(indicator: Indicator, value: Decimal | None) -> str | None:
    """What is wrong with one number typed for the indicator, if anything."""
    if value is None:
        return None
    if indicator.is_yes_no and value not in (0, 1):
        return _("Chọn Có hoặc Không.")
    if value < 0:
        return negative_message(indicator)
    if value >= MAX_DIGITS:
        return _("Số quá lớn.")
    return whole_number_error(indicator, value)


def clean_value(indicator: Indicator, raw: dict) -> dict:
    """The indicator's fields of `raw` ("value", "numerator", "denominator", "text", "comment"),
    cleaned; a field the indicator does not take is dropped. Every field's refusal is raised
    together, keyed by the field."""
    cleaned, errors = clean_value_fields(indicator, raw)
    if errors:
        raise ValidationError(errors)
    return cleaned


def clean_value_fields(indicator: Indicator, raw: dict) -> tuple[dict, dict[str, list[str]]]:
    """`clean_value` field by field: (the fields that are valid, cleaned; the refusals of the
    others, keyed by the field). A draft keeps the first while the person fixes the second."""
    cleaned, errors = {}, {}
    for name in indicator.input_fields:
        if name not in raw:
            continue
        try:
            number = _decimal(raw[name])
            # A negative or a fraction is named as such, however large it is.
            problem = figure_error(indicator, number)
            if problem:
                raise ValidationError(problem)
            cleaned[name] = None if number is None else _stored(number)
        except ValidationError as exc:
            errors[name] = exc.messages
    for name in TEXT_FIELDS:
        if name in raw:
            try:
                cleaned[name] = free_text(raw[name], key=name)
            except ValidationError as exc:
                errors[name] = exc.messages
    return cleaned, errors


# --- A task's update, as typed -------------------------------------------------------------------


def progress_message() -> str:
    return _("Tiến độ là một số nguyên từ 0 đến 100.")


def clean_progress(raw) -> int:
    """A progress typed as 40, "40", "40 %" or 40.0; blank is 0."""
    if isinstance(raw, str):
        raw = raw.strip().removesuffix("%").strip()
    if raw is None or raw == "":
        return 0
    try:
        if isinstance(raw, str):
            number = parse_number_vi(raw)
        elif isinstance(raw, float):
            number = Decimal(repr(raw))
        else:
            number = Decimal(raw)
    except (ValueError, InvalidOperation, TypeError) as exc:
        raise ValidationError(progress_message()) from exc
    if not number.is_finite() or number != number.to_integral_value() or not 0 <= number <= 100:
        raise ValidationError(progress_message())
    return int(number)


def clean_link(raw) -> str:
    link = (raw or "").strip()
    if len(link) > LINK_MAX_LENGTH:
        raise ValidationError(
            _("Đường dẫn minh chứng dài quá %(n)s ký tự.") % {"n": LINK_MAX_LENGTH}
        )
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError as exc:
            raise ValidationError(
                _("Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://")
            ) from exc
    return link


def clean_task_update(raw: dict, *, current: TaskUpdate | None = None) -> dict:
    """The fields of `raw` ("status", "progress", "note", "evidence_link"), cleaned. Status and
    progress must agree once merged with the `current` update (a file may change only one)."""
    cleaned, errors = clean_task_update_fields(raw, current=current)
    errors = {name: messages for name, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_status_and_progress(raw: dict, current: TaskUpdate | None) -> tuple[dict, dict]:
    """Status and progress, which stand or fall together: each checked, then the pair they
    make with the `current` update. When one is refused, neither is kept; the one given
    without fault is named too (no words of its own), so that the page marks it unsaved."""
    cleaned, errors = {}, {}
    if "status" in raw:
        if raw["status"] in TaskUpdate.Status.values:
            cleaned["status"] = raw["status"]
        else:
            errors["status"] = [_("Chọn tình trạng nhiệm vụ trong danh sách.")]
    if "progress" in raw:
        try:
            cleaned["progress"] = clean_progress(raw["progress"])
        except ValidationError as exc:
            errors["progress"] = exc.messages
    if not errors:
        status = cleaned.get("status", current.status if current else TaskUpdate.Status.NOT_STARTED)
        progress = cleaned.get("progress", current.progress if current else 0)
        mismatch = task_progress_error(status, progress)
        if mismatch:
            errors["progress"] = [str(mismatch)]
    if errors:
        for name in ("status", "progress"):
            if cleaned.pop(name, None) is not None:
                errors.setdefault(name, [])
    return cleaned, errors


def clean_task_update_fields(
    raw: dict, *, current: TaskUpdate | None = None
) -> tuple[dict, dict[str, list[str]]]:
    """`clean_task_update` field by field: (the valid fields, cleaned; the refusals of the
    others, keyed by the field). Status and progress go together: when either is refused,
    neither is kept, so that a saved update never pairs "done" with 40 %."""
    raw = dict(raw)
    if raw.get("status") == TaskUpdate.Status.DONE and raw.get("progress") in (None, "", 0):
        raw["progress"] = 100  # done means 100 %, whatever was left in the box
    cleaned, errors = _clean_status_and_progress(raw, current)
    if "evidence_link" in raw:
        try:
            cleaned["evidence_link"] = clean_link(raw["evidence_link"])
        except ValidationError as exc:
            errors["evidence_link"] = exc.messages
    if "note" in raw:
        try:
            cleaned["note"] = free_text(raw["note"], key="note")
        except ValidationError as exc:
            errors["note"] = exc.messages
    return cleaned, errors


# --- What a report must hold to be sent ----------------------------------------------------------


def _ratio_error(indicator: Indicator, row: ReportValue | None, *, required: bool) -> str | None:
    """A ratio is sent whole: both parts, neither negative, a denominator above 0 and not
    below the numerator."""
    numerator = row.numerator if row else None
    denominator = row.denominator if row else None
    if numerator is None and denominator is None:
        return _("Nhập tử số và mẫu số.") if required else None
    if numerator is None or denominator is None:
        return _("Nhập cả tử số và mẫu số.")
    if numerator < 0 or denominator < 0:
        return negative_message(indicator)
    if denominator == 0:
        return _("Mẫu số phải lớn hơn 0.")
    if numerator > denominator:
        return _("Tử số (%(n)s) không được lớn hơn mẫu số (%(d)s).") % {
            "n": number_vi(numerator),
            "d": number_vi(denominator),
        }
    return None


def value_error(indicator: Indicator, row: ReportValue | None, *, required: bool) -> str | None:
    """What stops the indicator's figure from being sent: missing, half a ratio, or a number
    the entry rule refuses (a figure saved before a rule was added is caught here too)."""
    if indicator.is_ratio:
        return _ratio_error(indicator, row, required=required)
    if indicator.is_words:
        if required and (row is None or not row.text.strip()):
            return _("Chưa nhập nội dung.")
        return None
    if row is None or row.value is None:
        return _("Chưa nhập số liệu.") if required else None
    problem = figure_error(indicator, row.value)
    if problem:
        return problem
    if indicator.counts_places and row.value < 1:
        return _("Thứ hạng bắt đầu từ 1.")
    return None


def task_error(update: TaskUpdate | None, evidence_count: int, *, evidence_required: bool):
    """What stops a task's update from being sent."""
    if update is None:
        return _("Chưa cập nhật tình hình thực hiện nhiệm vụ.")
    mismatch = task_progress_error(update.status, update.progress)
    if mismatch:
        return str(mismatch)
    if update.status == TaskUpdate.Status.DONE:
        if evidence_required and not (update.evidence_link or evidence_count):
            return _("Nhiệm vụ hoàn thành cần có minh chứng: tải tệp lên hoặc dán đường dẫn.")
    return None
