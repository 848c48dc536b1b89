"""Mẫu văn bản của cơ quan: an office's own copy of a built-in Word template, uploaded in the
admin, used instead of the built-in one while active (render.find_template). No code change: the
office edits the wording, the signature, the logo in Word and uploads the file."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def _template_choices():
    from documents.build_templates import all_templates

    return [(name, name) for name in sorted(all_templates())]


class DocumentTemplate(models.Model):
    name = models.CharField(
        _("mẫu thay thế"),
        max_length=100,
        choices=_template_choices,
        help_text=_("Tên tệp của mẫu có sẵn mà tệp tải lên thay thế."),
    )
    file = models.FileField(_("tệp Word (.docx)"), upload_to="document_templates/")
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    is_active = models.BooleanField(
        _("đang dùng"), default=True, help_text=_("Bỏ chọn để quay về mẫu có sẵn.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mẫu văn bản của cơ quan")
        verbose_name_plural = _("mẫu văn bản của cơ quan")
        # One active version per name: documents.services.template_publish keeps it so (a
        # database constraint would refuse the new version's form before the old one is set
        # aside).
        ordering = ["name", "-uploaded_at"]

    def __str__(self):
        return self.name
