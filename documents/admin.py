"""Mẫu văn bản in the admin: an uploaded template is rendered once with the sample context of
the template it replaces (documents/samples.py) and refused with the renderer's Vietnamese
message when a tag is broken, so that no download fails later."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from documents.models import DocumentTemplate
from documents.render import DocumentTemplateError, try_template
from documents.samples import SAMPLES
from documents.services import template_delete, template_publish

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class DocumentTemplateForm(forms.ModelForm):
    class Meta:
        model = DocumentTemplate
        fields = ["name", "file", "note", "is_active"]

    def clean(self):
        cleaned = super().clean()
        upload, name = cleaned.get("file"), cleaned.get("name")
        if upload and name and hasattr(upload, "read") and "file" in self.changed_data:
            if upload.size > MAX_TEMPLATE_BYTES:
                raise ValidationError({"file": _("Tệp mẫu lớn hơn 5 MB.")})
            data = upload.read()
            upload.seek(0)
            try:
                try_template(data, SAMPLES[name](), label=upload.name)
            except DocumentTemplateError as exc:
                raise ValidationError({"file": str(exc)}) from exc
        return cleaned


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    form = DocumentTemplateForm
    list_display = ["name", "note", "is_active", "uploaded_by", "uploaded_at"]
    list_filter = ["is_active", "name"]

    def save_model(self, request, obj, form, change):
        obj.uploaded_by = request.user
        template_publish(template=obj)

    def delete_model(self, request, obj):
        template_delete(template=obj)

    def delete_queryset(self, request, queryset):
        for template in queryset:
            template_delete(template=template)
