"""The rows of the report page (indicators and tasks), written in Python.

A province's report has 60 indicators and a dozen tasks; as template markup each row cost about
35 template nodes, and rendering them was most of the time of the page reporters open every
month (bench/README.md). Both kinds of row are built here, in one idiom, and share `_notes`
(what was typed, the refusal, the warning, the return note) with the narrative fields. Every
value is escaped with the standard library's `html.escape` (quotes included) by `_e`; a row is
marked safe once, by `_safe`.
"""

import functools
from html import escape

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as gettext_now

from core.formats import number_vi
from indicators.models import Indicator
from reporting.templatetags.reporting_tags import figure

register = template.Library()


@functools.cache
def _labels(language: str) -> dict[str, str]:
    """The row's fixed words, translated once per language rather than once per row."""
    words = (
        gettext_noop("Bạn vừa nhập"),
        gettext_noop("Ghi chú khi trả lại"),
        gettext_noop("Tử số"),
        gettext_noop("Mẫu số"),
        gettext_noop("Có"),
        gettext_noop("Không"),
        gettext_noop("Bắt buộc"),
        gettext_noop("Giải trình"),
        gettext_noop("Kỳ trước"),
        gettext_noop("Kỳ này"),
        gettext_noop("Không ghi thời hạn"),
        gettext_noop("Chủ trì"),
        gettext_noop("Phụ trách"),
        gettext_noop("Thẩm quyền quyết định"),
        gettext_noop("Tình trạng"),
        gettext_noop("Tiến độ (%)"),
        gettext_noop("Kết quả, sản phẩm"),
        gettext_noop("Đường dẫn minh chứng"),
        gettext_noop("Tệp minh chứng (PDF, Word, Excel, ảnh; tối đa 20 MB)"),
        gettext_noop("Xóa"),
    )
    labels = {word: gettext_now(word) for word in words}
    labels.update({f"kind:{value}": str(label) for value, label in Indicator.Kind.choices})
    return labels


def _words() -> dict[str, str]:
    """The fixed words in the active language: looked up once per row, as asking Django for the
    active language (a context-local read) 400 times a page cost a tenth of its CPU."""
    return _labels(get_language() or "vi")


def _e(value) -> str:
    """Escape text for HTML (quotes too): stdlib escape, cheaper than format_html per call."""
    return escape("" if value is None else str(value), quote=True)


def _safe(html: str) -> SafeString:
    """The one place a row becomes safe HTML: every value in it went through `_e`."""
    return mark_safe(html)  # noqa: S308 - callers build `html` only from _e() and fixed markup


def _notes(
    words: dict,
    key: str,
    errors: dict,
    warning: str | None,
    return_note: str | None,
    typed: dict,
) -> str:
    """The notes under a field: what the person typed that was not saved, the refusal (the
    element the field's aria-describedby names), the warning, the note of the return."""
    parts = [
        f'<div class="small text-warning-emphasis">{_e(words["Bạn vừa nhập"])}'
        f"{f' ({_e(field)})' if field else ''}: <strong>{_e(value)}</strong></div>"
        for field, value in typed.items()
    ]
    if errors.get(key):
        parts.append(
            f'<div class="invalid-feedback d-block" role="alert" id="error-{_e(key)}" '
            f'data-testid="error-{_e(key)}">'
            f"{_e(' '.join(str(m) for m in errors[key]))}</div>"
        )
    if warning:
        parts.append(
            f'<div class="small text-warning-emphasis" data-testid="warning-{_e(key)}">'
            f'<i class="bi bi-exclamation-triangle"></i> {_e(warning)}</div>'
        )
    if return_note:
        parts.append(
            f'<div class="small text-primary" data-testid="note-{_e(key)}">'
            f'<i class="bi bi-chat-left-text"></i> {_e(words["Ghi chú khi trả lại"])}: '
            f"{_e(return_note)}</div>"
        )
    return "".join(parts)


def _refused(line, name: str) -> str:
    """The marks of an input whose field the last save refused: red, and its message read out."""
    if name not in getattr(line, "invalid", ()):
        return ""
    return f' aria-invalid="true" aria-describedby="error-{_e(line.key)}"'


