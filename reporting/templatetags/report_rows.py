"""The rows of the report page, written in Python.

A province's report has 60 indicators and a dozen tasks; as template markup each row cost about
35 template nodes, and rendering them was most of the time of the page reporters open every
month (bench/README.md). The markup is the same; format_html escapes every value.
"""

import functools

from django import template
from django.utils.html import format_html, format_html_join
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
    )
    labels = {word: gettext_now(word) for word in words}
    labels.update({f"kind:{value}": str(label) for value, label in Indicator.Kind.choices})
    return labels


def _(word: str) -> str:
    return _labels(get_language() or "vi")[word]


def _notes(key: str, errors: dict, warning: str | None, return_note: str, typed: dict) -> str:
    parts = [
        format_html(
            '<div class="small text-warning-emphasis">{} ({}): <strong>{}</strong></div>',
            _("Bạn vừa nhập"),
            field,
            value,
        )
        for field, value in typed.items()
    ]
    if errors.get(key):
        parts.append(
            format_html(
                '<div class="invalid-feedback d-block" role="alert" data-testid="error-{}">'
                "{}</div>",
                key,
                " ".join(errors[key]),
            )
        )
    if warning:
        parts.append(
            format_html(
                '<div class="small text-warning-emphasis" data-testid="warning-{}">'
                '<i class="bi bi-exclamation-triangle"></i> {}</div>',
                key,
                warning,
            )
        )
    if return_note:
        parts.append(
            format_html(
                '<div class="small text-primary" data-testid="note-{}">'
                '<i class="bi bi-chat-left-text"></i> {}: {}</div>',
                key,
                _("Ghi chú khi trả lại"),
                return_note,
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - every part is format_html output


def _value_input(line, ind) -> str:
    inputs, pk = line.inputs, ind.pk
    if ind.kind == "ratio":
        percent = line.row.ratio_percent if line.row is not None else None
        return format_html(
            '<div class="input-group input-group-sm" data-ratio>'
            '<input class="form-control" name="v-{pk}-numerator" value="{n}" inputmode="decimal" '
            'aria-label="{nl}: {nt}" placeholder="{nl}" data-numerator>'
            '<span class="input-group-text">/</span>'
            '<input class="form-control" name="v-{pk}-denominator" value="{d}" '
            'inputmode="decimal" aria-label="{dl}: {dt}" placeholder="{dl}" data-denominator>'
            '<span class="input-group-text" data-percent style="min-width:4.5rem">{p}</span>'
            '</div><div class="form-text">{num} / {den}</div>',
            pk=pk,
            n=inputs["numerator"],
            d=inputs["denominator"],
            nl=_("Tử số"),
            dl=_("Mẫu số"),
            nt=ind.numerator_label or ind.name,
            dt=ind.denominator_label or ind.name,
            p=f"{number_vi(percent, 1)}%" if percent is not None else "…%",
            num=ind.numerator_label,
            den=ind.denominator_label,
        )
    if ind.kind == "boolean":
        return format_html(
            '<select class="form-select form-select-sm" name="v-{}-value" aria-label="{}">'
            '<option value="">—</option><option value="1"{}>{}</option>'
            '<option value="0"{}>{}</option></select>',
            pk,
            ind.name,
            mark_safe(" selected") if inputs["value"] == "1" else "",
            _("Có"),
            mark_safe(" selected") if inputs["value"] == "0" else "",
            _("Không"),
        )
    if ind.kind == "text":
        return format_html(
            '<textarea class="form-control form-control-sm" name="v-{}-text" rows="2" '
            'aria-label="{}">{}</textarea>',
            pk,
            ind.name,
            inputs["text"],
        )
    return format_html(
        '<input class="form-control form-control-sm" name="v-{}-value" value="{}" '
        'inputmode="decimal" aria-label="{}">',
        pk,
        inputs["value"],
        ind.name,
    )


@register.simple_tag
def value_row(line, number: int, can_edit: bool, errors: dict, warnings: dict) -> str:
    """One indicator of the report page: name, last period, this period, comment, notes."""
    ind, key, row = line.indicator, line.key, line.row
    css = "table-danger" if errors.get(key) else ("table-warning" if warnings.get(key) else "")
    required = (
        format_html(' <span class="text-danger" title="{}">*</span>', _("Bắt buộc"))
        if line.item.required
        else ""
    )
    # get_kind_display() translates a lazy label on every call: a tenth of the page's time.
    kind = format_html("{}{}", _(f"kind:{ind.kind}"), f" · {ind.unit}" if ind.unit else "")
    if can_edit:
        figure_cell = _value_input(line, ind)
        comment = format_html(
            '<textarea class="form-control form-control-sm" name="v-{}-comment" rows="1" '
            'aria-label="{}: {}">{}</textarea>',
            ind.pk,
            _("Giải trình"),
            ind.name,
            line.inputs["comment"],
        )
    else:
        figure_cell = format_html("<strong>{}</strong>", figure(row, ind) or "—")
        comment = format_html('<span class="small">{}</span>', row.comment if row else "")
    notes = _notes(
        key,
        errors,
        warnings.get(key),
        row.return_note if row is not None else "",
        line.typed if can_edit else {},
    )
    return format_html(
        '<tr id="{key}" data-testid="{key}" class="{css}"><td>{n}</td>'
        '<td><div>{name}{required}</div><div class="small text-muted">{kind}</div></td>'
        '<td class="small text-nowrap">{previous}</td><td>{figure}{notes}</td><td>{comment}</td>'
        "</tr>",
        key=key,
        css=css,
        n=number,
        name=ind.name,
        required=required,
        kind=kind,
        previous=figure(line.previous, ind) or "—",
        figure=figure_cell,
        notes=notes,
        comment=comment,
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
