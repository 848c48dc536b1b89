from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.text import TEXT_MAX_CHARS, text_too_long_message


def _validate_free_text_length(value) -> None:
    if value and len(value) > TEXT_MAX_CHARS:
        raise ValidationError(text_too_long_message(len(value)), code="max_length")


def bound_free_text(form: forms.BaseForm) -> None:
    """Every text box without a length of its own holds at most TEXT_MAX_CHARS characters
    (core/text.py); the message shows next to the box."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length is None:
            field.max_length = TEXT_MAX_CHARS
            field.validators.append(_validate_free_text_length)
            field.widget.attrs.setdefault("maxlength", str(TEXT_MAX_CHARS))


def style_widgets(form: forms.BaseForm, *, mark_errors: bool = False) -> None:
    """Give every widget Bootstrap's class, and mark the ones in error for screen readers."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)):
            css = "form-check-input"
        elif isinstance(widget, (forms.Select, forms.SelectMultiple)):
            css = "form-select"
        else:
            css = "form-control"
        # Only after cleaning: reading form.errors earlier would validate too soon.
        if mark_errors and name in form.errors:
            css += " is-invalid"
            widget.attrs["aria-invalid"] = "true"
        classes = set(widget.attrs.get("class", "").split()) | set(css.split())
        widget.attrs["class"] = " ".join(sorted(classes))


class TableRowsFormSet(forms.BaseFormSet):
    """A formset drawn as the rows of a table: the column headers name the fields for the eye, so
    each widget carries its field's label and row for screen readers (WCAG 4.1.2), the "Xóa" box
    included (the formset adds it after the form is built)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = "" if index is None else " " + _("(dòng %(n)s)") % {"n": index + 1}
        for field in form.fields.values():
            field.widget.attrs.setdefault("aria-label", f"{field.label}{row}")


class StyledFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_free_text(self)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        style_widgets(self, mark_errors=True)


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    """Django's form (old password, new one twice, the validators of settings) in the site's
    look."""
