from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.history import fill_unchanged
from plans.models import Milestone, Phase, Plan, PlanReference, Target, Task, TaskDeadline


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


class HistoryAdmin(SimpleHistoryAdmin):
    """The history lists each version's changes: the long texts a version left out as unchanged
    (core/history.py) are put back first, so that they are not listed as emptied."""

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        fill_unchanged(list(historical_records))
        super().set_history_delta_changes(request, historical_records, **kwargs)


class ReferenceInline(ReadOnlyAdmin, admin.TabularInline):
    model = PlanReference
    fk_name = "plan"
    extra = 0
    autocomplete_fields = ["referenced"]


class PlanPhaseInline(ReadOnlyAdmin, admin.TabularInline):
    model = Phase
    extra = 0


class PlanMilestoneInline(ReadOnlyAdmin, admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin, HistoryAdmin):
    list_display = ["number", "title", "issuer", "issued_on", "status"]
    list_filter = ["status", "doc_type"]
    search_fields = ["number", "search_text"]
    autocomplete_fields = ["issuer"]
    inlines = [ReferenceInline, PlanPhaseInline, PlanMilestoneInline]


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin, HistoryAdmin):
    list_display = ["text", "plan", "comparator", "value", "unit", "due_year", "indicator"]
    list_filter = [("measured_elsewhere", admin.EmptyFieldListFilter)]
    search_fields = ["search_text"]
    raw_id_fields = ["plan", "parent_target"]


class DeadlineInline(ReadOnlyAdmin, admin.TabularInline):
    model = TaskDeadline
    extra = 0


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin, HistoryAdmin):
    list_display = ["title", "plan", "status", "due_date"]
    search_fields = ["search_text"]
    raw_id_fields = ["plan"]
    inlines = [DeadlineInline]


class OfTheMovementOnly:
    """Phases and milestones of a movement itself are catalogue data the admin keeps; those a
    plan declared are the plan's, read-only here as the plan is."""

    exclude = ["plan"]
    list_filter = ["movement"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("movement", "plan")

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.plan_id is None

    has_delete_permission = has_change_permission


@admin.register(Phase)
class PhaseAdmin(OfTheMovementOnly, admin.ModelAdmin):
    list_display = ["name", "movement", "plan", "start_date", "end_date"]


@admin.register(Milestone)
class MilestoneAdmin(OfTheMovementOnly, admin.ModelAdmin):
    list_display = ["__str__", "movement", "plan", "due_date"]
