"""The rows of the report page, written in Python.

A province's report has 60 indicators and a dozen tasks; as template markup each row cost about
35 template nodes, and rendering them was most of the time of the page reporters open every
month (bench/README.md). The markup is the same; every value is escaped with the standard
library's `html.escape` (quotes included) before the row is marked safe.
"""

import functools
from html import escape

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as gettext_now

from core.formats import number_vi
from indicators.models import Indicator
from reporting.templatetags.reporting_tags import figure

register = template.Library()


@functools.cache
def _labels(language: str) -> dict[str, str]:
    """The row's fixed words, translated once per language rather than once per row."""
    words = (
        "Bạn vừa nhập",
        "Ghi chú khi trả lại",
        "Tử số",
        "Mẫu số",
        "Có",
        "Không",
        "Bắt buộc",
        "Giải trình",
        "Kỳ trước",
        "Kỳ này",
    )
    labels = {word: gettext_now(word) for word in words}
    labels.update({f"kind:{value}": str(label) for value, label in Indicator.Kind.choices})
    return labels


def _(word: str) -> str:
    return _labels(get_language() or "vi")[word]


def _e(value) -> str:
    """Escape text for HTML (quotes too): stdlib escape, cheaper than format_html per call."""
    return escape("" if value is None else str(value), quote=True)


def _notes(key: str, errors: dict, warning: str | None, return_note: str, typed: dict) -> str:
    parts = [
        f'<div class="small text-warning-emphasis">{_e(_("Bạn vừa nhập"))} ({_e(field)}): '
        f"<strong>{_e(value)}</strong></div>"
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
            f'<i class="bi bi-chat-left-text"></i> {_e(_("Ghi chú khi trả lại"))}: '
            f"{_e(return_note)}</div>"
        )
    return "".join(parts)


def _refused(line, name: str) -> str:
    """The marks of an input whose field the last save refused: red, and its message read out."""
    if name not in getattr(line, "invalid", ()):
        return ""
    return f' aria-invalid="true" aria-describedby="error-{_e(line.key)}"'


def _value_input(line, ind) -> str:
    inputs, pk = line.inputs, ind.pk
    bad = {name: _refused(line, name) for name in ("value", "numerator", "denominator", "text")}
    red = {name: " is-invalid" if mark else "" for name, mark in bad.items()}
    if ind.kind == "ratio":
        percent = line.row.ratio_percent if line.row is not None else None
        shown = f"{number_vi(percent, 1)}%" if percent is not None else "…%"
        nl, dl = _e(_("Tử số")), _e(_("Mẫu số"))
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
    if ind.kind == "boolean":
        yes = " selected" if inputs["value"] == "1" else ""
        no = " selected" if inputs["value"] == "0" else ""
        return (
            f'<select class="form-select form-select-sm{red["value"]}" name="v-{pk}-value" '
            f'aria-label="{_e(ind.name)}"{bad["value"]}><option value="">—</option>'
            f'<option value="1"{yes}>{_e(_("Có"))}</option>'
            f'<option value="0"{no}>{_e(_("Không"))}</option></select>'
        )
    if ind.kind == "text":
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
    css = "table-danger" if errors.get(key) else ("table-warning" if warnings.get(key) else "")
    required = (
        f' <span class="text-danger" title="{_e(_("Bắt buộc"))}">*</span>'
        if line.item.required
        else ""
    )
    # get_kind_display() translates a lazy label on every call: a tenth of the page's time.
    kind = _e(_(f"kind:{ind.kind}")) + (f" · {_e(ind.unit)}" if ind.unit else "")
    if can_edit:
        figure_cell = _value_input(line, ind)
        mark = _refused(line, "comment")
        comment = (
            f'<textarea class="form-control form-control-sm{" is-invalid" if mark else ""}" '
            f'name="v-{ind.pk}-comment" rows="1" '
            f'aria-label="{_e(_("Giải trình"))}: {_e(ind.name)}"{mark}>'
            f"{_e(line.inputs['comment'])}</textarea>"
        )
    else:
        figure_cell = f"<strong>{_e(figure(row, ind) or '—')}</strong>"
        comment = f'<span class="small">{_e(row.comment if row else "")}</span>'
    notes = _notes(
        key,
        errors,
        warnings.get(key),
        row.return_note if row is not None else "",
        line.typed if can_edit else {},
    )
    return mark_safe(  # noqa: S308 - every value above went through _e()
        f'<tr id="{_e(key)}" data-testid="{_e(key)}" class="{css}"><td>{number}</td>'
        f"<td><div>{_e(ind.name)}{required}</div>"
        f'<div class="small text-muted">{kind}</div></td>'
        f'<td class="small text-nowrap" data-label="{_e(_("Kỳ trước"))}">'
        f"{_e(figure(line.previous, ind) or '—')}</td>"
        f'<td data-label="{_e(_("Kỳ này"))}">{figure_cell}{notes}</td>'
        f'<td data-label="{_e(_("Giải trình"))}">{comment}</td></tr>'
    )


@register.simple_tag
def status_options(statuses, chosen: str) -> str:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if value == chosen else "", label)
            for value, label in statuses
        ),
    )
