from django.contrib import admin

from indicators.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "direction", "temporal", "unit", "frequency", "owner"]
    list_filter = ["kind", "direction", "temporal", "frequency"]
    raw_id_fields = ["owner"]
    search_fields = ["code", "name", "search_text"]
    filter_horizontal = ["applies_to"]