def _value_input(line, ind, words: dict) -> str:
    inputs, pk = line.inputs, ind.pk
    bad = {name: _refused(line, name) for name in ("value", "numerator", "denominator", "text")}
    red = {name: " is-invalid" if mark else "" for name, mark in bad.items()}
    if ind.is_ratio:
        percent = line.row.ratio_percent if line.row is not None else None
        shown = f"{number_vi(percent, 1)}%" if percent is not None else "…%"
        nl, dl = _e(words["Tử số"]), _e(words["Mẫu số"])
        return (
            '<div class="input-group input-group-sm" data-ratio>'
            f'<input class="form-control{red["numerator"]}" name="v-{pk}-numerator" '
            f'value="{_e(inputs["numerator"])}" inputmode="decimal" '
            f'aria-label="{nl}: {_e(ind.numerator_label or ind.name)}" placeholder="{nl}" '
            f"data-numerator{bad['numerator']}>"
            '<span class="input-group-text">/</span>'
            f'<input class="form-control{red["denominator"]}" name="v-{pk}-denominator" '
            f'value="{_e(inputs["denominator"])}" inputmode="decimal" '
            f'aria-label="{dl}: {_e(ind.denominator_label or ind.name)}" placeholder="{dl}" '
            f"data-denominator{bad['denominator']}>"
            f'<span class="input-group-text" data-percent style="min-width:4.5rem">{shown}</span>'
            f'</div><div class="form-text">{_e(ind.numerator_label)} / '
            f"{_e(ind.denominator_label)}</div>"
        )
    if ind.is_yes_no:
        yes = " selected" if inputs["value"] == "1" else ""
        no = " selected" if inputs["value"] == "0" else ""
        return (
            f'<select class="form-select form-select-sm{red["value"]}" name="v-{pk}-value" '
            f'aria-label="{_e(ind.name)}"{bad["value"]}><option value="">—</option>'
            f'<option value="1"{yes}>{_e(words["Có"])}</option>'
            f'<option value="0"{no}>{_e(words["Không"])}</option></select>'
        )
    if ind.is_words:
        return (
            f'<textarea class="form-control form-control-sm{red["text"]}" name="v-{pk}-text" '
            f'rows="2" aria-label="{_e(ind.name)}"{bad["text"]}>{_e(inputs["text"])}</textarea>'
        )
    return (
        f'<input class="form-control form-control-sm{red["value"]}" name="v-{pk}-value" '
        f'value="{_e(inputs["value"])}" inputmode="decimal" aria-label="{_e(ind.name)}"'
        f"{bad['value']}>"
    )


@register.simple_tag
def value_row(line, number: int, can_edit: bool, errors: dict, warnings: dict) -> str:
    """One indicator of the report page: name, last period, this period, comment, notes.
    Every value goes through `_e`; the result is marked safe once."""
    ind, key, row = line.indicator, line.key, line.row
    words = _words()
    css = "table-danger" if errors.get(key) else ("table-warning" if warnings.get(key) else "")
    required = (
        f' <span class="text-danger" title="{_e(words["Bắt buộc"])}">*</span>'
        if line.item.required
        else ""
    )
    # get_kind_display() translates a lazy label on every call: a tenth of the page's time.
    kind = _e(words[f"kind:{ind.kind}"]) + (f" · {_e(ind.unit)}" if ind.unit else "")
    if can_edit:
        figure_cell = _value_input(line, ind, words)
        mark = _refused(line, "comment")
        comment = (
            f'<textarea class="form-control form-control-sm{" is-invalid" if mark else ""}" '
            f'name="v-{ind.pk}-comment" rows="1" '
            f'aria-label="{_e(words["Giải trình"])}: {_e(ind.name)}"{mark}>'
            f"{_e(line.inputs['comment'])}</textarea>"
        )
    else:
        figure_cell = f"<strong>{_e(figure(row, ind) or '—')}</strong>"
        comment = f'<span class="small">{_e(row.comment if row else "")}</span>'
    notes = _notes(
        words,
        key,
        errors,
        warnings.get(key),
        row.return_note if row is not None else "",
        line.typed if can_edit else {},
    )
    return _safe(
        f'<tr id="{_e(key)}" data-testid="{_e(key)}" class="{css}"><td>{number}</td>'
        f"<td><div>{_e(ind.name)}{required}</div>"
        f'<div class="small text-muted">{kind}</div></td>'
        f'<td class="small text-nowrap" data-label="{_e(words["Kỳ trước"])}">'
        f"{_e(figure(line.previous, ind) or '—')}</td>"
        f'<td data-label="{_e(words["Kỳ này"])}">{figure_cell}{notes}</td>'
        f'<td data-label="{_e(words["Giải trình"])}">{comment}</td></tr>'
    )


@register.simple_tag
def field_notes(key: str, errors: dict, typed) -> SafeString:
    """The notes under a narrative field: what was typed and not saved, the refusal."""
    return _safe(_notes(_words(), key, errors, None, None, {None: typed} if typed else {}))


def _task_heading(line, number: int, words: dict) -> str:
    """The task's title, deadlines, who leads it and, if any, last period's progress."""
    task = line.task
    deadlines = "; ".join(_e(d.display) for d in task.deadlines.all())
    about = deadlines or _e(words["Không ghi thời hạn"])
    if task.lead_units_text:
        about += f" · {_e(words['Chủ trì'])}: {_e(task.lead_units_text)}"
    if task.person_in_charge:
        about += (
            f' · <span data-testid="task-person">{_e(words["Phụ trách"])}: '
            f"{_e(task.person_in_charge.full_name)}</span>"
        )
    if task.deciding_authority:
        about += (
            f' · <span data-testid="task-authority">{_e(words["Thẩm quyền quyết định"])}: '
            f"{_e(task.deciding_authority)}</span>"
        )
    previous = ""
    if line.previous:
        previous = (
            f'<div class="small text-muted">{_e(words["Kỳ trước"])}: '
            f"{_e(line.previous.get_status_display())}, {_e(line.previous.progress)}%</div>"
        )
    return (
        f'<div class="d-flex flex-wrap gap-2"><div class="me-auto">'
        f"<strong>{number}. {_e(task.title)}</strong>"
        f'<div class="small text-muted">{about}</div></div>{previous}</div>'
    )


