"""Which department leads which field (reference data an administrator keeps); the initiatives
themselves are written through their pages, where every step is recorded."""

from django.contrib import admin

from initiatives.models import FieldLead


@admin.register(FieldLead)
class FieldLeadAdmin(admin.ModelAdmin):
    list_display = ["unit", "field"]
    list_filter = ["field"]
    autocomplete_fields = ["unit"]
