from django import forms
from django.contrib.auth import forms as auth_forms


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


class StyledFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        style_widgets(self, mark_errors=True)


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    """Django's form (old password, new one twice, the validators of settings) in the site's
    look."""