def _task_field(line, words: dict, name: str, label: str, width: int, control: str) -> str:
    """One labelled field of a task's update; `control` is the element's opening, its id and
    name are added here with the marks of a refused field."""
    pk, mark = line.task.pk, _refused(line, name)
    return (
        f'<div class="col-md-{width}"><label class="form-label small" for="t-{pk}-{name}">'
        f"{_e(words[label])}</label>{control.format(red=' is-invalid' if mark else '')} "
        f'id="t-{pk}-{name}" name="t-{pk}-{name}"{mark}'
    )


def _task_inputs(line, statuses, words: dict) -> str:
    inputs = line.inputs
    return (
        '<div class="row g-2 mt-1">'
        + _task_field(
            line,
            words,
            "status",
            "Tình trạng",
            3,
            '<select class="form-select form-select-sm{red}"',
        )
        + f'><option value="">—</option>{status_options(statuses, inputs["status"])}</select></div>'
        + _task_field(
            line,
            words,
            "progress",
            "Tiến độ (%)",
            2,
            '<input class="form-control form-control-sm{red}"',
        )
        + f' value="{_e(inputs["progress"])}" inputmode="numeric"></div>'
        + _task_field(
            line,
            words,
            "note",
            "Kết quả, sản phẩm",
            7,
            '<textarea class="form-control form-control-sm{red}"',
        )
        + f' rows="1">{_e(inputs["note"])}</textarea></div>'
        + _task_field(
            line,
            words,
            "evidence_link",
            "Đường dẫn minh chứng",
            6,
            '<input class="form-control form-control-sm{red}"',
        )
        + f' value="{_e(inputs["evidence_link"])}" placeholder="https://"></div>'
        + _task_field(
            line,
            words,
            "files",
            "Tệp minh chứng (PDF, Word, Excel, ảnh; tối đa 20 MB)",
            6,
            '<input class="form-control form-control-sm{red}" type="file" multiple',
        )
        + " data-no-autosave></div></div>"
    )


def _task_summary(update) -> str:
    """A task's update as read by someone who may not edit it."""
    if update is None:
        return '<div class="small mt-1"><strong>—</strong></div>'
    text = f"<strong>{_e(update.get_status_display() or '—')}</strong>, {_e(update.progress)}%"
    if update.note:
        text += f" — {_e(update.note)}"
    if update.evidence_link:
        text += (
            f'<div><a href="{_e(update.evidence_link)}" rel="noopener noreferrer" '
            f'target="_blank">{_e(Truncator(update.evidence_link).chars(80))}</a></div>'
        )
    return f'<div class="small mt-1">{text}</div>'


def _task_files(update, can_edit: bool, words: dict) -> str:
    files = list(update.files.all()) if update is not None else []
    if not files:
        return ""
    remove = _e(words["Xóa"])
    items = "".join(
        f'<li><i class="bi bi-paperclip"></i> '
        f'<a href="{_e(reverse("reporting:evidence", args=[f.pk]))}">{_e(f.name)}</a>'
        + (
            f' <button class="btn btn-link btn-sm text-danger p-0 ms-2" '
            f'form="delete-evidence-{f.pk}">{remove}</button>'
            if can_edit
            else ""
        )
        + "</li>"
        for f in files
    )
    return f'<ul class="small mb-0 mt-1 list-unstyled">{items}</ul>'


@register.simple_tag
def task_row(line, number: int, can_edit: bool, errors: dict, statuses) -> SafeString:
    """One task of the report page: heading, its update (fields or as read), evidence, notes."""
    key, update, words = line.key, line.update, _words()
    border = " border-danger" if errors.get(key) else ""
    body = _task_inputs(line, statuses, words) if can_edit else _task_summary(update)
    notes = _notes(
        words,
        key,
        errors,
        None,
        update.return_note if update is not None else None,
        line.typed if can_edit else {},
    )
    heading, files = _task_heading(line, number, words), _task_files(update, can_edit, words)
    return _safe(
        f'<div class="border rounded p-2 mb-2{border}" id="{_e(key)}" data-testid="{_e(key)}">'
        f"{heading}{body}{files}{notes}</div>"
    )


@register.simple_tag
def status_options(statuses, chosen: str) -> str:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if value == chosen else "", label) for value, label in statuses),
    )
