from django import forms
from django.utils.translation import gettext_lazy as _

from api.models import TokenAccess, TokenKind
from core.forms import StyledFormMixin
from org.models import OrgUnit


class TokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên gợi nhớ"), max_length=120)
    kind = forms.ChoiceField(label=_("Loại khóa"), choices=TokenKind.choices)
    access = forms.ChoiceField(label=_("Quyền"), choices=TokenAccess.choices)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị (khóa hệ thống)"), queryset=OrgUnit.objects.none(), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is None:
            # Only a coordinator makes system tokens.
            self.fields["kind"].choices = [(TokenKind.PERSONAL, TokenKind.PERSONAL.label)]
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("kind") == TokenKind.SYSTEM and not data.get("unit"):
            self.add_error("unit", _("Khóa hệ thống phải gắn với một đơn vị."))
        return data
