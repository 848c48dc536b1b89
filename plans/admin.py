from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.models import Plan, PlanReference, Target, Task, TaskDeadline


class ReadOnlyAdmin:
    """Plans, targets and tasks are read in the admin site, never written there: the site's
    pages write them through the services, which check the writer's scope and grants. The
    catalogue admin (a superuser) keeps the catalogues, not the provinces' plans (issue #13
    Low 12); reverting a version from the history is refused for the same reason."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReferenceInline(ReadOnlyAdmin, admin.TabularInline):
    model = PlanReference
    fk_name = "plan"
    extra = 0
    autocomplete_fields = ["referenced"]


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["number", "title", "issuer", "issued_on", "status"]
    list_filter = ["status", "doc_type"]
    search_fields = ["number", "search_text"]
    autocomplete_fields = ["issuer"]
    inlines = [ReferenceInline]


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["text", "plan", "comparator", "value", "unit", "due_year", "indicator"]
    list_filter = [("measured_elsewhere", admin.EmptyFieldListFilter)]
    search_fields = ["search_text"]
    raw_id_fields = ["plan", "parent_target"]


class DeadlineInline(ReadOnlyAdmin, admin.TabularInline):
    model = TaskDeadline
    extra = 0


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["title", "plan", "status", "due_date"]
    search_fields = ["search_text"]
    raw_id_fields = ["plan"]
    inlines = [DeadlineInline]
