"""Forms of the nomination pages; they parse input, the services hold the rules."""

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import StyledFormMixin, style_widgets
from movements.models import Movement
from nominations.models import AwardRound, CheckItem
from nominations.rounds import QUOTA_MAX, quota_field

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


class RoundForm(StyledFormMixin, forms.ModelForm):
    """A round's terms; the level is chosen when it is opened and never changes. `version` is
    the one the person started from (a concurrent edit is refused, not overwritten)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AwardRound
        fields = ["unit", "kind", "award_kind", "year", "name", "deadline", "movement", "ranking"]
        widgets = {"deadline": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})}

    def __init__(self, *args, units, rankings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].localize = True
        self.fields["deadline"].widget.is_localized = True
        self.fields["ranking"].queryset = rankings
        self.fields["ranking"].label_from_instance = lambda v: f"{v.scheme.name} — lần {v.number}"
        self.fields["movement"].queryset = Movement.objects.all()
        if self.instance.pk:
            del self.fields["unit"]
            self.fields["version"].initial = self.instance.version
        else:
            self.fields["unit"].queryset = units
            self.fields["unit"].empty_label = None


class ReopenForm(StyledFormMixin, forms.Form):
    """Take proposals again; past the round's deadline, with a new one (the service says so)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    deadline = forms.DateField(
        label=_("Hạn nộp hồ sơ mới"),
        required=False,
        localize=True,
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )

    def __init__(self, *args, award_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = award_round.version
        self.fields["deadline"].widget.is_localized = True


class QuotaForm(StyledFormMixin, forms.Form):
    """One number per form the round may award; empty means no quota."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, award_round, award_forms, current: dict[int, int], **kwargs):
        self.award_forms = award_forms
        self.current = current
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = award_round.version
        for award_form in award_forms:
            self.fields[quota_field(award_form)] = forms.IntegerField(
                label=award_form.name,
                required=False,
                min_value=0,
                max_value=QUOTA_MAX,
                initial=current.get(award_form.pk),
            )
        style_widgets(self)

    def rows(self, used: dict[int, int]):
        """(the form's input, nominations already using it, whether they pass the quota)."""
        for award_form in self.award_forms:
            field = self[quota_field(award_form)]
            limit = self.current.get(award_form.pk)
            n = used.get(award_form.pk, 0)
            yield field, n, limit is not None and n > limit

    def limits(self) -> dict:
        return {f: self.cleaned_data.get(quota_field(f)) for f in self.award_forms}
