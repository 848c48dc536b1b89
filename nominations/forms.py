"""Forms of the nomination pages; they parse input, the services hold the rules."""

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin
from nominations.models import CheckItem

# Spam guard of the public comment form, without a captcha: a hidden field a person leaves
# empty, and a signed time stamp — a form sent back faster than a person reads it is refused.
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 6 * 3600
STAMP_SALT = "nominations.comment"


def fill_stamp() -> str:
    return signing.dumps(timezone.now().timestamp(), salt=STAMP_SALT)


class CommentForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Họ và tên (không bắt buộc)"), max_length=120, required=False)
    contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử (không bắt buộc)"), max_length=200, required=False
    )
    text = forms.CharField(
        label=_("Ý kiến"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    website = forms.CharField(required=False, label=_("Để trống ô này"))  # honeypot
    stamp = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Không gửi được ý kiến."), code="spam")
        try:
            started = signing.loads(
                data.get("stamp", ""), salt=STAMP_SALT, max_age=MAX_FILL_SECONDS
            )
        except signing.BadSignature as exc:
            raise forms.ValidationError(
                _("Trang đã mở quá lâu, hãy tải lại trang rồi gửi."), code="stale"
            ) from exc
        if timezone.now().timestamp() - float(started) < MIN_FILL_SECONDS:
            raise forms.ValidationError(_("Không gửi được ý kiến."), code="spam")
        return data


class AchievementsForm(StyledFormMixin, forms.Form):
    achievements = forms.CharField(
        label=_("Thành tích"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )


class AttachmentForm(StyledFormMixin, forms.Form):
    item = forms.ChoiceField(label=_("Loại tài liệu"), choices=CheckItem.choices)
    file = forms.FileField(label=_("Tệp"))


class PublishForm(StyledFormMixin, forms.Form):
    days = forms.IntegerField(label=_("Số ngày công khai"), min_value=1, max_value=60, initial=7)
