from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.models import Plan, PlanReference, Target, Task, TaskDeadline


class ReferenceInline(admin.TabularInline):
    model = PlanReference
    fk_name = "plan"
    extra = 0
    autocomplete_fields = ["referenced"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "issuer", "issued_on", "status"]
    list_filter = ["status", "doc_type"]
    search_fields = ["number", "search_text"]
    autocomplete_fields = ["issuer"]
    inlines = [ReferenceInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["text", "plan", "comparator", "value", "unit", "due_year", "indicator"]
    list_filter = [("measured_elsewhere", admin.EmptyFieldListFilter)]
    search_fields = ["search_text"]
    raw_id_fields = ["plan", "parent_target"]


class DeadlineInline(admin.TabularInline):
    model = TaskDeadline
    extra = 0


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "status", "due_date"]
    search_fields = ["search_text"]
    raw_id_fields = ["plan"]
    inlines = [DeadlineInline]
