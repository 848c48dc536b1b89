"""Decisions are read-only in the admin once issued (and never deleted from it)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from decisions.models import Decision, DecisionLine


class LineInline(admin.TabularInline):
    model = DecisionLine
    extra = 0
    fields = ["order", "subject_name", "form", "multiple", "amount", "award_record"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "date", "unit", "kind", "status", "total"]
    list_filter = ["kind", "status"]
    inlines = [LineInline]
    readonly_fields = ["status", "base_salary", "total", "issued_by", "issued_at", "corrects"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.status != Decision.Status.ISSUED

    def has_delete_permission(self, request, obj=None):
        return False
